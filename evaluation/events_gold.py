"""The event gold sets: reading and checking ``evaluation/data/events/*.toml``.

The rules are in ``docs/events-annotation.md``. A project paragraph carries its ``text``; a
paragraph of an outside article names its ``set``, ``doc`` and the ``start``/``end`` of the
paragraph in that document, whose text is read from the evaluation corpora at run time.

    python evaluation/events_gold.py check evaluation/data/events/fr.toml
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsevents.events.lexicon import PLOVER_TYPES

DATA = Path(__file__).resolve().parent / "data" / "events"
SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval"

TYPES = PLOVER_TYPES
STATUSES = ("occurred", "threatened", "planned", "historical", "negated", "hypothetical")
MODES = [
    "expel",
    "deport",
    "return",
    "restrict",
    "border_closure",
    "detain",
    "military",
    "police",
    "state_of_emergency",
    "demonstrate",
    "strike",
    "blockade",
    "riot",
    "humanitarian",
    "asylum",
    "economic",
    "kill",
    "attack",
    "vote",
]
CONTEXTS = [
    "migration",
    "asylum",
    "border",
    "election",
    "human_security",
    "humanitarian",
    "protest",
    "crime",
    "conflict",
    "disaster",
    "health",
    "economy",
    "diplomacy",
    "legislation",
]
OUTSIDE_SETS = {
    "french_timebank": "french_timebank/ftib.jsonl",
    "meantime_es": "meantime_timex/meantime_es.jsonl",
    "meantime_en": "meantime_timex/meantime_en.jsonl",
    "ecbplus": "ecbplus_clusters/ecbplus_docs.jsonl",
    "geowebnews": "geowebnews/geowebnews.jsonl",
    "lgl": "lgl/lgl.jsonl",
    "polnear": "polnear_quotes/polnear_dev_test.jsonl",
    "conll2002_es": "conll2002_es/esp_testb.jsonl",
    "tbaq_timebank": "tempeval3_tbaq/tbaq_timebank.jsonl",
    "tbaq_aquaint": "tempeval3_tbaq/tbaq_aquaint.jsonl",
}


class GoldError(ValueError):
    """A gold file that breaks the annotation rules."""


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One expected event; the strings are as written in the paragraph."""

    type: str
    trigger: str
    trigger_start: int
    status: str
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    actor: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    place: tuple[str, ...] = ()
    date: str | None = None
    deadline: str | None = None


@dataclass(frozen=True, slots=True)
class GoldParagraph:
    """One paragraph and the events it holds (none for a paragraph with no event)."""

    id: str
    lang: str
    published: str
    topic: str
    text: str
    events: tuple[GoldEvent, ...]
    source: str = ""
    """Where it comes from: the gold file, or ``set:doc`` for an outside article."""


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(s, str) and s for s in items):
        raise GoldError(f"{where}: expected a string or a list of strings, got {value!r}")
    return tuple(items)


def _occurrence(text: str, needle: str, n: int, where: str) -> int:
    start = -1
    for _ in range(n):
        start = text.find(needle, start + 1)
        if start < 0:
            raise GoldError(f"{where}: {needle!r} occurs fewer than {n} times in the text")
    return start


def _event(raw: dict[str, Any], text: str, where: str) -> GoldEvent:
    unknown = set(raw) - {
        "type", "trigger", "trigger_occurrence", "status", "mode", "contexts", "actor",
        "target", "place", "date", "deadline", "note",
    }  # fmt: skip
    if unknown:
        raise GoldError(f"{where}: unknown fields {sorted(unknown)}")
    for name, allowed in (("type", TYPES), ("status", STATUSES)):
        if raw.get(name) not in allowed:
            raise GoldError(f"{where}: {name} {raw.get(name)!r} is not one of {allowed}")
    if raw.get("mode") is not None and raw["mode"] not in MODES:
        raise GoldError(f"{where}: mode {raw['mode']!r} is not one of {MODES}")
    contexts = _strings(raw.get("contexts"), f"{where}.contexts")
    if bad := [c for c in contexts if c not in CONTEXTS]:
        raise GoldError(f"{where}: contexts {bad} are not among {CONTEXTS}")
    trigger = raw.get("trigger")
    if not isinstance(trigger, str) or not trigger:
        raise GoldError(f"{where}: an event needs its trigger")
    start = _occurrence(text, trigger, int(raw.get("trigger_occurrence", 1)), f"{where}.trigger")
    args = {}
    for name in ("actor", "target", "place"):
        args[name] = _strings(raw.get(name), f"{where}.{name}")
        for s in args[name]:
            if s not in text:
                raise GoldError(f"{where}.{name}: {s!r} does not occur in the text")
    return GoldEvent(
        type=raw["type"],
        trigger=trigger,
        trigger_start=start,
        status=raw["status"],
        mode=raw.get("mode"),
        contexts=contexts,
        actor=args["actor"],
        target=args["target"],
        place=args["place"],
        date=raw.get("date"),
        deadline=raw.get("deadline"),
    )


def _outside_text(raw: dict[str, Any], shared: Path, where: str) -> str:
    name = raw.get("set")
    if name not in OUTSIDE_SETS:
        raise GoldError(f"{where}: set {name!r} is not one of {sorted(OUTSIDE_SETS)}")
    path = shared / OUTSIDE_SETS[name]
    if not path.exists():
        raise FileNotFoundError(f"{path} not found: the outside paragraphs need the corpora")
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            doc = json.loads(line)
            if doc["id"] == raw.get("doc"):
                text: str = doc["text"]
                return text[int(raw["start"]) : int(raw["end"])]
    raise GoldError(f"{where}: document {raw.get('doc')!r} not in {path}")


def read_gold(path: Path, shared: Path = SHARED) -> list[GoldParagraph]:
    """The paragraphs of one gold file, checked against the annotation rules."""
    with path.open("rb") as f:
        data = tomllib.load(f)
    paragraphs = []
    seen: set[str] = set()
    for i, raw in enumerate(data.get("paragraph", []), 1):
        where = f"{path.name} paragraph {i} ({raw.get('id', '?')})"
        pid = raw.get("id")
        if not isinstance(pid, str) or pid in seen:
            raise GoldError(f"{where}: missing or repeated id")
        seen.add(pid)
        if "text" in raw:
            text, source = raw["text"].strip(), path.name
        else:
            text, source = _outside_text(raw, shared, where), f"{raw['set']}:{raw['doc']}"
        events = tuple(
            _event(e, text, f"{where} event {j}") for j, e in enumerate(raw.get("events", []), 1)
        )
        paragraphs.append(
            GoldParagraph(
                id=pid,
                lang=raw["lang"],
                published=raw["published"],
                topic=raw.get("topic", "other"),
                text=text,
                events=events,
                source=source,
            )
        )
    return paragraphs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["check"])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args(argv)
    failed = False
    for path in args.files:
        try:
            paragraphs = read_gold(path, args.shared)
        except (GoldError, tomllib.TOMLDecodeError, KeyError) as exc:
            print(f"{path}: {exc}", file=sys.stderr)
            failed = True
            continue
        events = [e for p in paragraphs for e in p.events]
        empty = sum(1 for p in paragraphs if not p.events)
        print(
            f"{path}: {len(paragraphs)} paragraphs ({empty} without events), {len(events)} events"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
