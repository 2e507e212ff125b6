"""Hand-built analyses for the store tests: no model, offsets computed from the text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsevents.records import (
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
)
from newsevents.store import Store

TEMPLATE = (
    "Le {day} novembre, des dizaines de migrants ont été bloqués à {city}. "
    "« Nous fermerons la frontière », a déclaré le ministre {minister}. "
    "Plus de 330.000 migrants pourraient être expulsés."
)


def span(text: str, part: str, after: int = 0) -> Span:
    """The span of the first ``part`` in ``text`` from ``after``."""
    start = text.index(part, after)
    return Span(part, start, start + len(part))


def make_analysis(
    article_id: str = "a1",
    *,
    day: int = 28,
    city: str = "Arica",
    country: str = "CL",
    minister: str = "Luis Cordero",
    published: dt.date | None = dt.date(2025, 11, 29),
    lang: str = "fr",
    event_date: str | None = "2025-11-28",
    text: str | None = None,
) -> Analysis:
    """An analysis with two records of most kinds, and events with places and dates."""
    text = text or TEMPLATE.format(day=day, city=city, minister=minister)
    article = Article(
        id=article_id,
        text=text,
        title=f"Migrants bloqués à {city}",
        url=f"https://example.org/{article_id}",
        source="example.org",
        published=published,
        lang=lang,
        origin=f"news.jsonl:{article_id}",
    )
    s_city, s_minister = span(text, city), span(text, minister)
    s_date, s_quote = span(text, f"{day} novembre"), span(text, "Nous fermerons la frontière")
    s_migrants, s_big = span(text, "migrants"), span(text, "330.000 migrants")
    sentence1 = span(text, text[: text.index(".") + 1])
    sentence3 = span(text, "Plus de 330.000 migrants pourraient être expulsés.")
    entities = (
        Entity("ent-city", city, s_city.start, s_city.end, "LOC", city),
        Entity(
            "ent-minister",
            s_minister.text,
            s_minister.start,
            s_minister.end,
            "PER",
            minister,
            mentions=(s_minister,),
            role=span(text, "ministre"),
        ),
        Entity(
            "ent-migrants",
            "migrants",
            s_migrants.start,
            s_migrants.end,
            "NORP",
            "migrants",
            country_code="VE",
            confidence=0.5,
        ),
    )
    places = (
        Place(
            "pl-city",
            city,
            s_city.start,
            s_city.end,
            geonames_id="3899361",
            name=city,
            country_code=country,
            admin1="15",
            lat=-18.4746,
            lon=-70.2979,
            feature_code="PPLA",
            precision="city",
            alternatives=(PlaceCandidate("1", city, country, score=0.9),),
            confidence=0.8,
        ),
    )
    times = (
        Time(
            "t-day",
            s_date.text,
            s_date.start,
            s_date.end,
            "DATE",
            event_date or "XXXX",
            anchor="published",
        ),
    )
    amounts = (
        Amount(
            "am-dozens",
            "des dizaines",
            *_se(span(text, "des dizaines")),
            low=24.0,
            high=99.0,
            approximate=True,
            bound="about",
            qualifier=span(text, "des dizaines"),
            unit="migrant",
        ),
        Amount(
            "am-big",
            "330.000",
            *_se(span(text, "330.000")),
            value=330000.0,
            bound="at_least",
            qualifier=span(text, "Plus de"),
            unit="migrant",
            unit_span=span(text, "migrants", s_big.start),
        ),
    )
    quotes = (
        Quote(
            "q-minister",
            s_quote.text,
            s_quote.start,
            s_quote.end,
            "direct",
            speaker=minister,
            speaker_entity="ent-minister",
            speaker_span=s_minister,
            cue=span(text, "déclaré"),
        ),
    )
    events = (
        Event(
            "ev-block",
            "bloqués",
            *_se(span(text, "bloqués")),
            "COERCE",
            sentence1,
            mode="restrict",
            contexts=("migration",),
            place="pl-city",
            date="t-day",
            date_value=event_date,
            date_source="text" if event_date else None,
            targets=(
                Argument(
                    "des dizaines de migrants",
                    *_se(span(text, "des dizaines de migrants")),
                    amounts=("am-dozens",),
                ),
            ),
            amounts=("am-dozens",),
            evidence=(span(text, "bloqués"),),
            confidence=0.9,
        ),
        Event(
            "ev-expel",
            "expulsés",
            *_se(span(text, "expulsés")),
            "THREATEN",
            sentence3,
            mode="expel",
            status="threatened",
            amounts=("am-big",),
            quotes=("q-minister",),
            actors=(Argument(minister, s_minister.start, s_minister.end, entity="ent-minister"),),
        ),
    )
    provenance = Provenance("0.1.0", lang, model=f"{lang}_core_news_md", model_version="3.8.0")
    return Analysis(article, provenance, entities, places, times, amounts, quotes, events)


def _se(s: Span) -> tuple[int, int]:
    return s.start, s.end


def unsupported(article_id: str = "de1") -> Analysis:
    """An article in a language the pipeline does not analyse: stored with a reason only."""
    article = Article(
        article_id,
        "Dutzende Migranten sitzen an der Grenze fest.",
        lang="de",
        published=dt.date(2025, 11, 30),
    )
    provenance = Provenance(
        "0.1.0", "de", status="unsupported_language", reason="no pipeline for language 'de'"
    )
    return Analysis(article, provenance)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "news.duckdb"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store(db_path) as opened:
        yield opened
