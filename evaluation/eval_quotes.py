"""Quotes and their speakers against PolNeAR attributions: newsevents and two peers side by side.

Gold: ``polnear_quotes/polnear_dev_test.jsonl`` under the shared evaluation folder (English US
political news; each attribution has source, cue and content spans). Two tables:

- **direct quotes**: gold attributions whose content is wholly in quotation marks (the
  converter's ``content_in_quotes``) against predicted direct and partial quotes. A predicted
  quote that matches only a gold attribution whose content is not wholly quoted (a quoted
  phrase inside reported speech) is left out of this table either way; it counts in the next.
- **all attributions**: every gold attribution (direct, indirect, beliefs) against every
  predicted quote, indirect speech included.

Matching is on content: a prediction matches a gold attribution when their characters overlap
by at least half of the shorter of the two (gold fragments joined). Content P/R/F1: a prediction
is right when it matches some gold attribution, a gold attribution is found when some prediction
matches it. Speaker-attributed P/R/F1 also ask the matched pair's speaker to be right:

- gold speaker is a name or description: the predicted speaker span overlaps a gold source
  fragment, or the predicted speaker names it (the gold source's last word is one of its words);
- gold speaker is a pronoun ("he", "she"): the predicted speaker must name the person the
  pronoun stands for; a bare pronoun as the predicted speaker is not a name. PolNeAR has no
  coreference, so that person is read from the text and the gold, never from the system's
  output. The **old rule** takes the nearest earlier gold source in the same article that names
  someone (it starts with a capitalized name word: not "an Alaska lawyer", "which", "Some
  conservatives") and whose honorific (Mr., Mrs., Ms.) does not contradict the pronoun. It is
  often wrong ("Mr. Obama dismissed the criticism … “…,” he said" read as Laurence Tribe, the
  source of the sentence before), so the **new rule** accepts any of three simple readings
  (:func:`readings`): that one; the name opening one of the three sentences before (the subject
  of the sentence before, honorific compatible); and the named source of the nearest earlier
  direct quote of the same or the previous paragraph. Both rules are printed;
- gold has no source: right when the prediction has no speaker either.

A few gold attributions have their source and cue spans swapped (source "said", cue "Mulgrew");
a source that is a bare cue verb is read from the cue span instead.

"speaker span" is the looser figure: the predicted speaker span overlaps the gold source span
(a pronoun counts as itself). Peers: (1) a regular expression for quotation marks followed or
preceded by "said"/"says"/"told" and a capitalized name or pronoun; (2) textacy's
``extract.triples.direct_quotations`` run in its own virtual environment (``--textacy-python``,
default ``.venv-peers/bin/python``) on the same English model, skipped with the reason when
that interpreter or textacy is missing.

The published table is printed, from the repository root with ``../shared/eval`` in place, by:

    python evaluation/eval_quotes.py
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import subprocess
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "eval"
GOLD_FILE = Path("polnear_quotes") / "polnear_dev_test.jsonl"
TEXTACY_PYTHON = Path(".venv-peers/bin/python")
MIN_SHARE = 0.5
PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it", "you", "who", "him", "her", "them"})
_GENDERED = {"he": ("mrs.", "ms.", "mrs", "ms", "miss"), "she": ("mr.", "mr")}


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One PolNeAR attribution: content fragments, source fragments, and its source's text."""

    content: tuple[tuple[int, int], ...]
    source: tuple[tuple[int, int], ...]
    source_text: str
    direct: bool

    @property
    def size(self) -> int:
        return sum(e - s for s, e in self.content)


@dataclass(frozen=True, slots=True)
class GoldDocument:
    id: str
    text: str
    dct: str | None
    attributions: tuple[GoldAttribution, ...]


@dataclass(frozen=True, slots=True)
class Prediction:
    """A predicted quote: content offsets, speaker span and name, and its kind."""

    start: int
    end: int
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    kind: str = "direct"


