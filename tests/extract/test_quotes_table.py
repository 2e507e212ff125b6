"""French and Spanish reported speech against the installed models: one row per case.

The rows live in ``quote_cases.toml`` beside this file: news-style sentences covering quotation
marks of every kind, dialogue dashes, partial and indirect quotes, speakers before and after
their cue, roles, pronouns, anonymous descriptions and media, with the example article's three
quotes among them.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from newsevents.extract.components import doc_records
from newsevents.pipeline import load_pipeline
from newsevents.records import Quote

CASES: list[dict[str, Any]] = tomllib.loads(
    (Path(__file__).parent / "quote_cases.toml").read_text(encoding="utf-8")
)["case"]


def _quotes(lang: str, text: str) -> list[Quote]:
    doc = load_pipeline(lang)(text)
    return list(doc_records(doc)["quotes"])


def test_the_table_covers_both_languages() -> None:
    assert {case["lang"] for case in CASES} == {"fr", "es"}
    assert len({case["name"] for case in CASES}) == len(CASES)


@pytest.mark.model
@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_quote_case(case: dict[str, Any]) -> None:
    quotes = _quotes(case["lang"], case["text"])
    found = [q for q in quotes if q.text == case["quote"]]
    assert found, f"no quote {case['quote']!r} among {[q.text for q in quotes]}"
    quote = found[0]
    assert case["text"][quote.start : quote.end] == quote.text
    assert quote.kind == case["kind"]
    assert quote.speaker == case["speaker"]
    assert (quote.speaker_entity is not None) == case["linked"]
    assert (quote.speaker_span.text if quote.speaker_span else "") == case["speaker_span"]
    assert quote.cue is not None and quote.cue.text == case["cue"]
    assert (quote.medium.text if quote.medium else "") == case["medium"]


@pytest.mark.model
def test_the_example_article_gives_its_three_speakers() -> None:
    example = Path(__file__).resolve().parents[2] / "examples" / "chile-peru-border-2025-11-29.txt"
    quotes = _quotes("fr", example.read_text(encoding="utf-8"))
    direct = [(q.kind, q.speaker) for q in quotes if q.kind != "indirect"]
    assert direct == [
        ("direct", "un migrant vénézuélien"),
        ("direct", "Luis Cordero"),
        ("direct", "José Antonio Kast"),
        ("partial", "José Jeri"),
    ]
