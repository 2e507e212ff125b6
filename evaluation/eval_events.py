"""Score the event coder on the event gold sets: events, arguments and status.

    python evaluation/eval_events.py                 # the project's paragraphs (fr, es, en)
    python evaluation/eval_events.py --set outside   # paragraphs of outside articles
    python evaluation/eval_events.py --set blind7    # more of them, annotated blind
    python evaluation/eval_events.py --errors        # and every miss and false event
    python evaluation/eval_events.py --set blind4 --set blind5 --min-confidence 0.8
    python evaluation/eval_events.py --set blind14 --agreement   # two annotators, no coder
    python evaluation/eval_events.py --set blind14 --annotation second   # the coder, other gold
    python evaluation/eval_events.py --set blind14 --misses   # why gold events were missed
    python evaluation/eval_events.py --set blind14 --agreed   # only events both annotators hold

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

Agreement. Some sets were annotated twice, independently, from the rulebook alone
(``evaluation/data/events/second/``). ``--agreement`` scores the second annotation against the
first exactly as the coder is scored: a second annotator's event is read from the sentence of its
trigger, with its actors, places and date as written. It says how far two careful readers agree,
the ceiling for any coder scored against one of them. ``--annotation second`` scores the coder
against the second annotation instead of the first. ``--agreed`` scores the coder on the events
of the first annotation that the second one holds too (matched as ``--agreement`` matches
them): its recall there is how many of the events two readers agree on it finds; its precision
counts as false the events only one annotator, or none, coded.

Misses. ``--misses`` sorts the gold events the coder missed by what the lexicon holds for the
words of their trigger: no entry at all (``no word``), entries of other types only (``other
type``), or an entry of the gold type, so the words were found but no event of that type came of
them (``dropped``: no one in it, its arguments hung elsewhere by the parse, another reading won).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from spacy.tokens import Doc

from events_gold import DATA, SHARED, GoldEvent, GoldParagraph, read_gold
from newsevents.events.lexicon import EventLexicon
from newsevents.events.triggers import lemma_of
from newsevents.records import Analysis, Article, Event

LANGS = ("fr", "es", "en")
SETS = (
    "project", "outside", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7",
    "blind8", "blind9", "blind10", "blind11", "blind12", "blind13", "blind14", "blind15",
    "blind16", "blind17", "blind18", "blind19", "blind20", "blind21", "blind22", "blind23",
    "blind24", "blind25", "blind26", "blind27",
)  # fmt: skip
ANNOTATIONS = ("first", "second")
CAUSES = ("no word", "other type", "dropped")
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
    misses: Counter[str] = field(default_factory=Counter)
    """Missed gold events by cause (``--misses``)."""

    def __getitem__(self, name: str) -> Tally:
        return self.tallies.setdefault(name, Tally())


@dataclass(frozen=True, slots=True)
class Prediction:
    """What the scorer reads of a predicted event: the coder's, or a second annotator's."""

    type: str
    text: str
    start: int
    end: int
    status: str
    sentences: tuple[tuple[int, int], ...]
    """Where it was read from (start, end): a gold trigger in one of them can match it."""
    sentence: str = ""
    actors: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    date: str | None = None
    """When it happened, as the text says it (never the publication date)."""
    mode: str | None = None
    confidence: float = 1.0


def coded(event: Event, analysis: Analysis) -> Prediction:
    """The coder's event as the scorer reads it."""
    spans = (event.sentence, *event.evidence)
    return Prediction(
        type=event.type,
        text=event.text,
        start=event.start,
        end=event.end,
        status=event.status,
        sentences=tuple((s.start, s.end) for s in spans),
        sentence=event.sentence.text,
        actors=tuple(actor_names(event, analysis)),
        places=tuple(place_names(event, analysis)),
        date=event.date_value if event.date_source == "text" else None,
        mode=event.mode,
        confidence=event.confidence,
    )


def annotated(event: GoldEvent, text: str, sentences: Sequence[tuple[int, int]]) -> Prediction:
    """A second annotator's event as the scorer reads it: from the sentence of its trigger."""
    start, end = event.trigger_start, event.trigger_start + len(event.trigger)
    sentence = next(((a, b) for a, b in sentences if a <= start < b), (0, len(text)))
    return Prediction(
        type=event.type,
        text=event.trigger,
        start=start,
        end=end,
        status=event.status,
        sentences=(sentence,),
        sentence=text[sentence[0] : sentence[1]],
        actors=event.actor,
        places=event.place,
        date=event.date,
        mode=event.mode,
    )


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


