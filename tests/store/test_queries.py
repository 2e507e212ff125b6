"""Listing articles and events with filters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from newsevents.store import EventRow, Filters, Store

from .conftest import make_analysis, unsupported

D = dt.date


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """Three analysed articles (Chile, Peru, Spain; fr, fr, es) and one unsupported one."""
    store = Store(tmp_path_factory.mktemp("queries") / "news.duckdb")
    store.add_many(
        [
            make_analysis("cl", published=D(2025, 11, 29), event_date="2025-11-28"),
            make_analysis(
                "pe", city="Tacna", country="PE", published=D(2025, 11, 20), event_date="2023-04"
            ),
            make_analysis(
                "es",
                city="Ceuta",
                country="ES",
                lang="es",
                published=D(2025, 12, 2),
                event_date=None,
            ),
            unsupported("de"),
        ]
    )
    with store:
        yield store


def test_articles_are_ordered_by_published_then_id(filled: Store) -> None:
    assert [r.id for r in filled.articles()] == ["pe", "cl", "de", "es"]


def test_article_row_counts_records(filled: Store) -> None:
    row = filled.articles(Filters(limit=1))[0]
    assert (row.id, row.title, row.source, row.status) == (
        "pe",
        "Migrants bloqués à Tacna",
        "example.org",
        "analysed",
    )
    assert (row.entities, row.places, row.times, row.amounts, row.quotes, row.events) == (
        3,
        1,
        1,
        2,
        1,
        2,
    )


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(), ["pe", "cl", "de", "es"]),
        (Filters(since=D(2025, 11, 29)), ["cl", "de", "es"]),
        (Filters(until=D(2025, 11, 29)), ["pe", "cl"]),
        (Filters(since=D(2025, 11, 29), until=D(2025, 11, 30)), ["cl", "de"]),
        (Filters(lang="es"), ["es"]),
        (Filters(lang="FR"), ["pe", "cl"]),
        (Filters(country="pe"), ["pe"]),
        # The migrants entity points to Venezuela in every analysed article.
        (Filters(country="VE"), ["pe", "cl", "es"]),
        (Filters(country="FR"), []),
        (Filters(lang="fr", country="CL"), ["cl"]),
        (Filters(limit=2), ["pe", "cl"]),
        (Filters(limit=0), []),
    ],
)
def test_article_filters(filled: Store, filters: Filters, expected: list[str]) -> None:
    assert [r.id for r in filled.articles(filters)] == expected
    assert [a.article.id for a in filled.analyses(filters)] == expected


def test_event_rows(filled: Store) -> None:
    rows = filled.events(Filters(country="CL"))
    assert rows == [
        EventRow(
            article_id="cl",
            id="ev-block",
            type="COERCE",
            mode="restrict",
            status="occurred",
            date_value="2025-11-28",
            trigger="bloqués",
            place_name="Arica",
            country_code="CL",
            sentence="Le 28 novembre, des dizaines de migrants ont été bloqués à Arica.",
        )
    ]


def _ids(rows: list[EventRow]) -> list[str]:
    return [f"{r.article_id}/{r.id}" for r in rows]


def test_events_are_ordered_by_date_then_article_then_text_order(filled: Store) -> None:
    # pe/ev-block happened in April 2023; events without a date take their article's
    # publication date: pe 2025-11-20, cl 2025-11-29, es 2025-12-02.
    assert _ids(filled.events()) == [
        "pe/ev-block",
        "pe/ev-expel",
        "cl/ev-block",
        "cl/ev-expel",
        "es/ev-block",
        "es/ev-expel",
    ]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        # The dated event of cl happened the day before its article was published.
        (Filters(since=D(2025, 11, 29)), ["cl/ev-expel", "es/ev-block", "es/ev-expel"]),
        (Filters(until=D(2025, 11, 28)), ["pe/ev-block", "pe/ev-expel", "cl/ev-block"]),
        # A month overlaps a range that includes any of its days.
        (Filters(since=D(2023, 4, 30), until=D(2023, 5, 31)), ["pe/ev-block"]),
        (Filters(since=D(2023, 5, 1), until=D(2023, 5, 31)), []),
        (Filters(lang="es"), ["es/ev-block", "es/ev-expel"]),
        # Only events with a place have a country.
        (Filters(country="es"), ["es/ev-block"]),
        (Filters(country="VE"), []),
        (Filters(limit=1), ["pe/ev-block"]),
    ],
)
def test_event_filters(filled: Store, filters: Filters, expected: list[str]) -> None:
    assert _ids(filled.events(filters)) == expected


def test_filter_values_are_bound_not_pasted(filled: Store) -> None:
    assert filled.articles(Filters(lang="fr' OR 1=1 --")) == []
    assert filled.events(Filters(country="x') OR TRUE OR ('")) == []
    assert filled.counts()["articles"] == 4


def test_invalid_filters_say_what_is_wrong() -> None:
    with pytest.raises(ValueError, match="limit"):
        Filters(limit=-1)
    with pytest.raises(ValueError, match="after"):
        Filters(since=D(2025, 2, 1), until=D(2025, 1, 1))
