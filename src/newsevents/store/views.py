"""The JSON views of the store behind the API: pages of events, places, quotes and articles,
the timeline and the map aggregates. Every function reads through the cursor it is given."""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any, Literal

import duckdb

from newsevents.records import to_dict

from .aggregates import CELLS_PER_TILE, CLUSTER_IDS, FINE_ZOOM, cell_size
from .queries import (
    ARTICLE_ORDER,
    EVENT_FIRST_DAY,
    EVENT_ORDER,
    ArticleRow,
    Filters,
    Query,
    SearchMode,
    analyses_of,
    article_where,
    bbox_condition,
    event_where,
    keys_condition,
    limit_clause,
    list_articles,
    search_keys,
)
from .schema import TABLES

__all__ = ["CELLS_PER_TILE", "CLUSTER_IDS", "cell_size"]

Interval = Literal["day", "week", "month"]
INTERVALS: tuple[Interval, ...] = ("day", "week", "month")
MAX_BUCKETS = 400
"""The timeline picks the finest interval that keeps it under this many buckets."""

# Everything an Event item shows is on the events row (see schema.EVENT_FILTER_COLUMNS).
# A page reads them without the article id, known from the columns that ordered it (read
# one row at a time, compressed ids cost a whole vector each).
_ROW_COLUMNS = (
    "e.record, e.date_from, e.date_to, "
    "e.place, e.place_text, e.place_name, e.place_country, e.place_lat, e.place_lon, "
    "e.place_precision, e.article_title, e.article_published, e.article_source, "
    "e.article_url, e.lang"
)
_EVENT_COLUMNS = f"e.article_id, {_ROW_COLUMNS}"


