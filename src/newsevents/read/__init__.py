"""Reading articles from files, folders, JSONL and HTML into ``Article`` records.

Formats: the dated text of ``examples/`` (a ``date YYYY-MM-DD Title`` line, a blank line, the
body), JSONL (``.jsonl``/``.ndjson``, one object per line with at least ``text``), HTML
(``.html``/``.htm`` or a page that starts like one) and plain text; each may be gzipped
(``.gz``). Bad input never stops the reading: it becomes a ``ReadProblem``.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator

from newsevents.read.article import ReadProblem, normalize_lang, read_text
from newsevents.read.files import count_files, read_file, walk
from newsevents.records import Article

DEFAULT_MAX_CHARS: int = 200_000
"""Longest article text read, in characters; longer texts are refused, not cut."""

PathLike = str | os.PathLike[str]


def read_paths(
    paths: Iterable[PathLike] | PathLike,
    *,
    published: dt.date | None = None,
    lang: str | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[Article | ReadProblem]:
    """Articles and problems from files and folders, lazily and in a deterministic order.

    Folders are walked recursively in sorted name order, skipping hidden entries. ``published``
    and ``lang`` are defaults for articles that do not state their own. Bad files and lines
    become ``ReadProblem`` items; only bad arguments raise (``ValueError``).
    """
    if max_chars < 1:
        raise ValueError(f"max_chars must be a positive number of characters, not {max_chars}")
    lang = normalize_lang(lang)
    # A lone path is a common slip: iterating over a string would read one path per letter.
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    return _read_all(paths, published=published, lang=lang, max_chars=max_chars)


def _read_all(
    paths: Iterable[PathLike],
    *,
    published: dt.date | None,
    lang: str | None,
    max_chars: int,
) -> Iterator[Article | ReadProblem]:
    for path in paths:
        for item in walk(path):
            if isinstance(item, ReadProblem):
                yield item
                continue
            origin, file = item
            try:
                yield from read_file(
                    origin, file, published=published, lang=lang, max_chars=max_chars
                )
            except Exception as err:  # one unforeseen failure must not end a long batch
                yield ReadProblem(
                    origin,
                    f"unexpected failure while reading ({type(err).__name__}: {err}); "
                    "the other inputs are still read; please report this with the file",
                    "error",
                )


def count_inputs(paths: Iterable[PathLike] | PathLike) -> int | None:
    """How many results reading ``paths`` will give, one per file; None if a file holds several.

    Meant as a progress-bar total: it lists folders but opens no file, so any JSONL input
    (one article per line) makes the count unknown.
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    total = 0
    for path in paths:
        count = count_files(path)
        if count is None:
            return None
        total += count
    return total


__all__ = [
    "DEFAULT_MAX_CHARS",
    "ReadProblem",
    "count_inputs",
    "read_paths",
    "read_text",
]
