"""Quoted stretches of an article found from its quotation marks, and its sentences.

Works on characters alone, so that it gives the same answer with or without a parser. Each
language's data lists its pairs of marks (« », “ ”, " ", ‹ ›…) and its dialogue dashes. A quote
left open at the end of a paragraph runs to that paragraph's end; when the next paragraph opens
with a quotation mark, the quote goes on there (the newspaper convention for long quotes), and
the two parts are chained so that they share one speaker.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_OPENING_CONTEXT = frozenset(" \t\n([{/:;,—–-\u00a0\u202f")
_SENTENCE_END = frozenset(".!?…")


@dataclass(frozen=True, slots=True)
class Quoted:
    """Quoted words: ``start``/``end`` cover the words, ``open``/``close`` the marks too."""

    start: int
    end: int
    open: int
    close: int
    closed: bool
    dialogue: bool = False
    continues: bool = False
    """The quote is left open and goes on in the next paragraph's quote."""


def find_quoted(
    text: str, pairs: Sequence[tuple[str, str]], dashes: Sequence[str] = ()
) -> list[Quoted]:
    """The outermost quoted stretches of ``text``, in order.

    An opening mark listed in several pairs closes at the first of their closing marks
    (copy that opens with a straight mark and closes with a curly one).
    """
    ordered = sorted(pairs, key=lambda p: len(p[0]), reverse=True)
    found: list[Quoted] = []
    for para_start, para_end in _paragraphs(text):
        found.extend(_quoted_in(text, para_start, para_end, ordered, dashes))
    _chain_paragraphs(text, found, ordered)
    return found


def _paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def _quoted_in(
    text: str, start: int, end: int, pairs: Sequence[tuple[str, str]], dashes: Sequence[str]
) -> list[Quoted]:
    found: list[Quoted] = []
    i = start
    while i < end and text[i].isspace():
        i += 1
    if i < end and text[i] in dashes:
        return _dialogue(text, i, end, dashes)
    while i < end:
        pair = _opening_at(text, i, start, end, pairs)
        if pair is None:
            i += 1
            continue
        opening = pair[0]
        inner = i + len(opening)
        closings = [c for o, c in pairs if o == opening]
        hits = [
            (at, c) for c in closings if (at := _closing_after(text, inner, end, c)) is not None
        ]
        if not hits:
            quoted = _make(text, inner, end, i, end, closed=False)
            i = end
        else:
            close_at, closing = min(hits)
            quoted = _make(text, inner, close_at, i, close_at + len(closing), closed=True)
            i = close_at + len(closing)
        if quoted is not None:
            found.append(quoted)
    return found


def _opening_at(
    text: str, i: int, para_start: int, para_end: int, pairs: Sequence[tuple[str, str]]
) -> tuple[str, str] | None:
    for opening, closing in pairs:
        if not text.startswith(opening, i):
            continue
        after = i + len(opening)
        if after >= para_end or (text[after].isspace() and opening == closing):
            continue
        # A straight mark opens only after a space or an opening sign: "it's" or 5'' stay.
        straight = opening == closing or opening in "'’‘"
        if straight and i > para_start and text[i - 1] not in _OPENING_CONTEXT:
            continue
        return opening, closing
    return None


def _closing_after(text: str, i: int, end: int, closing: str) -> int | None:
    while True:
        at = text.find(closing, i, end)
        if at < 0:
            return None
        after = at + len(closing)
        # An apostrophe inside a word ("l’état", "don’t") is not a closing mark.
        if closing in ("’", "'") and after < end and text[after].isalnum():
            i = after
            continue
        return at


def _make(
    text: str, start: int, end: int, open_: int, close: int, *, closed: bool
) -> Quoted | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return None
    return Quoted(start, end, open_, close, closed)