@dataclass(slots=True)
class Tally:
    """Counts of one system on one table."""

    predicted: int = 0
    right: int = 0
    right_speaker: int = 0
    right_span: int = 0
    gold: int = 0
    found: int = 0
    found_speaker: int = 0
    found_span: int = 0
    left_out: int = 0

    def scores(self, which: str) -> tuple[float, float, float]:
        """Precision, recall and F1 of ``content``, ``speaker`` or ``span``."""
        right, found = {
            "content": (self.right, self.found),
            "speaker": (self.right_speaker, self.found_speaker),
            "span": (self.right_span, self.found_span),
        }[which]
        p = right / self.predicted if self.predicted else 0.0
        r = found / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def read_gold(path: Path, limit: int | None = None) -> list[GoldDocument]:
    """The PolNeAR documents of the converted JSONL file."""
    documents = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            attributions = tuple(_attribution(a) for a in row["attributions"] if a["content"])
            documents.append(GoldDocument(row["id"], row["text"], row.get("dct"), attributions))
            if limit is not None and len(documents) >= limit:
                break
    return documents


_CUE_WORDS = frozenset({"said", "says", "told", "added", "asked", "wrote", "advises"})


def _attribution(a: dict[str, Any]) -> GoldAttribution:
    """One gold attribution; a source that is a cue verb and a cue that is a name are swapped."""
    source, cue = a["source"], a.get("cue", [])
    source_text = " ".join(c["text"] for c in source)
    if source_text.strip().lower() in _CUE_WORDS and cue:
        source, source_text = cue, " ".join(c["text"] for c in cue)
    return GoldAttribution(
        content=tuple((c["start"], c["end"]) for c in a["content"]),
        source=tuple((c["start"], c["end"]) for c in source),
        source_text=source_text,
        direct=bool(a.get("content_in_quotes")),
    )


def overlap(p: Prediction, g: GoldAttribution) -> int:
    """Characters shared by a prediction and a gold attribution's content."""
    return sum(max(0, min(p.end, e) - max(p.start, s)) for s, e in g.content)


def matches(p: Prediction, g: GoldAttribution) -> bool:
    """Whether the contents overlap by at least half of the shorter one."""
    shared = overlap(p, g)
    return shared > 0 and shared >= MIN_SHARE * min(p.end - p.start, g.size)


