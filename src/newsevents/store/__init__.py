"""Storing analyses in DuckDB, reading them back, and exporting them."""

from .database import DEFAULT_DB, Store
from .errors import (
    DatabaseBusyError,
    DatabaseMissingError,
    ExportError,
    NotADatabaseError,
    ReadOnlyStoreError,
    SchemaVersionError,
    StoreError,
    StoreWriteError,
)
from .export import EXPORT_TABLES, FORMATS, ExportFormat
from .queries import ArticleRow, EventRow, Filters
from .schema import SCHEMA_VERSION, text_hash
from .writes import AddOutcome

__all__ = [
    "DEFAULT_DB",
    "EXPORT_TABLES",
    "FORMATS",
    "SCHEMA_VERSION",
    "AddOutcome",
    "ArticleRow",
    "DatabaseBusyError",
    "DatabaseMissingError",
    "EventRow",
    "ExportError",
    "ExportFormat",
    "Filters",
    "NotADatabaseError",
    "ReadOnlyStoreError",
    "SchemaVersionError",
    "Store",
    "StoreError",
    "StoreWriteError",
    "text_hash",
]
