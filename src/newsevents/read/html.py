"""The main text and metadata of an HTML page, with trafilatura (offline)."""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass

from newsevents.read.article import ReadError

# How many bytes of HTML one character of article text may cost: pages carry scripts, styles
# and navigation, so the raw page is allowed to be much larger than its text.
HTML_BYTES_PER_CHAR = 50

_HTML_LANG = re.compile(
    r"<html\b[^>]*?\blang\s*=\s*[\"']?\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)", re.I
)


@dataclass(frozen=True, slots=True)
class HtmlPage:
    """What was found in an HTML page."""

    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: dt.date | None = None
    lang: str | None = None


def extract_page(html: str) -> HtmlPage:
    """The main text, title, canonical url, site name, date and language of an HTML page."""
    # Imported here: trafilatura and its lxml stack take a while to load and most runs read
    # text or JSONL only.
    import trafilatura

    # trafilatura logs every page it discards, which the reader already reports as a problem;
    # quiet it unless the application has set its level.
    logger = logging.getLogger("trafilatura")
    if logger.level == logging.NOTSET:
        logger.setLevel(logging.CRITICAL)
    try:
        document = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            # Only dates stated in the markup: guessing from the body's wording would take a
            # date the article mentions for the date it was published.
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
    except Exception as err:  # a parser failure on one page must not stop the batch
        raise ReadError(f"the HTML could not be parsed ({type(err).__name__}: {err})") from None
    text = getattr(document, "text", None) if document is not None else None
    if document is None or isinstance(document, dict) or not text or not text.strip():
        raise ReadError(
            "no main text found in this HTML page; if the page builds its text with "
            "JavaScript, save the rendered page or give its text as a .txt file"
        )
    match = _HTML_LANG.search(html, 0, 8192)
    return HtmlPage(
        text=_without_headline(text, document.title),
        title=document.title,
        url=document.url,
        source=document.sitename or document.hostname,
        published=_date_or_none(document.date),
        lang=match[1] if match else None,
    )


def _without_headline(text: str, title: str | None) -> str:
    """The text without a first line that repeats the title: the title is kept apart."""
    first, _, rest = text.lstrip().partition("\n")
    if title and first.split() == title.split() and rest.strip():
        return rest
    return text


def _date_or_none(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