_TITLES = frozenset({"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "the", "president"})


def _name_words(text: str) -> set[str]:
    """The capitalized words of a name or description, lowercased ("Sen. Claire McCaskill")."""
    words = re.findall(r"[A-Z][\w’'-]+", re.sub(r"\([^)]*\)", " ", text))
    return {w.lower() for w in words} - _TITLES - PRONOUNS


def _last_word(text: str) -> str:
    words = re.findall(r"[\w’'-]+", text.lower())
    return words[-1] if words else ""


def referent(doc: GoldDocument, g: GoldAttribution) -> GoldAttribution | None:
    """The person a gold pronoun source stands for: the nearest earlier non-pronoun source."""
    pronoun = g.source_text.strip().lower()
    start = g.source[0][0]
    earlier = sorted(
        (a for a in doc.attributions if a.source and a.source[0][0] < start),
        key=lambda a: a.source[0][0],
        reverse=True,
    )
    for a in earlier:
        text = a.source_text.strip().lower()
        if text in PRONOUNS:
            continue
        if text.startswith(_GENDERED.get(pronoun, ())) or _plural(a.source_text.strip()):
            continue
        if not _named(a.source_text):
            continue
        return a
    return None


_QUANTIFIERS = frozenset({"some", "many", "several", "most", "few", "all", "both", "other", "two"})


def _plural(text: str) -> bool:
    """A group, not a person ("Some conservatives", "sources"): not what "he" or "she" names."""
    words = text.split()
    last = words[-1] if words else ""
    return bool(words) and (
        words[0].lower() in _QUANTIFIERS
        or (last.endswith("s") and last.islower() and len(words) < 4)
    )


def _named(text: str) -> bool:
    """A source that names someone ("Mr. Clarke", "Rep. Adam Schiff"), not "an Alaska lawyer"."""
    words = text.split()
    return bool(words) and words[0][:1].isupper() and bool(_name_words(text))


def _names(p: Prediction, g: GoldAttribution) -> bool:
    """Whether the predicted speaker shares a name word with the gold source ("Clarke")."""
    words = set(re.findall(r"[\w’'-]+", (p.speaker or "").lower())) - PRONOUNS
    names = _name_words(g.source_text)
    if names:
        return bool(names & words)
    word = _last_word(g.source_text)
    return bool(word) and word in words


def _span_overlaps(p: Prediction, g: GoldAttribution) -> bool:
    if p.speaker_start is None or p.speaker_end is None:
        return False
    return any(p.speaker_start < e and s < p.speaker_end for s, e in g.source)


def speaker_right(doc: GoldDocument, p: Prediction, g: GoldAttribution, rule: str = "new") -> bool:
    """Whether the prediction's speaker is the gold attribution's source (see the module doc).

    ``rule`` says what a gold pronoun stands for: ``old``, the nearest earlier named gold source
    only (:func:`referent`); ``new``, any of the readings of :func:`readings`.
    """
    if not g.source:
        return p.speaker is None
    if g.source_text.strip().lower() in PRONOUNS:
        people = readings(doc, g) if rule == "new" else [referent(doc, g)]
        return any(
            _names(p, person)
            or (
                p.speaker_start is not None
                and _span_overlaps(p, person)
                and (p.speaker or "").lower() not in PRONOUNS
            )
            for person in people
            if person is not None
        )
    return _span_overlaps(p, g) or _names(p, g)


# How many sentences back the sentence-opening reading looks for a name.
OPENING_SENTENCES_BACK = 3
# A sentence ends at ., ! or ? and spaces, not after a title or an initial ("Mr.", "H.").
_SENTENCE_END = re.compile(
    r"(?<!\bMr\.)(?<!\bMrs\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bSen\.)(?<!\bRep\.)(?<!\bGov\.)"
    r"(?<!\bGen\.)(?<!\b[A-Z]\.)(?<=[.!?])[\"”’']*\s+|\n+"
)
_HONORIFIC = r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Sens|Reps)\.\s+)"
_OPENING_NAME = re.compile(
    rf"({_HONORIFIC}?(?:[A-Z][\w’'.-]*\s+){{0,3}}[A-Z][\w’'-]+)"
    r"(?=,|\s+(?!(?:a|an|the|to|of|in|on|for|with|at|by)\b)[a-z(])"
)
# Capitalized words that open sentences without naming anyone.
_NOT_NAMES = frozenset(
    {
        "a",
        "an",
        "the",
        "but",
        "and",
        "or",
        "so",
        "yet",
        "in",
        "on",
        "at",
        "for",
        "with",
        "after",
        "before",
        "when",
        "while",
        "as",
        "if",
        "though",
        "although",
        "because",
        "since",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "it",
        "its",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "his",
        "her",
        "their",
        "our",
        "my",
        "your",
        "what",
        "who",
        "why",
        "how",
        "where",
        "some",
        "many",
        "most",
        "all",
        "both",
        "other",
        "another",
        "one",
        "still",
        "now",
        "then",
        "also",
        "even",
        "just",
        "only",
        "during",
        "by",
        "from",
        "to",
        "of",
        "over",
        "under",
        "about",
        "asked",
        "according",
        "no",
        "not",
        "yes",
        "last",
        "next",
        "first",
        "democrats",
        "republicans",
        "critics",
        "officials",
        "president",
        "senator",
        "representative",
        "former",
        "democratic",
        "republican",
    }
)


def readings(doc: GoldDocument, g: GoldAttribution) -> list[GoldAttribution]:
    """Who a gold pronoun may stand for, by three simple readings of the text and the gold.

    1. the nearest earlier gold source naming someone with a compatible honorific
       (:func:`referent`, the old rule alone);
    2. the name opening the nearest earlier sentence that opens with one, at most
       ``OPENING_SENTENCES_BACK`` sentences back, outside quotes, its honorific compatible (the
       subject of the sentence before: "Mr. Obama dismissed the criticism … “…,” he said");
    3. the named source of the nearest earlier direct quote of the gold in the same or the
       previous paragraph (a "he said" going on with the quote before it).

    None of them reads the system's output; a predicted speaker naming any of them is right.
    """
    people = [referent(doc, g)]
    pronoun = g.source_text.strip().lower()
    start = g.source[0][0]
    people.append(_opening_name(doc.text, start, pronoun))
    paragraph = doc.text.count("\n\n", 0, start)
    earlier = sorted(
        (a for a in doc.attributions if a.direct and a.source and a.source[0][0] < start),
        key=lambda a: a.source[0][0],
        reverse=True,
    )
    for a in earlier:
        if paragraph - doc.text.count("\n\n", 0, a.source[0][0]) > 1:
            break
        if a.source_text.strip().lower() in PRONOUNS:
            continue
        if _compatible(a.source_text, pronoun) and _named(a.source_text):
            people.append(a)
        break
    return [p for p in people if p is not None]


