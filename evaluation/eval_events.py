"""Score the event coder on the event gold sets: events, arguments and status.

    python evaluation/eval_events.py                 # the project's paragraphs (fr, es, en)
    python evaluation/eval_events.py --set outside   # paragraphs of outside articles
    python evaluation/eval_events.py --set blind7    # more of them, annotated blind
    python evaluation/eval_events.py --errors        # and every miss and false event
    python evaluation/eval_events.py --set blind4 --set blind5 --min-confidence 0.8

The gold sets and their rules: ``evaluation/data/events/`` and ``docs/events-annotation.md``.

Matching. A predicted event matches a gold event of the same type when the gold trigger lies in
one of the sentences the prediction was read from (its evidence); among several, the one whose
trigger overlaps the gold trigger, then the one with the nearer trigger, wins. Matching is one
to one.

Scores (precision = right / predicted, recall = right / gold):

- ``events``: matched events.
- ``actor``, ``place``, ``date``: an argument is right when its event is matched and it agrees
  with the gold one; predicted arguments of unmatched events are wrong. An actor agrees when
  one name holds the other or they share their last word (accents, case and articles aside),
  through the predicted entity's name too; a place likewise; a date when the values are equal
  (a day with its part of the day counts as the day).
  A date taken from the publication date is no predicted date.
- ``tuple``: an event matched with its actor, place and date all right (or all rightly absent).
- ``status``: an event matched with the gold status.
- ``occurred``: only the events coded as occurred, matched by type and trigger as above: how
  many of the events a user would take as facts are facts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from events_gold import DATA, SHARED, GoldEvent, GoldParagraph, read_gold
from newsevents.records import Analysis, Article, Event

LANGS = ("fr", "es", "en")
SETS = (
    "project", "outside", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7",
    "blind8", "blind9", "blind10", "blind11", "blind12", "blind13", "blind14", "blind15",
)  # fmt: skip
ROLES = ("actor", "place", "date")
_ARTICLES = frozenset(
    [
        "le",
        "la",
        "les",
        "l",
        "the",
        "el",
        "los",
        "las",
        "un",
        "une",
        "a",
        "an",
        "des",
        "de",
        "du",
        "del",
        "of",
    ]
)


@dataclass(slots=True)
class Tally:
    """Right, predicted and gold counts of one score."""

    right: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        right = min(self.right, self.gold)
        return right / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Scores:
    tallies: dict[str, Tally] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def __getitem__(self, name: str) -> Tally:
        return self.tallies.setdefault(name, Tally())


def normalize(text: str) -> list[str]:
    """Words of a name without accents, case, punctuation and articles (an acronym written in
    capitals stays: "UN" is the United Nations, not the article "un")."""
    flat = unicodedata.normalize("NFKD", text)
    flat = "".join(c if c.isalnum() else " " for c in flat if not unicodedata.combining(c))
    return [w.casefold() for w in flat.split() if w.isupper() or w.casefold() not in _ARTICLES]


def names_agree(predicted: Sequence[str], gold: Sequence[str]) -> bool:
    """Whether one of the predicted names and one of the gold names name the same thing."""
    for p in predicted:
        pw = normalize(p)
        for g in gold:
            gw = normalize(g)
            if not pw or not gw:
                continue
            if " ".join(gw) in " ".join(pw) or " ".join(pw) in " ".join(gw) or pw[-1] == gw[-1]:
                return True
    return False


def actor_names(event: Event, analysis: Analysis) -> list[str]:
    entities = {e.id: e for e in analysis.entities}
    names = []
    for arg in event.actors:
        names.append(arg.text)
        if arg.entity and arg.entity in entities:
            names.append(entities[arg.entity].name)
    return names


def place_names(event: Event, analysis: Analysis) -> list[str]:
    for place in analysis.places:
        if place.id == event.place:
            return [n for n in (place.text, place.name) if n]
    return []


def text_date(event: Event) -> str | None:
    return event.date_value if event.date_source == "text" else None


def _in_evidence(event: Event, start: int) -> bool:
    return any(s.start <= start < s.end for s in (event.sentence, *event.evidence))


def match(
    gold: Sequence[GoldEvent], predicted: Sequence[Event], occurred_only: bool = False
) -> list[tuple[GoldEvent, Event]]:
    """Gold and predicted events paired one to one (see the module's docstring)."""
    pairs: list[tuple[tuple[int, int], int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if p.type != g.type or not _in_evidence(p, g.trigger_start):
                continue
            g_end = g.trigger_start + len(g.trigger)
            overlap = p.start < g_end and g.trigger_start < p.end
            pairs.append(((0 if overlap else 1, abs(p.start - g.trigger_start)), gi, pi))
    pairs.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    found = []
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        found.append((gold[gi], predicted[pi]))
    return found


def predicted_values(p: Event, analysis: Analysis, role: str) -> list[str]:
    """The predicted names of an event's actor or place, or its date from the text."""
    if role == "actor":
        return actor_names(p, analysis)
    if role == "place":
        return place_names(p, analysis)
    value = text_date(p)
    return [value] if value is not None else []


def _role_values(g: GoldEvent, p: Event, analysis: Analysis, role: str) -> tuple[bool, bool, bool]:
    """(gold has it, prediction has it, they agree)."""
    values = predicted_values(p, analysis, role)
    if role == "date":
        agree = bool(values) and same_date(values[0], g.date)
        return g.date is not None, bool(values), agree
    gold: tuple[str, ...] = getattr(g, role)
    return bool(gold), bool(values), bool(gold) and names_agree(values, gold)


def same_date(value: str | None, gold: str | None) -> bool:
    """Equal values, or a day with its part of the day against the day ("2025-01-26TEV")."""
    if value is None or gold is None:
        return False
    return value == gold or value.startswith(gold + "T")


def score_paragraph(
    paragraph: GoldParagraph, analysis: Analysis, scores: Scores, min_confidence: float = 0.0
) -> None:
    predicted = [e for e in analysis.events if e.confidence >= min_confidence]
    pairs = match(paragraph.events, predicted)
    matched_p = {id(p) for _, p in pairs}
    matched_g = {id(g) for g, _ in pairs}
    scores["events"].right += len(pairs)
    scores["events"].predicted += len(predicted)
    scores["events"].gold += len(paragraph.events)
    for role in ROLES:
        tally = scores[role]
        tally.gold += sum(1 for g in paragraph.events if getattr(g, role))
        for p in predicted:
            tally.predicted += bool(predicted_values(p, analysis, role))
        for g, p in pairs:
            tally.right += _role_values(g, p, analysis, role)[2]
    tuple_tally, status_tally = scores["tuple"], scores["status"]
    tuple_tally.predicted += len(predicted)
    tuple_tally.gold += len(paragraph.events)
    status_tally.predicted += len(predicted)
    status_tally.gold += len(paragraph.events)
    for g, p in pairs:
        right = True
        for role in ROLES:
            gold_has, pred_has, agree = _role_values(g, p, analysis, role)
            right = right and (agree or (not gold_has and not pred_has))
        tuple_tally.right += right
        status_tally.right += p.status == g.status
        if g.status != p.status:
            scores.errors.append(
                f"{paragraph.id} status {g.type} {g.trigger!r}: gold {g.status}, got {p.status}"
            )
        for role in ROLES:
            gold_has, pred_has, agree = _role_values(g, p, analysis, role)
            if (gold_has or pred_has) and not agree:
                got = predicted_values(p, analysis, role)
                want = getattr(g, role)
                scores.errors.append(
                    f"{paragraph.id} {role} {g.type} {g.trigger!r}: gold {want}, got {got}"
                )
    occurred_g = [g for g in paragraph.events if g.status == "occurred"]
    occurred_p = [p for p in predicted if p.status == "occurred"]
    occ = scores["occurred"]
    occ.gold += len(occurred_g)
    occ.predicted += len(occurred_p)
    occ.right += len(match(occurred_g, occurred_p))
    for g in paragraph.events:
        if id(g) not in matched_g:
            scores.errors.append(
                f"{paragraph.id} missed {g.type} {g.trigger!r} ({g.status}) actor={list(g.actor)}"
            )
    for p in predicted:
        if id(p) not in matched_p:
            scores.errors.append(
                f"{paragraph.id} false {p.type}/{p.mode} {p.text!r} ({p.status}) "
                f"actor={actor_names(p, analysis)} in {p.sentence.text[:90]!r}"
            )


def analyse(paragraphs: Sequence[GoldParagraph]) -> list[Analysis]:
    from newsevents.pipeline import AnalysisFailure, Analyzer

    articles = [
        Article(
            id=p.id,
            text=p.text,
            lang=p.lang,
            published=dt.date.fromisoformat(p.published),
        )
        for p in paragraphs
    ]
    results = []
    for result in Analyzer().analyse_many(articles):
        if isinstance(result, AnalysisFailure):
            raise RuntimeError(f"{result.article.id}: {result.message}")
        results.append(result)
    return results


def evaluate(
    paragraphs: Sequence[GoldParagraph], min_confidence: float = 0.0
) -> tuple[Scores, float]:
    started = time.perf_counter()
    analyses = analyse(paragraphs)
    seconds = time.perf_counter() - started
    scores = Scores()
    for paragraph, analysis in zip(paragraphs, analyses, strict=True):
        score_paragraph(paragraph, analysis, scores, min_confidence)
    return scores, seconds


NAMES = ("events", "actor", "place", "date", "tuple", "status", "occurred")


def table(rows: list[tuple[str, int, Scores]]) -> str:
    head = "| set | paragraphs | " + " | ".join(f"{n} P / R" for n in NAMES) + " |"
    lines = [head, "|---|---:|" + "---:|" * len(NAMES)]
    for name, count, scores in rows:
        cells = [
            f"{scores[n].precision:.2f} / {scores[n].recall:.2f} ({scores[n].gold})" for n in NAMES
        ]
        lines.append(f"| {name} | {count} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=LANGS, action="append", help="only these languages")
    parser.add_argument(
        "--set",
        choices=SETS,
        action="append",
        help="project (the default): the paragraphs written for the project (fr, es, en); "
        "outside, blind, blind2 … blind7: paragraphs of real articles in the evaluation corpora "
        "(need --shared); given several times, the sets are scored together",
    )
    parser.add_argument(
        "--min-confidence",
        type=float,
        default=0.0,
        metavar="X",
        help="score only the events whose confidence is at least X",
    )
    parser.add_argument("--shared", type=Path, default=SHARED, help="the evaluation corpora")
    parser.add_argument("--errors", action="store_true", help="print every miss and false event")
    args = parser.parse_args(argv)
    langs = args.lang or list(LANGS)
    paragraphs: list[GoldParagraph] = []
    for name in args.set or ["project"]:
        if name == "project":
            paragraphs += [p for lang in LANGS for p in read_gold(DATA / f"{lang}.toml")]
            continue
        try:
            paragraphs += read_gold(DATA / f"{name}.toml", args.shared)
        except FileNotFoundError as exc:
            print(f"{exc} (--shared PATH points to the evaluation corpora)", file=sys.stderr)
            return 2
    paragraphs = [p for p in paragraphs if p.lang in langs]
    rows = []
    total = Scores()
    seconds_all = 0.0
    for lang in langs:
        subset = [p for p in paragraphs if p.lang == lang]
        if not subset:
            continue
        scores, seconds = evaluate(subset, args.min_confidence)
        seconds_all += seconds
        rows.append((lang, len(subset), scores))
        for name, tally in scores.tallies.items():
            t = total[name]
            t.right += tally.right
            t.predicted += tally.predicted
            t.gold += tally.gold
        if args.errors:
            print(f"## {lang}", *scores.errors, sep="\n")
    rows.append(("all", len(paragraphs), total))
    print(table(rows))
    print(f"\n{len(paragraphs)} paragraphs analysed in {seconds_all:.1f} s (models loaded once)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
