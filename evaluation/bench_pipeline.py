"""Throughput of `newsevents extract` against a bare `nlp.pipe` pass of the same model.

For each language, the same texts go through (1) the bare spaCy model and (2) the whole
newsevents analysis (language identification, model, every extractor, the JSON form of the
result). Both run in this process on texts already in memory, twice each in alternation, and the
faster run of each is kept. Prints articles per second for both and their ratio.

    python evaluation/bench_pipeline.py                    # news texts of ../shared/eval
    python evaluation/bench_pipeline.py --input my.jsonl   # any JSONL with `text` (and `lang`)
    python evaluation/bench_pipeline.py --stages           # and milliseconds per extractor
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path

from newsevents import __version__
from newsevents.analyze.models import load_model
from newsevents.pipeline import DEFAULT_BATCH_SIZE, Analyzer, load_pipeline, make_docs
from newsevents.records import Article, stable_id, to_dict

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
# News texts of the gold sets, by language; only their text is used here.
DEFAULT_INPUTS = {
    "fr": [SHARED / "french_timebank" / "ftib.jsonl"],
    "es": [
        SHARED / "meantime_timex" / "meantime_es.jsonl",
        SHARED / "conll2002_es" / "esp_testb.jsonl",
    ],
    "en": [SHARED / "ecbplus_clusters" / "ecbplus_docs.jsonl"],
}


def load_texts(paths: list[Path], limit: int) -> list[str]:
    """Up to ``limit`` non-empty texts from JSONL files."""
    texts: list[str] = []
    for path in paths:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                text = json.loads(line).get("text", "")
                if text.strip():
                    texts.append(text)
                if len(texts) >= limit:
                    return texts
    return texts


def best_of(runs: int, work: Callable[[], None]) -> float:
    """The shortest wall time of ``runs`` calls of ``work``."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def bench_language(lang: str, texts: list[str], batch_size: int, runs: int) -> dict[str, float]:
    """Seconds for the bare model and for the full analysis of ``texts``."""
    bare = load_model(lang)
    load_pipeline(lang)  # load before timing, as the bare model is
    articles = [Article(id=stable_id("text", t), text=t) for t in texts]
    analyzer = Analyzer(batch_size=batch_size)

    def bare_pass() -> None:
        for _doc in bare.pipe(texts, batch_size=batch_size):
            pass

    def full_pass() -> None:
        for result in analyzer.analyse_many(articles):
            json.dumps(to_dict(result), ensure_ascii=False)

    bare_pass()  # warm-up: first batches pay for lazy allocations in both passes
    full_pass()
    bare_s = best_of(runs, bare_pass)
    full_s = best_of(runs, full_pass)
    return {"n": len(texts), "chars": sum(map(len, texts)), "bare_s": bare_s, "full_s": full_s}


def stage_times(lang: str, texts: list[str], batch_size: int) -> dict[str, float]:
    """Milliseconds per document of each newsevents extractor, run in order on parsed texts."""
    nlp = load_pipeline(lang)
    ours = [name for name in nlp.pipe_names if name.startswith("newsevents_")]
    spent = dict.fromkeys(ours, 0.0)
    articles = [Article(id=stable_id("text", t), text=t, lang=lang) for t in texts]
    with nlp.select_pipes(disable=ours):
        docs = list(nlp.pipe(make_docs(nlp, articles), batch_size=batch_size))
    for doc in docs:
        for name in ours:
            start = time.perf_counter()
            nlp.get_pipe(name)(doc)
            spent[name] += time.perf_counter() - start
    return {name.removeprefix("newsevents_"): 1000 * s / len(docs) for name, s in spent.items()}


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", type=Path, help="JSONL with `text` and `lang` fields")
    parser.add_argument("--limit", type=int, default=200, help="texts per language")
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument(
        "--stages", action="store_true", help="also print milliseconds per document per extractor"
    )
    args = parser.parse_args(argv)

    if args.input:
        by_lang: dict[str, list[str]] = {}
        with args.input.open(encoding="utf-8") as lines:
            for line in lines:
                row = json.loads(line)
                by_lang.setdefault(row.get("lang") or "fr", []).append(row["text"])
        inputs = {lang: texts[: args.limit] for lang, texts in by_lang.items()}
    else:
        missing = [p for paths in DEFAULT_INPUTS.values() for p in paths if not p.exists()]
        if missing:
            print(f"missing input {missing[0]}; pass --input FILE.jsonl", file=sys.stderr)
            return 2
        inputs = {lang: load_texts(paths, args.limit) for lang, paths in DEFAULT_INPUTS.items()}

    print(
        f"# newsevents {__version__} pipeline benchmark, {dt.date.today()}, "
        f"{platform.python_version()}, batch size {args.batch_size}, best of {args.runs}"
    )
    print("| lang | articles | chars | bare nlp.pipe art/s | extract art/s | ratio |")
    print("|---|---:|---:|---:|---:|---:|")
    total_bare = total_full = 0.0
    total_n = 0
    for lang, texts in inputs.items():
        r = bench_language(lang, texts, args.batch_size, args.runs)
        total_bare += r["bare_s"]
        total_full += r["full_s"]
        total_n += int(r["n"])
        print(
            f"| {lang} | {r['n']:.0f} | {r['chars']:.0f} | {r['n'] / r['bare_s']:.1f} | "
            f"{r['n'] / r['full_s']:.1f} | {r['bare_s'] / r['full_s']:.2f} |"
        )
    print(
        f"| all | {total_n} | | {total_n / total_bare:.1f} | {total_n / total_full:.1f} | "
        f"{total_bare / total_full:.2f} |"
    )
    if args.stages:
        print("\nmilliseconds per document:")
        for lang, texts in inputs.items():
            stages = stage_times(lang, texts, args.batch_size)
            print(f"- {lang}: " + ", ".join(f"{k} {v:.1f}" for k, v in stages.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
