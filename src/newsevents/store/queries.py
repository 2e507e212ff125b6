"""Reading the store back: filters, listing rows and whole analyses."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import duckdb

from newsevents.records import RECORD_KINDS, Analysis, Article, Provenance, from_dict

from .schema import RECORD_CLASSES

BBox = tuple[float, float, float, float]
"""West, south, east, north in degrees; a west above east crosses the antimeridian."""


@dataclass(frozen=True, slots=True)
class Filters:
    """Which articles or events a query keeps; every bound is optional.

    Dates bound the publication date of articles and the date of events. The event fields
    (``types``, ``modes``, ``contexts``, ``statuses``) keep events with any of the values given.
    """

    since: dt.date | None = None
    """Inclusive."""
    until: dt.date | None = None
    """Inclusive."""
    lang: str | None = None
    country: str | None = None
    """ISO 3166-1 alpha-2 code, case-insensitive."""
    limit: int | None = None
    offset: int = 0
    types: tuple[str, ...] = ()
    """PLOVER types (``ASSAULT``...), case-insensitive."""
    modes: tuple[str, ...] = ()
    contexts: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    bbox: BBox | None = None
    """On the latitude and longitude of the event's place (or of the place itself)."""
    q: str | None = None
    """Words searched in article titles and texts (BM25 over the full-text index)."""
    article: str | None = None
    """One article id."""
    ids: tuple[str, ...] = ()
    """Record ids (of events, places or quotes)."""

    def __post_init__(self) -> None:
        if self.limit is not None and self.limit < 0:
            raise ValueError(f"limit must be 0 or more, not {self.limit}")
        if self.offset < 0:
            raise ValueError(f"offset must be 0 or more, not {self.offset}")
        if self.since and self.until and self.since > self.until:
            raise ValueError(
                f"since ({self.since}) is after until ({self.until}): swap them to get a range"
            )
        if self.bbox is not None:
            west, south, east, north = self.bbox
            if not (-90 <= south <= north <= 90):
                raise ValueError(
                    f"bbox south ({south}) and north ({north}) must be latitudes from -90 to 90, "
                    "south first"
                )
            if not (-180 <= west <= 180 and -180 <= east <= 180):
                raise ValueError(f"bbox west ({west}) and east ({east}) must be from -180 to 180")


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

# A text date falls back to the publication date (``day_from``/``day_to`` hold it on write);
# a range of days overlaps the filter range.
EVENT_FIRST_DAY = "e.day_from"
EVENT_LAST_DAY = "e.day_to"
EVENT_ORDER = f"{EVENT_FIRST_DAY} NULLS LAST, e.article_id, e.seq"
ARTICLE_ORDER = "a.published NULLS LAST, a.id"
EVENT_FROM = (
    "events e JOIN articles a ON a.id = e.article_id "
    "LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place"
)


SearchMode = Literal["fts", "like"]
"""How ``Filters.q`` is matched: the DuckDB full-text index (BM25), or words in the text."""

FTS_SCHEMA = "fts_main_articles"


WORDS_SQL = (
    "list_distinct(list_filter(string_split_regex(regexp_replace(strip_accents(lower(?)), "
    "'[^a-z0-9]+', ' ', 'g'), ' '), w -> w <> ''))"
)
"""The words of a query as the full-text index splits its texts (see ``search.build_index``)."""


