"""Paths: folders, order, hidden entries, gzip, size limits, missing paths and counting."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import random
from pathlib import Path

import pytest

from newsevents.read import DEFAULT_MAX_CHARS, ReadProblem, count_inputs, read_paths
from tests.read import read_all

HTML = """<!DOCTYPE html><html lang="es"><head><title>Cierre de la frontera</title>
<meta property="article:published_time" content="2025-11-28"></head><body>
<nav><a href="/">Inicio</a> <a href="/mundo">Mundo</a></nav>
<article><h1>Cierre de la frontera</h1>
<p>El Gobierno peruano anunció el cierre parcial de la frontera con Chile tras la llegada de
decenas de migrantes al paso fronterizo de Chacalluta-Santa Rosa.</p>
<p>El presidente interino convocó un consejo de ministros extraordinario para declarar el estado
de emergencia en la zona.</p></article>
<footer>© 2025 Diario de ejemplo</footer></body></html>
"""


def write(path: Path, content: str | bytes) -> Path:
    """Write ``content`` to ``path``, making its folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_folders_are_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write(corpus / "b.txt", "B")
    write(corpus / "a" / "z.txt", "AZ")
    write(corpus / "a" / "b" / "c.txt", "ABC")
    write(corpus / "c.jsonl", '{"text": "C1"}\n{"text": "C2"}\n')
    write(corpus / "A.txt", "Upper")
    write(corpus / ".hidden.txt", "hidden file")
    write(corpus / ".git" / "notes.txt", "hidden folder")
    write(corpus / "a" / ".cache" / "x.txt", "nested hidden folder")
    articles, problems = read_all(corpus)
    assert problems == []
    assert [a.text for a in articles] == ["Upper", "ABC", "AZ", "B", "C1", "C2"]
    sep = os.sep
    assert [a.origin for a in articles] == [
        f"{corpus}{sep}A.txt",
        f"{corpus}{sep}a{sep}b{sep}c.txt",
        f"{corpus}{sep}a{sep}z.txt",
        f"{corpus}{sep}b.txt",
        f"{corpus}{sep}c.jsonl:1",
        f"{corpus}{sep}c.jsonl:2",
    ]
    # The same input reads the same way every time.
    assert read_all(corpus) == (articles, problems)


def test_origin_keeps_the_path_as_typed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "in" / "a.txt", "A")
    monkeypatch.chdir(tmp_path)
    origins = [item.origin for item in read_paths(["in/", "./in/a.txt", "in/a.txt"])]
    assert origins == ["in/a.txt", "./in/a.txt", "in/a.txt"]


def test_an_explicit_hidden_file_is_read(tmp_path: Path) -> None:
    path = write(tmp_path / ".draft.txt", "Brouillon")
    articles, _ = read_all(path)
    assert [a.text for a in articles] == ["Brouillon"]


def test_missing_path_is_an_error_and_reading_goes_on(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", "Bon")
    missing = tmp_path / "nope" / "missing.txt"
    articles, problems = read_all(missing, good)
    assert [a.text for a in articles] == ["Bon"]
    assert [(p.origin, p.severity) for p in problems] == [(str(missing), "error")]
    assert "no such file or folder" in problems[0].message


def test_a_lone_path_is_not_iterated_letter_by_letter(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "Seul")
    assert [item.text for item in read_paths(str(path))] == ["Seul"]  # type: ignore[union-attr]
    assert [item.text for item in read_paths(path)] == ["Seul"]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("name", "content", "texts"),
    [
        ("a.jsonl.gz", '{"text": "Un"}\n{"text": "Deux"}\n', ["Un", "Deux"]),
        ("a.txt.gz", "Texte compressé.", ["Texte compressé."]),
        ("a.gz", "date 2025-11-29 Titre\n\nCorps compressé.", ["Corps compressé."]),
        ("a.html.gz", HTML, None),
    ],
)
def test_gzip_files_are_read_by_their_inner_name(
    tmp_path: Path, name: str, content: str, texts: list[str] | None
) -> None:
    path = write(tmp_path / name, gzip.compress(content.encode("utf-8")))
    articles, problems = read_all(path)
    assert problems == []
    if texts is not None:
        assert [a.text for a in articles] == texts
    else:
        (article,) = articles
        assert article.title == "Cierre de la frontera"
        assert article.text.startswith("El Gobierno peruano")
        assert (article.published, article.lang) == (dt.date(2025, 11, 28), "es")


