"""Turning analyses into rows, finding duplicates, and inserting rows in bulk."""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import duckdb

from newsevents.records import RECORD_KINDS, Analysis, Article, Event, Place, date_range, to_dict

from . import aggregates
from .schema import (
    EVENT_DATE_COLUMNS,
    EVENT_FILTER_COLUMNS,
    KEY_COLUMN,
    Column,
    quote_ident,
    stored_columns,
    text_hash,
)

DuplicateReason = Literal["same id", "same text"]


@dataclass(frozen=True, slots=True)
class AddOutcome:
    """What became of one article handed to the store."""

    stored: bool
    duplicate_of: str | None = None
    """Id of the stored article this one duplicates."""
    reason: DuplicateReason | Literal["error"] | None = None
    """``same id`` or ``same text`` for a duplicate; ``error`` when writing it failed."""
    error: str | None = None
    """Why writing failed, when ``reason`` is ``error`` (only ``Store.add_many`` says so)."""


def _json(value: Any) -> str:
    # allow_nan=False: NaN is not JSON, and DuckDB would refuse it further down anyway.
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def article_row(analysis: Analysis, ingested_at: dt.datetime, key: int) -> dict[str, Any]:
    """The ``articles`` row of an analysis, numbered ``key``."""
    article, provenance = analysis.article, analysis.provenance
    return {
        "id": article.id,
        "url": article.url,
        "source": article.source,
        "published": article.published.isoformat() if article.published else None,
        "title": article.title,
        "text": article.text,
        "lang": provenance.lang or article.lang,
        "declared_lang": article.lang,
        "text_hash": text_hash(article.text),
        "origin": article.origin,
        "ingested_at": ingested_at.isoformat(),
        "status": provenance.status,
        "reason": provenance.reason,
        "provenance": _json(to_dict(provenance)),
        "article_key": key,
    }


_DERIVED = frozenset(c.name for c in (*EVENT_DATE_COLUMNS, *EVENT_FILTER_COLUMNS, KEY_COLUMN))


def record_rows(kind: str, analysis: Analysis) -> list[dict[str, Any]]:
    """The rows of one record table for an analysis, in the order of its records.

    ``article_key`` is left out: the article's number is known only when it is inserted.
    """
    rows = []
    columns = [c for c in stored_columns(kind)[3:-1] if c.name not in _DERIVED]
    places = {place.id: place for place in analysis.places}
    for seq, record in enumerate(getattr(analysis, kind)):
        row: dict[str, Any] = {"article_id": analysis.article.id, "id": record.id, "seq": seq}
        for col in columns:  # between article_id, id, seq and record
            row[col.name] = getattr(record, col.name)
        if kind == "events":
            row.update(_event_copies(record, analysis, places.get(record.place)))
        row["record"] = _json(to_dict(record))
        rows.append(row)
    return rows


def _event_copies(event: Event, analysis: Analysis, place: Place | None) -> dict[str, Any]:
    """The derived columns of an event: its days, its article's language, its place."""
    first, last = date_range(event.date_value)
    article = analysis.article
    published = article.published
    day_from, day_to = (first, last) if first and last else (published, published)
    return {
        "date_from": _iso(first),
        "date_to": _iso(last),
        "day_from": _iso(day_from),
        "day_to": _iso(day_to),
        "lang": analysis.provenance.lang or analysis.article.lang,
        "place_name": place.name if place else None,
        "place_country": place.country_code.upper() if place and place.country_code else None,
        "place_lat": place.lat if place else None,
        "place_lon": place.lon if place else None,
        "place_text": place.text if place else None,
        "place_precision": place.precision if place else None,
        "article_title": article.title,
        "article_published": _iso(published),
        "article_source": article.source,
        "article_url": article.url,
    }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _payload_type(col: Column) -> str:
    # JSON columns travel as strings so that DuckDB keeps their text exactly as written.
    return "VARCHAR" if col.sql_type == "JSON" else col.sql_type


@functools.cache
def insert_sql(table: str) -> str:
    """One INSERT that takes all rows of ``table`` as a single JSON array parameter."""
    # One JSON parameter instead of one per value: DuckDB binds Python values one by one,
    # which costs far more than parsing the whole batch as JSON on its side.
    columns = stored_columns(table)
    structure = json.dumps([{c.name: _payload_type(c) for c in columns}])
    selected = ", ".join(
        f"r.{quote_ident(c.name)}" + ("::JSON" if c.sql_type == "JSON" else "") for c in columns
    )
    names = ", ".join(quote_ident(c.name) for c in columns)
    return (
        f"INSERT INTO {table} ({names}) SELECT {selected} "
        f"FROM (SELECT unnest(from_json(?, '{structure}')) AS r)"
    )


def insert_analyses(
    con: duckdb.DuckDBPyConnection, analyses: Sequence[Analysis], ingested_at: dt.datetime
) -> None:
    """Insert the articles and records of ``analyses`` with one statement per table.

    The articles are numbered after the last one stored, in the order given, and the event
    aggregates take in their events.
    """
    if not analyses:
        return
    last = con.execute("SELECT coalesce(max(article_key), 0) + 1 FROM articles").fetchone()
    first = int(last[0]) if last else 1
    keys = range(first, first + len(analyses))
    articles = [article_row(a, ingested_at, k) for a, k in zip(analyses, keys, strict=True)]
    con.execute(insert_sql("articles"), [_json(articles)])
    for kind in RECORD_KINDS:
        rows = []
        for analysis, key in zip(analyses, keys, strict=True):
            for row in record_rows(kind, analysis):
                row["article_key"] = key
                rows.append(row)
        if rows:
            con.execute(insert_sql(kind), [_json(rows)])
    aggregates.add_events(con, first)


def find_duplicates(
    con: duckdb.DuckDBPyConnection, articles: Sequence[Article]
) -> list[AddOutcome | None]:
    """For each article, the outcome saying whom it duplicates, or None when it is new.

    An article duplicates a stored one, or one earlier in ``articles``, with the same id or
    the same text once whitespace is normalized. The same id wins over the same text.
    """
    hashes = [text_hash(a.text) for a in articles]
    if len(articles) == 1:
        # Point lookups, so that DuckDB can use the primary key and the text_hash index.
        rows = con.execute("SELECT id, text_hash FROM articles WHERE id = ?", [articles[0].id])
        found = rows.fetchall()
        found += con.execute(
            "SELECT id, text_hash FROM articles WHERE text_hash = ? LIMIT 1", [hashes[0]]
        ).fetchall()
    else:
        found = con.execute(
            "SELECT id, text_hash FROM articles "
            "WHERE id IN (SELECT unnest(from_json(?, '[\"VARCHAR\"]'))) "
            "OR text_hash IN (SELECT unnest(from_json(?, '[\"VARCHAR\"]')))",
            [_json([a.id for a in articles]), _json(hashes)],
        ).fetchall()
    by_id: dict[str, str] = {}
    by_hash: dict[str, str] = {}
    for stored_id, stored_hash in found:
        by_id[stored_id] = stored_id
        by_hash.setdefault(stored_hash, stored_id)
    outcomes: list[AddOutcome | None] = []
    for article, digest in zip(articles, hashes, strict=True):
        if article.id in by_id:
            outcomes.append(AddOutcome(False, by_id[article.id], "same id"))
        elif digest in by_hash:
            outcomes.append(AddOutcome(False, by_hash[digest], "same text"))
        else:
            outcomes.append(None)
            # Later articles of the same batch are checked against this one too.
            by_id[article.id] = article.id
            by_hash.setdefault(digest, article.id)
    return outcomes
