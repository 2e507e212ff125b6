"""Full-text search over article titles and texts with DuckDB's ``fts`` extension, offline.

The extension comes from the ``duckdb-ext-fts`` wheel, built for one DuckDB version: it is
loaded from that wheel's files, never downloaded. When it is missing or built for another
DuckDB, searches fall back to matching every word of the query in the text (no ranking).
"""

from __future__ import annotations

import functools
import importlib.metadata
from pathlib import Path

import duckdb

from .queries import FTS_SCHEMA

EXTENSION_PACKAGE = "duckdb-ext-fts"

# Words are lowercased and stripped of accents, then every run of characters other than
# letters and digits separates them. No stemming and no stop words: one index holds French,
# Spanish and English articles, and a stemmer or stop list of one language harms the others.
_INDEX_OPTIONS = (
    "stemmer = 'none', stopwords = 'none', ignore = '[^a-z0-9]+', "
    "strip_accents = 1, lower = 1, overwrite = 1"
)


@functools.cache
def extension_path() -> Path | None:
    """The ``fts`` extension file built for the installed DuckDB, or None when not installed."""
    try:
        dist = importlib.metadata.distribution(EXTENSION_PACKAGE)
    except importlib.metadata.PackageNotFoundError:
        return None
    wanted = f"v{duckdb.__version__}"
    for file in dist.files or ():
        if file.name == "fts.duckdb_extension" and wanted in file.parts:
            return Path(str(dist.locate_file(file)))
    return None


def load_fts(con: duckdb.DuckDBPyConnection) -> bool:
    """Load the ``fts`` extension into ``con`` from its installed file; False when impossible."""
    path = extension_path()
    if path is None or not path.is_file():
        return False
    try:
        con.execute(f"LOAD '{_sql_string(str(path))}'")
    except duckdb.Error:
        return False
    return True


def index_is_fresh(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the full-text index exists and covers every stored article."""
    try:
        row = con.execute(
            f"SELECT (SELECT count(*) FROM {FTS_SCHEMA}.docs) = (SELECT count(*) FROM articles)"
        ).fetchone()
        con.execute(f"SELECT 1 FROM {FTS_SCHEMA}.postings LIMIT 0").fetchall()
    except duckdb.CatalogException:  # never built, or built without the postings
        return False
    return bool(row and row[0])


def build_index(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)build the full-text index of article titles and texts."""
    con.execute(f"PRAGMA create_fts_index('articles', 'id', 'title', 'text', {_INDEX_OPTIONS})")
    # Sorted by word, the dictionary's zone maps let a lookup read only the rows near its words.
    con.execute(
        f"CREATE OR REPLACE TABLE {FTS_SCHEMA}.dict AS "
        f"SELECT * FROM {FTS_SCHEMA}.dict ORDER BY term"
    )
    # One row per word and article, by article number, sorted by word: the table's zone maps
    # let a lookup read only the rows of its words.
    con.execute(
        f"CREATE OR REPLACE TABLE {FTS_SCHEMA}.postings AS "
        f"SELECT DISTINCT t.termid, a.article_key FROM {FTS_SCHEMA}.terms t "
        f"JOIN {FTS_SCHEMA}.docs d ON d.docid = t.docid JOIN articles a ON a.id = d.name "
        "ORDER BY t.termid, a.article_key"
    )


def _sql_string(value: str) -> str:
    return value.replace("'", "''")
