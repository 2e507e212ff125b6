"""The DuckDB schema of the store: one table of articles and one table per record kind."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, fields

import duckdb

from newsevents.records import (
    RECORD_KINDS,
    Amount,
    Entity,
    Event,
    Place,
    Quote,
    Time,
)

from . import aggregates
from .errors import SchemaVersionError

SCHEMA_VERSION = 3
"""Bumped, with a migration in ``migrate``, whenever a table or column changes."""

RECORD_CLASSES: dict[str, type] = {
    "entities": Entity,
    "places": Place,
    "times": Time,
    "amounts": Amount,
    "quotes": Quote,
    "events": Event,
}


@dataclass(frozen=True, slots=True)
class Column:
    """One stored column: its name and DuckDB type."""

    name: str
    sql_type: str


def _cols(spec: str) -> tuple[Column, ...]:
    return tuple(Column(*item.split(":")) for item in spec.split())


_SPAN = "text:VARCHAR start:INTEGER end:INTEGER"

ARTICLE_COLUMNS = _cols(
    "id:VARCHAR url:VARCHAR source:VARCHAR published:DATE title:VARCHAR text:VARCHAR "
    "lang:VARCHAR declared_lang:VARCHAR text_hash:VARCHAR origin:VARCHAR ingested_at:TIMESTAMP "
    "status:VARCHAR reason:VARCHAR provenance:JSON"
)
"""``lang`` is the language the analysis used; ``declared_lang`` is ``Article.lang`` as given."""

RECORD_COLUMNS: dict[str, tuple[Column, ...]] = {
    "entities": _cols(f"{_SPAN} label:VARCHAR name:VARCHAR country_code:VARCHAR confidence:DOUBLE"),
    "places": _cols(
        f"{_SPAN} geonames_id:VARCHAR name:VARCHAR country_code:VARCHAR admin1:VARCHAR "
        "lat:DOUBLE lon:DOUBLE feature_code:VARCHAR precision:VARCHAR confidence:DOUBLE"
    ),
    "times": _cols(
        f"{_SPAN} type:VARCHAR value:VARCHAR mod:VARCHAR anchor:VARCHAR ends_on:VARCHAR "
        "confidence:DOUBLE"
    ),
    "amounts": _cols(
        f"{_SPAN} value:DOUBLE low:DOUBLE high:DOUBLE approximate:BOOLEAN bound:VARCHAR "
        "unit:VARCHAR confidence:DOUBLE"
    ),
    "quotes": _cols(
        f"{_SPAN} kind:VARCHAR speaker:VARCHAR speaker_entity:VARCHAR said_on:VARCHAR "
        "confidence:DOUBLE"
    ),
    "events": _cols(
        f"{_SPAN} type:VARCHAR mode:VARCHAR status:VARCHAR place:VARCHAR date:VARCHAR "
        "date_value:VARCHAR date_source:VARCHAR deadline:VARCHAR confidence:DOUBLE"
    ),
}
"""The scalar fields of each record kind, kept as columns to filter and list on.

Every record is also kept whole in the ``record`` JSON column; the fields not listed here
(spans, lists, argument structures) are read from it.
"""

EVENT_DATE_COLUMNS = _cols("date_from:DATE date_to:DATE")
"""The calendar days an event's ``date_value`` covers, derived on write to filter on dates."""

EVENT_FILTER_COLUMNS = _cols(
    "day_from:DATE day_to:DATE lang:VARCHAR place_name:VARCHAR place_country:VARCHAR "
    "place_lat:DOUBLE place_lon:DOUBLE place_text:VARCHAR place_precision:VARCHAR "
    "article_title:VARCHAR article_published:DATE article_source:VARCHAR article_url:VARCHAR"
)
"""Copies kept on each event, so that listing events reads the events table alone.

``day_from``/``day_to`` are ``date_from``/``date_to``, or the publication date when the event
has no date; ``lang`` and the ``article_*`` columns are its article's; the ``place_*`` columns
are those of its place.
"""

