"""The API views of the store: new filters, full-text search, aggregates, schema upgrade."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import duckdb
import pytest

from newsevents.store import Filters, Store, queries
from newsevents.store import views as v
from newsevents.store.queries import search_ids, search_keys, search_params
from newsevents.store.schema import EVENT_FILTER_COLUMNS, SCHEMA_VERSION, TABLES
from newsevents.store.search import extension_path

from .conftest import make_analysis

D = dt.date


@pytest.fixture
def filled(store: Store) -> Store:
    store.add_many(
        [
            make_analysis("cl", published=D(2025, 11, 29), event_date="2025-11-28"),
            make_analysis("pe", city="Tacna", country="PE", event_date="2023-04"),
            make_analysis("es", city="Ceuta", country="ES", lang="es", event_date=None),
        ]
    )
    return store


def ids(store: Store, filters: Filters) -> set[tuple[str, str]]:
    return {(r.article_id, r.id) for r in store.events(filters)}


def test_fts_extension_is_installed_for_this_duckdb() -> None:
    path = extension_path()
    assert path is not None and path.is_file()
    assert f"v{duckdb.__version__}" in path.parts


@pytest.mark.parametrize("query", ["tacna", "TACNA bloqués", "bloques Tacna", "Nous fermerons"])
def test_full_text_and_word_search_agree(filled: Store, query: str) -> None:
    filters = Filters(q=query)
    assert filled.search_mode(filters) == "fts"
    with filled.reading() as con:
        by_index = v.count_events(con, filters, "fts")
        by_words = v.count_events(con, filters, "like")
    assert by_index == by_words
    expected = 2 if "tacna" in query.lower() else 6
    assert by_index == expected


def test_index_follows_writes(filled: Store) -> None:
    assert ids(filled, Filters(q="Iquique")) == set()
    filled.add(make_analysis("iq", city="Iquique"))
    assert ids(filled, Filters(q="Iquique")) == {("iq", "ev-block"), ("iq", "ev-expel")}


def test_undated_events_take_the_publication_date(filled: Store) -> None:
    found = ids(filled, Filters(since=D(2025, 11, 29), until=D(2025, 11, 29)))
    assert ("es", "ev-block") in found  # no date: published 2025-11-29
    assert ("cl", "ev-block") not in found  # dated 2025-11-28


def test_bbox_crossing_the_antimeridian(filled: Store) -> None:
    assert ids(filled, Filters(bbox=(170.0, -30.0, -60.0, 0.0))) == {
        ("cl", "ev-block"),
        ("pe", "ev-block"),
        ("es", "ev-block"),
    }
    assert ids(filled, Filters(bbox=(-60.0, -30.0, 170.0, 0.0))) == set()


def test_event_page_offset(filled: Store) -> None:
    with filled.reading() as con:
        everything = v.event_page(con, Filters(), "like")
        page = v.event_page(con, Filters(limit=2, offset=1), "like")
    assert [(e["article_id"], e["id"]) for e in page] == [
        (e["article_id"], e["id"]) for e in everything[1:3]
    ]


@pytest.mark.parametrize(
    ("first", "last", "interval"),
    [
        (D(2025, 1, 1), D(2025, 1, 1), "day"),
        (D(2025, 1, 1), D(2026, 2, 4), "day"),
        (D(2025, 1, 1), D(2026, 2, 5), "week"),
        (D(2020, 1, 1), D(2030, 1, 1), "month"),
        (None, None, "day"),
    ],
)
def test_choose_interval(first: D | None, last: D | None, interval: str) -> None:
    assert v.choose_interval(first, last) == interval


def test_cells_halve_with_each_zoom() -> None:
    assert v.cell_size(0) == 90.0
    assert v.cell_size(3) == v.cell_size(2) / 2


def test_version_1_store_is_upgraded(db_path: Path) -> None:
    with Store(db_path) as store:
        store.add_many([make_analysis("cl"), make_analysis("pe", city="Tacna", country="PE")])
        before = store.events()
    con = duckdb.connect(str(db_path))
    # Version 1 had neither article numbers nor event aggregates.
    for table in ("event_days", "event_cells", "event_cell_ids"):
        con.execute(f"DROP TABLE {table}")
    con.execute("DROP INDEX events_article_key")
    con.execute("DROP INDEX articles_text_hash")
    for table in TABLES:
        con.execute(f"ALTER TABLE {table} DROP COLUMN article_key")
    con.execute("CREATE INDEX articles_text_hash ON articles (text_hash)")
    for col in EVENT_FILTER_COLUMNS:
        con.execute(f"ALTER TABLE events DROP COLUMN {col.name}")
    con.execute("DELETE FROM schema_version")
    con.execute("INSERT INTO schema_version VALUES (1, now())")
    con.close()
    with pytest.raises(Exception, match="older newsevents"):
        Store(db_path, read_only=True)
    with Store(db_path) as store:
        assert store.events() == before
        assert ids(store, Filters(country="pe")) == {("pe", "ev-block")}
    con = duckdb.connect(str(db_path), read_only=True)
    assert con.execute("SELECT max(version) FROM schema_version").fetchone() == (SCHEMA_VERSION,)
    con.close()


CITIES = ("Tacna", "Arica", "Ceuta", "Melilla", "Iquique")
DATES = ("2025-11-28", "2023-04", None, "2024-W10", "2025", "2025-11-27")


@pytest.fixture
def many(store: Store) -> Store:
    """Twenty articles of varied cities, countries, dates and languages, some without dates."""
    rng = random.Random(4)
    store.add_many(
        [
            make_analysis(
                f"m{i:02d}",
                city=rng.choice(CITIES),
                country=rng.choice(("CL", "PE", "ES")),
                day=rng.randrange(1, 29),
                published=rng.choice((D(2025, 11, 29), D(2024, 3, 1), None)),
                lang=rng.choice(("fr", "es")),
                event_date=rng.choice(DATES),
            )
            for i in range(20)
        ]
    )
    return store


def _random_filters(rng: random.Random) -> Filters:
    since = rng.choice((None, D(2023, 1, 1), D(2025, 1, 1), D(2025, 11, 28)))
    return Filters(
        since=since,
        until=rng.choice((None, D(2025, 12, 31))) if since else None,
        types=rng.choice(((), ("COERCE",), ("THREATEN", "COERCE"))),
        country=rng.choice((None, None, "CL")),
        lang=rng.choice((None, None, "es")),
        q=rng.choice(
            (None, "tacna", "bloqués arica", "migrants", "Nous fermerons", "nowhere", "!!")
        ),
        limit=rng.choice((1, 3, 7, 100)),
        offset=rng.choice((0, 0, 2, 11)),
    )


def test_event_pages_equal_the_events_sorted_whole(many: Store) -> None:
    """Pages read in two steps (order, then whole rows), or from a search's article keys,
    equal the page one query sorts whole, on random filters."""
    rng = random.Random(9)
    many.search_mode(Filters(q="x"))  # the index built
    found = 0
    with many.reading() as con:
        for _ in range(120):
            filters = _random_filters(rng)
            whole = list(v.iter_event_items(con, filters, "like"))
            found += bool(whole)
            total = v.count_events(con, filters, "like")
            for mode in ("fts", "like"):
                assert v.events_page(con, filters, mode) == (total, whole), filters
                keys = v.matching_keys(con, filters, mode)
                assert v.event_page(con, filters, mode, keys) == whole, filters
                assert v.event_page(con, filters, mode, total=10**6) == whole, filters
            assert len(whole) <= (filters.limit or 0)
    assert found > 30


@pytest.mark.parametrize("query", ["tacna", "bloqués arica", "migrants", "nowhere", "!!", ""])
def test_search_keys_equal_the_articles_searched(
    many: Store, query: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    many.search_mode(Filters(q="x"))
    with many.reading() as con:
        expected = sorted(
            key
            for (key,) in con.execute(
                f"SELECT article_key FROM articles WHERE article_key IN {search_ids('fts')}",
                search_params(query, "fts"),
            ).fetchall()
        )
        assert search_keys(con, query) == expected
        monkeypatch.setattr(queries, "KEYED_SEARCH_LIMIT", 1)
        assert search_keys(con, query) == (None if len(expected) > 1 else expected)