def _in_evidence(event: Prediction, start: int) -> bool:
    return any(a <= start < b for a, b in event.sentences)


def match(
    gold: Sequence[GoldEvent], predicted: Sequence[Prediction]
) -> list[tuple[GoldEvent, Prediction]]:
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


def predicted_values(p: Prediction, role: str) -> list[str]:
    """The predicted names of an event's actor or place, or its date from the text."""
    if role == "actor":
        return list(p.actors)
    if role == "place":
        return list(p.places)
    return [p.date] if p.date is not None else []


def _role_values(g: GoldEvent, p: Prediction, role: str) -> tuple[bool, bool, bool]:
    """(gold has it, prediction has it, they agree)."""
    values = predicted_values(p, role)
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


def predictions(analysis: Analysis, min_confidence: float = 0.0) -> list[Prediction]:
    """The coder's events of an analysis, those at least ``min_confidence`` sure."""
    return [coded(e, analysis) for e in analysis.events if e.confidence >= min_confidence]


def score_paragraph(
    paragraph: GoldParagraph, predicted: Sequence[Prediction], scores: Scores
) -> None:
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
            tally.predicted += bool(predicted_values(p, role))
        for g, p in pairs:
            tally.right += _role_values(g, p, role)[2]
    tuple_tally, status_tally = scores["tuple"], scores["status"]
    tuple_tally.predicted += len(predicted)
    tuple_tally.gold += len(paragraph.events)
    status_tally.predicted += len(predicted)
    status_tally.gold += len(paragraph.events)
    for g, p in pairs:
        right = True
        for role in ROLES:
            gold_has, pred_has, agree = _role_values(g, p, role)
            right = right and (agree or (not gold_has and not pred_has))
        tuple_tally.right += right
        status_tally.right += p.status == g.status
        if g.status != p.status:
            scores.errors.append(
                f"{paragraph.id} status {g.type} {g.trigger!r}: gold {g.status}, got {p.status}"
            )
        for role in ROLES:
            gold_has, pred_has, agree = _role_values(g, p, role)
            if (gold_has or pred_has) and not agree:
                got = predicted_values(p, role)
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
                f"actor={list(p.actors)} in {p.sentence[:90]!r}"
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
    paragraphs: Sequence[GoldParagraph], min_confidence: float = 0.0, misses: bool = False
) -> tuple[Scores, float]:
    started = time.perf_counter()
    analyses = analyse(paragraphs)
    seconds = time.perf_counter() - started
    scores = Scores()
    for paragraph, analysis in zip(paragraphs, analyses, strict=True):
        predicted = predictions(analysis, min_confidence)
        score_paragraph(paragraph, predicted, scores)
        if misses:
            _count_misses(paragraph, predicted, scores)
    return scores, seconds


def miss_cause(event: GoldEvent, doc: Doc, lexicon: EventLexicon) -> str:
    """Why a gold event may have been missed, from what the lexicon holds for the words of its
    trigger (lemmas and forms): one of ``CAUSES``."""
    start, end = event.trigger_start, event.trigger_start + len(event.trigger)
    words = [t for t in doc if t.idx < end and t.idx + len(t) > start]
    types = {e.type for t in words for e in lexicon.entries_for(lemma_of(t), t.lower_)}
    if event.type in types:
        return "dropped"
    return "other type" if types else "no word"


def _count_misses(
    paragraph: GoldParagraph, predicted: Sequence[Prediction], scores: Scores
) -> None:
    from newsevents.analyze.models import load_model
    from newsevents.events.lexicon import event_lexicon

    found = {id(g) for g, _ in match(paragraph.events, predicted)}
    missed = [g for g in paragraph.events if id(g) not in found]
    if not missed:
        return
    doc = load_model(paragraph.lang)(paragraph.text)
    lexicon = event_lexicon(paragraph.lang)
    for event in missed:
        scores.misses[miss_cause(event, doc, lexicon)] += 1


def _annotated_twice(
    first: Sequence[GoldParagraph], second: Sequence[GoldParagraph]
) -> Iterator[tuple[GoldParagraph, GoldParagraph, list[tuple[int, int]]]]:
    """Each paragraph in its two annotations, with its sentences (start, end) as parsed."""
    from newsevents.analyze.models import load_model

    for one, other in zip(first, second, strict=True):
        if (one.id, one.text) != (other.id, other.text):
            raise ValueError(f"{one.id}: the second annotation holds {other.id} instead")
        doc = load_model(one.lang)(one.text)
        yield one, other, [(s.start_char, s.end_char) for s in doc.sents]


