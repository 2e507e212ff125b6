"""The ``/api`` routes: thin shells over ``newsevents.store`` views and the analysis pipeline."""

from __future__ import annotations

import datetime as dt
import json
import re
import secrets
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, get_args

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request
from fastapi.responses import FileResponse, StreamingResponse
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool

from newsevents import __version__
from newsevents.records import Analysis, Article, EventStatus, from_dict
from newsevents.store import Filters, Store
from newsevents.store import views as v
from newsevents.store.export import export
from newsevents.store.writes import AddOutcome

from . import models as m
from .ingest import analyse_posted

PLOVER_TYPES = (
    *("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST"),
    *("ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"),
)
STATUSES: tuple[str, ...] = get_args(EventStatus)
DEFAULT_LIMIT = 100
MAX_LIMIT = 1000

router = APIRouter(prefix="/api")


def invalid(param: str, message: str) -> HTTPException:
    """A 422 naming the query parameter at fault, shaped like FastAPI's own."""
    return HTTPException(
        status_code=422,
        detail=[{"loc": ["query", param], "msg": f"{param}: {message}", "type": "value_error"}],
    )


def store_of(request: Request) -> Store:
    """The store the application serves."""
    store: Store = request.app.state.store
    return store


StoreDep = Annotated[Store, Depends(store_of)]


def _parse_bbox(bbox: str | None) -> tuple[float, float, float, float] | None:
    if bbox is None:
        return None
    parts = bbox.split(",")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise invalid("bbox", f"{bbox!r} is not west,south,east,north in degrees") from None
    return west, south, east, north


def _check_values(param: str, values: list[str], allowed: list[str] | tuple[str, ...]) -> None:
    for value in values:
        if value.upper() not in {a.upper() for a in allowed}:
            raise invalid(param, f"{value!r} is not one of {', '.join(allowed)}")


def _split(values: list[str]) -> tuple[str, ...]:
    """Repeated parameters, each possibly a comma-separated list."""
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


@dataclass(frozen=True, slots=True)
class FilterParams:
    """The filter query parameters shared by listings, aggregates and exports, as given."""

    since: dt.date | None
    until: dt.date | None
    type: list[str]
    mode: list[str]
    context: list[str]
    status: list[str]
    country: str | None
    lang: str | None
    bbox: str | None
    q: str | None
    article: str | None
    id: list[str]


def filter_params(
    since: Annotated[dt.date | None, Query(description="Event date from (YYYY-MM-DD).")] = None,
    until: Annotated[dt.date | None, Query(description="Event date up to, inclusive.")] = None,
    type: Annotated[list[str], Query(description="PLOVER event type (repeatable).")] = [],  # noqa: B006
    mode: Annotated[list[str], Query(description="Event mode (repeatable).")] = [],  # noqa: B006
    context: Annotated[list[str], Query(description="Event context (repeatable).")] = [],  # noqa: B006
    status: Annotated[list[str], Query(description="Event status (repeatable).")] = [],  # noqa: B006
    country: Annotated[str | None, Query(description="ISO alpha-2 of the place.")] = None,
    lang: Annotated[str | None, Query(description="Article language (ISO 639-1).")] = None,
    bbox: Annotated[str | None, Query(description="west,south,east,north in degrees.")] = None,
    q: Annotated[str | None, Query(description="Words in the article title or text.")] = None,
    article: Annotated[str | None, Query(description="One article id.")] = None,
    id: Annotated[list[str], Query(description="Record id (repeatable).")] = [],  # noqa: B006
) -> FilterParams:
    """The filter parameters of every listing, aggregate and export."""
    return FilterParams(
        since, until, type, mode, context, status, country, lang, bbox, q, article, id
    )


def _filters(params: FilterParams, limit: int | None, offset: int) -> Filters:
    """Checked ``Filters`` from the parameters, or a 422 that names the bad one."""
    p = params
    types, statuses = _split(p.type), _split(p.status)
    _check_values("type", list(types), PLOVER_TYPES)
    _check_values("status", list(statuses), STATUSES)
    if p.country is not None and not re.fullmatch(r"[A-Za-z]{2}", p.country):
        raise invalid("country", f"{p.country!r} is not an ISO 3166-1 alpha-2 code such as CL")
    if p.lang is not None and not re.fullmatch(r"[A-Za-z]{2,3}", p.lang):
        raise invalid("lang", f"{p.lang!r} is not an ISO 639-1 code such as fr")
    box = _parse_bbox(p.bbox)
    if p.since and p.until and p.since > p.until:
        raise invalid("since", f"{p.since} is after until ({p.until}): swap them to get a range")
    try:
        return Filters(
            since=p.since,
            until=p.until,
            lang=p.lang,
            country=p.country,
            limit=limit,
            offset=offset,
            types=types,
            modes=_split(p.mode),
            contexts=_split(p.context),
            statuses=statuses,
            bbox=box,
            q=p.q.strip() or None if p.q is not None else None,
            article=p.article,
            ids=_split(p.id),
        )
    except ValueError as exc:
        raise invalid("bbox", str(exc)) from None