def search_ids(mode: SearchMode) -> str:
    """A subquery of the keys (``article_key``) of the articles holding every word bound to
    its ``?``s.

    ``fts`` reads the postings kept beside the index the DuckDB ``fts`` extension built (one
    row per word and article, sorted by word, so that a word costs the rows that hold it);
    ``like`` reads every text.
    """
    if mode == "fts":
        return (
            f"(SELECT p.article_key FROM {FTS_SCHEMA}.postings p WHERE p.termid IN ("
            f"SELECT termid FROM {FTS_SCHEMA}.dict WHERE term IN (SELECT unnest({WORDS_SQL}))) "
            f"GROUP BY p.article_key HAVING count(*) = len({WORDS_SQL}))"
        )
    # Every word, accents and case ignored, anywhere in the title or the text.
    return (
        "(SELECT article_key FROM articles WHERE list_bool_and(list_transform("
        "string_split_regex(strip_accents(lower(trim(?))), '\\s+'), "
        "w -> strip_accents(lower(coalesce(title, '') || ' ' || text)) LIKE '%' || w || '%')))"
    )


KEYED_SEARCH_LIMIT = 2000
"""A search whose articles are at most this many is answered from their numbers, written
out: the index on events' article numbers then finds their rows (see ``search_keys``)."""


def search_keys(con: duckdb.DuckDBPyConnection, q: str) -> list[int] | None:
    """The sorted keys of the articles holding every word of ``q``, from the full-text
    postings, or None when its rarest word alone is in more than ``KEYED_SEARCH_LIMIT``.

    The same articles as ``search_ids("fts")``, found from the rarest word up: its articles
    are read first, and the other words are looked up among those only (a common word costs
    the rows of those articles, not its own hundred thousand).
    """
    row = con.execute(f"SELECT {WORDS_SQL}", [q]).fetchone()
    words: list[str] = list(row[0]) if row and row[0] else []
    placeholders = ", ".join("?" for _ in words)
    terms = (
        [
            int(termid)
            for termid, _ in con.execute(
                f"SELECT termid, df FROM {FTS_SCHEMA}.dict WHERE term IN ({placeholders}) "
                "ORDER BY df, termid",
                words,
            ).fetchall()
        ]
        if words
        else []
    )
    if not words or len(terms) < len(words):  # no word, or a word no article holds
        return []
    rarest, *others = terms
    keys = [
        int(key)
        for (key,) in con.execute(
            f"SELECT article_key FROM {FTS_SCHEMA}.postings WHERE termid = {rarest:d} "
            f"LIMIT {KEYED_SEARCH_LIMIT + 1:d}"
        ).fetchall()
    ]
    if len(keys) > KEYED_SEARCH_LIMIT:
        return None
    if others and keys:
        listed = ", ".join(str(key) for key in keys)
        termids = ", ".join(str(termid) for termid in others)
        keys = [
            int(key)
            for (key,) in con.execute(
                f"SELECT article_key FROM {FTS_SCHEMA}.postings "
                f"WHERE termid IN ({termids}) AND article_key IN ({listed}) "
                f"GROUP BY article_key HAVING count(*) = {len(others):d}"
            ).fetchall()
        ]
    return sorted(set(keys))


def keys_condition(keys: Sequence[int], alias: str = "e") -> str:
    """A condition: the row's article is one of ``keys`` (numbers written out, not bound, so
    that DuckDB looks them up in the index and the zone maps)."""
    if not keys:
        return "FALSE"
    return f"{alias}.article_key IN ({', '.join(str(int(key)) for key in keys)})"


def search_matches(alias: str) -> str:
    """A condition: the article of the row ``alias`` holds every word bound to its ``?``s.

    The same test as ``search_ids("fts")``, made per row: cheaper when the other filters have
    kept few rows, since only their articles' postings are counted.
    """
    return (
        f"(SELECT count(*) FROM {FTS_SCHEMA}.postings p "
        f"WHERE p.article_key = {alias}.article_key AND p.termid IN ("
        f"SELECT termid FROM {FTS_SCHEMA}.dict WHERE term IN (SELECT unnest({WORDS_SQL})))) "
        f"= nullif(len({WORDS_SQL}), 0)"  # a query without words matches nothing
    )


def search_params(q: str, mode: SearchMode) -> list[Any]:
    """The values bound to the ``?``s of ``search_ids(mode)``."""
    return [q, q] if mode == "fts" else [q]