def _dialogue(text: str, dash_at: int, end: int, dashes: Sequence[str]) -> list[Quoted]:
    """A line of dialogue: "—No cederemos —afirmó el ministro—. Seguiremos." gives two quotes."""
    found: list[Quoted] = []
    pattern = re.compile("|".join(re.escape(d) for d in dashes))
    start = dash_at + 1
    while start < end:
        # An aside ("—afirmó el ministro—") starts at a dash after a space.
        aside = next(
            (m for m in pattern.finditer(text, start, end) if text[m.start() - 1] == " "), None
        )
        stop = aside.start() if aside else end
        quoted = _make(text, start, stop, start - 1, stop, closed=aside is not None)
        if quoted is not None:
            found.append(
                Quoted(quoted.start, quoted.end, quoted.open, quoted.close, quoted.closed, True)
            )
        if aside is None:
            break
        back = pattern.search(text, aside.end(), end)
        if back is None:
            break
        start = back.end()
        # After the aside's closing dash, only words that are not a sentence's end are quoted.
        while start < end and (text[start] in ".,;:" or text[start].isspace()):
            start += 1
    return found


def _chain_paragraphs(text: str, found: list[Quoted], pairs: Sequence[tuple[str, str]]) -> None:
    """Mark an open quote that goes on in the quote opening the next paragraph."""
    openings = tuple(p[0] for p in pairs)
    for n, quoted in enumerate(found[:-1]):
        following = found[n + 1]
        if quoted.closed or quoted.dialogue:
            continue
        between = text[quoted.end : following.open]
        if between.strip() == "" and "\n" in between and text.startswith(openings, following.open):
            found[n] = Quoted(
                quoted.start, quoted.end, quoted.open, quoted.close, False, continues=True
            )


def sentence_bounds(
    text: str, quoted: Sequence[Quoted], abbreviations: frozenset[str] = frozenset()
) -> list[tuple[int, int]]:
    """Sentences as character ranges; a sentence end inside a quote does not end the sentence."""
    inside = [(q.open, q.close) for q in quoted]
    bounds: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    q = 0
    i = 0
    while i < n:
        while q < len(inside) and inside[q][1] <= i:
            q += 1
        if q < len(inside) and inside[q][0] <= i < inside[q][1]:
            i = inside[q][1]
            # « Nous gagnerons. » Le ministre… : a quote ending its sentence ends the sentence.
            if quoted[q].closed and _quote_ends_sentence(text, quoted[q], i):
                _add(text, bounds, start, i)
                start = i
            continue
        ch = text[i]
        if ch == "\n":
            _add(text, bounds, start, i)
            start = i + 1
        elif ch in _SENTENCE_END and _ends_sentence(text, i, abbreviations):
            _add(text, bounds, start, i + 1)
            start = i + 1
        i += 1
    _add(text, bounds, start, n)
    return bounds


def _quote_ends_sentence(text: str, quoted: Quoted, after: int) -> bool:
    if text[quoted.end - 1] not in _SENTENCE_END:
        return False
    rest = text[after : after + 3].lstrip(" \t\u00a0")
    return bool(rest) and rest[0].isupper()


def _ends_sentence(text: str, i: int, abbreviations: frozenset[str]) -> bool:
    nxt = i + 1
    while nxt < len(text) and text[nxt] in _SENTENCE_END:
        nxt += 1
    if nxt < len(text) and not text[nxt].isspace():
        return False
    while nxt < len(text) and text[nxt] in " \t\u00a0":
        nxt += 1
    if nxt < len(text) and text[nxt].islower():
        return False
    if text[i] == ".":
        word = re.search(r"[\w.]*$", text[max(0, i - 20) : i])
        before = word.group(0) if word else ""
        if (len(before) == 1 and before.isupper()) or "." in before:
            return False  # an initial ("J. Smith") or an abbreviation with periods ("U.S.")
        if before.lower() in abbreviations:
            return False
    return True


def _add(text: str, bounds: list[tuple[int, int]], start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        bounds.append((start, end))
