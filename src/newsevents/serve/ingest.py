"""Analysing an article posted to the API and storing it, as ``newsevents ingest`` does."""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException

from newsevents.pipeline import AnalysisError, Analyzer
from newsevents.read.article import read_text
from newsevents.records import RECORD_KINDS, Analysis
from newsevents.store import Store

from .models import ArticleIn


def analyse_posted(store: Store, body: ArticleIn) -> dict[str, Any]:
    """Analyse and store one posted article; an article stored already is not analysed again."""
    try:
        article = read_text(
            body.text,
            title=body.title,
            url=body.url,
            source=body.source,
            published=body.published,
            lang=body.lang,
            origin="api",
        )
    except ValueError as exc:
        raise HTTPException(422, detail=str(exc)) from None
    duplicate = store.find_duplicate(article)
    if duplicate is not None and duplicate.duplicate_of is not None:
        return _stored_reply(store, duplicate.duplicate_of, duplicate=True)
    try:
        analysis = Analyzer().analyse(article)
    except AnalysisError as exc:
        raise HTTPException(422, detail=f"The article could not be analysed: {exc}") from None
    outcome = store.add(analysis)
    if not outcome.stored and outcome.duplicate_of is not None:  # stored meanwhile
        return _stored_reply(store, outcome.duplicate_of, duplicate=True)
    return {"id": article.id, "status": "stored", "counts": record_counts(analysis)}


def record_counts(analysis: Analysis) -> dict[str, int]:
    """How many records of each kind an analysis holds."""
    return {kind: len(getattr(analysis, kind)) for kind in RECORD_KINDS}


def _stored_reply(store: Store, article_id: str, *, duplicate: bool) -> dict[str, Any]:
    stored = next(iter(store.analyses_of([article_id])), None)
    counts = record_counts(stored) if stored else {}
    return {
        "id": article_id,
        "status": "duplicate" if duplicate else "stored",
        "duplicate_of": article_id,
        "counts": counts,
    }
