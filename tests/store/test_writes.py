"""Adding analyses: round trip, duplicates, atomicity, batches."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import duckdb
import pytest

from newsevents.records import RECORD_KINDS, Analysis, Article
from newsevents.store import AddOutcome, Store, StoreWriteError
from newsevents.store import writes as store_writes

from .conftest import make_analysis, unsupported

ALL_TABLES = ("articles", *RECORD_KINDS)


def test_round_trip_gives_equal_analyses(store: Store) -> None:
    added = [make_analysis("a1"), make_analysis("a2", day=27, city="Tacna", country="PE")]
    for analysis in added:
        assert store.add(analysis) == AddOutcome(stored=True)
    assert list(store.analyses()) == sorted(added, key=lambda a: a.article.id)


def test_round_trip_survives_reopening(db_path: Path) -> None:
    analysis = make_analysis()
    with Store(db_path) as store:
        store.add(analysis)
    with Store(db_path, read_only=True) as store:
        assert list(store.analyses()) == [analysis]


def test_records_keep_their_order(store: Store) -> None:
    analysis = make_analysis()
    reversed_events = dataclasses.replace(analysis, events=analysis.events[::-1])
    store.add(reversed_events)
    assert next(store.analyses()).events == reversed_events.events


def test_counts_rows_per_table(store: Store) -> None:
    assert store.counts() == dict.fromkeys(ALL_TABLES, 0)
    store.add(make_analysis())
    assert store.counts() == {
        "articles": 1,
        "entities": 3,
        "places": 1,
        "times": 1,
        "amounts": 2,
        "quotes": 1,
        "events": 2,
    }


def test_same_id_is_a_duplicate(store: Store) -> None:
    store.add(make_analysis("a1"))
    other_text = make_analysis("a1", city="Tacna")
    expected = AddOutcome(stored=False, duplicate_of="a1", reason="same id")
    assert store.find_duplicate(other_text.article) == expected
    assert store.add(other_text) == expected
    assert store.counts()["articles"] == 1


@pytest.mark.parametrize(
    "rewrite",
    [
        lambda t: "  " + t + "\n",
        lambda t: t.replace(" ", "\n\t "),
        lambda t: t.replace(" ", "\u00a0", 3),
    ],
    ids=["ends", "runs", "no-break-space"],
)
def test_same_text_up_to_whitespace_is_a_duplicate(store: Store, rewrite) -> None:
    first = make_analysis("a1")
    store.add(first)
    copy = Analysis(Article("copy", rewrite(first.article.text)), first.provenance)
    expected = AddOutcome(stored=False, duplicate_of="a1", reason="same text")
    assert store.find_duplicate(copy.article) == expected
    assert store.add(copy) == expected


def test_new_article_is_not_a_duplicate(store: Store) -> None:
    store.add(make_analysis("a1"))
    assert store.find_duplicate(make_analysis("a2", city="Tacna").article) is None


def test_adding_the_same_batch_twice_stores_it_once(store: Store) -> None:
    batch = [make_analysis("a1"), make_analysis("a2", city="Tacna"), unsupported()]
    first = store.add_many(batch)
    counts = store.counts()
    second = store.add_many(batch)
    assert [o.stored for o in first] == [True, True, True]
    assert [(o.stored, o.reason) for o in second] == [(False, "same id")] * 3
    assert store.counts() == counts


def test_batch_finds_duplicates_within_itself(store: Store) -> None:
    first = make_analysis("a1")
    batch = [first, make_analysis("a1", city="Tacna"), make_analysis("a3", text=first.article.text)]
    assert store.add_many(batch) == [
        AddOutcome(stored=True),
        AddOutcome(stored=False, duplicate_of="a1", reason="same id"),
        AddOutcome(stored=False, duplicate_of="a1", reason="same text"),
    ]
    assert list(store.analyses()) == [first]


def test_unsupported_language_is_stored_with_its_reason(store: Store) -> None:
    analysis = unsupported()
    assert store.add(analysis).stored
    (row,) = store.articles()
    assert (row.status, row.reason, row.lang) == (
        "unsupported_language",
        "no pipeline for language 'de'",
        "de",
    )
    assert (row.entities, row.events) == (0, 0)
    assert list(store.analyses()) == [analysis]


def _broken(analysis: Analysis) -> Analysis:
    """The same analysis with two events of one id: the events insert fails, after the rest."""
    return dataclasses.replace(analysis, events=(analysis.events[0], analysis.events[0]))


def test_failed_add_keeps_earlier_articles_and_nothing_of_itself(store: Store) -> None:
    good = make_analysis("a1")
    store.add(good)
    with pytest.raises(StoreWriteError, match="a2") as info:
        store.add(_broken(make_analysis("a2", city="Tacna")))
    assert isinstance(info.value.__cause__, duckdb.ConstraintException)
    assert store.counts()["articles"] == 1
    assert list(store.analyses()) == [good]
    assert store.counts() == {"articles": 1, "entities": 3, "places": 1, "times": 1,
                              "amounts": 2, "quotes": 1, "events": 2}  # fmt: skip


def test_error_raised_midway_rolls_back_the_article(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add(make_analysis("a1"))
    before = store.counts()
    real = store_writes.record_rows

    def fail_on_quotes(kind: str, analysis: Analysis) -> list[dict[str, object]]:
        if kind == "quotes":  # after articles, entities, places, times and amounts went in
            raise RuntimeError("disk on fire")
        return real(kind, analysis)

    monkeypatch.setattr(store_writes, "record_rows", fail_on_quotes)
    with pytest.raises(StoreWriteError, match="disk on fire"):
        store.add(make_analysis("a2", city="Tacna"))
    assert store.counts() == before
    monkeypatch.undo()
    assert store.add(make_analysis("a2", city="Tacna")).stored  # the store still works


def test_failed_article_in_batch_costs_only_itself(store: Store) -> None:
    batch = [make_analysis("a1"), _broken(make_analysis("a2", city="Tacna")), unsupported()]
    outcomes = store.add_many(batch)
    assert [o.stored for o in outcomes] == [True, False, True]
    assert outcomes[1].reason == "error"
    assert outcomes[1].error and "a2" in outcomes[1].error
    assert [a.article.id for a in store.analyses()] == ["a1", "de1"]
    assert store.counts()["events"] == 2


def test_nan_is_refused_with_a_clear_error(store: Store) -> None:
    analysis = make_analysis()
    bad = dataclasses.replace(
        analysis, amounts=(dataclasses.replace(analysis.amounts[0], value=float("nan")),)
    )
    with pytest.raises(StoreWriteError, match="not JSON compliant"):
        store.add(bad)
    assert store.counts()["articles"] == 0


def test_empty_batch(store: Store) -> None:
    assert store.add_many([]) == []