def _compatible(text: str, pronoun: str) -> bool:
    text = text.strip()
    return not (text.lower().startswith(_GENDERED.get(pronoun, ())) or _plural(text))


def _opening_name(text: str, start: int, pronoun: str) -> GoldAttribution | None:
    """The name opening one of the few sentences before ``start`` (reading 2 of readings)."""
    bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    here = len(bounds) - 1
    for n in range(here - 1, max(-1, here - 1 - OPENING_SENTENCES_BACK), -1):
        sentence_start = bounds[n]
        m = _OPENING_NAME.match(text, sentence_start, bounds[n + 1])
        if m is None:
            continue
        name = m.group(1)
        words = name.replace(".", " ").split()
        first = words[0].lower()
        if first in _NOT_NAMES or first.endswith("ing") or not _compatible(name, pronoun):
            continue
        if not _name_words(name):
            continue
        return GoldAttribution((), ((m.start(1), m.end(1)),), name, False)
    return None


def speaker_span_right(p: Prediction, g: GoldAttribution) -> bool:
    """The looser figure: the predicted speaker span overlaps the gold source span."""
    return (not g.source and p.speaker is None) or _span_overlaps(p, g)


def score(
    doc: GoldDocument,
    predictions: Sequence[Prediction],
    *,
    direct_only: bool,
    tally: Tally,
    rule: str = "new",
) -> None:
    """Add one document's counts to ``tally``."""
    gold = [g for g in doc.attributions if g.direct or not direct_only]
    others = [g for g in doc.attributions if not g.direct] if direct_only else []
    preds = [p for p in predictions if p.kind != "indirect" or not direct_only]
    tally.gold += len(gold)
    for p in preds:
        hits = [g for g in gold if matches(p, g)]
        if not hits and any(matches(p, g) for g in others):
            tally.left_out += 1
            continue
        tally.predicted += 1
        if hits:
            tally.right += 1
            tally.right_speaker += any(speaker_right(doc, p, g, rule) for g in hits)
            tally.right_span += any(speaker_span_right(p, g) for g in hits)
    for g in gold:
        matched = [p for p in preds if matches(p, g)]
        if matched:
            tally.found += 1
            tally.found_speaker += any(speaker_right(doc, p, g, rule) for p in matched)
            tally.found_span += any(speaker_span_right(p, g) for p in matched)


# --- systems -------------------------------------------------------------------------------

_QUOTE = re.compile(r"[“\"]([^”\"\n]{2,}?)[”\"]")
_SPEAKER = r"((?:[A-Z][\w.’'-]*\s?){1,4}|he|she|they)"
_CUE = r"(?:said|says|told)"
_AFTER = re.compile(rf"\s*,?\s*(?:{_CUE}\s+{_SPEAKER}|{_SPEAKER}\s+{_CUE})")
_BEFORE = re.compile(rf"{_SPEAKER}\s+{_CUE}\s*[:,]?\s*$")


def run_regex(documents: Sequence[GoldDocument]) -> list[list[Prediction]]:
    """The baseline a user writes first: quotation marks, then "said X" or "X said" next to them."""
    runs = []
    for doc in documents:
        predictions = []
        for m in _QUOTE.finditer(doc.text):
            after = _AFTER.match(doc.text, m.end(), min(len(doc.text), m.end() + 60))
            before = _BEFORE.search(doc.text, max(0, m.start() - 60), m.start())
            group = None
            if after:
                g = 1 if after.group(1) else 2
                group = (after.start(g), after.end(g))
            elif before:
                group = (before.start(1), before.end(1))
            if group is None:
                predictions.append(Prediction(m.start(1), m.end(1)))
                continue
            s, e = group
            name = doc.text[s:e].strip()
            predictions.append(Prediction(m.start(1), m.end(1), name, s, s + len(name)))
        runs.append(predictions)
    return runs


