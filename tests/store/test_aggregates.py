"""The event aggregates behind the timeline and the map, and the article numbers."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import random
from pathlib import Path
from typing import Any

import duckdb
import pytest

from newsevents.records import EventStatus
from newsevents.store import Filters, Store, aggregates
from newsevents.store import views as v
from newsevents.store.schema import SCHEMA_VERSION
from newsevents.store.search import FTS_SCHEMA

from .conftest import make_analysis, unsupported

D = dt.date
ALL_STATUSES: tuple[str, ...] = EventStatus.__args__  # type: ignore[attr-defined]


def rows(store: Store, table: str) -> list[tuple[Any, ...]]:
    with store.reading() as con:
        found = con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()
    return [tuple(round(x, 9) if isinstance(x, float) else x for x in row) for row in found]


def fill(store: Store) -> None:
    """Writes one by one and in batches, with places shared, new and unlocated."""
    store.add(make_analysis("cl", published=D(2025, 11, 29), event_date="2025-11-28"))
    store.add_many(
        [
            make_analysis("pe", city="Tacna", country="PE", event_date="2023-04"),
            make_analysis("es", city="Ceuta", country="ES", lang="es", event_date=None),
            unsupported(),
        ]
    )
    store.add(make_analysis("cl2", day=27, minister="Ana Pérez", event_date="2025-11-27"))
    store.add_many([make_analysis("nd", published=None, event_date=None, day=3)])


def test_aggregates_after_writes_equal_a_rebuild(store: Store) -> None:
    fill(store)
    days, cells = rows(store, "event_days"), rows(store, "event_cells")
    assert sum(r[-1] for r in days) == 8  # 10 events, 2 without any day
    assert sum(r[4] for r in cells) == 5 * (aggregates.FINE_ZOOM + 1)  # located, per zoom
    with store.reading() as con:
        aggregates.rebuild(con)
    assert rows(store, "event_days") == days
    assert rows(store, "event_cells") == cells


def test_a_failed_write_leaves_the_aggregates_alone(store: Store) -> None:
    fill(store)
    days, cells = rows(store, "event_days"), rows(store, "event_cells")
    outcome = store.add(make_analysis("cl"))  # a duplicate: nothing written
    assert not outcome.stored
    assert rows(store, "event_days") == days
    assert rows(store, "event_cells") == cells


@pytest.mark.parametrize("zoom", [0, 2, 5, aggregates.FINE_ZOOM])
@pytest.mark.parametrize("types", [(), ("COERCE",), ("THREATEN",)])
def test_map_from_aggregates_equals_map_from_events(
    store: Store, zoom: int, types: tuple[str, ...]
) -> None:
    fill(store)
    # Every status kept: the same events, but the map then reads the events table.
    with store.reading() as con:
        kept = v.map_clusters(con, Filters(types=types), "like", zoom)
        counted = v.map_clusters(con, Filters(types=types, statuses=ALL_STATUSES), "like", zoom)
    assert kept == counted
    assert sum(c["count"] for c in kept["clusters"]) == (5 if types != ("THREATEN",) else 0)


def fill_map(store: Store) -> None:
    """Sixty articles around a few points, so that clusters of more and fewer than
    CLUSTER_IDS events meet at the coarse zooms and part at the fine ones."""
    rng = random.Random(6)
    points = [(-18.4746, -70.2979), (-18.01, -70.25), (35.8883, -5.3162), (-20.2, -70.15)]
    analyses = []
    for i in range(60):
        lat, lon = rng.choice(points)
        lat, lon = lat + rng.uniform(-0.3, 0.3), lon + rng.uniform(-0.3, 0.3)
        analysis = make_analysis(
            f"m{i:02d}",
            city=rng.choice(("Tacna", "Arica")),
            day=rng.randrange(1, 29),
            event_date=rng.choice(("2025-11-28", "2023-04", None, "2024-W10")),
        )
        place = dataclasses.replace(analysis.places[0], lat=lat, lon=lon)
        analyses.append(dataclasses.replace(analysis, places=(place,)))
    store.add_many(analyses)


def expected_map(store: Store, filters: Filters, zoom: int) -> list[dict[str, Any]]:
    """The clusters of ``filters`` at ``zoom``, grouped here from the event items."""
    size = aggregates.cell_size(zoom)
    cells: dict[tuple[float, float], list[dict[str, Any]]] = {}
    with store.reading() as con:
        for item in v.iter_event_items(con, filters, "like"):
            place = item["place"]
            if place is None or place["lat"] is None or place["lon"] is None:
                continue
            cell = (math.floor(place["lat"] / size), math.floor(place["lon"] / size))
            cells.setdefault(cell, []).append(item)
    clusters = []
    for items in cells.values():
        names = {i["place"]["name"] for i in items if i["place"]["name"] is not None}
        types: dict[str, int] = {}
        for item in items:
            types[item["type"]] = types.get(item["type"], 0) + 1
        few = len(items) <= aggregates.CLUSTER_IDS
        clusters.append(
            {
                "lat": sum(i["place"]["lat"] for i in items) / len(items),
                "lon": sum(i["place"]["lon"] for i in items) / len(items),
                "count": len(items),
                "types": dict(sorted(types.items())),
                "event_ids": sorted(i["id"] for i in items) if few else [],
                "place_name": names.pop() if len(names) == 1 else None,
            }
        )
    return sorted(clusters, key=lambda c: (-c["count"], c["lat"], c["lon"]))


def same_clusters(found: list[dict[str, Any]], wanted: list[dict[str, Any]]) -> None:
    assert len(found) == len(wanted)
    for got, want in zip(found, wanted, strict=True):
        assert got["lat"] == pytest.approx(want["lat"], abs=1e-5)
        assert got["lon"] == pytest.approx(want["lon"], abs=1e-5)
        assert {k: got[k] for k in ("count", "types", "event_ids", "place_name")} == {
            k: want[k] for k in ("count", "types", "event_ids", "place_name")
        }
        assert list(got["types"]) == sorted(got["types"])


@pytest.mark.parametrize("zoom", [0, 3, 6, aggregates.FINE_ZOOM, 11])
@pytest.mark.parametrize("types", [(), ("COERCE",)])
def test_map_clusters_equal_the_events_grouped_here(
    store: Store, zoom: int, types: tuple[str, ...]
) -> None:
    """Big clusters (no ids) and small ones (all their ids, sorted), from the stored cells,
    from the events, and grouped in Python, agree on counts, types, positions and names."""
    fill_map(store)
    with store.reading() as con:
        kept = v.map_clusters(con, Filters(types=types), "like", zoom)
        counted = v.map_clusters(con, Filters(types=types, statuses=ALL_STATUSES), "like", zoom)
    assert kept == counted
    same_clusters(kept["clusters"], expected_map(store, Filters(types=types), zoom))
    sizes = [c["count"] for c in kept["clusters"]]
    if zoom == 0:
        assert max(sizes) > aggregates.CLUSTER_IDS
    if zoom == 11:
        assert max(sizes) <= aggregates.CLUSTER_IDS


@pytest.mark.parametrize("zoom", [0, 6, 11])
def test_map_of_a_date_range_equals_the_events_grouped_here(store: Store, zoom: int) -> None:
    fill_map(store)
    for since, until in [(D(2025, 11, 1), D(2025, 11, 30)), (D(2023, 1, 1), D(2024, 12, 31))]:
        filters = Filters(since=since, until=until)
        with store.reading() as con:
            found = v.map_clusters(con, filters, "like", zoom)["clusters"]
        wanted = expected_map(store, filters, zoom)
        assert wanted
        same_clusters(found, wanted)


@pytest.mark.parametrize("interval", [None, "day", "week", "month"])
@pytest.mark.parametrize(
    "filters",
    [Filters(), Filters(types=("coerce",)), Filters(since=D(2025, 11, 28), until=D(2026, 1, 1))],
)
def test_timeline_from_aggregates_equals_timeline_from_events(
    store: Store, filters: Filters, interval: v.Interval | None
) -> None:
    fill(store)
    # Every status kept: the same events, read from the events table.
    everything = Filters(**{**_fields(filters), "statuses": ALL_STATUSES})
    with store.reading() as con:
        kept = v.timeline(con, filters, "like", interval)
        counted = v.timeline(con, everything, "like", interval)
    assert kept == counted
    assert kept["buckets"]


def _fields(filters: Filters) -> dict[str, Any]:
    return {name: getattr(filters, name) for name in Filters.__slots__}


def test_articles_are_numbered_in_the_order_stored(store: Store) -> None:
    fill(store)
    with store.reading() as con:
        keys = con.execute("SELECT id, article_key FROM articles ORDER BY article_key").fetchall()
        events = con.execute(
            "SELECT DISTINCT e.article_key = a.article_key FROM events e "
            "JOIN articles a ON a.id = e.article_id"
        ).fetchall()
    assert keys == [("cl", 1), ("pe", 2), ("es", 3), ("de1", 4), ("cl2", 5), ("nd", 6)]
    assert events == [(True,)]


def test_full_text_search_follows_writes_by_article_number(store: Store) -> None:
    fill(store)
    assert {e.article_id for e in store.events(Filters(q="tacna"))} == {"pe"}
    store.add(make_analysis("iq", city="Iquique"))
    assert {e.article_id for e in store.events(Filters(q="iquique bloqués"))} == {"iq"}
    with store.reading() as con:
        (postings,) = con.execute(f"SELECT count(*) FROM {FTS_SCHEMA}.postings").fetchone() or (0,)
    assert postings > 0


def test_version_2_store_is_upgraded(db_path: Path) -> None:
    with Store(db_path) as store:
        fill(store)
        before_events = store.events()
        before_analyses = list(store.analyses())
        with store.reading() as con:
            before_map = v.map_clusters(con, Filters(), "like", 2)
            before_timeline = v.timeline(con, Filters(), "like")
    con = duckdb.connect(str(db_path))
    con.execute("DROP TABLE event_days")
    con.execute("DROP TABLE event_cells")
    con.execute("DROP TABLE event_cell_ids")
    con.execute("DROP INDEX articles_text_hash")  # a column of an indexed table stays put
    con.execute("DROP INDEX events_article_key")
    for table in ("articles", "entities", "places", "times", "amounts", "quotes", "events"):
        con.execute(f"ALTER TABLE {table} DROP COLUMN article_key")
    con.execute("CREATE INDEX articles_text_hash ON articles (text_hash)")
    con.execute("DELETE FROM schema_version")
    con.execute("INSERT INTO schema_version VALUES (2, now())")
    con.close()
    with Store(db_path) as store:
        assert store.events() == before_events
        assert list(store.analyses()) == before_analyses
        with store.reading() as con:
            assert v.map_clusters(con, Filters(), "like", 2) == before_map
            assert v.timeline(con, Filters(), "like") == before_timeline
            keys = con.execute("SELECT id FROM articles ORDER BY article_key").fetchall()
        assert [k[0] for k in keys] == ["cl", "pe", "es", "de1", "cl2", "nd"]
        store.add(make_analysis("iq", city="Iquique"))  # numbered after the others
        assert {e.article_id for e in store.events(Filters(q="iquique"))} == {"iq"}
    con = duckdb.connect(str(db_path), read_only=True)
    assert con.execute("SELECT max(version) FROM schema_version").fetchone() == (SCHEMA_VERSION,)
    assert con.execute("SELECT max(article_key) FROM articles").fetchone() == (7,)
    con.close()


@pytest.mark.parametrize("query", ["tacna", "bloqués ceuta", "nous fermerons", "nowhere"])
@pytest.mark.parametrize(
    "filters",
    [
        Filters(since=D(2023, 1, 1)),
        Filters(country="pe", until=D(2030, 1, 1)),
        Filters(article="cl2"),
        Filters(types=("COERCE",), limit=3),
    ],
)
def test_search_narrowed_by_other_filters_agrees_with_word_search(
    store: Store, query: str, filters: Filters
) -> None:
    fill(store)
    searched = Filters(**{**_fields(filters), "q": query})
    assert store.search_mode(searched) == "fts"
    with store.reading() as con:
        by_index = v.event_page(con, searched, "fts")
        by_words = v.event_page(con, searched, "like")
        counts = {mode: v.count_events(con, searched, mode) for mode in ("fts", "like")}
    assert by_index == by_words
    assert counts["fts"] == counts["like"] >= len(by_index)
    if query == "tacna" and not filters.article:
        assert {e["article_id"] for e in by_index} == {"pe"}
