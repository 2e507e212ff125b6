"""The ``newsevents`` command: thin shells over ``newsevents.jobs`` and ``newsevents.store``."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO, cast

import click
from tqdm import tqdm

from newsevents import __version__
from newsevents.analyze.models import ModelNotInstalled
from newsevents.jobs import JobReport, Problem, ReadOptions, extract_paths, ingest_paths
from newsevents.pipeline import DEFAULT_BATCH_SIZE
from newsevents.read import DEFAULT_MAX_CHARS, count_inputs
from newsevents.records import to_dict
from newsevents.serve.writer import open_writer
from newsevents.store import DEFAULT_DB, ExportFormat, Filters, Store, StoreError

DATE = click.DateTime(formats=["%Y-%m-%d"])


def _date(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value is not None else None


def read_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The options every command that reads articles takes."""
    options = [
        click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path)),
        click.option("--lang", help="Language of every article (ISO 639-1); detected if unset."),
        click.option(
            "--published", type=DATE, help="Publication date (YYYY-MM-DD) for files without one."
        ),
        click.option(
            "--max-chars",
            type=click.IntRange(min=1),
            default=DEFAULT_MAX_CHARS,
            show_default=True,
            help="Longest article analysed; longer ones are reported and skipped.",
        ),
        click.option(
            "--batch-size",
            type=click.IntRange(min=1),
            default=DEFAULT_BATCH_SIZE,
            show_default=True,
            help="Articles analysed together by the language model.",
        ),
        click.option("--quiet", "-q", is_flag=True, help="No progress bar."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def filter_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The options every command that lists stored data takes."""
    options = [
        click.option(
            "--db",
            type=click.Path(path_type=Path),
            default=DEFAULT_DB,
            show_default=True,
            help="DuckDB store.",
        ),
        click.option("--since", type=DATE, help="From this date on (YYYY-MM-DD)."),
        click.option("--until", type=DATE, help="Up to this date (YYYY-MM-DD), inclusive."),
        click.option("--lang", help="Only articles in this language (ISO 639-1)."),
        click.option("--country", help="Only what is located in this country (ISO alpha-2)."),
        click.option("--limit", type=click.IntRange(min=1), help="At most this many rows."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _filters(
    since: dt.datetime | None,
    until: dt.datetime | None,
    lang: str | None,
    country: str | None,
    limit: int | None,
) -> Filters:
    return Filters(_date(since), _date(until), lang, country, limit)


def _options(
    lang: str | None, published: dt.datetime | None, max_chars: int, batch_size: int
) -> ReadOptions:
    return ReadOptions(
        lang=lang.lower() if lang else None,
        published=_date(published),
        max_chars=max_chars,
        batch_size=batch_size,
    )


def _progress_bar(paths: Sequence[Path], quiet: bool) -> tqdm[Any]:
    # The total is known when every input is a one-article file; JSONL leaves it open.
    # disable=None turns the bar off when stderr is not a terminal (logs, CI, pipes).
    return tqdm(
        total=None if quiet else count_inputs(paths),
        unit=" articles",
        file=sys.stderr,
        disable=True if quiet else None,
        leave=False,
    )


def _say_problem(bar: tqdm[Any], problem: Problem) -> None:
    # Failures are listed once, in the closing summary; warnings only here, as they arise.
    if problem.severity == "warning":
        bar.write(str(problem), file=sys.stderr)


def _summary(report: JobReport, *, stored: bool) -> str:
    lines = [f"read {report.read} article(s), {report.without_date} without a publication date"]
    parts = [f"analysed {report.analysed}"]
    if stored:
        parts.append(f"stored {report.stored}")
        parts.append(f"skipped {report.duplicates} duplicate(s)")
    if report.unsupported:
        parts.append(f"{report.unsupported} in a language not analysed (kept without records)")
    parts.append(f"failed {report.failed}")
    lines.append(", ".join(parts))
    if report.failures:
        lines.append("failures:")
        lines.extend(f"  {problem.origin}: {problem.message}" for problem in report.failures)
    return "\n".join(lines)


class _Commands(click.Group):
    """Turns the library's expected errors into one clear line and exit status 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (StoreError, ModelNotInstalled) as exc:  # ServeError is a StoreError
            raise click.ClickException(str(exc)) from exc


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsevents")
def main() -> None:
    """Turn news articles into event data with evidence: who did what to whom, where, when."""


@main.command()
@read_options
@click.option(
    "--output", "-o", type=click.File("w", encoding="utf-8"), default="-", help="JSONL file."
)
def extract(
    paths: tuple[Path, ...],
    lang: str | None,
    published: dt.datetime | None,
    max_chars: int,
    batch_size: int,
    quiet: bool,
    output: TextIO,
) -> None:
    """Analyse articles and print one JSON object per article (JSONL).

    PATHS are files or folders: the example format (a `date YYYY-MM-DD title` line, a blank
    line, the body), JSONL, plain text, HTML, and .gz of any of them.
    """
    report = JobReport()
    with _progress_bar(paths, quiet) as bar:
        for item in extract_paths(
            paths,
            _options(lang, published, max_chars, batch_size),
            report=report,
            progress=bar.update,
        ):
            if isinstance(item, Problem):
                _say_problem(bar, item)
            else:
                output.write(json.dumps(to_dict(item), ensure_ascii=False) + "\n")
    click.echo(_summary(report, stored=False), err=True)
    sys.exit(0 if report.ok else 1)


@main.command()
@read_options
@click.option(
    "--db",
    type=click.Path(path_type=Path),
    default=DEFAULT_DB,
    show_default=True,
    help="DuckDB store (created if missing).",
)
def ingest(
    paths: tuple[Path, ...],
    lang: str | None,
    published: dt.datetime | None,
    max_chars: int,
    batch_size: int,
    quiet: bool,
    db: Path,
) -> None:
    """Analyse articles and store them with their records; duplicates are stored once.

    While `newsevents serve` runs on the same --db, the articles are analysed here and stored
    through the server, which owns the store.
    """
    say = _say_err
    with open_writer(db, say) as store, _progress_bar(paths, quiet) as bar:
        report = ingest_paths(
            paths,
            store,
            _options(lang, published, max_chars, batch_size),
            progress=bar.update,
            on_problem=lambda problem: _say_problem(bar, problem),
        )
    click.echo(_summary(report, stored=True) + f"\nstore: {db}", err=True)
    sys.exit(0 if report.ok else 1)


def _say_err(message: str) -> None:
    click.echo(message, err=True)


@main.command()
@click.option(
    "--db",
    type=click.Path(path_type=Path),
    default=DEFAULT_DB,
    show_default=True,
    help="DuckDB store (created if missing); owned by the server while it runs.",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port."
)
@click.option(
    "--token-file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File whose first line is the token that POST /api/articles needs "
    "(default: the NEWSEVENTS_TOKEN environment variable; writing is disabled without one).",
)
def serve(db: Path, host: str, port: int, token_file: Path | None) -> None:
    """Serve the dashboard and the JSON API of a store (http://127.0.0.1:8000 by default).

    The server owns the store while it runs: `newsevents ingest --db` on the same file sends
    its analyses to it, and the dashboard shows them on its next refresh.
    """
    from newsevents.serve.server import read_token, run_server

    run_server(db, host=host, port=port, token=read_token(token_file), say=click.echo)


def _print_rows(rows: Sequence[Any], columns: Sequence[str], as_json: bool) -> None:
    if as_json:
        for row in rows:
            click.echo(json.dumps(to_dict(row), ensure_ascii=False))
        return
    table = [[_cell(getattr(row, c)) for c in columns] for row in rows]
    widths = [max([len(c), *(len(r[i]) for r in table)]) for i, c in enumerate(columns)]
    click.echo("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip())
    for r in table:
        click.echo("  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip())
    click.echo(f"({len(rows)} row{'s' if len(rows) != 1 else ''})", err=True)


def _cell(value: Any, width: int = 60) -> str:
    text = "" if value is None else str(value).replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


ARTICLE_COLUMNS = ("id", "published", "lang", "status", "entities", "amounts", "events", "title")
EVENT_COLUMNS = (
    "article_id",
    "id",
    "date_value",
    "type",
    "mode",
    "status",
    "place_name",
    "country_code",
    "trigger",
)


@main.command()
@filter_options
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def articles(
    db: Path,
    since: dt.datetime | None,
    until: dt.datetime | None,
    lang: str | None,
    country: str | None,
    limit: int | None,
    as_json: bool,
) -> None:
    """List stored articles (dates filter the publication date)."""
    _list_stored(db, "articles", _filters(since, until, lang, country, limit), as_json)


@main.command()
@filter_options
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def events(
    db: Path,
    since: dt.datetime | None,
    until: dt.datetime | None,
    lang: str | None,
    country: str | None,
    limit: int | None,
    as_json: bool,
) -> None:
    """List stored events (dates filter when the event happened)."""
    _list_stored(db, "events", _filters(since, until, lang, country, limit), as_json)


LISTINGS = {"articles": ARTICLE_COLUMNS, "events": EVENT_COLUMNS}


def _list_stored(db: Path, kind: str, filters: Filters, as_json: bool) -> None:
    """Print the stored articles or events that match ``filters``."""
    with Store(db, read_only=True) as store:
        rows = store.articles(filters) if kind == "articles" else store.events(filters)
    _print_rows(rows, LISTINGS[kind], as_json)


@main.command()
@filter_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "parquet"]),
    required=True,
    help="Output format.",
)
@click.option(
    "--table",
    type=click.Choice(
        ["analyses", "articles", "entities", "places", "times", "amounts", "quotes", "events"]
    ),
    default=None,
    help="What to write: full analyses (jsonl) or one table. Default: analyses for jsonl, "
    "events otherwise.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path),
    default=Path("-"),
    help="Output file ('-' for standard output; parquet needs a file).",
)
def export(
    db: Path,
    since: dt.datetime | None,
    until: dt.datetime | None,
    lang: str | None,
    country: str | None,
    limit: int | None,
    fmt: str,
    table: str | None,
    output: Path,
) -> None:
    """Write stored data out as JSONL, CSV or Parquet."""
    table = table or ("analyses" if fmt == "jsonl" else "events")
    with Store(db, read_only=True) as store:
        count = store.export(
            output,
            fmt=cast(ExportFormat, fmt),
            table=table,
            filters=_filters(since, until, lang, country, limit),
        )
    click.echo(f"wrote {count} row(s) of {table} to {output}", err=True)
