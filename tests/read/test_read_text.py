"""``read_text``: the id rule, normalization and language codes."""

from __future__ import annotations

import datetime as dt

import pytest

from newsevents.read import read_text
from newsevents.records import stable_id


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"id": "given", "url": "https://e.org/1"}, "given"),
        ({"id": "  given  "}, "given"),
        ({"url": " https://e.org/1 "}, stable_id("url", "https://e.org/1")),
        ({"id": "", "url": "https://e.org/1"}, stable_id("url", "https://e.org/1")),
        ({}, stable_id("text", "Corps de l'article.\nSuite.")),
    ],
)
def test_id_rule(options: dict[str, str], expected: str) -> None:
    article = read_text("\n\nCorps de l'article.\r\nSuite.  \n", **options)
    assert article.id == expected
    assert article.text == "Corps de l'article.\nSuite."


def test_the_text_id_is_of_the_normalized_text() -> None:
    decomposed = read_text("Pe\u0301rou\r\n")
    composed = read_text("Pérou")
    assert decomposed.id == composed.id == stable_id("text", "Pérou")


def test_fields_are_kept() -> None:
    article = read_text(
        "Corps.",
        title=" Un  titre\n sur deux lignes ",
        source="AFP",
        published=dt.date(2025, 11, 29),
        lang="fr",
        origin="api",
    )
    assert article.title == "Un titre sur deux lignes"
    assert (article.source, article.published, article.origin) == (
        "AFP",
        dt.date(2025, 11, 29),
        "api",
    )


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("fr", "fr"),
        ("fr-FR", "fr"),
        ("pt_BR", "pt"),
        ("EN", "en"),
        ("ast", "ast"),
        ("und", None),
        ("", None),
        (None, None),
    ],
)
def test_lang_is_the_lowercase_primary_subtag(code: str | None, expected: str | None) -> None:
    assert read_text("Texte.", lang=code).lang == expected


@pytest.mark.parametrize("code", ["français", "f", "12"])
def test_a_bad_lang_raises(code: str) -> None:
    with pytest.raises(ValueError, match="not a language code"):
        read_text("Texte.", lang=code)


@pytest.mark.parametrize("text", ["", "  \n\t "])
def test_an_empty_text_raises(text: str) -> None:
    with pytest.raises(ValueError, match="empty"):
        read_text(text)
