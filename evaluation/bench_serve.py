"""Latency of the API's typical queries on a store of one million synthetic events.

    python evaluation/bench_serve.py                  # builds /tmp/newsevents-bench.duckdb
    python evaluation/bench_serve.py --reuse          # measures an existing one again

The store is filled with DuckDB SQL (no Python loop per row): 200,000 articles over three
years, five events each, 16 PLOVER types, every status, 2,000 places around the world, stored
in publication order as a daily feed would store them, numbered in that order, with the event
aggregates filled. Each
query runs ``--runs`` times with varied parameters, through the store views directly and
through HTTP (FastAPI's TestClient, so serialization and validation are counted); the table
gives p50 and p95 in milliseconds. Target: p95 under 100 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb

from newsevents.store import Filters, Store, aggregates
from newsevents.store import views as v

warnings.filterwarnings("ignore", module="fastapi.testclient")

TYPES = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]
STATUSES = ["occurred", "threatened", "planned", "historical", "negated", "hypothetical"]
MODES = ["expel", "deport", "restrict", "military", "detain", "strike"]
CONTEXTS = ["migration", "asylum", "election", "humanitarian", "displacement", "border"]
COUNTRIES = [
    "CL",
    "PE",
    "ES",
    "FR",
    "SD",
    "KE",
    "SO",
    "ET",
    "NG",
    "ML",
    "NE",
    "TD",
    "LY",
    "TN",
    "MA",
    "DZ",
    "EG",
    "SY",
    "IQ",
    "IR",
    "AF",
    "PK",
    "IN",
    "BD",
    "MM",
    "TH",
    "ID",
    "PH",
    "CN",
    "JP",
    "US",
    "MX",
    "GT",
    "HN",
    "SV",
    "CO",
    "VE",
    "EC",
    "BO",
    "BR",
    "AR",
    "UA",
    "PL",
    "DE",
    "IT",
    "GR",
    "TR",
    "RU",
    "UG",
    "CD",
]
WORDS = [
    "migrants",
    "frontière",
    "expulsion",
    "manifestation",
    "réfugiés",
    "gouvernement",
    "ministre",
    "police",
    "armée",
    "elecciones",
    "frontera",
    "migrantes",
    "deportación",
    "protesta",
    "gobierno",
    "ejército",
    "refugiados",
    "border",
    "migrants",
    "deportation",
    "protest",
    "government",
    "army",
    "refugees",
    "camp",
    "aid",
    "talks",
    "ceasefire",
    "strike",
    "attack",
    "sanctions",
    "agreement",
    "election",
    "curfew",
    "emergency",
    "corridor",
    "asylum",
]
START = dt.date(2023, 1, 1)
DAYS = 3 * 365


def build(path: Path, articles: int, per_article: int, places: int) -> None:
    """Create the store and fill it with synthetic rows, all in DuckDB."""
    if path.exists():
        path.unlink()
    Store(path).close()  # the schema
    con = duckdb.connect(str(path))
    # Rows go in the order a daily feed would store them: articles by publication date, each
    # with its records.
    words = "[" + ", ".join(f"'{w}'" for w in WORDS) + "]"
    countries = "[" + ", ".join(f"'{c}'" for c in COUNTRIES) + "]"
    con.execute(
        f"""
        CREATE TEMP TABLE pool AS
        SELECT i AS n, 'Place ' || i AS name,
               {countries}[1 + (hash(i, 'c') % {len(COUNTRIES)})::INT] AS cc,
               degrees(asin(2 * ((hash(i, 'lat') % 100000) / 100000.0) - 1)) * 0.9 AS lat,
               (hash(i, 'lon') % 360000) / 1000.0 - 180 AS lon
        FROM range({places}) t(i)
        """
    )
    con.execute(
        f"""
        INSERT INTO articles
        SELECT 'a' || i, 'https://news.example.org/' || i, 'news.example.org',
               DATE '{START}' + (hash(i, 'd') % {DAYS})::INT,
               'Article ' || i || ' ' || {words}[1 + (hash(i, 't') % {len(WORDS)})::INT],
               array_to_string(list_transform(range(40),
                   k -> {words}[1 + (hash(i, k) % {len(WORDS)})::INT]), ' ')
                   || ' w' || (i % 5000) || ' article' || i,
               ['fr', 'es', 'en'][1 + (i % 3)::INT], NULL, md5(i::VARCHAR), NULL,
               now()::TIMESTAMP, 'analysed', NULL,
               '{{"newsevents": "bench", "lang": null}}'::JSON,
               row_number() OVER (ORDER BY DATE '{START}' + (hash(i, 'd') % {DAYS})::INT, i)
        FROM range({articles}) t(i)
        ORDER BY DATE '{START}' + (hash(i, 'd') % {DAYS})::INT, i
        """
    )
    con.execute(
        f"""
        INSERT INTO places
        SELECT 'a' || i, 'pl0', 0, p.name, 0, length(p.name), p.n::VARCHAR, p.name, p.cc, NULL,
               p.lat, p.lon, 'PPL', 'city', 1.0, a.article_key,
               json_object('id', 'pl0', 'text', p.name, 'start', 0, 'end', length(p.name),
                   'geonames_id', p.n::VARCHAR, 'name', p.name, 'country_code', p.cc,
                   'admin1', NULL, 'lat', p.lat, 'lon', p.lon, 'feature_code', 'PPL',
                   'precision', 'city', 'alternatives', [], 'confidence', 1.0)
        FROM range({articles}) t(i) JOIN pool p ON p.n = hash(i, 'p') % {places}
        JOIN articles a ON a.id = 'a' || i
        ORDER BY a.article_key
        """
    )
    con.execute(
        f"""
        INSERT INTO events
        WITH ev AS (
            SELECT a.id AS aid, a.article_key, a.published, a.lang, a.title, a.source, a.url, k,
                   hash(a.id, k) AS h
            FROM articles a, range({per_article}) r(k)
        ), coded AS (
            SELECT aid, article_key, lang, title, source, url, published, k, h,
                   'e' || aid || '-' || k AS eid,
                   {TYPES}[1 + (h % 16)::INT] AS type,
                   {STATUSES}[1 + ((h // 16) % 6)::INT] AS status,
                   {MODES}[1 + ((h // 96) % 6)::INT] AS mode,
                   {CONTEXTS}[1 + ((h // 576) % 6)::INT] AS ctx,
                   CASE WHEN h % 10 = 0 THEN NULL ELSE 'pl0' END AS place,
                   (published - ((h // 3456) % 30)::INT)::DATE AS day
            FROM ev
        )
        SELECT c.aid, c.eid, c.k, 'trigger', 0, 7, c.type, c.mode, c.status, c.place, NULL,
               strftime(c.day, '%Y-%m-%d'), 'text', NULL, 0.8, c.day, c.day, c.day, c.day,
               c.lang, p.name, p.country_code, p.lat, p.lon, p.text, p.precision,
               c.title, c.published, c.source, c.url, c.article_key,
               json_object('id', c.eid, 'text', 'trigger', 'start', 0, 'end', 7,
                   'type', c.type,
                   'sentence', json_object('text', 'trigger', 'start', 0, 'end', 7),
                   'mode', c.mode, 'contexts', [c.ctx], 'status', c.status, 'actors', [],
                   'targets', [], 'place', c.place, 'date', NULL,
                   'date_value', strftime(c.day, '%Y-%m-%d'), 'date_source', 'text',
                   'deadline', NULL, 'amounts', [], 'quotes', [], 'evidence', [],
                   'confidence', 0.8)
        FROM coded c LEFT JOIN places p ON p.article_id = c.aid AND p.id = c.place
        ORDER BY c.article_key, c.k
        """
    )
    aggregates.rebuild(con)
    con.execute("CHECKPOINT")
    con.close()


def percentiles(samples: list[float]) -> tuple[float, float]:
    """p50 and p95 in milliseconds."""
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000


def window(rng: random.Random, days: int = 90) -> tuple[dt.date, dt.date]:
    """A random date range of ``days`` days within the synthetic span."""
    first = START + dt.timedelta(days=rng.randrange(DAYS - days))
    return first, first + dt.timedelta(days=days - 1)


def cases(rng: random.Random, articles: int) -> dict[str, Callable[[], dict[str, Any]]]:
    """Query parameters of each measured case, drawn anew at each run."""

    def dated() -> dict[str, Any]:
        since, until = window(rng)
        return {"since": since.isoformat(), "until": until.isoformat(), "type": rng.choice(TYPES)}

    def box() -> dict[str, Any]:
        west, south = rng.uniform(-170, 130), rng.uniform(-60, 40)
        return {**dated(), "bbox": f"{west},{south},{west + 40},{south + 20}"}

    return {
        "events: dates + type": dated,
        "events: dates + type + country": lambda: {**dated(), "country": rng.choice(COUNTRIES)},
        "events: dates + type + bbox": box,
        "events: q full text": lambda: {"q": f"w{rng.randrange(5000)} {rng.choice(WORDS)}"},
        "events: q + dates + type": lambda: {**dated(), "q": rng.choice(WORDS)},
        "timeline (all events)": lambda: {},
        "timeline: type": lambda: {"type": rng.choice(TYPES)},
        "map zoom 2 (all events)": lambda: {"zoom": 2},
        "map zoom 6: dates": lambda: {"zoom": 6, **dict(list(dated().items())[:2])},
        "article analysis": lambda: {"article": f"a{rng.randrange(articles)}"},
    }


def direct(store: Store, name: str, params: dict[str, Any]) -> None:
    """Run one case through the store views."""
    params = dict(params)
    zoom = params.pop("zoom", None)
    article = params.pop("article", None)
    filters = Filters(
        since=dt.date.fromisoformat(params["since"]) if "since" in params else None,
        until=dt.date.fromisoformat(params["until"]) if "until" in params else None,
        country=params.get("country"),
        types=(params["type"],) if "type" in params else (),
        bbox=tuple(float(x) for x in params["bbox"].split(",")) if "bbox" in params else None,  # type: ignore[arg-type]
        q=params.get("q"),
        limit=100,
    )
    search = store.search_mode(filters)
    with store.reading() as con:
        if name.startswith("events"):
            v.events_page(con, filters, search)
        elif name.startswith("timeline"):
            v.timeline(con, filters, search)
        elif name.startswith("map"):
            v.map_clusters(con, filters, search, zoom or 2)
        else:
            v.analysis_json(con, article or "")


def http_path(name: str, params: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The URL path and query parameters of one case."""
    params = dict(params)
    if name.startswith("events"):
        return "/api/events", params
    if name.startswith("timeline"):
        return "/api/timeline", params
    if name.startswith("map"):
        return "/api/map", params
    return f"/api/articles/{params.pop('article')}", params


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/newsevents-bench.duckdb"))
    parser.add_argument("--reuse", action="store_true", help="Measure an existing store.")
    parser.add_argument("--articles", type=int, default=200_000)
    parser.add_argument("--events-per-article", type=int, default=5)
    parser.add_argument("--places", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="TEXT",
        help="Measure only the queries whose name contains TEXT (repeatable).",
    )
    args = parser.parse_args(argv)

    if not (args.reuse and args.db.exists()):
        began = time.perf_counter()
        build(args.db, args.articles, args.events_per_article, args.places)
        print(f"built {args.db} in {time.perf_counter() - began:.1f} s", file=sys.stderr)

    from fastapi.testclient import TestClient

    from newsevents.serve import create_app
    from newsevents.serve.server import freeze_long_lived_objects

    with Store(args.db) as store:
        counts = store.counts()
        began = time.perf_counter()
        mode = store.search_mode(Filters(q="index"))
        index_time = time.perf_counter() - began
        client = TestClient(create_app(store))
        freeze_long_lived_objects()  # as `newsevents serve` does before serving
        rng = random.Random(7)
        rows = []
        for name, draw in cases(rng, counts["articles"]).items():
            if args.only and not any(part in name for part in args.only):
                continue
            direct(store, name, draw())  # warm-up
            timings: list[float] = []
            http: list[float] = []
            for _ in range(args.runs):
                params = draw()
                began = time.perf_counter()
                direct(store, name, params)
                timings.append(time.perf_counter() - began)
                path, query = http_path(name, params)
                began = time.perf_counter()
                response = client.get(path, params=query)
                http.append(time.perf_counter() - began)
                if response.status_code != 200:
                    raise SystemExit(f"{name}: {path} {query} -> {response.status_code}")
            rows.append((name, *percentiles(timings), *percentiles(http)))

    print(
        f"newsevents serve benchmark, {dt.date.today()}: {counts['events']:,} events, "
        f"{counts['articles']:,} articles, {counts['places']:,} place mentions; "
        f"{args.runs} runs per query; search: {mode} (index ready in {index_time:.1f} s)"
    )
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, DuckDB {duckdb.__version__}"
    )
    print()
    print("| query | views p50 ms | views p95 ms | HTTP p50 ms | HTTP p95 ms |")
    print("|---|---:|---:|---:|---:|")
    for name, d50, d95, h50, h95 in rows:
        print(f"| {name} | {d50:.1f} | {d95:.1f} | {h50:.1f} | {h95:.1f} |")
    worst = max(r[4] for r in rows)
    print(f"\nworst HTTP p95: {worst:.1f} ms (target < 100 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
