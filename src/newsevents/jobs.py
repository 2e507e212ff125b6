"""The batch jobs behind the CLI and the API: extract (print) and ingest (store) many articles.

Each job streams: articles are read lazily, analysed in batches and written as they come, so
memory stays flat whatever the size of the corpus. Problems with single files, lines or articles
are collected and reported; they never stop the job.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsevents.pipeline import DEFAULT_BATCH_SIZE, AnalysisFailure, Analyzer
from newsevents.read import DEFAULT_MAX_CHARS, ReadProblem, read_paths
from newsevents.records import Analysis, Article
from newsevents.serve.writer import Writer, open_writer

Progress = Callable[[int], None]
"""Called with the number of articles just handled (read, skipped or failed)."""


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How inputs are read: defaults for what the files do not say, and the size limit."""

    lang: str | None = None
    published: dt.date | None = None
    max_chars: int = DEFAULT_MAX_CHARS
    batch_size: int = DEFAULT_BATCH_SIZE


Problem = ReadProblem
"""Something wrong with one input (a file, a line or an article), from reading or analysis."""


@dataclass(slots=True)
class JobReport:
    """What a job did: counts, and every problem met on the way."""

    read: int = 0
    analysed: int = 0
    stored: int = 0
    duplicates: int = 0
    unsupported: int = 0
    without_date: int = 0
    failures: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def failed(self) -> int:
        """How many inputs failed."""
        return len(self.failures)

    @property
    def ok(self) -> bool:
        """True when nothing failed."""
        return not self.failures


def _origin(article: Article) -> str:
    return article.origin or article.id


def _articles(
    paths: Iterable[str | Path],
    options: ReadOptions,
    report: JobReport,
    pending: deque[Problem],
    progress: Progress | None,
    keep: Callable[[Article], bool] | None = None,
) -> Iterator[Article]:
    """The readable articles of ``paths``; read problems go to ``report`` and ``pending``."""
    for item in read_paths(
        paths, published=options.published, lang=options.lang, max_chars=options.max_chars
    ):
        if isinstance(item, ReadProblem):
            if item.severity == "error":
                report.failures.append(item)
                if progress:
                    progress(1)
            else:
                report.warnings.append(item)
            pending.append(item)
            continue
        report.read += 1
        if item.published is None:
            report.without_date += 1
        if keep is None or keep(item):
            yield item
        elif progress:
            progress(1)


def extract_paths(
    paths: Iterable[str | Path],
    options: ReadOptions = ReadOptions(),
    *,
    report: JobReport | None = None,
    progress: Progress | None = None,
    keep: Callable[[Article], bool] | None = None,
) -> Iterator[Analysis | Problem]:
    """Analyses of every article under ``paths``, with problems in the stream where they arise.

    ``keep`` decides, before the costly analysis, whether an article is analysed at all.
    """
    report = report if report is not None else JobReport()
    pending: deque[Problem] = deque()
    analyzer = Analyzer(batch_size=options.batch_size)
    articles = _articles(paths, options, report, pending, progress, keep)
    for result in analyzer.analyse_many(articles):
        while pending:
            yield pending.popleft()
        if progress:
            progress(1)
        if isinstance(result, AnalysisFailure):
            problem = Problem(_origin(result.article), result.message)
            report.failures.append(problem)
            yield problem
            continue
        report.analysed += 1
        if result.provenance.status == "unsupported_language":
            report.unsupported += 1
        yield result
    yield from pending


def ingest_paths(
    paths: Iterable[str | Path],
    store: Writer | str | Path,
    options: ReadOptions = ReadOptions(),
    *,
    progress: Progress | None = None,
    on_problem: Callable[[Problem], None] | None = None,
    warn: Callable[[str], None] | None = None,
) -> JobReport:
    """Read, analyse and store every article under ``paths``; duplicates are skipped unanalysed.

    ``store`` is an open ``Store``, or the path of one: then, while ``newsevents serve`` owns
    that store, the analyses are sent to the server (``warn`` hears about it).
    """
    if isinstance(store, str | Path):
        with open_writer(store, warn) as writer:
            return ingest_paths(
                paths, writer, options, progress=progress, on_problem=on_problem, warn=warn
            )
    report = JobReport()

    def is_new(article: Article) -> bool:
        if store.find_duplicate(article) is None:
            return True
        report.duplicates += 1
        return False

    def say(problem: Problem) -> None:
        if on_problem:
            on_problem(problem)

    def flush(batch: list[Analysis]) -> None:
        # One transaction per batch: DuckDB pays per statement, not per row. The store falls
        # back to one article at a time when a batch fails, so an error costs only its article.
        for analysis, outcome in zip(batch, store.add_many(batch), strict=True):
            if outcome.stored:
                report.stored += 1
            elif outcome.duplicate_of is not None:
                report.duplicates += 1
            else:
                problem = Problem(_origin(analysis.article), f"not stored: {outcome.error}")
                report.failures.append(problem)
                say(problem)
        batch.clear()

    batch: list[Analysis] = []
    for item in extract_paths(paths, options, report=report, progress=progress, keep=is_new):
        if isinstance(item, Problem):
            say(item)
            continue
        batch.append(item)
        if len(batch) >= options.batch_size:
            flush(batch)
    flush(batch)
    return report