def _one(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> Any:
    row = con.execute(sql, params).fetchone()
    return row[0] if row else None


def counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """How many rows each table holds."""
    sql = "SELECT " + ", ".join(f"(SELECT count(*) FROM {t})" for t in TABLES)
    row = con.execute(sql).fetchone() or (0,) * len(TABLES)
    return {table: int(n) for table, n in zip(TABLES, row, strict=True)}


def count_events(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    search: SearchMode,
    keys: Sequence[int] | None = None,
) -> int:
    """How many events match ``filters`` (limit and offset aside); ``keys``: see
    ``event_where``."""
    where, params = event_where(filters, search, keys)
    return int(_one(con, f"SELECT count(*) FROM events e {where}", params))


def matching_keys(
    con: duckdb.DuckDBPyConnection, filters: Filters, search: SearchMode
) -> list[int] | None:
    """The article keys a full-text ``filters.q`` matches, when they are few enough to be
    written out (``search_keys``); None otherwise, or without ``q``."""
    if not filters.q or search != "fts":
        return None
    return search_keys(con, filters.q)


def events_page(
    con: duckdb.DuckDBPyConnection, filters: Filters, search: SearchMode
) -> tuple[int, list[dict[str, Any]]]:
    """The total and one page of events: what ``/api/events`` answers. A search finds its
    articles once, for both."""
    keys = matching_keys(con, filters, search)
    if keys is None or filters.limit is None:
        total = count_events(con, filters, search, keys)
        return total, event_page(con, filters, search, keys, total=total)
    # Few articles: their events' ordering columns, read through the index, give both.
    order = _keyed_order(con, filters, search, keys)
    return len(order), _page_rows(con, _slice(order, filters), by_days=False)


def event_page(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    search: SearchMode,
    keys: Sequence[int] | None = None,
    *,
    total: int | None = None,
) -> list[dict[str, Any]]:
    """The events matching ``filters`` as API items, by event date, article, order in text.

    ``keys``: see ``event_where``; ``total``: how many events match, when known.
    """
    if filters.limit is None or (keys is None and total is not None and total <= _FEW):
        return list(iter_event_items(con, filters, search))
    if keys is not None:
        return _page_rows(
            con, _slice(_keyed_order(con, filters, search, keys), filters), by_days=False
        )
    # The page first, on the few columns that filter and order it: sorting whole rows would
    # carry every column of every matching row. Then the whole rows of that page only.
    where, params = event_where(filters, search)
    limit, limit_params = limit_clause(filters)
    page = con.execute(
        f"SELECT {_ORDER_COLUMNS} FROM events e {where} ORDER BY {EVENT_ORDER} {limit}",
        params + limit_params,
    ).fetchall()
    return _page_rows(con, page, by_days=True)


_FEW = 1000
"""Up to this many matching events, sorting their whole rows costs less than reading a page
in two steps."""
_ORDER_COLUMNS = f"{EVENT_FIRST_DAY}, e.article_id, e.seq, e.article_key"
"""What orders events (``EVENT_ORDER``), and the article number that finds their rows."""
_OrderRow = tuple[Any, ...]


def _keyed_order(
    con: duckdb.DuckDBPyConnection, filters: Filters, search: SearchMode, keys: Sequence[int]
) -> list[_OrderRow]:
    """Every event of ``filters`` (a search answered by its article ``keys``) in listing
    order, as ``_ORDER_COLUMNS``. Without ORDER BY, DuckDB finds the rows through the index
    on article numbers; the few thousand rows at most are then sorted here, as
    ``EVENT_ORDER`` sorts them (days, nulls last; ids compared as code points, like DuckDB)."""
    where, params = event_where(filters, search, keys)
    rows = con.execute(f"SELECT {_ORDER_COLUMNS} FROM events e {where}", params).fetchall()
    return sorted(rows, key=lambda r: (r[0] is None, r[0] or _NO_DAY, r[1], r[2]))


_NO_DAY = dt.date.min


def _slice(rows: list[_OrderRow], filters: Filters) -> list[_OrderRow]:
    end = None if filters.limit is None else filters.offset + filters.limit
    return rows[filters.offset : end]


def _page_rows(
    con: duckdb.DuckDBPyConnection, page: list[_OrderRow], *, by_days: bool
) -> list[dict[str, Any]]:
    """The API items of ``page`` (rows of ``_ORDER_COLUMNS``), read whole by article number.

    ``by_days``: the page's rows lie together (a page of a date-ordered table), and bounding
    its days lets the zone maps skip the rest; otherwise the index finds each article.
    """
    if not page:
        return []
    conds = [keys_condition(sorted({row[3] for row in page}))]
    bounds: list[Any] = []
    days = [row[0] for row in page if row[0] is not None]
    if by_days and len(days) == len(page):
        conds.append(f"{EVENT_FIRST_DAY} BETWEEN ? AND ?")
        bounds = [min(days), max(days)]
    rows = con.execute(
        f"SELECT e.article_key, e.seq, {_ROW_COLUMNS} FROM events e WHERE {' AND '.join(conds)}",
        bounds,
    ).fetchall()
    found = {(row[0], row[1]): row[2:] for row in rows}
    return [event_item((article_id, *found[key, seq])) for _, article_id, seq, key in page]


def iter_event_items(
    con: duckdb.DuckDBPyConnection, filters: Filters, search: SearchMode, *, chunk: int = 2000
) -> Iterator[dict[str, Any]]:
    """The events matching ``filters`` as API items, fetched ``chunk`` rows at a time."""
    con.execute(*event_query(filters, search))
    while rows := con.fetchmany(chunk):
        for row in rows:
            yield event_item(row)


def event_item(row: tuple[Any, ...]) -> dict[str, Any]:
    """One event of the API from a row of ``_EVENT_COLUMNS``."""
    article_id, record, date_from, date_to, place_id, *rest = row
    place_text, place_name, country, lat, lon, precision, *art = rest
    title, published, source, url, lang = art
    rec = json.loads(record)
    return {
        "id": rec["id"],
        "article_id": article_id,
        "type": rec["type"],
        "mode": rec.get("mode"),
        "contexts": rec.get("contexts", []),
        "status": rec.get("status"),
        "date_value": rec.get("date_value"),
        "date_source": rec.get("date_source"),
        "date_from": _iso(date_from),
        "date_to": _iso(date_to),
        "deadline": rec.get("deadline"),
        "trigger": {"text": rec["text"], "start": rec["start"], "end": rec["end"]},
        "sentence": rec["sentence"],
        "place": None
        if place_id is None or place_text is None
        else {
            "id": place_id,
            "text": place_text,
            "name": place_name,
            "country_code": country,
            "lat": lat,
            "lon": lon,
            "precision": precision,
        },
        "actors": rec.get("actors", []),
        "targets": rec.get("targets", []),
        "amounts": rec.get("amounts", []),
        "quotes": rec.get("quotes", []),
        "evidence": rec.get("evidence", []),
        "reasons": rec.get("reasons", []),
        "date": rec.get("date"),
        "confidence": rec.get("confidence"),
        "article": {
            "id": article_id,
            "title": title,
            "published": _iso(published),
            "source": source,
            "url": url,
            "lang": lang,
        },
    }


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def choose_interval(first: dt.date | None, last: dt.date | None) -> Interval:
    """The finest interval giving at most ``MAX_BUCKETS`` buckets from ``first`` to ``last``."""
    if first is None or last is None:
        return "day"
    days = (last - first).days + 1
    if days <= MAX_BUCKETS:
        return "day"
    if days <= MAX_BUCKETS * 7:
        return "week"
    return "month"


def timeline(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    search: SearchMode,
    interval: Interval | None = None,
) -> dict[str, Any]:
    """Events per day, week or month of their date (the first day of a range), with types."""
    filters = replace(filters, limit=None, offset=0)
    if _only(filters, "since", "until", "types"):
        # Counted from the stored counts by day range and type: the same events, fewer rows.
        source, first_day = "event_days e", "e.day_from"
        count = "sum(e.n)::BIGINT"
        where, params = event_where(filters, search)
    else:
        source, first_day, count = "events e", EVENT_FIRST_DAY, "count(*)"
        where, params = event_where(filters, search)
        located = f"{EVENT_FIRST_DAY} IS NOT NULL"
        where = f"{where} AND {located}" if where else f"WHERE {located}"
    if interval is None:
        row = con.execute(
            f"SELECT min({first_day}), max({first_day}) FROM {source} {where}", params
        ).fetchone()
        interval = choose_interval(*(row or (None, None)))
    rows = con.execute(
        f"SELECT date_trunc('{interval}', {first_day})::DATE AS bucket, e.type, {count} "
        f"FROM {source} {where} GROUP BY ALL ORDER BY bucket, e.type",
        params,
    ).fetchall()
    buckets: dict[dt.date, dict[str, Any]] = {}
    for bucket, kind, n in rows:
        entry = buckets.setdefault(bucket, {"date": bucket.isoformat(), "count": 0, "types": {}})
        entry["count"] += n
        entry["types"][kind] = n
    return {"interval": interval, "buckets": list(buckets.values())}


_FILTER_FIELDS = (
    "since",
    "until",
    "lang",
    "country",
    "types",
    "modes",
    "contexts",
    "statuses",
    "bbox",
    "q",
    "article",
    "ids",
)


def _only(filters: Filters, *allowed: str) -> bool:
    """Whether ``filters`` sets no filter but those ``allowed`` (limit and offset aside)."""
    return not any(getattr(filters, name) for name in _FILTER_FIELDS if name not in allowed)


def map_clusters(
    con: duckdb.DuckDBPyConnection, filters: Filters, search: SearchMode, zoom: int
) -> dict[str, Any]:
    """Located events grouped on a grid whose cells shrink as ``zoom`` grows.

    A cluster lists the ids of its events (sorted) when it has at most ``CLUSTER_IDS`` of
    them; a bigger cluster lists none: it is zoomed into, not opened."""
    filters = replace(filters, limit=None, offset=0)
    size = cell_size(zoom)
    small = f"c.total <= {CLUSTER_IDS:d}"
    if zoom <= FINE_ZOOM and _only(filters, "types"):
        # The stored cells of this zoom, one row per cell and type, summed by cell. A small
        # cell's stored ids are all its ids (the stored lists keep up to CLUSTER_IDS each).
        where, params = event_where(filters, search)
        zoomed = f"e.zoom = {zoom:d}"
        where = f"{where} AND {zoomed}" if where else f"WHERE {zoomed}"
        sql = f"""
            WITH g AS (
                SELECT e.gy, e.gx, e.type, e.n, e.lat, e.lon, e.lo, e.hi, e.ids
                FROM event_cells e {where}
            ),
            c AS MATERIALIZED (
                SELECT gy, gx, sum(lat) / sum(n) AS lat, sum(lon) / sum(n) AS lon,
                       sum(n)::BIGINT AS total, json_group_object(type, n)::VARCHAR AS types,
                       CASE WHEN min(lo) = max(hi) THEN min(lo) END AS name
                FROM g GROUP BY gy, gx
            ),
            i AS (
                SELECT g.gy, g.gx, list_sort(flatten(list(g.ids))) AS ids
                FROM g SEMI JOIN (SELECT gy, gx FROM c WHERE {small}) c
                    ON c.gy = g.gy AND c.gx = g.gx
                GROUP BY g.gy, g.gx
            )
            SELECT c.lat, c.lon, c.total, c.types, i.ids, c.name
            FROM c LEFT JOIN i ON i.gy = c.gy AND i.gx = c.gx ORDER BY c.total DESC, 1, 2
        """
    else:
        where, params = event_where(filters, search)
        located = "e.place_lat IS NOT NULL AND e.place_lon IS NOT NULL"
        where = f"{where} AND {located}" if where else f"WHERE {located}"
        # The cells (count, position, place name) in one pass over the matching events, their
        # counts by type in another, the ids of the small cells in a third: grouping by cell
        # and type keeps only counts, and ids are gathered for few events.
        gy, gx = f"floor(e.place_lat / {size!r})", f"floor(e.place_lon / {size!r})"
        sql = f"""
            WITH c AS MATERIALIZED (
                SELECT {gy} AS gy, {gx} AS gx, sum(e.place_lat) / count(*) AS lat,
                       sum(e.place_lon) / count(*) AS lon, count(*) AS total,
                       CASE WHEN min(e.place_name) = max(e.place_name)
                            THEN min(e.place_name) END AS name
                FROM events e {where} GROUP BY ALL
            ),
            g AS (SELECT {gy} AS gy, {gx} AS gx, e.type, count(*) AS n FROM events e {where}
                  GROUP BY ALL),
            t AS (SELECT gy, gx, json_group_object(type, n)::VARCHAR AS types FROM g
                  GROUP BY gy, gx),
            i AS (
                SELECT {gy} AS gy, {gx} AS gx, list_sort(list(e.id)) AS ids
                FROM events e SEMI JOIN (SELECT gy, gx FROM c WHERE {small}) c
                    ON c.gy = {gy} AND c.gx = {gx}
                {where} GROUP BY ALL
            )
            SELECT c.lat, c.lon, c.total, t.types, i.ids, c.name
            FROM c JOIN t ON t.gy = c.gy AND t.gx = c.gx
            LEFT JOIN i ON i.gy = c.gy AND i.gx = c.gx ORDER BY c.total DESC, 1, 2
        """
        params = params * 3
    clusters = [
        {
            "lat": _round(lat),
            "lon": _round(lon),
            "count": n,
            "types": dict(sorted(json.loads(types).items())),
            "event_ids": ids or [],
            "place_name": name,
        }
        for lat, lon, n, types, ids, name in con.execute(sql, params).fetchall()
    ]
    return {"zoom": zoom, "cell_degrees": size, "clusters": clusters}


def _round(value: float) -> float:
    return round(value, 5) if math.isfinite(value) else value


def _record_page(
    con: duckdb.DuckDBPyConnection, kind: str, filters: Filters, search: SearchMode
) -> tuple[int, list[dict[str, Any]]]:
    """The total and one page of ``kind`` records (article filters, plus place filters)."""
    located = kind == "places"
    article_filters = replace(filters, country=None) if located else filters
    where, params = article_where(article_filters, search)
    conds = [where.removeprefix("WHERE ")] if where else []
    if located and filters.country:
        conds.append("upper(r.country_code) = upper(?)")
        params.append(filters.country)
    if located and filters.bbox is not None:
        cond, values = bbox_condition(filters.bbox, "r")
        conds.append(cond)
        params += values
    if filters.ids:
        conds.append(f"r.id IN ({', '.join('?' for _ in filters.ids)})")
        params += list(filters.ids)
    clause = "WHERE " + " AND ".join(conds) if conds else ""
    source = f"{kind} r JOIN articles a ON a.id = r.article_id {clause}"
    total = int(_one(con, f"SELECT count(*) FROM {source}", params))
    limit, limit_params = limit_clause(filters)
    rows = con.execute(
        f"SELECT r.article_id, r.record FROM {source} ORDER BY {ARTICLE_ORDER}, r.seq {limit}",
        params + limit_params,
    ).fetchall()
    return total, [{**json.loads(record), "article_id": art} for art, record in rows]


def place_page(
    con: duckdb.DuckDBPyConnection, filters: Filters, search: SearchMode
) -> tuple[int, list[dict[str, Any]]]:
    """The total and one page of places; ``country`` and ``bbox`` apply to the place itself."""
    return _record_page(con, "places", filters, search)


def quote_page(
    con: duckdb.DuckDBPyConnection, filters: Filters, search: SearchMode
) -> tuple[int, list[dict[str, Any]]]:
    """The total and one page of quotes, filtered by their article."""
    return _record_page(con, "quotes", filters, search)


def article_page(
    con: duckdb.DuckDBPyConnection, filters: Filters, search: SearchMode
) -> tuple[int, list[ArticleRow]]:
    """The total and one page of articles, by publication date then id."""
    where, params = article_where(filters, search)
    total = int(_one(con, f"SELECT count(*) FROM articles a {where}", params))
    return total, list_articles(con, filters, search)


def analysis_json(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    """The full stored analysis of one article as JSON, or None when it is not stored."""
    for analysis in analyses_of(con, [article_id]):
        data: dict[str, Any] = to_dict(analysis)
        return data
    return None


def event_query(filters: Filters, search: SearchMode) -> Query:
    """The SELECT of the event rows of ``filters``, in listing order, from the events table."""
    where, params = event_where(filters, search)
    limit, limit_params = limit_clause(filters)
    sql = f"SELECT {_EVENT_COLUMNS} FROM events e {where} ORDER BY {EVENT_ORDER} {limit}"
    return sql, params + limit_params
