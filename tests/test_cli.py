"""The command line, end to end on real files (blank pipelines unless marked `model`)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from newsevents.cli import main
from newsevents.store import Store
from tests.conftest import REPO
from tests.store.conftest import make_analysis

COMMANDS = sorted(main.commands)


def run(*args: str) -> tuple[int, str, str]:
    """Exit code, standard output and standard error of one command."""
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_a_readme_entry(command: str) -> None:
    code, out, _ = run(command, "--help")
    assert code == 0
    assert len(out.splitlines()) > 5
    assert f"newsevents {command}" in (REPO / "README.md").read_text(encoding="utf-8")


@pytest.mark.usefixtures("blank_models")
def test_extract_prints_the_record_contract(example_path: Path) -> None:
    code, out, err = run("extract", "--quiet", str(example_path))
    assert code == 0, err
    (line,) = out.splitlines()
    analysis = json.loads(line)
    assert list(analysis) == [
        "article",
        "provenance",
        "entities",
        "places",
        "times",
        "amounts",
        "quotes",
        "events",
    ]
    article = analysis["article"]
    assert article["published"] == "2025-11-29"
    assert article["title"].startswith("Des dizaines de migrants")
    assert article["text"].startswith("Des dizaines de migrants cherchant")
    assert article["lang"] == "fr"
    for kind in ("entities", "amounts"):
        for record in analysis[kind]:
            assert article["text"][record["start"] : record["end"]] == record["text"]
    assert "read 1 article(s)" in err
    assert "failed 0" in err


@pytest.mark.usefixtures("blank_models")
def test_jsonl_input_keeps_given_ids(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    rows = [
        {"id": "n-1", "text": "Des dizaines de migrants étaient bloqués à la frontière."},
        {"text": "Decenas de migrantes quedaron bloqueados en la frontera con Perú."},
    ]
    source.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), "utf-8")
    code, out, _ = run("extract", "-q", str(source))
    assert code == 0
    ids = [json.loads(line)["article"]["id"] for line in out.splitlines()]
    assert ids[0] == "n-1"
    assert len(ids[1]) == 16


def bad_batch(folder: Path, example: Path) -> Path:
    """A folder with one good article and one of each kind of bad input."""
    folder.mkdir()
    (folder / "good.txt").write_text(example.read_text("utf-8"), "utf-8")
    (folder / "empty.txt").write_text("", "utf-8")
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (folder / "feed.jsonl").write_text(
        json.dumps({"id": "ok-1", "text": "Deux migrants ont été arrêtés à Tacna hier."})
        + "\n{not json\n"
        + json.dumps({"id": "bad-date", "text": "Trois migrants.", "published": "2025-02-30"})
        + "\n",
        "utf-8",
    )
    (folder / "latin1.txt").write_bytes(
        "Les migrants vénézuéliens étaient bloqués à la frontière, a déclaré le préfet.".encode(
            "cp1252"
        )
    )
    with gzip.open(folder / "more.jsonl.gz", "wt", encoding="utf-8") as gz:
        gz.write(json.dumps({"id": "gz-1", "text": "Dozens of migrants were stranded."}) + "\n")
    return folder


@pytest.mark.usefixtures("blank_models")
def test_ingest_survives_bad_input_and_stores_once(tmp_path: Path, example_path: Path) -> None:
    folder = bad_batch(tmp_path / "batch", example_path)
    db = str(tmp_path / "store.duckdb")
    code, _, err = run("ingest", "-q", "--db", db, str(folder))
    assert code == 1
    for name in ("empty.txt", "photo.txt", "feed.jsonl:2", "feed.jsonl:3"):
        assert name in err, err
    assert "stored 4" in err
    assert "failed 4" in err

    code, _, err = run("ingest", "-q", "--db", db, str(folder))
    assert code == 1
    assert "stored 0" in err
    assert "skipped 4 duplicate(s)" in err
    with duckdb.connect(db, read_only=True) as con:
        assert con.execute("select count(*) from articles").fetchone() == (4,)

    code, out, _ = run("articles", "--db", db, "--json")
    assert code == 0
    assert {json.loads(line)["id"] for line in out.splitlines()} >= {"ok-1", "gz-1"}
    code, out, _ = run("articles", "--db", db, "--lang", "en", "--json")
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["gz-1"]


@pytest.mark.usefixtures("blank_models")
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_writes_every_format(tmp_path: Path, example_path: Path, fmt: str) -> None:
    db = str(tmp_path / "store.duckdb")
    assert run("ingest", "-q", "--db", db, str(example_path))[0] == 0
    out = tmp_path / f"out.{fmt}"
    table = "analyses" if fmt == "jsonl" else "articles"
    code, _, err = run("export", "--db", db, "--format", fmt, "--table", table, "-o", str(out))
    assert code == 0, err
    assert "wrote 1 row(s)" in err
    if fmt == "jsonl":
        (line,) = out.read_text("utf-8").splitlines()
        assert json.loads(line)["article"]["published"] == "2025-11-29"
    else:
        reader = "read_csv_auto" if fmt == "csv" else "read_parquet"
        with duckdb.connect() as con:
            assert con.execute(f"select count(*) from {reader}(?)", [str(out)]).fetchone() == (1,)


def test_listing_a_missing_store_says_what_to_do(tmp_path: Path) -> None:
    code, _, err = run("articles", "--db", str(tmp_path / "none.duckdb"))
    assert code != 0
    assert "newsevents ingest" in err


@pytest.mark.model
def test_extract_on_the_example_article(example_path: Path) -> None:
    code, out, err = run("extract", "-q", str(example_path))
    assert code == 0, err
    analysis = json.loads(out)
    assert analysis["provenance"]["model"] == "fr_core_news_md"
    people = {e["name"]: e for e in analysis["entities"] if e["label"] == "PER"}
    assert len(people["José Antonio Kast"]["mentions"]) >= 2
    assert people["Luis Cordero"]["role"]["text"] == "ministre de la Sécurité"
    amounts = {a["text"]: a for a in analysis["amounts"]}
    assert amounts["plus de 330.000"]["low"] == 330_000
    assert amounts["plus de 330.000"]["bound"] == "at_least"
    assert amounts["plus de 330.000"]["unit"] == "migrant"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((), {"a1", "a2"}),
        (("--country", "pe"), {"a2"}),
        (("--since", "2025-11-28", "--until", "2025-11-28"), {"a1"}),
        (("--lang", "es"), set()),
    ],
)
def test_events_listing_filters(tmp_path: Path, args: tuple[str, ...], expected: set[str]) -> None:
    db = tmp_path / "store.duckdb"
    with Store(db) as store:
        store.add(make_analysis("a1", day=28, city="Arica", country="CL"))
        store.add(make_analysis("a2", day=27, city="Tacna", country="PE", event_date="2025-11-27"))
    code, out, err = run("events", "--db", str(db), "--json", *args)
    assert code == 0, err
    rows = [json.loads(line) for line in out.splitlines()]
    assert {r["article_id"] for r in rows} == expected
    if "--country" in args:
        assert {r["country_code"] for r in rows} == {"PE"}
    code, out, _ = run("events", "--db", str(db), *args)
    assert out.splitlines()[0].split()[:4] == ["article_id", "id", "date_value", "type"]