def agreed(first: Sequence[GoldParagraph], second: Sequence[GoldParagraph]) -> list[GoldParagraph]:
    """The paragraphs of the first annotation with only the events the second one holds too."""
    return [held_by_both(*pair) for pair in _annotated_twice(first, second)]


def held_by_both(
    one: GoldParagraph, other: GoldParagraph, sentences: Sequence[tuple[int, int]]
) -> GoldParagraph:
    """``one`` with only the events that ``other``, the same paragraph annotated again, holds
    too, matched as the coder's events are (same type, trigger in the same sentence)."""
    predicted = [annotated(e, other.text, sentences) for e in other.events]
    both = {id(g) for g, _ in match(one.events, predicted)}
    return replace(one, events=tuple(g for g in one.events if id(g) in both))


def agreement(
    first: Sequence[GoldParagraph], second: Sequence[GoldParagraph]
) -> tuple[Scores, float]:
    """The second annotation scored against the first, paragraph by paragraph."""
    started = time.perf_counter()
    scores = Scores()
    for one, other, sentences in _annotated_twice(first, second):
        predicted = [annotated(e, other.text, sentences) for e in other.events]
        score_paragraph(one, predicted, scores)
    return scores, time.perf_counter() - started


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


def _read_sets(names: Sequence[str], annotation: str, shared: Path) -> list[GoldParagraph]:
    """The paragraphs of the named sets, in their first or second annotation."""
    folder = DATA if annotation == "first" else DATA / annotation
    paragraphs: list[GoldParagraph] = []
    for name in names:
        if name == "project":
            paragraphs += [p for lang in LANGS for p in read_gold(folder / f"{lang}.toml")]
        else:
            paragraphs += read_gold(folder / f"{name}.toml", shared)
    return paragraphs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=LANGS, action="append", help="only these languages")
    parser.add_argument(
        "--set",
        choices=SETS,
        action="append",
        help="project (the default): the paragraphs written for the project (fr, es, en); "
        "outside, blind, blind2 … blind27: paragraphs of real articles in the evaluation corpora "
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
    parser.add_argument(
        "--annotation",
        choices=ANNOTATIONS,
        default="first",
        help="the gold to score against: the sets' first annotation (the default) or their "
        "second, independent one (evaluation/data/events/second/)",
    )
    parser.add_argument(
        "--agreement",
        action="store_true",
        help="score the second annotation against the first instead of the coder",
    )
    parser.add_argument(
        "--agreed",
        action="store_true",
        help="score the coder only on the events both annotations hold",
    )
    parser.add_argument(
        "--misses",
        action="store_true",
        help="count the missed gold events by cause: no word in the lexicon for their trigger, "
        "words of other types only, or a word of their type that coded nothing (dropped)",
    )
    args = parser.parse_args(argv)
    langs = args.lang or list(LANGS)
    try:
        paragraphs = _read_sets(args.set or ["project"], args.annotation, args.shared)
        both = args.agreement or args.agreed
        others = _read_sets(args.set or ["project"], "second", args.shared) if both else []
    except FileNotFoundError as exc:
        hint = "--shared PATH points to the corpora; only some sets have a second annotation"
        print(f"{exc} ({hint})", file=sys.stderr)
        return 2
    rows = []
    total = Scores()
    seconds_all = 0.0
    for lang in langs:
        subset = [p for p in paragraphs if p.lang == lang]
        if not subset:
            continue
        second = [p for p in others if p.lang == lang]
        if args.agreement:
            scores, seconds_taken = agreement(subset, second)
        elif args.agreed:
            scores, seconds_taken = evaluate(
                agreed(subset, second), args.min_confidence, args.misses
            )
        else:
            scores, seconds_taken = evaluate(subset, args.min_confidence, args.misses)
        seconds_all += seconds_taken
        rows.append((lang, len(subset), scores))
        for name, tally in scores.tallies.items():
            t = total[name]
            t.right += tally.right
            t.predicted += tally.predicted
            t.gold += tally.gold
        total.misses.update(scores.misses)
        if args.errors:
            print(f"## {lang}", *scores.errors, sep="\n")
    paragraphs = [p for p in paragraphs if p.lang in langs]
    rows.append(("all", len(paragraphs), total))
    print(table(rows))
    if args.misses and not args.agreement:
        counts = ", ".join(f"{cause} {total.misses[cause]}" for cause in CAUSES)
        print(f"\nmissed events by cause: {counts}")
    print(f"\n{len(paragraphs)} paragraphs analysed in {seconds_all:.1f} s (models loaded once)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
