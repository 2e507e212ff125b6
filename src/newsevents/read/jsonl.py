"""Streaming JSONL: one article per line, read lazily, a bad line reported and skipped."""

from __future__ import annotations

import codecs
import datetime as dt
import io
import zlib
from collections.abc import Iterator
from typing import Protocol

from newsevents.read.article import ReadError, ReadProblem
from newsevents.read.decode import binary_signature, bom_encoding
from newsevents.read.formats import article_from_record
from newsevents.records import Article

# A file whose first lines all fail is most likely not JSONL at all: one error per line of a
# CSV or a log would bury the summary.
_GIVE_UP_AFTER = 20
# JSON may escape every character as \uXXXX (6 bytes); the other fields get a generous extra.
_JSON_BYTES_PER_CHAR = 6
_EXTRA_LINE_BYTES = 1 << 20

# What a failing read of a plain or compressed stream raises.
STREAM_ERRORS = (OSError, EOFError, zlib.error, UnicodeDecodeError)


class ByteStream(Protocol):
    """A readable binary stream that can look ahead (a buffered file or a gzip stream)."""

    def peek(self, size: int, /) -> bytes: ...

    def readline(self, size: int | None = ..., /) -> bytes: ...


Line = tuple[int, "str | ReadError"]


def read_jsonl(
    origin: str,
    stream: ByteStream,
    *,
    published: dt.date | None,
    lang: str | None,
    max_chars: int,
) -> Iterator[Article | ReadProblem]:
    """The articles and problems of a JSONL stream, in line order."""
    line_limit = _JSON_BYTES_PER_CHAR * max_chars + _EXTRA_LINE_BYTES
    lineno = 0
    try:
        head = stream.peek(16)[:16]
        signature = binary_signature(head)
        if signature is not None:
            yield ReadProblem(origin, f"binary file, not text ({signature})", "error")
            return
        encoding = bom_encoding(head)
        if encoding is None:
            lines = _utf8_lines(stream, line_limit)
        else:
            yield ReadProblem(
                origin,
                f"not UTF-8: read as {encoding.upper()} (announced by its byte-order mark)",
                "warning",
            )
            lines = _wide_lines(stream, encoding, line_limit)
        articles = failures = 0
        for lineno, item in lines:
            line_origin = f"{origin}:{lineno}"
            if isinstance(item, ReadError):
                error = item
            else:
                try:
                    article, warnings = article_from_record(
                        item,
                        origin=line_origin,
                        published=published,
                        lang=lang,
                        max_chars=max_chars,
                    )
                except ReadError as err:
                    error = err
                else:
                    for warning in warnings:
                        yield ReadProblem(line_origin, warning, "warning")
                    yield article
                    articles, failures = articles + 1, 0
                    continue
            yield ReadProblem(line_origin, str(error), "error")
            failures += 1
            if articles == 0 and failures >= _GIVE_UP_AFTER:
                yield ReadProblem(
                    origin,
                    f"stopped reading: the first {failures} records all failed, so this does "
                    "not look like JSONL (one JSON object per line); check the file's format",
                    "error",
                )
                return
    except STREAM_ERRORS as err:
        where = f"after line {lineno}" if lineno else "at the start"
        yield ReadProblem(
            origin,
            f"could not read on {where} ({err}); the file may be truncated or corrupt",
            "error",
        )
        return
    if articles == 0 and failures == 0:
        yield ReadProblem(origin, "empty file; it holds no JSONL records", "error")


def _utf8_lines(stream: ByteStream, limit: int) -> Iterator[Line]:
    """The non-blank lines of a UTF-8 stream, each with its 1-based number."""
    lineno = 0
    while raw := stream.readline(limit):
        lineno += 1
        if len(raw) >= limit and not raw.endswith(b"\n"):
            # Drop the rest of the line without holding it in memory.
            while raw and not raw.endswith(b"\n"):
                raw = stream.readline(limit)
            yield lineno, _too_long(limit)
            continue
        if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        if not raw.strip():
            continue
        try:
            yield lineno, raw.decode("utf-8")
        except UnicodeDecodeError as err:
            yield (
                lineno,
                ReadError(
                    f"not valid UTF-8 ({err.reason} at byte {err.start}); JSONL must be UTF-8: "
                    "re-encode the file, e.g. iconv -f cp1252 -t utf-8"
                ),
            )


def _wide_lines(stream: ByteStream, encoding: str, limit: int) -> Iterator[Line]:
    """The non-blank lines of a UTF-16 or UTF-32 stream that starts with a byte-order mark."""
    # The generic codec reads the mark itself and picks the byte order from it.
    codec = "utf-32" if "32" in encoding else "utf-16"
    text = io.TextIOWrapper(stream, encoding=codec, newline="\n")  # type: ignore[type-var]
    try:
        lineno = 0
        while line := text.readline(limit):
            lineno += 1
            if len(line) >= limit and not line.endswith("\n"):
                while line and not line.endswith("\n"):
                    line = text.readline(limit)
                yield lineno, _too_long(limit)
                continue
            if line.strip():
                yield lineno, line
    finally:
        # The file belongs to the caller, who closes it: let go without closing it.
        text.detach()


def _too_long(limit: int) -> ReadError:
    return ReadError(
        f"line is over {limit:,} bytes, longer than a record within --max-chars can be; "
        "raise the limit with --max-chars (max_chars= in Python) or check the line breaks"
    )
