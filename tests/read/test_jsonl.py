"""JSONL input: one article per line, each bad line reported with its number."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from newsevents.read import ReadProblem, read_paths
from newsevents.records import stable_id
from tests.read import read_all

FULL = {
    "id": "afp-123",
    "url": "https://example.org/a",
    "source": "AFP",
    "published": "2025-11-29T08:30:00Z",
    "title": "Migrants bloqués",
    "text": "Des dizaines de migrants étaient bloqués.",
    "lang": "fr-FR",
    "section": "monde",
}


def write_jsonl(path: Path, *lines: object) -> Path:
    """Write each item as a JSON line, strings as they are."""
    rows = [
        line if isinstance(line, str) else json.dumps(line, ensure_ascii=False) for line in lines
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_all_fields(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", FULL)
    articles, problems = read_all(path, lang="es", published=dt.date(2000, 1, 1))
    assert problems == []
    (article,) = articles
    assert article.id == "afp-123"
    assert article.url == "https://example.org/a"
    assert article.source == "AFP"
    assert article.published == dt.date(2025, 11, 29)
    assert article.title == "Migrants bloqués"
    assert article.text == "Des dizaines de migrants étaient bloqués."
    assert article.lang == "fr"  # the record's own language wins over the argument
    assert article.origin == f"{path}:1"


def test_only_text_takes_the_defaults(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.ndjson", {"text": "Un texte.\r\nDeux lignes."})
    articles, problems = read_all(path, lang="ES", published=dt.date(2025, 1, 2))
    assert problems == []
    (article,) = articles
    assert article.text == "Un texte.\nDeux lignes."
    assert article.id == stable_id("text", "Un texte.\nDeux lignes.")
    assert (article.title, article.url, article.source) == (None, None, None)
    assert (article.published, article.lang) == (dt.date(2025, 1, 2), "es")


def test_only_text_without_defaults_is_quiet(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", {"text": "Sans date."})
    articles, problems = read_all(path)
    assert problems == []
    assert (articles[0].published, articles[0].lang) == (None, None)


@pytest.mark.parametrize(
    ("fields", "expected_id"),
    [
        ({"id": "x-1", "url": "https://e.org/1"}, "x-1"),
        ({"id": 42}, "42"),
        ({"url": "https://e.org/1"}, stable_id("url", "https://e.org/1")),
        ({"id": "", "url": None}, stable_id("text", "Le texte.")),
    ],
)
def test_id_rules(tmp_path: Path, fields: dict[str, object], expected_id: str) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", {**fields, "text": "Le texte."})
    articles, problems = read_all(path)
    assert problems == []
    assert articles[0].id == expected_id


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        ('{"text": "coupé', "not valid JSON"),
        ('["text", "a list"]', "JSON array, not an object"),
        ('{"title": "Sans texte"}', 'no "text" field'),
        ('{"text": "   "}', 'field "text" is empty'),
        ('{"text": 12}', 'field "text" is a JSON number'),
        ('{"text": "Le texte.", "published": "2025-02-30"}', '"2025-02-30" is not a valid date'),
        ('{"text": "Le texte.", "published": "yesterday"}', '"yesterday" is not a valid date'),
        ('{"text": "Le texte.", "published": 20251129}', 'field "published" is a JSON number'),
        ('{"text": "Le texte.", "id": 1.5}', "must be a string or an integer"),
    ],
)
def test_a_bad_line_in_the_middle_does_not_stop_the_others(
    tmp_path: Path, line: str, fragment: str
) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", {"text": "Premier."}, line, "", {"text": "Dernier."})
    items = list(read_paths([path]))
    assert [type(item).__name__ for item in items] == ["Article", "ReadProblem", "Article"]
    problem = items[1]
    assert isinstance(problem, ReadProblem)
    assert (problem.origin, problem.severity) == (f"{path}:2", "error")
    assert fragment in problem.message
    assert [getattr(item, "origin", None) for item in items[::2]] == [f"{path}:1", f"{path}:4"]


def test_published_field_names_field_and_value(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", {"text": "T.", "published": "2025-02-30"})
    _, problems = read_all(path)
    assert problems[0].message.startswith('field "published" "2025-02-30" is not a valid date')
    assert "day is out of range" in problems[0].message


def test_bad_lang_field_is_a_warning_and_the_argument_applies(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", {"text": "Le texte.", "lang": "Français"})
    articles, problems = read_all(path, lang="fr")
    assert articles[0].lang == "fr"
    assert [(p.origin, p.severity) for p in problems] == [(f"{path}:1", "warning")]
    assert 'field "lang" ignored' in problems[0].message


def test_text_over_the_limit_is_an_error_for_that_line(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", {"text": "x" * 101}, {"text": "court"})
    articles, problems = read_all(path, max_chars=100)
    assert [a.text for a in articles] == ["court"]
    assert problems[0].origin == f"{path}:1"
    assert "101 characters, over the limit of 100" in problems[0].message
    assert "--max-chars" in problems[0].message


def test_a_file_that_is_not_jsonl_stops_early(tmp_path: Path) -> None:
    path = tmp_path / "table.jsonl"
    path.write_text("".join(f"a,b,{n}\n" for n in range(1000)), encoding="utf-8")
    articles, problems = read_all(path)
    assert articles == []
    assert len(problems) == 21
    assert problems[-1].origin == str(path)
    assert "does not look like JSONL" in problems[-1].message


@pytest.mark.parametrize("content", ["", "\n\n  \n"])
def test_empty_jsonl_is_an_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(content, encoding="utf-8")
    articles, problems = read_all(path)
    assert articles == []
    assert [(p.origin, p.message.split(";")[0]) for p in problems] == [(str(path), "empty file")]


def test_jsonl_with_utf8_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"text": "Un."}\r\n{"text": "Deux."}\r\n')
    articles, problems = read_all(path)
    assert problems == []
    assert [a.text for a in articles] == ["Un.", "Deux."]


def test_utf16_jsonl_is_read_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes('{"text": "Été."}\n{"text": "Hiver."}\n'.encode("utf-16"))
    articles, problems = read_all(path)
    assert [a.text for a in articles] == ["Été.", "Hiver."]
    assert [(p.severity, p.origin) for p in problems] == [("warning", str(path))]
    assert "UTF-16" in problems[0].message


def test_non_utf8_line_is_an_error_for_that_line(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes('{"text": "Été."}\n'.encode("cp1252") + b'{"text": "ok"}\n')
    articles, problems = read_all(path)
    assert [a.text for a in articles] == ["ok"]
    assert problems[0].origin == f"{path}:1"
    assert "not valid UTF-8" in problems[0].message