def run_newsevents(documents: Sequence[GoldDocument]) -> list[list[Prediction]]:
    """Every quote record of ``Analyzer().analyse_many`` on the English pipeline."""
    from newsevents.pipeline import AnalysisFailure, Analyzer
    from newsevents.records import Article

    articles = [
        Article(
            id=d.id,
            text=d.text,
            lang="en",
            published=dt.date.fromisoformat(d.dct) if d.dct else None,
        )
        for d in documents
    ]
    runs: list[list[Prediction]] = []
    for result in Analyzer().analyse_many(articles):
        if isinstance(result, AnalysisFailure):
            print(f"- newsevents failed on {result.article.id}: {result.message}", file=sys.stderr)
            runs.append([])
            continue
        runs.append(
            [
                Prediction(
                    q.start,
                    q.end,
                    q.speaker,
                    q.speaker_span.start if q.speaker_span else None,
                    q.speaker_span.end if q.speaker_span else None,
                    q.kind,
                )
                for q in result.quotes
            ]
        )
    return runs


_TEXTACY_SCRIPT = """
import json, sys
import spacy
from textacy.extract import triples
nlp = spacy.load(sys.argv[1])
for line in sys.stdin:
    doc = nlp(json.loads(line))
    out = []
    try:
        for q in triples.direct_quotations(doc):
            speaker = [t.idx for t in q.speaker] + [t.idx + len(t.text) for t in q.speaker]
            out.append({
                "start": q.content.start_char, "end": q.content.end_char,
                "speaker": " ".join(t.text for t in q.speaker) or None,
                "speaker_start": min(speaker) if speaker else None,
                "speaker_end": max(speaker) if speaker else None,
            })
    except Exception as exc:
        out = {"error": type(exc).__name__ + ": " + str(exc)[:80]}
    print(json.dumps(out), flush=True)
"""


