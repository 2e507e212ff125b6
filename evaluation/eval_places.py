"""Toponym resolution of newsevents against the naive resolver, on GeoWebNews and LGL.

For each set, two modes:

- **resolution**: the gold toponym spans (those with gold coordinates) are given to the resolver
  with the article's text; only ranking is measured;
- **end to end**: the English pipeline finds the toponyms itself (``places`` records); a gold
  toponym is found when a predicted place overlaps it (one to one, in text order).

Two resolvers share the same gazetteer and, end to end, the same toponym spans: newsevents'
ranking (``newsevents.gazetteer.rank``), and the naive resolver a user would write: the most
populous entry of the exact name. Per set, mode and resolver the table gives: toponym recall
(found gold toponyms / gold toponyms), resolved (found toponyms given a place / found), acc@161
(within 161 km of the gold point, over the resolved toponyms), acc@161 found (the same over all
found toponyms: an unresolved one counts as wrong), exact GeoNames id (over the found toponyms
whose gold has an id), country accuracy (over the resolved toponyms whose gold country is known),
median error in km (over the resolved toponyms) and milliseconds per toponym of the resolution
(end to end: of the places extractor alone, gazetteer loaded).

GeoWebNews labels every toponym-like expression; "literal" keeps the literal readings (types
Literal, Literal_Modifier, Mixed, Coercion, Embedded_Literal, all with ``non_locational``
false), "all" every toponym with gold coordinates (with metonyms, demonyms and modifiers).

    python evaluation/eval_places.py                      # both sets, both modes
    python evaluation/eval_places.py --mode resolution    # no spaCy model needed
    python evaluation/eval_places.py --eval-dir PATH --limit 50
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsevents.extract.places import extract_places, resolve_spans
from newsevents.gazetteer.index import Entry, Gazetteer, load_gazetteer
from newsevents.gazetteer.rank import distance_km
from newsevents.records import Place

DEFAULT_EVAL_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
LITERAL_TYPES = frozenset({"Literal", "Literal_Modifier", "Mixed", "Coercion", "Embedded_Literal"})
ACCURACY_KM = 161.0


@dataclass(frozen=True, slots=True)
class Gold:
    start: int
    end: int
    lat: float
    lon: float
    geonames_id: str | None
    country_code: str | None
    literal: bool


@dataclass(frozen=True, slots=True)
class Document:
    text: str
    gold: tuple[Gold, ...]


@dataclass(slots=True)
class Score:
    """Counts of one set × mode × resolver."""

    gold: int = 0
    found: int = 0
    resolved: int = 0
    within: int = 0
    with_id: int = 0
    exact_id: int = 0
    with_country: int = 0
    country_right: int = 0
    errors: list[float] = field(default_factory=list)
    seconds: float = 0.0
    toponyms: int = 0

    def add(self, gold: Gold, place: Place | None) -> None:
        self.gold += 1
        if place is None:
            return
        self.found += 1
        if gold.geonames_id is not None:
            self.with_id += 1
            self.exact_id += place.geonames_id == gold.geonames_id
        if place.lat is None or place.lon is None:
            return
        self.resolved += 1
        error = distance_km(gold.lat, gold.lon, place.lat, place.lon)
        self.errors.append(error)
        self.within += error <= ACCURACY_KM
        if gold.country_code is not None:
            self.with_country += 1
            self.country_right += place.country_code == gold.country_code

    def row(self) -> list[str]:
        def ratio(a: int, b: int) -> str:
            return f"{a / b:.3f}" if b else "-"

        median = f"{statistics.median(self.errors):.0f}" if self.errors else "-"
        ms = f"{1000 * self.seconds / self.toponyms:.3f}" if self.toponyms else "-"
        return [
            ratio(self.found, self.gold),
            ratio(self.resolved, self.found),
            ratio(self.within, self.resolved),
            ratio(self.within, self.found),
            ratio(self.exact_id, self.with_id),
            ratio(self.country_right, self.with_country),
            median,
            ms,
        ]


def _country_of_id(gazetteer: Gazetteer) -> dict[str, str]:
    """GeoNames id -> country code, over the whole gazetteer (for GeoWebNews's gold ids)."""
    codes: dict[str, str] = {}
    for row in range(len(gazetteer)):
        e = gazetteer.entry(row)
        if e.country_code:
            codes.setdefault(e.gid, e.country_code)
    return codes


def load_set(path: Path, name: str, countries: dict[str, str]) -> list[Document]:
    """The documents of one gold set, with their toponyms that have gold coordinates."""
    docs = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            gold = []
            for t in record["toponyms"]:
                if t.get("lat") is None or t.get("lon") is None:
                    continue
                gid = str(t["geonameid"]) if t.get("geonameid") is not None else None
                if name == "lgl" and t.get("country_geonameid") is not None:
                    country = countries.get(str(t["country_geonameid"]))
                else:
                    country = countries.get(gid) if gid else None
                literal = name == "lgl" or (
                    t.get("type") in LITERAL_TYPES and not t.get("non_locational")
                )
                gold.append(Gold(t["start"], t["end"], t["lat"], t["lon"], gid, country, literal))
            docs.append(Document(record["text"], tuple(gold)))
    return docs


def naive_resolve(gazetteer: Gazetteer, place: Place) -> Place:
    """The most populous entry of the exact name, or None."""
    entries = gazetteer.lookup(place.text)
    if not entries:
        return Place(place.id, place.text, place.start, place.end)
    best: Entry = max(entries, key=lambda e: e.population)
    return Place(
        place.id,
        place.text,
        place.start,
        place.end,
        geonames_id=best.gid,
        name=best.name,
        country_code=best.country_code,
        lat=best.lat,
        lon=best.lon,
    )


def _match(gold: Sequence[Gold], places: Sequence[Place]) -> Iterator[tuple[Gold, Place | None]]:
    """Each gold toponym with the first unused predicted place that overlaps it."""
    used: set[int] = set()
    for g in gold:
        hit = None
        for n, p in enumerate(places):
            if n not in used and p.start < g.end and g.start < p.end:
                hit = n
                break
        if hit is None:
            yield g, None
        else:
            used.add(hit)
            yield g, places[hit]


Resolver = Callable[[Document], list[Place]]


def run_resolution(docs: Sequence[Document], gazetteer: Gazetteer) -> dict[str, Score]:
    scores = {k: Score() for k in ("newsevents", "naive")}
    subsets = {"literal": {k: Score() for k in scores}, "all": {k: Score() for k in scores}}
    for doc in docs:
        spans = [(g.start, g.end) for g in doc.gold]
        if not spans:
            continue
        start = time.perf_counter()
        ours = resolve_spans(doc.text, spans, "en", (), gazetteer)
        mid = time.perf_counter()
        naive = [naive_resolve(gazetteer, p) for p in ours]
        end = time.perf_counter()
        for subset, keep in (("literal", True), ("all", False)):
            for resolver, places, seconds in (
                ("newsevents", ours, mid - start),
                ("naive", naive, end - mid),
            ):
                score = subsets[subset][resolver]
                score.seconds += seconds
                score.toponyms += len(places)
                for g, p in zip(doc.gold, places, strict=True):
                    if g.literal or not keep:
                        score.add(g, p)
    return {f"{s}/{r}": sc for s, by in subsets.items() for r, sc in by.items()}


def run_end_to_end(docs: Sequence[Document], gazetteer: Gazetteer) -> dict[str, Score]:
    from newsevents.pipeline import load_pipeline

    nlp = load_pipeline("en")
    subsets = {s: {r: Score() for r in ("newsevents", "naive")} for s in ("literal", "all")}
    texts = [d.text for d in docs]
    for doc, sdoc in zip(docs, nlp.pipe(texts, batch_size=16), strict=True):
        start = time.perf_counter()
        ours = extract_places(sdoc)
        mid = time.perf_counter()
        naive = [naive_resolve(gazetteer, p) for p in ours]
        end = time.perf_counter()
        for subset, keep in (("literal", True), ("all", False)):
            gold = [g for g in doc.gold if g.literal or not keep]
            for resolver, places, seconds in (
                ("newsevents", ours, mid - start),
                ("naive", naive, end - mid),
            ):
                score = subsets[subset][resolver]
                score.seconds += seconds
                score.toponyms += len(places)
                for g, p in _match(gold, places):
                    score.add(g, p)
    return {f"{s}/{r}": sc for s, by in subsets.items() for r, sc in by.items()}


HEADER = [
    "set",
    "mode",
    "resolver",
    "recall",
    "resolved",
    "acc@161",
    "acc@161 found",
    "exact id",
    "country",
    "median km",
    "ms/top",
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Evaluate place resolution (GeoWebNews, LGL).")
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    parser.add_argument("--set", choices=["geowebnews", "lgl", "all"], default="all")
    parser.add_argument("--mode", choices=["resolution", "end-to-end", "both"], default="both")
    parser.add_argument("--limit", type=int, default=0, help="documents per set (0: all)")
    args = parser.parse_args(argv)
    sets = ["geowebnews", "lgl"] if args.set == "all" else [args.set]
    paths = {s: args.eval_dir / s / f"{s}.jsonl" for s in sets}
    missing = [str(p) for p in paths.values() if not p.is_file()]
    if missing:
        print(f"evaluation data not found: {', '.join(missing)} (give --eval-dir)", file=sys.stderr)
        return 2
    start = time.perf_counter()
    gazetteer = load_gazetteer()
    load_seconds = time.perf_counter() - start
    countries = _country_of_id(gazetteer)
    rows: list[list[str]] = []
    for name in sets:
        docs = load_set(paths[name], name, countries)
        if args.limit:
            docs = docs[: args.limit]
        results: dict[str, dict[str, Score]] = {}
        if args.mode in ("resolution", "both"):
            results["resolution"] = run_resolution(docs, gazetteer)
        if args.mode in ("end-to-end", "both"):
            results["end to end"] = run_end_to_end(docs, gazetteer)
        subsets = ["literal", "all"] if name == "geowebnews" else ["all"]
        for subset in subsets:
            label = f"{name} {subset}" if name == "geowebnews" else name
            for mode, by in results.items():
                for resolver in ("newsevents", "naive"):
                    rows.append([label, mode, resolver, *by[f"{subset}/{resolver}"].row()])
    _print_table(rows)
    print(f"\ngazetteer load: {load_seconds:.2f} s", file=sys.stderr)
    return 0


def _print_table(rows: list[list[str]]) -> None:
    widths = [max(len(str(r[i])) for r in [HEADER, *rows]) for i in range(len(HEADER))]
    lines = [HEADER, ["-" * w for w in widths], *rows]
    for r in lines:
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)) + " |")


if __name__ == "__main__":
    raise SystemExit(main())
