"""Reading the store back: filters, listing rows and whole analyses."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import duckdb

from newsevents.records import RECORD_KINDS, Analysis, Article, Provenance, from_dict

from .schema import RECORD_CLASSES


@dataclass(frozen=True, slots=True)
class Filters:
    """Which articles or events a query keeps; every bound is optional."""

    since: dt.date | None = None
    """Inclusive."""
    until: dt.date | None = None
    """Inclusive."""
    lang: str | None = None
    country: str | None = None
    """ISO 3166-1 alpha-2 code, case-insensitive."""
    limit: int | None = None

    def __post_init__(self) -> None:
        if self.limit is not None and self.limit < 0:
            raise ValueError(f"limit must be 0 or more, not {self.limit}")
        if self.since and self.until and self.since > self.until:
            raise ValueError(
                f"since ({self.since}) is after until ({self.until}): swap them to get a range"
            )


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """One line of an article listing, with how many records of each kind it has."""

    id: str
    published: dt.date | None
    lang: str | None
    title: str | None
    source: str | None
    url: str | None
    status: str
    reason: str | None
    entities: int
    places: int
    times: int
    amounts: int
    quotes: int
    events: int


@dataclass(frozen=True, slots=True)
class EventRow:
    """One line of an event listing."""

    article_id: str
    id: str
    type: str
    mode: str | None
    status: str
    date_value: str | None
    trigger: str
    place_name: str | None
    country_code: str | None
    sentence: str


Query = tuple[str, list[Any]]
"""SQL text with ``?`` placeholders and the values bound to them."""

# A text date falls back to the publication date; a range of days overlaps the filter range.
EVENT_FIRST_DAY = "coalesce(e.date_from, a.published)"
EVENT_LAST_DAY = "coalesce(e.date_to, a.published)"
EVENT_ORDER = f"{EVENT_FIRST_DAY} NULLS LAST, e.article_id, e.seq"
ARTICLE_ORDER = "a.published NULLS LAST, a.id"
EVENT_FROM = (
    "events e JOIN articles a ON a.id = e.article_id "
    "LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place"
)


def article_where(filters: Filters) -> Query:
    """The WHERE clause keeping the articles that match ``filters`` (table alias ``a``)."""
    conds: list[str] = []
    params: list[Any] = []
    if filters.since:
        conds.append("a.published >= ?")
        params.append(filters.since)
    if filters.until:
        conds.append("a.published <= ?")
        params.append(filters.until)
    if filters.lang:
        conds.append("lower(a.lang) = lower(?)")
        params.append(filters.lang)
    if filters.country:
        conds.append(
            "(EXISTS (SELECT 1 FROM places pc WHERE pc.article_id = a.id "
            "AND upper(pc.country_code) = upper(?)) "
            "OR EXISTS (SELECT 1 FROM entities ec WHERE ec.article_id = a.id "
            "AND upper(ec.country_code) = upper(?)))"
        )
        params += [filters.country, filters.country]
    return _where(conds), params


def event_where(filters: Filters) -> Query:
    """The WHERE clause keeping the events that match ``filters`` (over ``EVENT_FROM``)."""
    conds: list[str] = []
    params: list[Any] = []
    if filters.since:
        conds.append(f"{EVENT_LAST_DAY} >= ?")
        params.append(filters.since)
    if filters.until:
        conds.append(f"{EVENT_FIRST_DAY} <= ?")
        params.append(filters.until)
    if filters.lang:
        conds.append("lower(a.lang) = lower(?)")
        params.append(filters.lang)
    if filters.country:
        conds.append("upper(p.country_code) = upper(?)")
        params.append(filters.country)
    return _where(conds), params


def limit_clause(filters: Filters) -> Query:
    """The LIMIT clause of ``filters``, empty when there is no limit."""
    return ("LIMIT ?", [filters.limit]) if filters.limit is not None else ("", [])


def _where(conds: list[str]) -> str:
    return "WHERE " + " AND ".join(conds) if conds else ""


def _count(kind: str) -> str:
    return f"(SELECT count(*) FROM {kind} r WHERE r.article_id = a.id) AS {kind}"


def list_articles(con: duckdb.DuckDBPyConnection, filters: Filters) -> list[ArticleRow]:
    """The articles matching ``filters``, by publication date then id."""
    where, params = article_where(filters)
    limit, limit_params = limit_clause(filters)
    counts = ", ".join(_count(kind) for kind in RECORD_KINDS)
    sql = (
        "SELECT a.id, a.published, a.lang, a.title, a.source, a.url, a.status, a.reason, "
        f"{counts} FROM articles a {where} ORDER BY {ARTICLE_ORDER} {limit}"
    )
    return [ArticleRow(*row) for row in con.execute(sql, params + limit_params).fetchall()]


def list_events(con: duckdb.DuckDBPyConnection, filters: Filters) -> list[EventRow]:
    """The events matching ``filters``, by date, then article, then order in the text."""
    where, params = event_where(filters)
    limit, limit_params = limit_clause(filters)
    sql = (
        "SELECT e.article_id, e.id, e.type, e.mode, e.status, e.date_value, e.text, "
        "p.name, p.country_code, e.record->>'$.sentence.text' "
        f"FROM {EVENT_FROM} {where} ORDER BY {EVENT_ORDER} {limit}"
    )
    return [EventRow(*row) for row in con.execute(sql, params + limit_params).fetchall()]


def article_ids(con: duckdb.DuckDBPyConnection, filters: Filters) -> list[str]:
    """The ids of the articles matching ``filters``, in listing order."""
    where, params = article_where(filters)
    limit, limit_params = limit_clause(filters)
    sql = f"SELECT a.id FROM articles a {where} ORDER BY {ARTICLE_ORDER} {limit}"
    return [row[0] for row in con.execute(sql, params + limit_params).fetchall()]


_CHUNK = 256
"""Articles rebuilt per round of queries: few queries, bounded memory."""

_IDS = "(SELECT unnest(from_json(?, '[\"VARCHAR\"]')))"


def iter_analyses(con: duckdb.DuckDBPyConnection, filters: Filters) -> Iterator[Analysis]:
    """Rebuild the analyses of the articles matching ``filters``, in listing order."""
    ids = article_ids(con, filters)
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        yield from _rebuild(con, chunk)


def _rebuild(con: duckdb.DuckDBPyConnection, ids: list[str]) -> Iterator[Analysis]:
    payload = [json.dumps(ids)]
    rows = con.execute(
        "SELECT id, text, title, url, source, published, declared_lang, origin, provenance "
        f"FROM articles WHERE id IN {_IDS}",
        payload,
    ).fetchall()
    heads = {row[0]: row for row in rows}
    records: dict[str, dict[str, list[Any]]] = {i: {k: [] for k in RECORD_KINDS} for i in ids}
    for kind in RECORD_KINDS:
        cls = RECORD_CLASSES[kind]
        found = con.execute(
            f"SELECT article_id, record FROM {kind} WHERE article_id IN {_IDS} "
            "ORDER BY article_id, seq",
            payload,
        ).fetchall()
        for article_id, record in found:
            records[article_id][kind].append(from_dict(cls, json.loads(record)))
    for article_id in ids:
        head = heads.get(article_id)
        if head is None:  # deleted between the id query and this one
            continue
        _, text, title, url, source, published, lang, origin, provenance = head
        article = Article(
            id=article_id,
            text=text,
            title=title,
            url=url,
            source=source,
            published=published,
            lang=lang,
            origin=origin,
        )
        parts = {kind: tuple(items) for kind, items in records[article_id].items()}
        yield Analysis(article, from_dict(Provenance, json.loads(provenance)), **parts)