def textacy_version(python: Path) -> str | None:
    """textacy's version in the peer environment, or None when it cannot be run."""
    if not python.is_file():
        return None
    done = subprocess.run(
        [str(python), "-c", "import textacy; print(textacy.__version__)"],
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout.strip() if done.returncode == 0 else None


def run_textacy(documents: Sequence[GoldDocument], python: Path) -> list[list[Prediction]]:
    """textacy's direct quotations, run by the peer interpreter on the same English model."""
    from newsevents.analyze.models import MODELS, model_data_dir

    model = model_data_dir(MODELS["en"].package)
    payload = "".join(json.dumps(d.text) + "\n" for d in documents)
    done = subprocess.run(
        [str(python), "-c", _TEXTACY_SCRIPT, str(model)],
        input=payload,
        capture_output=True,
        text=True,
        check=True,
    )
    runs: list[list[Prediction]] = []
    errors: list[str] = []
    for line in done.stdout.splitlines():
        rows = json.loads(line)
        if isinstance(rows, dict):  # textacy raised on this document: scored as no quotes
            errors.append(rows["error"])
            rows = []
        runs.append([Prediction(kind="direct", **row) for row in rows])
    if errors:
        print(
            f"- textacy raised on {len(errors)} document(s), scored with no quotes: "
            f"{sorted(set(errors))[0]}",
            file=sys.stderr,
        )
    return runs


# --- report --------------------------------------------------------------------------------


def _row(name: str, t: Tally, seconds: float) -> str:
    c, s, x = t.scores("content"), t.scores("speaker"), t.scores("span")
    accuracy = t.found_speaker / t.found if t.found else 0.0
    cells = [f"{v:.3f}" for v in (*c, *s)]
    return (
        f"| {name} | {t.gold} | {t.predicted} | {' | '.join(cells)} | {accuracy:.3f} | "
        f"{x[2]:.3f} | {seconds:.1f} |"
    )


HEADER = (
    "| system | gold | predicted | P | R | F1 | speaker P | speaker R | speaker F1 | "
    "speaker accuracy | speaker-span F1 | seconds |\n"
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
)


RULES = ("new", "old")


def evaluate(
    documents: Sequence[GoldDocument], systems: Iterable[str], textacy_python: Path
) -> dict[str, tuple[dict[str, tuple[Tally, Tally]], float]]:
    """Counts of each system on the direct-quote and the all-attribution table, by pronoun rule."""
    results: dict[str, tuple[dict[str, tuple[Tally, Tally]], float]] = {}
    for name in systems:
        started = time.perf_counter()
        if name == "newsevents":
            runs = run_newsevents(documents)
        elif name == "regex":
            runs = run_regex(documents)
        else:
            runs = run_textacy(documents, textacy_python)
        seconds = time.perf_counter() - started
        tallies: dict[str, tuple[Tally, Tally]] = {}
        for rule in RULES:
            direct, every = Tally(), Tally()
            for doc, predictions in zip(documents, runs, strict=True):
                score(doc, predictions, direct_only=True, tally=direct, rule=rule)
                score(doc, predictions, direct_only=False, tally=every, rule=rule)
            tallies[rule] = (direct, every)
        results[name] = (tallies, seconds)
    return results


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation and print its tables."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--shared", type=Path, default=SHARED, help=f"the gold data folder (default {SHARED})"
    )
    parser.add_argument("--limit", type=int, help="first N documents")
    parser.add_argument(
        "--systems",
        default="newsevents,regex,textacy",
        help="comma-separated systems among newsevents, regex, textacy",
    )
    parser.add_argument(
        "--textacy-python",
        type=Path,
        default=TEXTACY_PYTHON,
        help=f"the Python of the environment where textacy is installed (default {TEXTACY_PYTHON})",
    )
    args = parser.parse_args(argv)
    path = args.shared / GOLD_FILE
    if not path.is_file():
        print(
            f"gold data not found: {path} ({path.parent} "
            f"{'has no such file' if path.parent.is_dir() else 'does not exist'}); "
            "pass --shared PATH to the folder holding polnear_quotes/",
            file=sys.stderr,
        )
        return 2
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be at least 1")
    systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    unknown = sorted(set(systems) - {"newsevents", "regex", "textacy"})
    if unknown:
        parser.error(f"unknown system(s): {', '.join(unknown)}")
    notes = []
    if "textacy" in systems:
        version = textacy_version(args.textacy_python)
        if version is None:
            notes.append(
                f"textacy left out: {args.textacy_python} cannot import textacy (create the "
                "environment with `python -m venv .venv-peers && .venv-peers/bin/pip "
                "install spacy==3.8.* textacy`, or pass --textacy-python)"
            )
            systems.remove("textacy")
        else:
            notes.append(f"textacy {version}, extract.triples.direct_quotations")

    from newsevents import __version__
    from newsevents.analyze.models import MODELS

    documents = read_gold(path, args.limit)
    n_attr = sum(len(d.attributions) for d in documents)
    n_direct = sum(a.direct for d in documents for a in d.attributions)
    results = evaluate(documents, systems, args.textacy_python)
    print(
        f"# Quotes against PolNeAR: newsevents {__version__}, {dt.date.today()}, "
        f"model {MODELS['en'].package}"
    )
    print(
        f"\n{len(documents)} documents, {n_attr} gold attributions, {n_direct} of them direct "
        "quotes; content matched at half of the shorter span"
    )
    for note in notes:
        print(f"- {note}")
    rule_names = {
        "new": "gold pronouns read by the three readings (new rule)",
        "old": "gold pronouns read as the nearest earlier named gold source (old rule)",
    }
    for title, index in (("Direct quotes", 0), ("All attributions (direct and indirect)", 1)):
        for rule in RULES:
            print(f"\n### {title}, {rule_names[rule]}\n")
            print(HEADER)
            for name, (tallies, seconds) in results.items():
                print(_row(name, tallies[rule][index], seconds))
    left = {name: r[0]["new"][0].left_out for name, r in results.items()}
    print(
        "\nquoted predictions matching only non-direct gold, left out of the direct table: "
        + ", ".join(f"{k} {v}" for k, v in left.items())
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