UNCOMPRESSED = frozenset(
    ("record", "place_text", "article_title", "article_source", "article_url", "place_name")
)
"""Event columns a page reads for a few rows scattered over the table: decoding compressed
strings costs a whole vector per row, plain ones cost the row only."""

KEY_COLUMN = Column("article_key", "BIGINT")
"""A number given to each article as it is stored, growing with every article; each record row
carries its article's. Rows are appended in that order, so a lookup by key reads only the few
row groups holding it, and joins and semi-joins compare integers instead of strings."""

EVENTS_INDEX = "CREATE INDEX IF NOT EXISTS events_article_key ON events (article_key)"
"""A page of events fetches its ~100 rows by article number, scattered over the table when a
search picked them: the index finds them without reading the rows in between."""

TABLES: tuple[str, ...] = ("articles", *RECORD_KINDS)


def quote_ident(name: str) -> str:
    """An identifier quoted for SQL (``end`` is a reserved word)."""
    return '"' + name.replace('"', '""') + '"'


def stored_columns(table: str) -> tuple[Column, ...]:
    """Every column of ``table`` in order, including the bookkeeping ones."""
    if table == "articles":
        return (*ARTICLE_COLUMNS, KEY_COLUMN)
    extra = (*EVENT_DATE_COLUMNS, *EVENT_FILTER_COLUMNS) if table == "events" else ()
    head = _cols("article_id:VARCHAR id:VARCHAR seq:INTEGER")
    return (*head, *RECORD_COLUMNS[table], *extra, KEY_COLUMN, Column("record", "JSON"))


def nested_fields(table: str) -> tuple[str, ...]:
    """The fields of a record kind that are kept only inside its ``record`` JSON column."""
    flat = {"id"} | {c.name for c in RECORD_COLUMNS[table]}
    return tuple(f.name for f in fields(RECORD_CLASSES[table]) if f.name not in flat)


def _create_table_sql(table: str, name: str | None = None) -> str:
    cols = [f"{quote_ident(c.name)} {c.sql_type}" for c in stored_columns(table)]
    required: tuple[str, ...]
    if table == "articles":
        cols[0] += " PRIMARY KEY"
        required = ("text", "text_hash", "ingested_at", "status", "provenance", "article_key")
    else:
        cols.append("PRIMARY KEY (article_id, id)")
        required = ("article_id", "id", "seq", "article_key", "record")
    for i, col in enumerate(stored_columns(table)):
        if col.name in required:
            cols[i] += " NOT NULL"
        if table == "events" and col.name in UNCOMPRESSED:
            cols[i] += " USING COMPRESSION uncompressed"
    return f"CREATE TABLE IF NOT EXISTS {name or table} ({', '.join(cols)})"


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create the tables of the current schema version, in one transaction."""
    con.begin()
    try:
        con.execute(
            "CREATE TABLE IF NOT EXISTS schema_version "
            "(version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)"
        )
        for table in TABLES:
            con.execute(_create_table_sql(table))
        # The duplicate check looks articles up by text hash on every add.
        con.execute("CREATE INDEX IF NOT EXISTS articles_text_hash ON articles (text_hash)")
        con.execute(EVENTS_INDEX)
        for sql in aggregates.CREATE:
            con.execute(sql)
        con.execute("INSERT INTO schema_version VALUES (?, ?)", [SCHEMA_VERSION, utc_now()])
        con.commit()
    except BaseException:
        con.rollback()
        raise


def schema_version(con: duckdb.DuckDBPyConnection) -> int | None:
    """The schema version of the database, or None when it has no ``schema_version`` table."""
    try:
        row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    except duckdb.CatalogException:  # no such table: a new file, or not one of ours
        return None
    return int(row[0]) if row and row[0] is not None else None


def user_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The names of the tables in the database."""
    rows = con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()"
    ).fetchall()
    return [r[0] for r in rows]


