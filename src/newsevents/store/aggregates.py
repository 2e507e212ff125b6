"""Event counts kept up to date on every write, for the timeline and the map.

``event_days`` counts events by first day, last day and type; ``event_cells`` groups located
events by type on the map grid of every zoom up to ``FINE_ZOOM``, with the sums that give a
cluster's mean position, its first event ids and its place names; ``event_cell_ids`` keeps
the first event ids of each cell and zoom, all types together. They are small next to the
events table (one row per distinct day range and type, one per occupied cell, zoom and type).
The timeline and the map read them instead of the events whenever the filters are among those
they keep (dates and types for the timeline, types for the map); other filters read the events.

Writes add the new events' groups to them in the same transaction (``add_events``); a schema
upgrade fills them from the stored events (``rebuild``).
"""

from __future__ import annotations

import duckdb

FINE_ZOOM = 8
"""The finest zoom of the stored map grids; the map at this zoom or below reads
``event_cells``."""
CELLS_PER_TILE = 4
"""Map grid cells across one 256-pixel tile: events closer than ~64 pixels are grouped."""
CLUSTER_IDS = 20
"""Event ids kept per map cell (and listed per cluster)."""


def cell_size(zoom: int) -> float:
    """The side of a map grid cell in degrees at ``zoom`` (0: the world is one 256-pixel tile)."""
    return 360.0 / float(2**zoom * CELLS_PER_TILE)


CREATE = (
    "CREATE TABLE IF NOT EXISTS event_days (day_from DATE NOT NULL, day_to DATE NOT NULL, "
    "type VARCHAR NOT NULL, n BIGINT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS event_cells (zoom INTEGER NOT NULL, "
    "gy BIGINT NOT NULL, gx BIGINT NOT NULL, "
    "type VARCHAR NOT NULL, n BIGINT NOT NULL, lat DOUBLE NOT NULL, lon DOUBLE NOT NULL, "
    "lo VARCHAR, hi VARCHAR, ids VARCHAR[] NOT NULL)",
    "CREATE TABLE IF NOT EXISTS event_cell_ids (zoom INTEGER NOT NULL, gy BIGINT NOT NULL, "
    "gx BIGINT NOT NULL, ids VARCHAR[] NOT NULL)",
)
"""The tables (created with the schema, filled by ``rebuild``)."""

_KEYS = {
    "event_days": ("day_from", "day_to", "type"),
    "event_cells": ("zoom", "gy", "gx", "type"),
    "event_cell_ids": ("zoom", "gy", "gx"),
}


def _days_of(where: str) -> str:
    return (
        "SELECT e.day_from, e.day_to, e.type, count(*) AS n FROM events e "
        f"WHERE e.day_from IS NOT NULL AND e.day_to IS NOT NULL{where} GROUP BY ALL"
    )


def _cells_of(where: str, by_type: bool = True) -> str:
    # Each located event counts once per zoom up to FINE_ZOOM, in the cell holding it there.
    sizes = ", ".join(repr(cell_size(z)) for z in range(FINE_ZOOM + 1))
    sums = (
        "e.type, count(*) AS n, sum(e.place_lat) AS lat, sum(e.place_lon) AS lon, "
        "min(e.place_name) AS lo, max(e.place_name) AS hi, "
        if by_type
        else ""
    )
    return (
        f"SELECT z.zoom::INTEGER AS zoom, floor(e.place_lat / z.size)::BIGINT AS gy, "
        f"floor(e.place_lon / z.size)::BIGINT AS gx, {sums}"
        f"list_sort(min(e.id, {CLUSTER_IDS})) AS ids "
        f"FROM events e, (SELECT unnest(range({FINE_ZOOM + 1})) AS zoom, "
        f"unnest([{sizes}]) AS size) z "
        f"WHERE e.place_lat IS NOT NULL AND e.place_lon IS NOT NULL{where} GROUP BY ALL"
    )


def _selects(where: str) -> tuple[tuple[str, str], ...]:
    return (
        ("event_days", _days_of(where)),
        ("event_cells", _cells_of(where)),
        ("event_cell_ids", _cells_of(where, by_type=False)),
    )


_COMBINE = {
    "event_days": "sum(n)::BIGINT AS n",
    "event_cells": (
        "sum(n)::BIGINT AS n, sum(lat) AS lat, sum(lon) AS lon, min(lo) AS lo, max(hi) AS hi, "
        f"list_sort(flatten(list(ids)))[1:{CLUSTER_IDS}] AS ids"
    ),
    "event_cell_ids": f"list_sort(flatten(list(ids)))[1:{CLUSTER_IDS}] AS ids",
}
"""How rows of a table with the same key add up (also how the map merges cells)."""


def rebuild(con: duckdb.DuckDBPyConnection) -> None:
    """Fill the tables anew from every stored event (inside the caller's transaction)."""
    for table, select in _selects(""):
        con.execute(f"DELETE FROM {table}")
        con.execute(f"INSERT INTO {table} {select} ORDER BY ALL")


def add_events(con: duckdb.DuckDBPyConnection, first_key: int) -> None:
    """Add the events of the articles numbered ``first_key`` and up, just inserted."""
    where = " AND e.article_key >= ?"
    for table, select in _selects(where):
        keys = ", ".join(_KEYS[table])
        same = " AND ".join(f"n.{k} = t.{k}" for k in _KEYS[table])
        matching = f"EXISTS (SELECT 1 FROM new_rows n WHERE {same})"
        con.execute(f"CREATE OR REPLACE TEMP TABLE new_rows AS {select}", [first_key])
        con.execute(
            "CREATE OR REPLACE TEMP TABLE merged_rows AS "
            f"SELECT {keys}, {_COMBINE[table]} FROM ("
            f"SELECT * FROM {table} t WHERE {matching} UNION ALL SELECT * FROM new_rows"
            ") GROUP BY ALL"
        )
        con.execute(f"DELETE FROM {table} t WHERE {matching}")
        con.execute(f"INSERT INTO {table} SELECT * FROM merged_rows")
        con.execute("DROP TABLE new_rows")
        con.execute("DROP TABLE merged_rows")
