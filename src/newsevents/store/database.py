"""The store: one DuckDB file holding articles and their records."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Self

import duckdb

from newsevents.records import Analysis, Article

from . import export as _export
from .errors import (
    DatabaseBusyError,
    DatabaseMissingError,
    NotADatabaseError,
    ReadOnlyStoreError,
    StoreError,
    StoreWriteError,
)
from .queries import (
    ArticleRow,
    EventRow,
    Filters,
    SearchMode,
    analyses_of,
    iter_analyses,
    list_articles,
    list_events,
)
from .schema import (
    SCHEMA_VERSION,
    TABLES,
    create_schema,
    migrate,
    schema_version,
    user_tables,
    utc_now,
)
from .search import build_index, index_is_fresh, load_fts
from .writes import AddOutcome, find_duplicates, insert_analyses

DEFAULT_DB = "newsevents.duckdb"
MEMORY = ":memory:"

_NO_FILTERS = Filters()


class Store:
    """Articles and their records in a DuckDB file; a context manager that closes it on exit."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        self._con = _connect(self.path, read_only)
        try:
            _prepare(self._con, self.path, read_only)
        except BaseException:
            self._con.close()
            raise
        self._fts = load_fts(self._con)
        # One writer at a time on the shared connection: writes and index builds.
        self._lock = threading.RLock()
        self._indexed_revision: int | None = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (closing twice is harmless)."""
        self._con.close()

    def find_duplicate(self, article: Article) -> AddOutcome | None:
        """The outcome saying which stored article this one duplicates, or None when it is new.

        Cheap: call it before analysing an article to skip the ones already stored.
        """
        with self._lock:
            return find_duplicates(self._con, [article])[0]

    def add(self, analysis: Analysis) -> AddOutcome:
        """Store one analysis, all of it or nothing; a duplicate is reported, not stored.

        Raises ``StoreWriteError`` when it cannot be written; the articles stored before stay.
        """
        self._check_writable()
        with self._lock:
            return self._add(analysis)

    def _add(self, analysis: Analysis) -> AddOutcome:
        con = self._con
        con.begin()
        try:
            duplicate = find_duplicates(con, [analysis.article])[0]
            if duplicate is None:
                insert_analyses(con, [analysis], utc_now())
            con.commit()
        except Exception as exc:
            con.rollback()
            raise StoreWriteError(analysis.article.id, _describe(exc)) from exc
        except BaseException:
            con.rollback()
            raise
        return duplicate or AddOutcome(stored=True)

    def add_many(self, analyses: Iterable[Analysis]) -> list[AddOutcome]:
        """Store a batch in one transaction; duplicates within it are found too.

        When the batch cannot be written, its articles are stored one by one instead, so a
        bad article costs only itself: its outcome has ``reason="error"`` and the message.
        """
        self._check_writable()
        batch = list(analyses)
        if not batch:
            return []
        with self._lock:
            return self._add_many(batch)

    def _add_many(self, batch: list[Analysis]) -> list[AddOutcome]:
        con = self._con
        con.begin()
        try:
            duplicates = find_duplicates(con, [a.article for a in batch])
            new = [a for a, dup in zip(batch, duplicates, strict=True) if dup is None]
            insert_analyses(con, new, utc_now())
            con.commit()
        except Exception:
            con.rollback()
            return [self._add_or_report(a) for a in batch]
        except BaseException:
            con.rollback()
            raise
        return [d or AddOutcome(stored=True) for d in duplicates]

    def articles(self, filters: Filters = _NO_FILTERS) -> list[ArticleRow]:
        """The articles matching ``filters``, by publication date then id."""
        return list_articles(self._con, filters, self.search_mode(filters))

    def events(self, filters: Filters = _NO_FILTERS) -> list[EventRow]:
        """The events matching ``filters``, by date, then article, then order in the text."""
        return list_events(self._con, filters, self.search_mode(filters))

    def analyses(self, filters: Filters = _NO_FILTERS) -> Iterator[Analysis]:
        """The stored analyses of the articles matching ``filters``, equal to those added."""
        return iter_analyses(self._con, filters, self.search_mode(filters))

    def analyses_of(self, ids: list[str]) -> list[Analysis]:
        """The stored analyses of the articles ``ids``, in that order (unknown ids skipped)."""
        with self.reading() as cursor:
            return list(analyses_of(cursor, ids))

    @contextlib.contextmanager
    def reading(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor of its own for one reader; DuckDB cursors can be used from any thread."""
        cursor = self._con.cursor()
        try:
            yield cursor
        finally:
            cursor.close()

    def revision(self) -> int:
        """A number that grows with every write that stored something (the articles stored)."""
        with self.reading() as cursor:
            row = cursor.execute("SELECT count(*) FROM articles").fetchone()
        return int(row[0]) if row else 0

    @property
    def full_text(self) -> bool:
        """Whether the DuckDB ``fts`` extension is loaded (else searches match words, unranked)."""
        return self._fts

    def search_mode(self, filters: Filters = _NO_FILTERS) -> SearchMode:
        """How ``filters.q`` is matched now, bringing the full-text index up to date if needed.

        The index covers the articles stored when it was built: after a write it is rebuilt by
        the next search (a read-only store searches without it until then).
        """
        if not filters.q or not self._fts:
            return "like"
        revision = self.revision()
        if self._indexed_revision == revision:
            return "fts"
        with self._lock, self.reading() as cursor:
            if index_is_fresh(cursor):
                self._indexed_revision = revision
                return "fts"
            if self.read_only:
                return "like"
            build_index(cursor)
            self._indexed_revision = revision
        return "fts"

    def export(
        self,
        out: Path | str,
        *,
        fmt: _export.ExportFormat,
        table: str = "events",
        filters: Filters = _NO_FILTERS,
    ) -> int:
        """Write ``table`` to ``out`` (``-`` for stdout) as jsonl, csv or parquet; rows written."""
        return _export.export(
            self._con, out, fmt=fmt, table=table, filters=filters, search=self.search_mode(filters)
        )

    def counts(self) -> dict[str, int]:
        """How many rows each table holds."""
        counts = {}
        for table in TABLES:
            row = self._con.execute(f"SELECT count(*) FROM {table}").fetchone()
            counts[table] = int(row[0]) if row else 0
        return counts

    def _add_or_report(self, analysis: Analysis) -> AddOutcome:
        try:
            return self.add(analysis)
        except StoreWriteError as exc:
            return AddOutcome(stored=False, reason="error", error=str(exc))

    def _check_writable(self) -> None:
        if self.read_only:
            raise ReadOnlyStoreError(self.path)


