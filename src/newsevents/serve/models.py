"""The shapes the API answers with: pydantic models, so that ``/openapi.json`` documents them."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, Field

from newsevents.store import ArticleRow


class SpanOut(BaseModel):
    """A stretch of the article text; ``start``/``end`` are character offsets (end exclusive)."""

    text: str
    start: int
    end: int


class ArgumentOut(BaseModel):
    """An actor or target of an event: an entity id, or a group description with its amounts."""

    text: str
    start: int
    end: int
    entity: str | None = None
    amounts: list[str] = []


class EventPlace(BaseModel):
    """The place an event happened, resolved to coordinates when the gazetteer knew it."""

    id: str
    text: str | None
    name: str | None
    country_code: str | None
    lat: float | None
    lon: float | None
    precision: str | None


class EventArticle(BaseModel):
    """The article an event was read from."""

    id: str
    title: str | None
    published: str | None
    source: str | None
    url: str | None
    lang: str | None


class EventItem(BaseModel):
    """One event with its evidence: every span points into its article's text."""

    id: str
    article_id: str
    type: str
    mode: str | None
    contexts: list[str]
    status: str
    date_value: str | None
    date_source: str | None
    date_from: str | None
    date_to: str | None
    deadline: str | None = None
    trigger: SpanOut
    sentence: SpanOut
    place: EventPlace | None
    actors: list[ArgumentOut]
    targets: list[ArgumentOut]
    amounts: list[str]
    quotes: list[str]
    evidence: list[SpanOut]
    reasons: list[str] = []
    """How the coder read the status and type, in words ("negated: 'pas'")."""
    date: str | None
    confidence: float
    article: EventArticle


class Page(BaseModel):
    """One page of a listing: ``total`` rows match, ``items`` start at ``offset``."""

    total: int
    limit: int
    offset: int


class EventPage(Page):
    """A page of events."""

    items: list[EventItem]


class RecordPage(Page):
    """A page of records (places or quotes): each is the record's JSON plus ``article_id``."""

    items: list[dict[str, Any]]


class ArticlePage(Page):
    """A page of articles."""

    items: list[ArticleRow]


class Status(BaseModel):
    """What the store holds; ``revision`` grows whenever something was written."""

    version: str
    counts: dict[str, int]
    revision: int
    full_text: bool = Field(description="Whether search uses the DuckDB fts index (BM25).")
    writable: bool = Field(description="Whether POST /api/articles is enabled (a token is set).")


class Bucket(BaseModel):
    """The events whose date falls in one day, week or month (``date`` is its first day)."""

    date: str
    count: int
    types: dict[str, int]


class Timeline(BaseModel):
    """Events per interval of their date."""

    interval: Literal["day", "week", "month"]
    buckets: list[Bucket]


class Cluster(BaseModel):
    """Located events of one map grid cell (``count`` 1 is a single event)."""

    lat: float
    lon: float
    count: int
    types: dict[str, int]
    event_ids: list[str]
    place_name: str | None


class MapAggregate(BaseModel):
    """Located events grouped on a grid whose cell size follows the zoom."""

    zoom: int
    cell_degrees: float
    clusters: list[Cluster]


class ArticleIn(BaseModel):
    """An article to analyse and store."""

    text: str = Field(min_length=1)
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    source: str | None = None
    lang: str | None = Field(default=None, description="ISO 639-1; detected when missing.")


class ArticleStored(BaseModel):
    """What became of a posted article."""

    id: str
    status: Literal["stored", "duplicate"]
    duplicate_of: str | None = None
    counts: dict[str, int]


class Outcome(BaseModel):
    """What became of one analysis sent to the store."""

    id: str
    stored: bool
    duplicate_of: str | None = None
    reason: str | None = None
    error: str | None = None


class Outcomes(BaseModel):
    """The outcome of each analysis sent, in order, and the store's revision after them."""

    outcomes: list[Outcome]
    revision: int


class DuplicateQuery(BaseModel):
    """Articles to look up before analysing them: only the id and text matter."""

    articles: list[dict[str, str]]


class Duplicates(BaseModel):
    """For each article asked about, the outcome naming the stored one, or null."""

    outcomes: list[Outcome | None]
