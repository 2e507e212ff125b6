"""Fixtures of the API and dashboard tests: a filled store, an app, a client and a live server.

The store (``serve_store``, built once per test session) holds:

- the example article (``examples/chile-peru-border-2025-11-29.txt``), ingested for real with
  the blank pipelines (entities and amounts as the extractors find them without a model);
- ``SERVE_ANALYSES``: hand-made analyses in French, Spanish and English whose events are tied to
  real spans of their text, with places (coordinates in Chile, Peru, Spain, Sudan, Kenya), times,
  amounts, quotes, every event status and several PLOVER types, dated from April 2023 to
  March 2026 (most between November 2025 and March 2026);
- ``XSS_ID``: an English article whose text holds ``<script>`` and ``<img onerror=…>`` markup,
  with one located event, for the test that the article view renders it as text.

Event ids are unique across the store (each starts with its article id). ``live_server`` runs
uvicorn on that store in a thread, on a free port of 127.0.0.1, and yields its base URL.
"""

from __future__ import annotations

import datetime as dt
import re
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient

from newsevents import pipeline
from newsevents.jobs import ingest_paths
from newsevents.records import (
    Amount,
    Analysis,
    Argument,
    Article,
    Entity,
    Event,
    EventStatus,
    Place,
    Provenance,
    Quote,
    Span,
    Time,
)
from newsevents.serve import create_app
from newsevents.store import Store

from ..conftest import EXAMPLE, blank_pipeline

TOKEN = "test-token"
"""The write token of ``app``, ``client`` and ``live_server``."""
XSS_ID = "en-markup"
"""The article whose text holds HTML markup that must be shown as text."""


def span_of(text: str, part: str, after: int = 0) -> Span:
    """The span of the first ``part`` in ``text`` at or after ``after``."""
    start = text.index(part, after)
    return Span(part, start, start + len(part))


def sentence_of(text: str, inner: Span) -> Span:
    """The sentence holding ``inner``: from the end of the previous one to its closing mark."""
    starts = [m.end() for m in re.finditer(r"[.!?»]\s+", text[: inner.start])]
    start = starts[-1] if starts else 0
    end_match = re.compile(r"[.!?](\s|$)").search(text, inner.end)
    end = end_match.start() + 1 if end_match else len(text)
    return Span(text[start:end], start, end)


@dataclass
class EventSpec:
    """An event by the surfaces of its parts; offsets are found in the text."""

    trigger: str
    type: str
    status: EventStatus = "occurred"
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    place: str | None = None
    time: str | None = None
    actors: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    amounts: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()


@dataclass
class ArticleSpec:
    """A hand-made analysed article: its text and the surfaces of its records."""

    id: str
    lang: str
    published: dt.date
    title: str
    text: str
    entities: list[tuple[str, str]] = field(default_factory=list)
    """(label, surface)."""
    places: list[tuple[str, str, str, float, float]] = field(default_factory=list)
    """(surface, name, country code, lat, lon)."""
    times: list[tuple[str, str]] = field(default_factory=list)
    """(surface, TIMEX3 value)."""
    amounts: list[tuple[str, float, str]] = field(default_factory=list)
    """(surface, value, unit)."""
    quotes: list[tuple[str, str, str]] = field(default_factory=list)
    """(quoted words, speaker surface, cue verb)."""
    events: list[EventSpec] = field(default_factory=list)


