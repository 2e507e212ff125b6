"""Finding the files under the given paths, and reading one file into articles and problems."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from newsevents.read.article import (
    ReadError,
    ReadProblem,
    check_length,
    normalize_lang,
    normalize_newlines,
    read_text,
)
from newsevents.read.decode import Decoded, decode_bytes
from newsevents.read.formats import (
    Kind,
    article_from_dated,
    kind_by_content,
    kind_by_name,
    looks_like_html,
    split_dated,
)
from newsevents.read.html import HTML_BYTES_PER_CHAR, extract_page
from newsevents.read.jsonl import STREAM_ERRORS, read_jsonl
from newsevents.records import Article

# UTF-32 is the widest encoding: a file over 4 bytes per allowed character (plus a byte-order
# mark) is certainly too long, and is refused before it is read.
_TEXT_BYTES_PER_CHAR = 4
_HEAD_BYTES = 1024


def walk(path: str | os.PathLike[str]) -> Iterator[tuple[str, Path] | ReadProblem]:
    """The files of ``path`` as ``(origin, path)``: itself, or its folder tree in sorted order."""
    origin = os.fspath(path)
    target = Path(path)
    if target.is_dir():
        yield from _walk_folder(origin, target, set())
    elif target.exists():
        yield origin, target
    elif target.is_symlink():
        yield ReadProblem(origin, "broken symbolic link; its target does not exist", "error")
    else:
        yield ReadProblem(origin, "no such file or folder; check the path", "error")


def _walk_folder(
    origin: str, folder: Path, seen: set[Path]
) -> Iterator[tuple[str, Path] | ReadProblem]:
    # Folders reached twice through symbolic links (or a link loop) are read once.
    real = folder.resolve()
    if real in seen:
        return
    seen.add(real)
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as err:
        yield ReadProblem(
            origin, f"cannot list this folder ({err.strerror}); check its permissions", "error"
        )
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        child = os.path.join(origin, entry.name)
        if entry.is_dir():
            yield from _walk_folder(child, Path(entry.path), seen)
        elif entry.is_file():
            yield child, Path(entry.path)
        elif entry.is_symlink():
            yield ReadProblem(child, "broken symbolic link; its target does not exist", "error")
        # Sockets, pipes and devices inside a folder are not articles.


def count_files(path: str | os.PathLike[str]) -> int | None:
    """How many items reading ``path`` gives one per file, or None when a file holds several."""
    total = 0
    for item in walk(path):
        if not isinstance(item, ReadProblem) and _kind_of_name(item[1].name) == "jsonl":
            return None
        total += 1
    return total


def read_file(
    origin: str,
    path: Path,
    *,
    published: dt.date | None,
    lang: str | None,
    max_chars: int,
) -> Iterator[Article | ReadProblem]:
    """The articles of one file and the problems met, never raising for a bad file."""
    compressed = path.name.lower().endswith(".gz")
    kind = _kind_of_name(path.name)
    try:
        raw = path.open("rb")
    except OSError as err:
        yield ReadProblem(
            origin, f"cannot open ({err.strerror}); check that it is a readable file", "error"
        )
        return
    with raw:
        stream: io.BufferedReader | gzip.GzipFile = (
            gzip.GzipFile(fileobj=raw, mode="rb") if compressed else raw
        )
        if kind == "jsonl":
            yield from read_jsonl(
                origin, stream, published=published, lang=lang, max_chars=max_chars
            )
            return
        try:
            data = _read_bounded(raw, stream, kind, max_chars, compressed)
        except ReadError as err:
            yield ReadProblem(origin, str(err), "error")
            return
        except STREAM_ERRORS as err:
            if compressed:
                message = f"corrupt gzip file ({err}); check the download or decompress it by hand"
            else:
                message = f"cannot read ({err}); check that it is a readable file"
            yield ReadProblem(origin, message, "error")
            return
    try:
        decoded = decode_bytes(data)
    except ReadError as err:
        yield ReadProblem(origin, str(err), "error")
        return
    del data  # only the decoded text is needed from here on; do not keep both alive
    yield from _read_single(
        origin, decoded, kind, published=published, lang=lang, max_chars=max_chars
    )


def _kind_of_name(name: str) -> Kind | None:
    lowered = name.lower()
    return kind_by_name(lowered[:-3] if lowered.endswith(".gz") else lowered)


def _read_bounded(
    raw: io.BufferedReader,
    stream: io.BufferedReader | gzip.GzipFile,
    kind: Kind | None,
    max_chars: int,
    compressed: bool,
) -> bytes:
    """The bytes of one single-article file, refusing what cannot fit in ``max_chars``."""
    text_limit = _TEXT_BYTES_PER_CHAR * max_chars + 4
    html_limit = max(HTML_BYTES_PER_CHAR * max_chars, text_limit)
    if compressed:
        # The decompressed size is only known by decompressing: stop one byte past the limit,
        # which is the HTML one because the content may turn out to be a page.
        limit = html_limit
        data = stream.read(limit + 1)
        if len(data) > limit:
            raise ReadError(
                f"decompresses to more than {limit:,} bytes, too long for one article of at "
                f"most {max_chars:,} characters; raise the limit with --max-chars "
                "(max_chars= in Python) if it really is one article"
            )
        return data
    info = os.fstat(raw.fileno())
    size = info.st_size if stat.S_ISREG(info.st_mode) else 0
    head = b""
    limit = html_limit if kind == "html" else text_limit
    if kind is None and size > text_limit:
        # Too long for text, but a saved web page may still hold an article: look at its start.
        head = stream.read(_HEAD_BYTES)
        if looks_like_html(head.decode("utf-8", "replace")):
            kind, limit = "html", html_limit
    if size > limit:
        what = "HTML page" if kind == "html" else "file"
        raise ReadError(
            f"{what} is {size:,} bytes, too long for one article of at most {max_chars:,} "
            "characters (the limit); raise it with --max-chars (max_chars= in Python) if it "
            "really is one article, or split it"
        )
    data = head + stream.read(limit + 1 - len(head))
    if len(data) > limit:
        raise ReadError(
            f"holds more than {limit:,} bytes, too long for one article of at most "
            f"{max_chars:,} characters; raise the limit with --max-chars (max_chars= in Python)"
        )
    return data


def _read_single(
    origin: str,
    decoded: Decoded,
    kind: Kind | None,
    *,
    published: dt.date | None,
    lang: str | None,
    max_chars: int,
) -> Iterator[Article | ReadProblem]:
    """The one article of a decoded file (text, dated text or HTML), or its error."""
    try:
        text = normalize_newlines(decoded.text)
        kind = kind or kind_by_content(text)
        if kind == "html":
            page = extract_page(text)
            del text
            check_length(len(page.text), max_chars, what="main text of the page")
            article = read_text(
                page.text,
                title=page.title,
                url=page.url,
                source=page.source,
                published=page.published or published,
                lang=_page_lang(page.lang) or lang,
                origin=origin,
            )
        else:
            check_length(len(text), max_chars)
            dated = split_dated(text) if kind == "dated" else None
            if dated is not None:
                article = article_from_dated(dated, origin=origin, lang=lang)
            else:
                article = read_text(text, published=published, lang=lang, origin=origin)
    except ReadError as err:
        where = origin if err.line is None else f"{origin}:{err.line}"
        yield ReadProblem(where, str(err), "error")
        return
    warning = decoded.warning()
    if warning is not None:
        yield ReadProblem(origin, warning, "warning")
    yield article


def _page_lang(code: str | None) -> str | None:
    try:
        return normalize_lang(code)
    except ReadError:
        return None  # a page's odd lang attribute is not worth losing the article over