def article_where(filters: Filters, search: SearchMode = "like") -> Query:
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
    if filters.article:
        conds.append("a.id = ?")
        params.append(filters.article)
    if filters.q:
        conds.append(f"a.article_key IN {search_ids(search)}")
        params += search_params(filters.q, search)
    return _where(conds), params


def _any_of(column: str, values: tuple[str, ...]) -> Query:
    return f"{column} IN ({', '.join('?' for _ in values)})", list(values)


def bbox_condition(bbox: BBox, alias: str, prefix: str = "") -> Query:
    """Latitude and longitude of ``alias`` inside the box (crossing the antimeridian if asked)."""
    west, south, east, north = bbox
    lat, lon = f"{alias}.{prefix}lat", f"{alias}.{prefix}lon"
    if west <= east:
        return f"{lat} BETWEEN ? AND ? AND {lon} BETWEEN ? AND ?", [south, north, west, east]
    return f"{lat} BETWEEN ? AND ? AND ({lon} >= ? OR {lon} <= ?)", [south, north, west, east]


def event_where(
    filters: Filters, search: SearchMode = "like", keys: Sequence[int] | None = None
) -> Query:
    """The WHERE clause keeping the events that match ``filters`` (over ``EVENT_FROM``).

    ``keys``, when given, are the article keys ``filters.q`` matches (``search_keys``): the
    search is then a test on those numbers.
    """
    conds: list[str] = []
    params: list[Any] = []

    def add(cond: str, values: list[Any]) -> None:
        conds.append(cond)
        params.extend(values)

    if filters.since:
        add(f"{EVENT_LAST_DAY} >= ?", [filters.since])
    if filters.until:
        add(f"{EVENT_FIRST_DAY} <= ?", [filters.until])
    if filters.lang:
        add("e.lang = ?", [filters.lang.lower()])
    if filters.country:
        add("e.place_country = ?", [filters.country.upper()])
    if filters.types:
        add(*_any_of("e.type", tuple(t.upper() for t in filters.types)))
    if filters.modes:
        add(*_any_of("e.mode", filters.modes))
    if filters.statuses:
        add(*_any_of("e.status", filters.statuses))
    if filters.contexts:
        placeholders = ", ".join("?" for _ in filters.contexts)
        add(
            f"list_has_any(CAST(e.record->'$.contexts' AS VARCHAR[]), [{placeholders}]::VARCHAR[])",
            list(filters.contexts),
        )
    if filters.bbox is not None:
        add(*bbox_condition(filters.bbox, "e", prefix="place_"))
    if filters.article:
        add("e.article_id = ?", [filters.article])
    if filters.ids:
        add(*_any_of("e.id", filters.ids))
    if filters.q and keys is not None:
        add(keys_condition(keys), [])
    elif filters.q:
        # Dates, places or ids keep few events: test their articles one by one. Otherwise
        # find every matching article once.
        if search == "fts" and narrows_events(filters):
            add(search_matches("e"), search_params(filters.q, search))
        else:
            add(f"e.article_key IN {search_ids(search)}", search_params(filters.q, search))
    return _where(conds), params


def narrows_events(filters: Filters) -> bool:
    """Whether ``filters`` (``q`` aside) keep few events, read together from a part of the
    table: dates (the rows are stored by date), places, an article or ids."""
    return bool(
        filters.since
        or filters.until
        or filters.country
        or filters.bbox
        or filters.article
        or filters.ids
    )


def limit_clause(filters: Filters) -> Query:
    """The LIMIT and OFFSET clause of ``filters``, empty when there are none."""
    sql, params = "", []
    if filters.limit is not None:
        sql, params = "LIMIT ?", [filters.limit]
    if filters.offset:
        sql += " OFFSET ?"
        params.append(filters.offset)
    return sql.strip(), params


def _where(conds: list[str]) -> str:
    return "WHERE " + " AND ".join(conds) if conds else ""