def _connect(path: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    """Open the DuckDB connection, turning DuckDB's errors into ones that say what to do."""
    if path != MEMORY:
        file = Path(path)
        if read_only and not file.exists():
            raise DatabaseMissingError(path)
        if file.is_dir():
            raise NotADatabaseError(path, "it is a folder")
    try:
        # Without this, a query naming a missing table would read a Python variable of
        # that name from the caller's frame instead of failing.
        # Extensions are never fetched: full-text search loads its own from an installed wheel.
        config: dict[str, str | bool | int | float | list[str]] = {
            "python_enable_replacements": False,
            "autoinstall_known_extensions": False,
            "autoload_known_extensions": False,
        }
        return duckdb.connect(path, read_only=read_only, config=config)
    except duckdb.Error as exc:
        message = str(exc)
        if "not a valid DuckDB database" in message:
            raise NotADatabaseError(path, "not a DuckDB file") from exc
        if "Could not set lock" in message:
            detail = (
                "another process is using it; wait for that newsevents command to finish, "
                "or work on a copy of the file"
            )
            raise DatabaseBusyError(path, detail) from exc
        if "different configuration" in message:
            detail = "this process has it open already in the other mode; close that Store first"
            raise DatabaseBusyError(path, detail) from exc
        raise StoreError(f"Cannot open {path}: {message}") from exc


def _prepare(con: duckdb.DuckDBPyConnection, path: str, read_only: bool) -> None:
    """Check the schema of an existing database, or create it in a new one."""
    version = schema_version(con)
    if version is not None:
        if read_only and version < SCHEMA_VERSION:
            raise StoreError(
                f"{path} was written by an older newsevents (store schema {version}); open it "
                "once with a command that writes (newsevents ingest or newsevents serve) to "
                "upgrade it."
            )
        migrate(con, path, version)
        return
    if user_tables(con):
        raise NotADatabaseError(path, "a DuckDB file without the newsevents tables")
    if read_only:
        raise DatabaseMissingError(path)
    create_schema(con)


def _describe(exc: Exception) -> str:
    """The first line of an error, which is the one that says what went wrong."""
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
