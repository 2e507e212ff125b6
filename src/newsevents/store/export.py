"""Writing stored tables out as JSON Lines, CSV or Parquet."""

from __future__ import annotations

import itertools
import json
import re
import shutil
import sys
import tempfile
from dataclasses import fields
from pathlib import Path
from typing import Literal, TextIO

import duckdb

from newsevents.records import RECORD_KINDS, to_dict

from .errors import ExportError
from .queries import (
    ARTICLE_ORDER,
    EVENT_FROM,
    EVENT_ORDER,
    Filters,
    Query,
    SearchMode,
    article_where,
    event_where,
    iter_analyses,
    limit_clause,
)
from .schema import ARTICLE_COLUMNS, RECORD_CLASSES, nested_fields, quote_ident

ExportFormat = Literal["jsonl", "csv", "parquet"]

FORMATS: tuple[str, ...] = ("jsonl", "csv", "parquet")
EXPORT_TABLES: tuple[str, ...] = ("analyses", "articles", *RECORD_KINDS)
STDOUT = "-"

_NO_FILTERS = Filters()

_COPY_OPTIONS = {"jsonl": "FORMAT json", "csv": "FORMAT csv, HEADER", "parquet": "FORMAT parquet"}
_EVENT_PLACE = "p.name AS place_name, p.country_code, p.lat, p.lon"
"""What an events export adds from the event's place, to map and group without a join."""


def check_export(out: Path | str, fmt: str, table: str) -> None:
    """Raise ``ExportError`` when ``table``, ``fmt`` and ``out`` do not go together."""
    if table not in EXPORT_TABLES:
        raise ExportError(
            f"No table {table!r} to export: choose one of {', '.join(EXPORT_TABLES)}."
        )
    if fmt not in FORMATS:
        raise ExportError(f"No export format {fmt!r}: choose one of {', '.join(FORMATS)}.")
    if table == "analyses" and fmt != "jsonl":
        raise ExportError(
            "The analyses table nests every record of an article, so it exports only as jsonl; "
            f"for {fmt}, export one of the flat tables: {', '.join(EXPORT_TABLES[1:])}."
        )
    if str(out) == STDOUT and fmt == "parquet":
        raise ExportError("Parquet is binary and cannot go to stdout: give a file path instead.")


def export(
    con: duckdb.DuckDBPyConnection,
    out: Path | str,
    *,
    fmt: ExportFormat,
    table: str = "events",
    filters: Filters = _NO_FILTERS,
    search: SearchMode = "like",
) -> int:
    """Write ``table`` (rows matching ``filters``) to ``out`` (``-`` is stdout); rows written."""
    check_export(out, fmt, table)
    if table == "analyses":
        if str(out) == STDOUT:
            return _write_analyses(con, filters, sys.stdout, search)
        with _open_out(Path(out)) as stream:
            return _write_analyses(con, filters, stream, search)
    sql, params = table_query(table, filters, search)
    if str(out) != STDOUT:
        return _copy(con, sql, params, Path(out), fmt)
    # DuckDB writes to files only; going through one keeps stdout and file output identical.
    with tempfile.TemporaryDirectory(prefix="newsevents-export-") as tmp:
        path = Path(tmp) / f"{table}.{fmt}"
        written = _copy(con, sql, params, path, fmt)
        with path.open(encoding="utf-8") as stream:
            shutil.copyfileobj(stream, sys.stdout)
        sys.stdout.flush()
    return written


def table_query(table: str, filters: Filters, search: SearchMode = "like") -> Query:
    """The SELECT giving the flat export rows of ``table``, in listing order."""
    limit, limit_params = limit_clause(filters)
    if table == "articles":
        where, params = article_where(filters, search)
        cols = ", ".join(f"a.{quote_ident(c.name)}" for c in ARTICLE_COLUMNS)
        sql = f"SELECT {cols} FROM articles a {where} ORDER BY {ARTICLE_ORDER} {limit}"
        return sql, params + limit_params
    if table == "events":
        where, params = event_where(filters, search)
        cols = f"{_record_columns('events', 'e')}, e.date_from, e.date_to, {_EVENT_PLACE}"
        sql = f"SELECT {cols} FROM {EVENT_FROM} {where} ORDER BY {EVENT_ORDER} {limit}"
        return sql, params + limit_params
    where, params = article_where(filters, search)
    sql = (
        f"SELECT {_record_columns(table, 'r')} FROM {table} r "
        f"JOIN articles a ON a.id = r.article_id {where} "
        f"ORDER BY {ARTICLE_ORDER}, r.seq {limit}"
    )
    return sql, params + limit_params


def _record_columns(kind: str, alias: str) -> str:
    """``article_id`` then every field of the record in its own order.

    Scalar fields come from their columns, the others from the ``record`` JSON column
    (a JSON null becomes SQL NULL so that CSV and Parquet show an empty cell).
    """
    nested = set(nested_fields(kind))
    cols = [f"{alias}.article_id"]
    for field in fields(RECORD_CLASSES[kind]):
        name = quote_ident(field.name)
        if field.name not in nested:
            cols.append(f"{alias}.{name}")
        else:
            path = "'$." + field.name + "'"
            cols.append(f"nullif({alias}.record->{path}, 'null'::JSON) AS {name}")
    return ", ".join(cols)


def _copy(
    con: duckdb.DuckDBPyConnection, sql: str, params: list[object], path: Path, fmt: str
) -> int:
    _check_parent(path)
    # Numbered placeholders: DuckDB binds COPY's TO target before the query's own ``?``s.
    numbers = itertools.count(1)
    numbered = re.sub(r"\?", lambda _: f"${next(numbers)}", sql)
    target = f"${len(params) + 1}"
    try:
        row = con.execute(
            f"COPY ({numbered}) TO {target} ({_COPY_OPTIONS[fmt]})", [*params, str(path)]
        )
        result = row.fetchone()
    except duckdb.IOException as exc:
        raise ExportError(f"Could not write {path}: {exc}") from exc
    return int(result[0]) if result else 0


def _open_out(path: Path) -> TextIO:
    _check_parent(path)
    try:
        return path.open("w", encoding="utf-8")
    except OSError as exc:
        raise ExportError(f"Could not write {path}: {exc.strerror or exc}") from exc


def _check_parent(path: Path) -> None:
    if not path.parent.is_dir():
        raise ExportError(f"Cannot write {path}: the folder {path.parent} does not exist.")


def _write_analyses(
    con: duckdb.DuckDBPyConnection, filters: Filters, stream: TextIO, search: SearchMode
) -> int:
    count = 0
    for analysis in iter_analyses(con, filters, search):
        stream.write(json.dumps(to_dict(analysis), ensure_ascii=False) + "\n")
        count += 1
    return count
