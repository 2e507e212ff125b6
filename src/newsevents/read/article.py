"""Building an ``Article`` from read fields: text normalization, ids, dates and language codes."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from newsevents.records import Article, stable_id

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class ReadProblem:
    """Something wrong with one input: an error (nothing produced) or a warning (article kept)."""

    origin: str
    """Where: ``path`` or ``path:line`` (1-based), with the path as the user gave it."""
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        return f"{self.origin}: {self.severity}: {self.message}"


class ReadError(ValueError):
    """A problem that stops one input (a file or a JSONL line) from giving an article."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line
        """1-based line of the file the problem is on, when it is on one."""


# Leading lines holding only spaces or tabs: the separation between a header and the body.
_LEADING_BLANK_LINES = re.compile(r"\A(?:[ \t]*\n)+")
_LANG_CODE = re.compile(r"[a-z]{2,3}")


def normalize_newlines(text: str) -> str:
    """``text`` with CRLF and lone CR turned into LF (checked first to avoid copies)."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def normalize_text(text: str) -> str:
    """The canonical body: LF newlines, Unicode NFC, no leading blank lines or trailing spaces."""
    text = normalize_newlines(text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return _LEADING_BLANK_LINES.sub("", text, count=1).rstrip()


def normalize_field(value: str | None) -> str | None:
    """A short metadata field (title, url, source) in NFC on one line; None when blank."""
    if value is None:
        return None
    value = " ".join(unicodedata.normalize("NFC", value).split())
    return value or None


def normalize_lang(code: str | None) -> str | None:
    """The lowercase primary subtag of a language tag ("fr-FR" gives "fr"); None when blank."""
    if code is None or not code.strip():
        return None
    primary = re.split(r"[-_]", code.strip(), maxsplit=1)[0].lower()
    if not _LANG_CODE.fullmatch(primary):
        raise ReadError(
            f'"{code}" is not a language code; give an ISO 639 code such as "fr", "es" or "en"'
        )
    # "und" is the standard way of saying the language is not known.
    return None if primary == "und" else primary


def check_length(length: int, max_chars: int, what: str = "text") -> None:
    """Raise ``ReadError`` when a text of ``length`` characters is over ``max_chars``."""
    if length > max_chars:
        raise ReadError(
            f"{what} is {length:,} characters, over the limit of {max_chars:,} for one article; "
            "raise the limit with --max-chars (max_chars= in Python) if it really is one "
            "article, or split it"
        )


def parse_date(value: str, what: str) -> dt.date:
    """The date of an ISO date or datetime string; ``what`` names the value in the error."""
    value = value.strip()
    try:
        if len(value) <= 10:
            return dt.date.fromisoformat(value)
        return dt.datetime.fromisoformat(value).date()
    except ValueError as err:
        reason = str(err)
        # The interesting reasons ("month must be in 1..12") come from the constructor;
        # the format complaints only echo the value back.
        detail = "" if reason.startswith("Invalid isoformat") else f" ({reason})"
        raise ReadError(
            f'{what} "{value}" is not a valid date{detail}; '
            "write it as YYYY-MM-DD or an ISO datetime such as 2025-11-29T08:30:00Z"
        ) from None


def read_text(
    text: str,
    *,
    id: str | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    published: dt.date | None = None,
    lang: str | None = None,
    origin: str | None = None,
) -> Article:
    """An ``Article`` from a body and its metadata, with the text normalized and a stable id.

    The id is ``id`` when given, else a hash of ``url``, else a hash of the normalized text.
    Raises ``ValueError`` when the text is blank or ``lang`` is not a language code.
    """
    body = normalize_text(text)
    if not body:
        raise ReadError("the text is empty; an article needs a body")
    url = normalize_field(url)
    if id is not None and id.strip():
        article_id = id.strip()
    elif url is not None:
        article_id = stable_id("url", url)
    else:
        article_id = stable_id("text", body)
    return Article(
        id=article_id,
        text=body,
        title=normalize_field(title),
        url=url,
        source=normalize_field(source),
        published=published,
        lang=normalize_lang(lang),
        origin=origin,
    )
