"""The errors of the store, each telling the user what to do next."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Base class of every error raised by ``newsevents.store``."""


class DatabaseMissingError(StoreError, FileNotFoundError):
    """A database opened for reading does not exist yet."""

    def __init__(self, path: str | Path) -> None:
        super().__init__(
            f"No newsevents database at {path}: run `newsevents ingest` first to create it, "
            "or pass the path of an existing one."
        )
        self.path = str(path)


class NotADatabaseError(StoreError):
    """The file exists but is not a newsevents DuckDB database."""

    def __init__(self, path: str | Path, detail: str) -> None:
        super().__init__(
            f"{path} is not a newsevents DuckDB database ({detail}); pass another path, "
            "or move that file away so that a new database can be created there."
        )
        self.path = str(path)


class DatabaseBusyError(StoreError):
    """The database is held by another connection (DuckDB lets one process write a file)."""

    def __init__(self, path: str | Path, detail: str) -> None:
        super().__init__(f"Cannot open {path}: {detail}.")
        self.path = str(path)


class SchemaVersionError(StoreError):
    """The database was written by a newsevents with a schema this one does not know."""

    def __init__(self, path: str | Path, found: int, known: int) -> None:
        super().__init__(
            f"{path} has store schema version {found}, but this newsevents knows versions up "
            f"to {known}: upgrade newsevents to read it."
        )
        self.path = str(path)


class ReadOnlyStoreError(StoreError):
    """A write was attempted on a store opened with ``read_only=True``."""

    def __init__(self, path: str | Path) -> None:
        super().__init__(f"{path} was opened read-only: open it without read_only to add articles.")


class StoreWriteError(StoreError):
    """One article could not be stored; nothing of it was kept."""

    def __init__(self, article_id: str, detail: str) -> None:
        super().__init__(
            f"Could not store article {article_id!r}: {detail}. Nothing of that article was "
            "kept; the articles stored before it are unaffected."
        )
        self.article_id = article_id


class ExportError(StoreError, ValueError):
    """An export was asked for a table, format or destination that do not go together."""