def migrate(con: duckdb.DuckDBPyConnection, path: str, found: int) -> None:
    """Bring a database of schema version ``found`` to ``SCHEMA_VERSION``."""
    if found > SCHEMA_VERSION:
        raise SchemaVersionError(path, found, SCHEMA_VERSION)
    if found == SCHEMA_VERSION:
        return
    con.begin()
    try:
        if found < 2:
            _add_event_filter_columns(con)
        if found < 3:
            _add_article_keys(con)
            for sql in aggregates.CREATE:
                con.execute(sql)
            aggregates.rebuild(con)
        con.execute("INSERT INTO schema_version VALUES (?, ?)", [SCHEMA_VERSION, utc_now()])
        con.commit()
    except BaseException:
        con.rollback()
        raise


def _add_event_filter_columns(con: duckdb.DuckDBPyConnection) -> None:
    """Version 2: events carry copies of their days, article and place; records uncompressed."""
    derived = {
        "day_from": "coalesce(e.date_from, a.published)",
        "day_to": "coalesce(e.date_to, a.published)",
        "lang": "a.lang",
        "place_name": "p.name",
        "place_country": "upper(p.country_code)",
        "place_lat": "p.lat",
        "place_lon": "p.lon",
        "place_text": "p.text",
        "place_precision": "p.precision",
        "article_title": "a.title",
        "article_published": "a.published",
        "article_source": "a.source",
        "article_url": "a.url",
    }
    columns = [c for c in stored_columns("events") if c.name != KEY_COLUMN.name]
    select = ", ".join(derived.get(c.name, f"e.{quote_ident(c.name)}") for c in columns)
    definition = ", ".join(f"{quote_ident(c.name)} {c.sql_type}" for c in columns)
    con.execute(f"CREATE TABLE events_v2 ({definition}, PRIMARY KEY (article_id, id))")
    con.execute(
        f"INSERT INTO events_v2 SELECT {select} FROM events e "
        "JOIN articles a ON a.id = e.article_id "
        "LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place"
    )
    con.execute("DROP TABLE events")
    con.execute("ALTER TABLE events_v2 RENAME TO events")


def _add_article_keys(con: duckdb.DuckDBPyConnection) -> None:
    """Version 3: articles are numbered in the order stored, and every record row carries the
    number of its article, its rows kept in that order."""
    old = [c.name for c in ARTICLE_COLUMNS]
    names = ", ".join(quote_ident(c) for c in old)
    con.execute(_create_table_sql("articles", "articles_v3"))
    con.execute(
        f"INSERT INTO articles_v3 SELECT {names}, row_number() OVER (ORDER BY rowid) "
        "FROM articles ORDER BY rowid"
    )
    for kind in RECORD_KINDS:
        columns = stored_columns(kind)
        select = ", ".join(
            "a.article_key" if c == KEY_COLUMN else f"r.{quote_ident(c.name)}" for c in columns
        )
        con.execute(_create_table_sql(kind, f"{kind}_v3"))
        con.execute(
            f"INSERT INTO {kind}_v3 SELECT {select} FROM {kind} r "
            "JOIN articles_v3 a ON a.id = r.article_id ORDER BY a.article_key, r.seq"
        )
        con.execute(f"DROP TABLE {kind}")
        con.execute(f"ALTER TABLE {kind}_v3 RENAME TO {kind}")
    con.execute("DROP TABLE articles")
    con.execute("ALTER TABLE articles_v3 RENAME TO articles")
    con.execute("CREATE INDEX IF NOT EXISTS articles_text_hash ON articles (text_hash)")
    con.execute(EVENTS_INDEX)


def utc_now() -> dt.datetime:
    """The current UTC time without a zone, as ``TIMESTAMP`` columns hold it."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def text_hash(text: str) -> str:
    """The sha256 of the text with whitespace runs collapsed and the ends stripped."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()
