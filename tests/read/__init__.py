"""Tests of the read stage, and the helper they share."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from newsevents.read import DEFAULT_MAX_CHARS, ReadProblem, read_paths
from newsevents.records import Article


def read_all(
    *paths: str | Path,
    published: dt.date | None = None,
    lang: str | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> tuple[list[Article], list[ReadProblem]]:
    """Everything read from ``paths``, split into articles and problems."""
    articles: list[Article] = []
    problems: list[ReadProblem] = []
    for item in read_paths(paths, published=published, lang=lang, max_chars=max_chars):
        if isinstance(item, ReadProblem):
            problems.append(item)
        else:
            articles.append(item)
    return articles, problems