def page_filters(
    params: Annotated[FilterParams, Depends(filter_params)],
    limit: Annotated[int, Query(ge=0, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Filters:
    """The filters of a paginated listing (``limit`` 100 by default, 1000 at most)."""
    return _filters(params, limit, offset)


def all_filters(
    params: Annotated[FilterParams, Depends(filter_params)],
    limit: Annotated[int | None, Query(ge=0)] = None,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Filters:
    """The filters of an aggregate or an export: no limit unless one is given."""
    return _filters(params, limit, offset)


PageFilters = Annotated[Filters, Depends(page_filters)]
AllFilters = Annotated[Filters, Depends(all_filters)]


@router.get("/status", response_model=m.Status)
def status(store: StoreDep, request: Request) -> dict[str, Any]:
    """What the store holds; poll ``revision`` to learn that something new was written."""
    with store.reading() as con:
        counts = v.counts(con)
    return {
        "version": __version__,
        "counts": counts,
        "revision": counts["articles"],
        "full_text": store.full_text,
        "writable": request.app.state.token is not None,
    }


@router.get("/events", response_model=m.EventPage)
def events(store: StoreDep, filters: PageFilters) -> dict[str, Any]:
    """Events by date, with their place, article and evidence spans."""
    search = store.search_mode(filters)
    with store.reading() as con:
        total, items = v.events_page(con, filters, search)
    return {"total": total, "limit": filters.limit, "offset": filters.offset, "items": items}


@router.get("/events.jsonl", response_class=StreamingResponse)
def events_jsonl(store: StoreDep, filters: AllFilters) -> StreamingResponse:
    """Every matching event, one JSON object (the /api/events item) per line."""
    search = store.search_mode(filters)

    def lines() -> Iterator[str]:
        with store.reading() as con:
            for item in v.iter_event_items(con, filters, search):
                yield json.dumps(item, ensure_ascii=False) + "\n"

    return StreamingResponse(lines(), media_type="application/x-ndjson", headers=_attach("jsonl"))


@router.get("/events.geojson", response_class=StreamingResponse)
def events_geojson(store: StoreDep, filters: AllFilters) -> StreamingResponse:
    """Every matching located event as a GeoJSON Point; its fields are the properties."""
    search = store.search_mode(filters)

    def chunks() -> Iterator[str]:
        yield '{"type": "FeatureCollection", "features": ['
        first = True
        with store.reading() as con:
            for item in v.iter_event_items(con, filters, search):
                place = item["place"]
                if place is None or place["lat"] is None or place["lon"] is None:
                    continue
                feature = {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [place["lon"], place["lat"]]},
                    "properties": item,
                }
                yield ("" if first else ",\n") + json.dumps(feature, ensure_ascii=False)
                first = False
        yield "]}\n"

    return StreamingResponse(
        chunks(), media_type="application/geo+json", headers=_attach("geojson")
    )


@router.get("/events.csv", response_class=FileResponse)
def events_csv(store: StoreDep, filters: AllFilters) -> FileResponse:
    """Every matching event as CSV: the columns of ``newsevents export --table events``."""
    search = store.search_mode(filters)
    tmp = tempfile.TemporaryDirectory(prefix="newsevents-csv-")
    path = Path(tmp.name) / "events.csv"
    with store.reading() as con:
        export(con, path, fmt="csv", table="events", filters=filters, search=search)
    return FileResponse(
        path,
        media_type="text/csv; charset=utf-8",
        filename="events.csv",
        background=BackgroundTask(tmp.cleanup),
    )


def _attach(ext: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="events.{ext}"'}


@router.get("/timeline", response_model=m.Timeline)
def timeline(
    store: StoreDep,
    filters: AllFilters,
    interval: Annotated[
        v.Interval | None, Query(description="day, week or month; chosen when missing.")
    ] = None,
) -> dict[str, Any]:
    """Events per day, week or month of their date, by type."""
    search = store.search_mode(filters)
    with store.reading() as con:
        return v.timeline(con, filters, search, interval)


@router.get("/map", response_model=m.MapAggregate)
def map_aggregate(
    store: StoreDep,
    filters: AllFilters,
    zoom: Annotated[int, Query(ge=0, le=18, description="Map zoom, 0 (world) to 18.")] = 2,
) -> dict[str, Any]:
    """Located events grouped on a grid whose cells follow the zoom."""
    search = store.search_mode(filters)
    with store.reading() as con:
        return v.map_clusters(con, filters, search, zoom)


@router.get("/articles", response_model=m.ArticlePage)
def articles(store: StoreDep, filters: PageFilters) -> dict[str, Any]:
    """Articles by publication date (``since``/``until`` bound the publication date)."""
    search = store.search_mode(filters)
    with store.reading() as con:
        total, rows = v.article_page(con, filters, search)
    return {"total": total, "limit": filters.limit, "offset": filters.offset, "items": rows}


@router.get(
    "/articles/{article_id}",
    responses={404: {"description": "No article with that id is stored."}},
)
def article(store: StoreDep, article_id: str) -> dict[str, Any]:
    """One article's full analysis: the JSON object ``newsevents extract`` prints."""
    with store.reading() as con:
        data = v.analysis_json(con, article_id)
    if data is None:
        raise HTTPException(404, detail=f"No article {article_id!r} is stored.")
    return data


@router.get("/places", response_model=m.RecordPage)
def places(store: StoreDep, filters: PageFilters) -> dict[str, Any]:
    """Places; ``country`` and ``bbox`` apply to the place itself, dates to its article."""
    search = store.search_mode(filters)
    with store.reading() as con:
        total, items = v.place_page(con, filters, search)
    return {"total": total, "limit": filters.limit, "offset": filters.offset, "items": items}


@router.get("/quotes", response_model=m.RecordPage)
def quotes(store: StoreDep, filters: PageFilters) -> dict[str, Any]:
    """Quotes, filtered through their article."""
    search = store.search_mode(filters)
    with store.reading() as con:
        total, items = v.quote_page(con, filters, search)
    return {"total": total, "limit": filters.limit, "offset": filters.offset, "items": items}


def _bearer(authorization: str | None) -> str | None:
    if authorization and authorization.lower().startswith("bearer "):
        return authorization[7:].strip()
    return None


def _check_token(given: str | None, *tokens: str | None) -> None:
    accepted = [t for t in tokens if t]
    if not accepted:
        raise HTTPException(
            403,
            detail="Writing is disabled: start `newsevents serve` with --token-file PATH or "
            "the NEWSEVENTS_TOKEN environment variable set.",
        )
    if given is None or not any(secrets.compare_digest(given, t) for t in accepted):
        raise HTTPException(
            401,
            detail="Missing or wrong token: send the header `Authorization: Bearer <token>`.",
            headers={"WWW-Authenticate": "Bearer"},
        )


Authorization = Annotated[str | None, Header(description="Bearer <token>")]


@router.post("/articles", status_code=201, response_model=m.ArticleStored)
def post_article(
    store: StoreDep, request: Request, body: m.ArticleIn, authorization: Authorization = None
) -> dict[str, Any]:
    """Analyse an article with the ``newsevents ingest`` pipeline and store it."""
    _check_token(_bearer(authorization), request.app.state.token)
    return analyse_posted(store, body)


@router.post("/analyses", response_model=m.Outcomes)
async def post_analyses(
    store: StoreDep, request: Request, authorization: Authorization = None
) -> dict[str, Any]:
    """Store finished analyses (a JSON list, or JSON Lines, of analysis objects).

    This is how ``newsevents ingest`` writes while the server owns the store.
    """
    state = request.app.state
    _check_token(_bearer(authorization), state.token, state.local_token)
    analyses = _parse_analyses(await request.body())
    outcomes = await run_in_threadpool(store.add_many, analyses)
    return {
        "outcomes": [_outcome(a.article.id, o) for a, o in zip(analyses, outcomes, strict=True)],
        "revision": store.revision(),
    }


@router.post("/duplicates", response_model=m.Duplicates)
def post_duplicates(
    store: StoreDep, request: Request, body: m.DuplicateQuery, authorization: Authorization = None
) -> dict[str, Any]:
    """Which of these articles (``id`` and ``text``) are stored already."""
    state = request.app.state
    _check_token(_bearer(authorization), state.token, state.local_token)
    found = []
    for item in body.articles:
        if "id" not in item or "text" not in item:
            raise HTTPException(422, detail="each article needs an id and a text")
        outcome = store.find_duplicate(Article(id=item["id"], text=item["text"]))
        found.append(None if outcome is None else _outcome(item["id"], outcome))
    return {"outcomes": found}


def _outcome(article_id: str, outcome: AddOutcome) -> dict[str, Any]:
    return {
        "id": article_id,
        "stored": outcome.stored,
        "duplicate_of": outcome.duplicate_of,
        "reason": outcome.reason,
        "error": outcome.error,
    }


def _parse_analyses(body: bytes) -> list[Analysis]:
    try:
        text = body.decode("utf-8").strip()
        if text.startswith("["):
            items = json.loads(text)
        else:
            items = [json.loads(line) for line in text.splitlines() if line.strip()]
        return [from_dict(Analysis, item) for item in items]
    except (UnicodeDecodeError, json.JSONDecodeError, TypeError, KeyError, ValueError) as exc:
        raise HTTPException(
            422, detail=f"The body is not a JSON list or JSON Lines of analyses: {exc}"
        ) from None