def _count(kind: str) -> str:
    return f"(SELECT count(*) FROM {kind} r WHERE r.article_id = a.id) AS {kind}"


def list_articles(
    con: duckdb.DuckDBPyConnection, filters: Filters, search: SearchMode = "like"
) -> list[ArticleRow]:
    """The articles matching ``filters``, by publication date then id."""
    where, params = article_where(filters, search)
    limit, limit_params = limit_clause(filters)
    counts = ", ".join(_count(kind) for kind in RECORD_KINDS)
    sql = (
        "SELECT a.id, a.published, a.lang, a.title, a.source, a.url, a.status, a.reason, "
        f"{counts} FROM articles a {where} ORDER BY {ARTICLE_ORDER} {limit}"
    )
    return [ArticleRow(*row) for row in con.execute(sql, params + limit_params).fetchall()]


def list_events(
    con: duckdb.DuckDBPyConnection, filters: Filters, search: SearchMode = "like"
) -> list[EventRow]:
    """The events matching ``filters``, by date, then article, then order in the text."""
    where, params = event_where(filters, search)
    limit, limit_params = limit_clause(filters)
    sql = (
        "SELECT e.article_id, e.id, e.type, e.mode, e.status, e.date_value, e.text, "
        "p.name, p.country_code, e.record->>'$.sentence.text' "
        f"FROM {EVENT_FROM} {where} ORDER BY {EVENT_ORDER} {limit}"
    )
    return [EventRow(*row) for row in con.execute(sql, params + limit_params).fetchall()]


def article_ids(
    con: duckdb.DuckDBPyConnection, filters: Filters, search: SearchMode = "like"
) -> list[str]:
    """The ids of the articles matching ``filters``, in listing order."""
    where, params = article_where(filters, search)
    limit, limit_params = limit_clause(filters)
    sql = f"SELECT a.id FROM articles a {where} ORDER BY {ARTICLE_ORDER} {limit}"
    return [row[0] for row in con.execute(sql, params + limit_params).fetchall()]


_CHUNK = 256
"""Articles rebuilt per round of queries: few queries, bounded memory."""


def iter_analyses(
    con: duckdb.DuckDBPyConnection, filters: Filters, search: SearchMode = "like"
) -> Iterator[Analysis]:
    """Rebuild the analyses of the articles matching ``filters``, in listing order."""
    ids = article_ids(con, filters, search)
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        yield from _rebuild(con, chunk)


def analyses_of(con: duckdb.DuckDBPyConnection, ids: list[str]) -> Iterator[Analysis]:
    """The stored analyses of the articles ``ids``, in that order (unknown ids are skipped)."""
    return _rebuild(con, ids)


def _rebuild(con: duckdb.DuckDBPyConnection, ids: list[str]) -> Iterator[Analysis]:
    # A list of constants, not a subquery: DuckDB then filters while scanning, and reads the
    # records of the wanted articles only.
    ids_in = f"({', '.join('?' for _ in ids)})"
    rows = con.execute(
        "SELECT id, text, title, url, source, published, declared_lang, origin, provenance, "
        f"article_key FROM articles WHERE id IN {ids_in}",
        list(ids),
    ).fetchall()
    heads = {row[0]: row[:-1] for row in rows}
    # The records are found by article number: the rows of one article lie together, and the
    # scan skips every row group whose numbers do not hold it.
    keys = [row[-1] for row in rows]
    keys_in = f"({', '.join('?' for _ in keys)})"
    records: dict[str, dict[str, list[Any]]] = {i: {k: [] for k in RECORD_KINDS} for i in ids}
    for kind in RECORD_KINDS:
        cls = RECORD_CLASSES[kind]
        if not keys:
            break
        found = con.execute(
            f"SELECT article_id, record FROM {kind} WHERE article_key IN {keys_in} "
            "ORDER BY article_key, seq",
            keys,
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