@pytest.mark.parametrize(
    "content",
    [
        b"this is not gzip data at all",
        gzip.compress(b"Un texte tronque quelque part au milieu." * 50)[:-30],
        b"\x1f\x8b\x08\x00" + random.Random(5).randbytes(200),
    ],
)
@pytest.mark.parametrize("name", ["a.txt.gz", "a.jsonl.gz"])
def test_corrupt_gzip_is_an_error(tmp_path: Path, name: str, content: bytes) -> None:
    path = write(tmp_path / name, content)
    articles, problems = read_all(path)
    assert articles == []
    assert [(p.origin, p.severity) for p in problems] == [(str(path), "error")]
    assert "corrupt" in problems[0].message


def test_corrupt_gzip_jsonl_keeps_the_lines_before(tmp_path: Path) -> None:
    noise = random.Random(3)
    lines = "".join(json.dumps({"text": noise.randbytes(200).hex()}) + "\n" for _ in range(200))
    data = gzip.compress(lines.encode("utf-8"))
    path = write(tmp_path / "a.jsonl.gz", data[: len(data) // 2])
    articles, problems = read_all(path)
    assert 0 < len(articles) < 200
    assert [(p.origin, p.severity) for p in problems] == [(str(path), "error")]
    assert f"after line {len(articles)}" in problems[0].message


def test_a_5_mb_text_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = write(
        tmp_path / "big.txt", "Une phrase de plus dans un texte bien trop long.\n" * 105_000
    )
    assert path.stat().st_size > 5_000_000
    articles, problems = read_all(path, tmp_path / "missing.txt")
    assert articles == []
    assert [p.origin for p in problems] == [str(path), str(tmp_path / "missing.txt")]
    message = problems[0].message
    assert f"{path.stat().st_size:,} bytes" in message
    assert f"{DEFAULT_MAX_CHARS:,} characters" in message
    assert "--max-chars" in message


@pytest.mark.parametrize(
    ("name", "content"),
    [("a.txt", "é" * 150), ("a.txt.gz", gzip.compress(("é" * 150).encode("utf-8")))],
)
def test_text_just_over_the_limit_is_refused_after_decoding(
    tmp_path: Path, name: str, content: str | bytes
) -> None:
    path = write(tmp_path / name, content)
    articles, problems = read_all(path, max_chars=149)
    assert articles == []
    assert "150 characters, over the limit of 149" in problems[0].message
    articles, problems = read_all(path, max_chars=150)
    assert (len(articles), problems) == (1, [])


def test_html_may_be_larger_than_its_text(tmp_path: Path) -> None:
    padded = HTML.replace("</head>", "<script>" + "var x = 1;\n" * 2000 + "</script></head>")
    path = write(tmp_path / "page.txt", padded)
    articles, problems = read_all(path, max_chars=5_000)
    assert problems == []
    assert articles[0].title == "Cierre de la frontera"


def test_reading_is_lazy(tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", '{"text": "Un"}\n{"text": "Deux"}\n')
    items = read_paths([path])
    first = next(items)
    path.write_text("", encoding="utf-8")  # changed after the reading began
    assert getattr(first, "text", None) == "Un"


@pytest.mark.parametrize(
    ("options", "fragment"),
    [({"max_chars": 0}, "max_chars"), ({"lang": "français"}, "not a language code")],
)
def test_bad_arguments_raise_at_once(options: dict[str, object], fragment: str) -> None:
    with pytest.raises(ValueError, match=fragment):
        read_paths(["whatever"], **options)  # type: ignore[arg-type]


def test_count_inputs(tmp_path: Path) -> None:
    write(tmp_path / "c" / "a.txt", "A")
    write(tmp_path / "c" / "sub" / "b.html", HTML)
    write(tmp_path / "c" / ".hidden", "H")
    assert count_inputs([tmp_path / "c", tmp_path / "missing"]) == 3
    assert count_inputs(str(tmp_path / "c" / "a.txt")) == 1
    write(tmp_path / "c" / "rows.jsonl.gz", b"")
    assert count_inputs([tmp_path / "c"]) is None


def test_every_problem_is_a_read_problem(tmp_path: Path) -> None:
    write(tmp_path / "bad.jsonl", "{oops\n")
    items = list(read_paths([tmp_path, tmp_path / "missing"]))
    assert all(isinstance(item, ReadProblem) for item in items)
    assert {item.severity for item in items} == {"error"}  # type: ignore[union-attr]
