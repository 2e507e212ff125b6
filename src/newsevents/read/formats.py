"""The input formats: telling them apart, the dated-text header and one JSONL record."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any, Literal

from newsevents.read.article import (
    ReadError,
    check_length,
    normalize_lang,
    parse_date,
    read_text,
)
from newsevents.records import Article

Kind = Literal["jsonl", "html", "dated", "text"]

_JSONL_SUFFIXES = (".jsonl", ".ndjson")
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
# The header line of the example format: "date 2025-11-29 Title of the article". Any token
# starting with a digit is taken as the date so that a malformed one is reported, not ignored.
_DATE_LINE = re.compile(r"[ \t]*date[ \t]+(\d\S*)(?:[ \t]+(.*))?", re.IGNORECASE)
_HTML_START = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S
)
_NOT_SPACE = re.compile(r"\S")
_JSONL_FIELDS = ("id", "url", "source", "published", "title", "text", "lang")


def kind_by_name(name: str) -> Kind | None:
    """The format a file name announces (without any ``.gz``), or None to decide by content."""
    name = name.lower()
    if name.endswith(_JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(_HTML_SUFFIXES):
        return "html"
    return None


def looks_like_html(head: str) -> bool:
    """Whether a text starts like an HTML document (doctype or ``<html>``)."""
    return _HTML_START.match(head[:4096]) is not None


def kind_by_content(text: str) -> Kind:
    """The format of a decoded file whose name did not say: HTML, dated text or plain text."""
    if looks_like_html(text):
        return "html"
    return "dated" if split_dated(text) is not None else "text"


@dataclass(frozen=True, slots=True)
class DatedText:
    """The parts of a text in the example format."""

    line: int
    """1-based number of the ``date`` line."""
    date: str
    title: str | None
    body: str


def split_dated(text: str) -> DatedText | None:
    """The date line, title and body of ``text`` when its first non-empty line is a date line."""
    start = 0
    line = 1
    while True:
        end = text.find("\n", start)
        current = text[start:] if end < 0 else text[start:end]
        if current.strip():
            break
        if end < 0:
            return None
        start, line = end + 1, line + 1
    match = _DATE_LINE.fullmatch(current.rstrip())
    if match is None:
        return None
    body = "" if end < 0 else text[end + 1 :]
    return DatedText(line=line, date=match[1], title=match[2], body=body)


def article_from_dated(dated: DatedText, *, origin: str, lang: str | None) -> Article:
    """The article of a dated text; its own date wins over any default."""
    try:
        published = parse_date(dated.date, "date")
    except ReadError as err:
        raise ReadError(str(err), line=dated.line) from None
    if _NOT_SPACE.search(dated.body) is None:
        raise ReadError(
            "nothing follows the date line; put the article body after it and a blank line",
            line=dated.line,
        )
    return read_text(dated.body, title=dated.title, published=published, lang=lang, origin=origin)


def article_from_record(
    line: str,
    *,
    origin: str,
    published: dt.date | None,
    lang: str | None,
    max_chars: int,
) -> tuple[Article, list[str]]:
    """The article of one JSONL line, and warnings about fields that were dropped."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise ReadError(
            f"not valid JSON ({err.msg} at column {err.colno}); each line must be one JSON object"
        ) from None
    if not isinstance(record, dict):
        raise ReadError(
            f"a JSON {_json_type(record)}, not an object; each line must be one object "
            'with at least a "text" field'
        )
    text = record.get("text")
    if text is None:
        raise ReadError('no "text" field; each record needs the article body in "text"')
    if not isinstance(text, str):
        raise ReadError(f'field "text" is a JSON {_json_type(text)}; it must be a string')
    check_length(len(text), max_chars, what='field "text"')
    if not text.strip():
        raise ReadError('field "text" is empty; each record needs the article body in "text"')
    fields = {name: _string_field(record, name) for name in _JSONL_FIELDS if name != "text"}
    warnings: list[str] = []
    try:
        own_lang = normalize_lang(fields["lang"])
    except ReadError as err:
        warnings.append(f'field "lang" ignored: {err}')
        own_lang = None
    own_date = fields["published"]
    if own_date is not None and own_date.strip():
        published = parse_date(own_date, 'field "published"')
    article = read_text(
        text,
        id=fields["id"],
        title=fields["title"],
        url=fields["url"],
        source=fields["source"],
        published=published,
        lang=own_lang or lang,
        origin=origin,
    )
    return article, warnings


def _string_field(record: dict[str, Any], name: str) -> str | None:
    value = record.get(name)
    if value is None or isinstance(value, str):
        return value
    # Numeric ids are common in exports; their decimal form is the id.
    if name == "id" and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    kinds = "a string or an integer" if name == "id" else "a string"
    raise ReadError(f'field "{name}" is a JSON {_json_type(value)}; it must be {kinds} or null')


def _json_type(value: object) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "string" if isinstance(value, str) else "null"