def build_analysis(spec: ArticleSpec) -> Analysis:
    """The analysis of ``spec`` with ids ``<article>-<kind><n>`` and offsets from its text."""
    text, aid = spec.text, spec.id

    def rid(kind: str, n: int) -> str:
        return f"{aid}-{kind}{n}"

    entities = tuple(
        Entity(rid("ent", i), *_se(text, surface), label, surface)  # type: ignore[arg-type]
        for i, (label, surface) in enumerate(spec.entities)
    )
    places = tuple(
        Place(
            rid("pl", i),
            *_se(text, surface),
            geonames_id=str(1000 + i),
            name=name,
            country_code=cc,
            lat=lat,
            lon=lon,
            feature_code="PPL",
            precision="city",
        )
        for i, (surface, name, cc, lat, lon) in enumerate(spec.places)
    )
    times = tuple(
        Time(rid("t", i), *_se(text, surface), "DATE", value, anchor="published")
        for i, (surface, value) in enumerate(spec.times)
    )
    amounts = tuple(
        Amount(rid("am", i), *_se(text, surface), value=value, unit=unit)
        for i, (surface, value, unit) in enumerate(spec.amounts)
    )
    quotes = tuple(
        Quote(
            rid("q", i),
            *_se(text, words),
            "direct",
            speaker=speaker,
            speaker_entity=_id_of(entities, speaker),
            speaker_span=span_of(text, speaker),
            cue=span_of(text, cue),
        )
        for i, (words, speaker, cue) in enumerate(spec.quotes)
    )

    def ids(records: tuple[Any, ...], surfaces: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(r.id for s in surfaces for r in records if r.text == s)

    def args(surfaces: tuple[str, ...]) -> tuple[Argument, ...]:
        return tuple(Argument(*_se(text, s), entity=_id_of(entities, s)) for s in surfaces)

    events = []
    for i, ev in enumerate(spec.events):
        trigger = span_of(text, ev.trigger)
        time_ = next((t for t in times if t.text == ev.time), None)
        place = next((p for p in places if p.text == ev.place), None)
        evidence = [trigger]
        evidence += [span_of(text, s) for s in (ev.place, ev.time) if s]
        events.append(
            Event(
                rid("ev", i),
                *_se(text, ev.trigger),
                ev.type,
                sentence_of(text, trigger),
                mode=ev.mode,
                contexts=ev.contexts,
                status=ev.status,
                actors=args(ev.actors),
                targets=args(ev.targets),
                place=place.id if place else None,
                date=time_.id if time_ else None,
                date_value=time_.value if time_ else spec.published.isoformat(),
                date_source="text" if time_ else "published",
                amounts=ids(amounts, ev.amounts),
                quotes=ids(quotes, ev.quotes),
                evidence=tuple(evidence),
                reasons=(f"status: {ev.status}",),
                confidence=0.8,
            )
        )
    article = Article(
        aid,
        text,
        title=spec.title,
        url=f"https://news.example.org/{aid}",
        source="news.example.org",
        published=spec.published,
        lang=spec.lang,
    )
    provenance = Provenance("0.1.0", spec.lang, model=f"{spec.lang}_test", model_version="0")
    return Analysis(article, provenance, entities, places, times, amounts, quotes, tuple(events))


def _se(text: str, surface: str) -> tuple[str, int, int]:
    s = span_of(text, surface)
    return s.text, s.start, s.end


def _id_of(entities: tuple[Entity, ...], surface: str) -> str | None:
    return next((e.id for e in entities if e.text == surface), None)


D = dt.date

SPECS = [
    ArticleSpec(
        "fr-tacna",
        "fr",
        D(2025, 12, 11),
        "Manifestation à Tacna contre la fermeture de la frontière",
        "Le 10 décembre 2025, des centaines de personnes ont manifesté à Tacna contre la "
        "fermeture de la frontière avec le Chili. En avril 2023, le gouvernement péruvien avait "
        "déployé l'armée à Tacna. « Nous ne partirons pas », a déclaré Rosa Quispe, une "
        "commerçante. La police n'a pas dispersé les manifestants.",
        entities=[("PER", "Rosa Quispe"), ("LOC", "Tacna"), ("LOC", "Chili")],
        places=[("Tacna", "Tacna", "PE", -18.0066, -70.2463)],
        times=[("10 décembre 2025", "2025-12-10"), ("avril 2023", "2023-04")],
        quotes=[("Nous ne partirons pas", "Rosa Quispe", "déclaré")],
        events=[
            EventSpec(
                "manifesté",
                "PROTEST",
                contexts=("migration",),
                place="Tacna",
                time="10 décembre 2025",
                actors=("des centaines de personnes",),
                quotes=("Nous ne partirons pas",),
            ),
            EventSpec(
                "déployé",
                "MOBILIZE",
                "historical",
                mode="military",
                place="Tacna",
                time="avril 2023",
                actors=("le gouvernement péruvien",),
            ),
            EventSpec("dispersé", "COERCE", "negated", place="Tacna", actors=("La police",)),
        ],
    ),
    ArticleSpec(
        "fr-arica",
        "fr",
        D(2025, 11, 29),
        "Des migrants bloqués à Arica",
        "Le 28 novembre 2025, 200 migrants vénézuéliens ont été bloqués à Arica par les "
        "carabiniers. José Antonio Kast menace d'expulser plus de 330000 migrants s'il est élu.",
        entities=[("PER", "José Antonio Kast"), ("LOC", "Arica"), ("ORG", "carabiniers")],
        places=[("Arica", "Arica", "CL", -18.4783, -70.3126)],
        times=[("28 novembre 2025", "2025-11-28")],
        amounts=[("200 migrants", 200.0, "migrant"), ("330000 migrants", 330000.0, "migrant")],
        events=[
            EventSpec(
                "bloqués",
                "COERCE",
                mode="restrict",
                contexts=("migration",),
                place="Arica",
                time="28 novembre 2025",
                actors=("carabiniers",),
                targets=("200 migrants vénézuéliens",),
                amounts=("200 migrants",),
            ),
            EventSpec(
                "expulser",
                "THREATEN",
                "threatened",
                mode="expel",
                contexts=("migration", "election"),
                actors=("José Antonio Kast",),
                targets=("330000 migrants",),
                amounts=("330000 migrants",),
            ),
        ],
    ),
    ArticleSpec(
        "es-ceuta",
        "es",
        D(2026, 1, 15),
        "España deportará a 150 migrantes desde Ceuta",
        "El 15 de enero de 2026, el Gobierno de España anunció que deportará a 150 migrantes "
        "desde Ceuta. «No habrá excepciones», dijo el ministro Fernando Grande-Marlaska. "
        "Marruecos aceptó cooperar en la frontera.",
        entities=[
            ("ORG", "Gobierno de España"),
            ("PER", "Fernando Grande-Marlaska"),
            ("LOC", "Ceuta"),
            ("LOC", "Marruecos"),
        ],
        places=[("Ceuta", "Ceuta", "ES", 35.8894, -5.3213)],
        times=[("15 de enero de 2026", "2026-01-15")],
        amounts=[("150 migrantes", 150.0, "migrante")],
        quotes=[("No habrá excepciones", "Fernando Grande-Marlaska", "dijo")],
        events=[
            EventSpec(
                "deportará",
                "COERCE",
                "planned",
                mode="deport",
                contexts=("migration",),
                place="Ceuta",
                time="15 de enero de 2026",
                actors=("Gobierno de España",),
                targets=("150 migrantes",),
                amounts=("150 migrantes",),
                quotes=("No habrá excepciones",),
            ),
            EventSpec(
                "cooperar",
                "COOPERATE",
                "planned",
                contexts=("migration",),
                place="Ceuta",
                actors=("Marruecos",),
            ),
        ],
    ),
    ArticleSpec(
        "en-darfur",
        "en",
        D(2026, 2, 4),
        "Camp attacked near El Fasher",
        "On 3 February 2026, armed men attacked a displacement camp near El Fasher, killing 12 "
        'people. "We need safe corridors now," said Maria Lopez, an aid coordinator. '
        "If the fighting continues, aid agencies could withdraw from Darfur.",
        entities=[("PER", "Maria Lopez"), ("LOC", "El Fasher"), ("LOC", "Darfur")],
        places=[
            ("El Fasher", "El Fasher", "SD", 13.6279, 25.3494),
            ("Darfur", "Darfur", "SD", 13.5, 24.0),
        ],
        times=[("3 February 2026", "2026-02-03")],
        amounts=[("12 people", 12.0, "people")],
        quotes=[("We need safe corridors now", "Maria Lopez", "said")],
        events=[
            EventSpec(
                "attacked",
                "ASSAULT",
                contexts=("displacement",),
                place="El Fasher",
                time="3 February 2026",
                actors=("armed men",),
                targets=("a displacement camp",),
                amounts=("12 people",),
            ),
            EventSpec(
                "need",
                "REQUEST",
                contexts=("humanitarian",),
                place="El Fasher",
                actors=("Maria Lopez",),
                quotes=("We need safe corridors now",),
            ),
            EventSpec(
                "withdraw", "RETREAT", "hypothetical", place="Darfur", actors=("aid agencies",)
            ),
        ],
    ),
    ArticleSpec(
        "en-dadaab",
        "en",
        D(2026, 3, 21),
        "Kenya and Somalia agree on Dadaab",
        "Kenya and Somalia agreed on 20 March 2026 to reopen talks on the Dadaab refugee camp, "
        "home to 300000 people.",
        entities=[("LOC", "Kenya"), ("LOC", "Somalia"), ("LOC", "Dadaab")],
        places=[("Dadaab", "Dadaab", "KE", 0.0527, 40.3087)],
        times=[("20 March 2026", "2026-03-20")],
        amounts=[("300000 people", 300000.0, "people")],
        events=[
            EventSpec(
                "agreed",
                "AGREE",
                contexts=("asylum",),
                place="Dadaab",
                time="20 March 2026",
                actors=("Kenya", "Somalia"),
                amounts=("300000 people",),
            )
        ],
    ),
    ArticleSpec(
        XSS_ID,
        "en",
        D(2026, 1, 6),
        "Protest in Lima <b>bold</b>",
        'Officials said the message <script>alert("x")</script> was posted online. '
        "<img src=x onerror=alert(1)> Protesters gathered in Lima on 5 January 2026.",
        entities=[("LOC", "Lima")],
        places=[("Lima", "Lima", "PE", -12.0432, -77.0282)],
        times=[("5 January 2026", "2026-01-05")],
        events=[
            EventSpec(
                "gathered",
                "PROTEST",
                place="Lima",
                time="5 January 2026",
                actors=("Protesters",),
            )
        ],
    ),
]

SERVE_ANALYSES: list[Analysis] = [build_analysis(spec) for spec in SPECS]
"""The hand-made analyses of the store, in the order of ``SPECS``."""


def fill_store(store: Store) -> None:
    """Store the example article (blank pipelines) and ``SERVE_ANALYSES`` in ``store``."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pipeline, "load_pipeline", blank_pipeline)
        report = ingest_paths([EXAMPLE], store)
    assert report.stored == 1, report
    store.add_many(SERVE_ANALYSES)


@pytest.fixture(scope="session")
def serve_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The path of the filled store's DuckDB file (open, read-write, in ``serve_store``)."""
    return tmp_path_factory.mktemp("serve") / "news.duckdb"


@pytest.fixture(scope="session")
def serve_store(serve_db: Path) -> Iterator[Store]:
    """The filled store, shared by the whole session: tests must not write to it."""
    with Store(serve_db) as store:
        fill_store(store)
        yield store


@pytest.fixture(scope="session")
def app(serve_store: Store) -> FastAPI:
    """The application over ``serve_store``, writing enabled with ``TOKEN``."""
    return create_app(serve_store, token=TOKEN)


@pytest.fixture(scope="session")
def client(app: FastAPI) -> TestClient:
    """An HTTP client of ``app`` (no server, no network)."""
    return TestClient(app)


@pytest.fixture
def fresh_store(tmp_path: Path) -> Iterator[Store]:
    """A filled store of its own, for tests that write."""
    with Store(tmp_path / "fresh.duckdb") as store:
        fill_store(store)
        yield store


def run_server(app: FastAPI) -> Iterator[str]:
    """Run ``app`` with uvicorn in a thread on a free port; yield its URL, then stop it."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@pytest.fixture(scope="session")
def live_server(app: FastAPI) -> Iterator[str]:
    """The base URL (``http://127.0.0.1:PORT``, no trailing slash) of ``app`` served by uvicorn."""
    yield from run_server(app)
