"""Opening databases: creation, read-only mode and the errors that say what to do."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from newsevents.store import (
    SCHEMA_VERSION,
    DatabaseBusyError,
    DatabaseMissingError,
    NotADatabaseError,
    ReadOnlyStoreError,
    SchemaVersionError,
    Store,
    StoreError,
)

from .conftest import make_analysis


def test_first_open_creates_the_schema(db_path: Path) -> None:
    with Store(db_path) as store:
        store.add(make_analysis())
    con = duckdb.connect(str(db_path), read_only=True)
    tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    assert tables == {"schema_version", "articles", "entities", "places", "times", "amounts",
                      "quotes", "events",
                      "event_days", "event_cells", "event_cell_ids"}  # fmt: skip
    assert con.execute("SELECT max(version) FROM schema_version").fetchone() == (SCHEMA_VERSION,)
    keys = con.execute(
        "SELECT table_name, constraint_column_names FROM duckdb_constraints() "
        "WHERE constraint_type = 'PRIMARY KEY' AND table_name IN ('articles', 'events')"
    ).fetchall()
    assert sorted(keys) == [("articles", ["id"]), ("events", ["article_id", "id"])]
    con.close()


def test_reopening_keeps_one_schema_version_row(db_path: Path) -> None:
    for _ in range(2):
        Store(db_path).close()
    con = duckdb.connect(str(db_path), read_only=True)
    assert con.execute("SELECT count(*) FROM schema_version").fetchone() == (1,)
    con.close()


def test_read_only_lists_but_does_not_write(db_path: Path) -> None:
    with Store(db_path) as store:
        store.add(make_analysis("a1"))
    with Store(db_path, read_only=True) as store:
        assert [r.id for r in store.articles()] == ["a1"]
        assert store.find_duplicate(make_analysis("a1").article) is not None
        with pytest.raises(ReadOnlyStoreError, match="without read_only"):
            store.add(make_analysis("a2"))
        with pytest.raises(ReadOnlyStoreError):
            store.add_many([make_analysis("a2")])


def test_read_only_on_a_missing_file_says_to_ingest(tmp_path: Path) -> None:
    path = tmp_path / "nothing.duckdb"
    with pytest.raises(DatabaseMissingError, match="newsevents ingest"):
        Store(path, read_only=True)
    assert not path.exists()


def test_read_only_on_an_empty_duckdb_file_says_to_ingest(tmp_path: Path) -> None:
    path = tmp_path / "empty.duckdb"
    duckdb.connect(str(path)).close()
    with pytest.raises(DatabaseMissingError, match="newsevents ingest"):
        Store(path, read_only=True)


@pytest.mark.parametrize("read_only", [False, True])
def test_a_file_that_is_not_duckdb_names_the_path(tmp_path: Path, read_only: bool) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("these are notes, not a database\n" * 200)
    with pytest.raises(NotADatabaseError, match=str(path)):
        Store(path, read_only=read_only)


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(NotADatabaseError, match="folder"):
        Store(tmp_path)


def test_another_duckdb_database_is_not_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE articles (name VARCHAR)")
    con.close()
    with pytest.raises(NotADatabaseError, match="without the newsevents tables"):
        Store(path)


def test_a_newer_schema_asks_for_an_upgrade(db_path: Path) -> None:
    Store(db_path).close()
    con = duckdb.connect(str(db_path))
    con.execute("INSERT INTO schema_version VALUES (?, now())", [SCHEMA_VERSION + 1])
    con.close()
    with pytest.raises(SchemaVersionError, match="upgrade newsevents"):
        Store(db_path, read_only=True)


def test_errors_share_one_base_class() -> None:
    errors = (DatabaseBusyError, DatabaseMissingError, NotADatabaseError, ReadOnlyStoreError)
    for error in (*errors, SchemaVersionError):
        assert issubclass(error, StoreError)


def test_in_memory_store() -> None:
    with Store(":memory:") as store:
        store.add(make_analysis())
        assert store.counts()["events"] == 2


def test_the_same_file_in_two_modes_in_one_process(db_path: Path) -> None:
    with Store(db_path), pytest.raises(DatabaseBusyError, match="close that Store first"):
        Store(db_path, read_only=True)


def test_a_file_held_by_another_process(db_path: Path) -> None:
    Store(db_path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout and holder.stdout.readline().strip() == "ready"
        with pytest.raises(DatabaseBusyError, match="another process"):
            Store(db_path)
    finally:
        holder.communicate("", timeout=30)


HOLD = """
import sys, duckdb
con = duckdb.connect(sys.argv[1])
print("ready", flush=True)
sys.stdin.read()
"""
