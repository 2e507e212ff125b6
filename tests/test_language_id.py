"""Language identification of whole articles."""

from __future__ import annotations

import pytest

from newsevents.analyze.language import detect_language


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Des dizaines de migrants étaient bloqués à la frontière avec le Pérou.", "fr"),
        ("Decenas de migrantes venezolanos quedaron bloqueados en la frontera con Perú.", "es"),
        ("Dozens of migrants were stranded at the border with Peru on Friday.", "en"),
        ("Dutzende Migranten saßen am Freitag an der Grenze zu Peru fest.", "de"),
        ("Dezenas de migrantes ficaram bloqueados na fronteira com o Peru na sexta-feira.", "pt"),
    ],
)
def test_detects_the_language(text: str, code: str) -> None:
    assert detect_language(text).code == code


@pytest.mark.parametrize("text", ["", "12 345 678", "--- ***"])
def test_no_language_without_words(text: str) -> None:
    assert detect_language(text).code is None


def test_long_articles_are_judged_on_their_opening() -> None:
    text = "Des dizaines de migrants étaient bloqués à la frontière. " * 2000
    assert detect_language(text).code == "fr"
