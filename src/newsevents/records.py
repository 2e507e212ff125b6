"""Typed records of the analysis and their JSON form.

Every span record carries ``start``/``end`` character offsets into ``Article.text`` (end
exclusive), the surface ``text`` (always ``article.text[start:end]``) and a ``confidence``.
Records refer to each other by ``id``. This module imports nothing else of the package.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
import types
import typing
from dataclasses import dataclass
from typing import Any, Literal, TypeVar, get_args, get_origin, get_type_hints

EntityLabel = Literal["PER", "ORG", "LOC", "MISC", "NORP"]
Bound = Literal["exact", "at_least", "at_most", "about"]
"""How ``value``/``low``/``high`` bound the true number (\"plus de 330.000\" is ``at_least``)."""
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
QuoteKind = Literal["direct", "indirect", "partial"]
EventStatus = Literal["occurred", "threatened", "planned", "historical", "negated", "hypothetical"]
PlacePrecision = Literal["country", "admin1", "city", "point", "region"]
AnalysisStatus = Literal["analysed", "unsupported_language"]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the article text: a mention, a role, a cue, a trigger, a sentence."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Article:
    """One input document. ``text`` is the body; the title is kept apart."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: dt.date | None = None
    lang: str | None = None
    origin: str | None = None
    """Where the article was read from, as ``path`` or ``path:line``."""


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world entity of the article; ``text``/``start``/``end`` is its fullest mention."""

    id: str
    text: str
    start: int
    end: int
    label: EntityLabel
    name: str
    """Canonical name within the article ("José Antonio Kast" for "Kast")."""
    mentions: tuple[Span, ...] = ()
    role: Span | None = None
    """Title or function stated in the text ("ministre de la Sécurité")."""
    country_code: str | None = None
    """ISO 3166-1 alpha-2 country a NORP (nationality, group) points to."""
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class PlaceCandidate:
    """A gazetteer entry a toponym could refer to."""

    geonames_id: str
    name: str
    country_code: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature_code: str | None = None
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class Place:
    """A toponym and its resolution (``geonames_id`` None when it could not be resolved)."""

    id: str
    text: str
    start: int
    end: int
    geonames_id: str | None = None
    name: str | None = None
    country_code: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature_code: str | None = None
    precision: PlacePrecision | None = None
    alternatives: tuple[PlaceCandidate, ...] = ()
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Time:
    """A TIMEX3-style time expression normalized against its anchor."""

    id: str
    text: str
    start: int
    end: int
    type: TimeType
    value: str
    """``2025-11-28``, ``2023-04``, ``P103D``, ``PRESENT_REF``…"""
    mod: str | None = None
    anchor: str | None = None
    """What the value was computed from: ``published``, or the id of a time or quote."""
    ends_on: str | None = None
    """For a duration that sets a deadline, the date it ends on."""
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Amount:
    """A quantity: exact ``value`` or a ``low``–``high`` range, and the thing counted."""

    id: str
    text: str
    start: int
    end: int
    value: float | None = None
    low: float | None = None
    high: float | None = None
    approximate: bool = False
    bound: Bound = "exact"
    qualifier: Span | None = None
    """The words that set the bound or the vagueness ("plus de", "des dizaines")."""
    unit: str | None = None
    """Lemma of the noun counted ("migrant", "jour")."""
    unit_span: Span | None = None
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Quote:
    """Reported speech: ``text``/``start``/``end`` cover the quoted words only."""

    id: str
    text: str
    start: int
    end: int
    kind: QuoteKind
    speaker: str | None = None
    """The speaker's name or description; None when the text does not say."""
    speaker_entity: str | None = None
    speaker_span: Span | None = None
    cue: Span | None = None
    medium: Span | None = None
    said_on: str | None = None
    """Id of the time record giving when it was said."""
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Argument:
    """An event participant: an entity id, or a group description with its amounts."""

    text: str
    start: int
    end: int
    entity: str | None = None
    amounts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    """A PLOVER-coded action; ``text``/``start``/``end`` is its trigger."""

    id: str
    text: str
    start: int
    end: int
    type: str
    sentence: Span
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    status: EventStatus = "occurred"
    actors: tuple[Argument, ...] = ()
    targets: tuple[Argument, ...] = ()
    place: str | None = None
    date: str | None = None
    """Id of the time record giving when it happened."""
    date_value: str | None = None
    date_source: Literal["text", "published"] | None = None
    deadline: str | None = None
    amounts: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()
    evidence: tuple[Span, ...] = ()
    """One sentence per telling of the action in the article."""
    reasons: tuple[str, ...] = ()
    """How the coder read the action (status cues, a threat, a date), in words."""
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Provenance:
    """What made an analysis, so that a stored result can be traced and re-run."""

    newsevents: str
    lang: str | None
    model: str | None = None
    model_version: str | None = None
    status: AnalysisStatus = "analysed"
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything extracted from one article: the JSON object ``newsevents extract`` prints."""

    article: Article
    provenance: Provenance
    entities: tuple[Entity, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[Time, ...] = ()
    amounts: tuple[Amount, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()


RECORD_KINDS: tuple[str, ...] = ("entities", "places", "times", "amounts", "quotes", "events")
"""The span-record lists of an analysis, in the order they are printed."""


def stable_id(*parts: str) -> str:
    """A short, stable identifier derived from its parts (the same input gives the same id)."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:16]


def to_dict(record: Any) -> Any:
    """The JSON-ready form of a record: dates as ISO strings, tuples as lists."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: to_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, tuple | list):
        return [to_dict(item) for item in record]
    if isinstance(record, dt.date):
        return record.isoformat()
    return record


R = TypeVar("R")


def from_dict(cls: type[R], data: dict[str, Any]) -> R:
    """Rebuild a record of type ``cls`` from its JSON form (the inverse of ``to_dict``)."""
    hints = get_type_hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name in data:
            kwargs[f.name] = _coerce(hints[f.name], data[f.name])
    return cls(**kwargs)


def _coerce(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        inner = [a for a in get_args(hint) if a is not type(None)]
        return _coerce(inner[0], value) if len(inner) == 1 else value
    if origin is tuple:
        (item, *_rest) = get_args(hint)
        return tuple(_coerce(item, v) for v in value)
    if hint is dt.date:
        return dt.date.fromisoformat(value)
    if dataclasses.is_dataclass(hint):
        return from_dict(hint, value)  # type: ignore[arg-type]
    return value


_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_WEEK = re.compile(r"(\d{4})-W(\d{2})")
_YEAR = re.compile(r"(\d{4})")


def date_range(value: str | None) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day a TIMEX3 date value covers; (None, None) when it has none."""
    if not value:
        return None, None
    try:
        if m := _DAY.match(value):  # a full date, possibly followed by a time of day
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := _MONTH.fullmatch(value):
            first = dt.date(int(m[1]), int(m[2]), 1)
            following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first, following - dt.timedelta(days=1)
        if m := _WEEK.fullmatch(value):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + dt.timedelta(days=6)
        if m := _YEAR.match(value):  # a year, or a part of one (2025-Q1, 2025-SU)
            return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31)
    except ValueError:  # 2025-13-45 and the like: no usable day
        return None, None
    return None, None


__all__ = [
    "RECORD_KINDS",
    "Amount",
    "Analysis",
    "Argument",
    "Article",
    "Entity",
    "Event",
    "Place",
    "PlaceCandidate",
    "Provenance",
    "Quote",
    "Span",
    "Time",
    "date_range",
    "from_dict",
    "stable_id",
    "to_dict",
]
