"""Exports in every format, read back with DuckDB or json."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from newsevents.records import RECORD_KINDS, to_dict
from newsevents.store import EXPORT_TABLES, ExportError, Filters, Store

from .conftest import make_analysis, unsupported

FLAT_TABLES = ("articles", *RECORD_KINDS)


def _fill(store: Store) -> Store:
    store.add_many(
        [
            make_analysis("cl", published=dt.date(2025, 11, 29)),
            make_analysis("pe", city="Tacna", country="PE", published=dt.date(2025, 11, 20)),
            unsupported("de"),
        ]
    )
    return store


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with _fill(Store(tmp_path_factory.mktemp("export") / "news.duckdb")) as store:
        yield store


def _read(path: Path) -> tuple[list[str], list[tuple[object, ...]]]:
    con = duckdb.connect()
    result = con.execute("SELECT * FROM read_csv(?, header = true)" if path.suffix == ".csv"
                         else "SELECT * FROM read_parquet(?)", [str(path)])  # fmt: skip
    names = [d[0] for d in result.description]
    return names, result.fetchall()


def test_analyses_jsonl_is_what_extract_prints(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "analyses.jsonl"
    assert filled.export(out, fmt="jsonl", table="analyses") == 3
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [to_dict(a) for a in filled.analyses()]
    assert list(json.loads(lines[0])) == [f.name for f in dataclasses.fields(type(
        next(filled.analyses())))]  # fmt: skip
    assert "bloqués" in lines[0]  # kept readable, not \u-escaped


@pytest.mark.parametrize("table", FLAT_TABLES)
@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_flat_exports_read_back(filled: Store, tmp_path: Path, table: str, fmt: str) -> None:
    out = tmp_path / f"{table}.{fmt}"
    written = filled.export(out, fmt=fmt, table=table)  # type: ignore[arg-type]
    assert written == filled.counts()[table]
    names, rows = _read(out)
    assert len(rows) == written
    assert names[0] == ("id" if table == "articles" else "article_id")
    assert "record" not in names and "seq" not in names


def test_events_csv_has_flat_and_nested_columns(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    filled.export(out, fmt="csv", table="events", filters=Filters(country="cl"))
    names, rows = _read(out)
    first = dict(zip(names, rows[0], strict=True))
    assert (first["article_id"], first["id"], first["type"]) == ("cl", "ev-block", "COERCE")
    assert (first["place_name"], first["country_code"], first["lat"]) == ("Arica", "CL", -18.4746)
    assert first["date_from"] == dt.date(2025, 11, 28)
    assert json.loads(first["contexts"]) == ["migration"]
    assert json.loads(first["targets"])[0]["amounts"] == ["am-dozens"]
    assert json.loads(first["sentence"])["text"].startswith("Le 28 novembre")
    assert first["deadline"] is None


def test_parquet_keeps_types(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "amounts.parquet"
    filled.export(out, fmt="parquet", table="amounts", filters=Filters(limit=2))
    con = duckdb.connect()
    described = con.execute("DESCRIBE SELECT * FROM read_parquet(?)", [str(out)]).fetchall()
    types = {row[0]: row[1] for row in described}
    assert (types["value"], types["approximate"], types["start"]) == (
        "DOUBLE",
        "BOOLEAN",
        "INTEGER",
    )
    rows = con.execute("SELECT article_id, id, low FROM read_parquet(?)", [str(out)]).fetchall()
    assert rows == [("pe", "am-dozens", 24.0), ("pe", "am-big", None)]


def test_jsonl_flat_table_nests_objects(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "entities.jsonl"
    assert filled.export(out, fmt="jsonl", table="entities", filters=Filters(country="PE")) == 3
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    minister = next(r for r in rows if r["id"] == "ent-minister")
    assert minister["role"] == {"text": "ministre", "start": minister["role"]["start"],
                                "end": minister["role"]["start"] + len("ministre")}  # fmt: skip
    assert minister["mentions"][0]["text"] == "Luis Cordero"
    stored = next(a for a in filled.analyses(Filters(country="PE"))).entities[1]
    assert {k: minister[k] for k in to_dict(stored)} == to_dict(stored)


def test_filters_apply_to_exports(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "articles.jsonl"
    assert filled.export(out, fmt="jsonl", table="articles", filters=Filters(lang="de")) == 1
    (row,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert (row["id"], row["status"], row["published"]) == (
        "de",
        "unsupported_language",
        "2025-11-30",
    )
    assert row["provenance"]["reason"] == "no pipeline for language 'de'"


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_dash_writes_to_stdout(filled: Store, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    assert filled.export(Path("-"), fmt=fmt, table="events") == 4  # type: ignore[arg-type]
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 4 + (fmt == "csv")


def test_analyses_to_stdout(filled: Store, capsys: pytest.CaptureFixture[str]) -> None:
    assert filled.export(Path("-"), fmt="jsonl", table="analyses", filters=Filters(limit=1)) == 1
    assert json.loads(capsys.readouterr().out)["article"]["id"] == "pe"


@pytest.mark.parametrize(
    ("out", "fmt", "table", "message"),
    [
        ("x.csv", "csv", "analyses", "only as jsonl"),
        ("x.parquet", "parquet", "analyses", "only as jsonl"),
        ("-", "parquet", "events", "stdout"),
        ("x.csv", "csv", "stories", "choose one of analyses, articles"),
        ("x.xlsx", "xlsx", "events", "choose one of jsonl, csv, parquet"),
        ("missing/x.csv", "csv", "events", "does not exist"),
    ],
)
def test_wrong_combinations_are_refused(
    filled: Store, tmp_path: Path, out: str, fmt: str, table: str, message: str
) -> None:
    target = Path(out) if out == "-" else tmp_path / out
    with pytest.raises(ExportError, match=message):
        filled.export(target, fmt=fmt, table=table)  # type: ignore[arg-type]


def test_every_table_is_exportable_as_jsonl(filled: Store, tmp_path: Path) -> None:
    for table in EXPORT_TABLES:
        out = tmp_path / f"{table}.jsonl"
        written = filled.export(out, fmt="jsonl", table=table)
        assert written == len(out.read_text(encoding="utf-8").splitlines())


def test_export_from_read_only_store(db_path: Path, tmp_path: Path) -> None:
    _fill(Store(db_path)).close()
    with Store(db_path, read_only=True) as store:
        assert store.export(tmp_path / "e.parquet", fmt="parquet", table="events") == 4
