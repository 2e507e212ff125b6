"""Time expressions: TIMEX3 type and value, anchored on the publication date or a nearer date.

The words and patterns come from ``lang/<xx>/times.toml`` (see ``time_grammar``); values are
computed by ``time_normalize`` and ``time_values``, past or future read by ``time_tense``. The
code never branches on the language. Conventions, the same in every language:

- Each expression gets a TIMEX3 ``type`` (DATE, TIME, DURATION, SET) and ``value`` at the
  granularity the text gives: ``2025-11-28``, ``2023-04``, ``2025-W48``, ``2025-Q3``, ``2025``,
  ``199`` (a decade), ``P103D``, ``PT3H``, ``PXD`` (a vague duration), ``PRESENT_REF``…
- Underspecified expressions ("le 28 novembre", "jeudi", "hier", "la semaine dernière", "dans
  deux semaines") are computed from their anchor: the publication date (``anchor`` "published"),
  or the date of the statement they are said in ("…", a-t-il déclaré dans une vidéo publiée le 28
  novembre; "said on Monday that…"), whose record id is then the ``anchor``. Without a
  publication date they keep unknown digits (``XXXX-11-28``) and no anchor.
- Past or future is read from the words ("dernier", "next", "pasado") and else from the verb
  that governs the expression (spaCy morphology: tense, mood, future auxiliaries). Without a
  parse (a blank pipeline) the nearest reading is taken: "le 14 décembre" in an article of 29
  November is 14 December of the same year, "jeudi" the nearest Thursday.
- A duration that sets a deadline ("d'ici 30 jours", "il leur reste 103 jours", "within 90
  days") keeps its duration value and gets ``ends_on``, the date it ends on from its anchor.
- Extents follow the TIMEX3 guidelines: no preposition ("à la fin de" gives "la fin de"), no
  article before an expression that modifies a noun ("the 30-day period" gives "30-day"); a
  clock time and its day ("9 a.m. Tuesday"), a month or a quarter and its year ("June last
  year") are one record.
- Words that are times only in context are checked: a bare month or season needs a preceding
  cue word ("en mai", "l'été", not "a été"); a month in the wrong case for the language is a name
  ("Mars", "Plaza de Mayo"; "may" in English) unless a day or a year is next to it; a four-digit
  number followed by the noun it counts is an amount, not a year.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, replace

from spacy.attrs import DEP, IDX, POS, TAG
from spacy.tokens import Doc

from newsevents.extract.time_grammar import (
    TimeGrammar,
    group,
    is_time_unit,
    normalize,
    parse_number,
    time_grammar,
)
from newsevents.extract.time_normalize import TimeValue, normalize_expression
from newsevents.extract.time_tense import expression_direction, morph
from newsevents.records import Time, stable_id

PUBLISHED = "published"
_CONTEXT = 40
"""How many characters before an expression are read for a cue ("en", "d'ici")."""
_BEFORE_CORE = 36
_AFTER_CORE = 40
"""How far an expression may reach before and after the word it holds ("à la fin de l'")."""
_SENTENCE_END = re.compile(r"[.!?…]+(?=\s)|\n+")
_QUOTE = re.compile(r"\"[^\"\n]{3,}\"|«[^»]{3,}»|“[^”]{3,}”")
_DAY_VALUE = re.compile(r"^\d{4}-\d\d-\d\d")
_NAME_AFTER = re.compile(r"[^\S\n]+[A-ZÀ-Þ][a-zß-ÿ]")
_PERIOD = re.compile(r"^(\d{4})-(Q[1-4]|H[12]|\d\d)$")
_FULL_DATE = re.compile(r"^\d{4}-\d\d-\d\d$")
_DATELINE_REACH = 400
"""How far into the text a dateline may start (after a title line or two)."""


@dataclass(frozen=True, slots=True)
class _Found:
    """A pattern match kept after overlaps are resolved."""

    kind: str
    match: re.Match[str]
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Page:
    """A document read once: its text, token offsets and which annotations it has."""

    doc: Doc
    text: str
    starts: list[int]
    parsed: bool
    tagged: bool


def extract_times(doc: Doc) -> list[Time]:
    """The time expressions of ``doc``, in text order, anchored as described above."""
    grammar = time_grammar(doc.lang_)
    original = doc.text  # built from the tokens on each access: read it once
    text = original.replace("’", "'")
    columns = doc.to_array([IDX, DEP, TAG, POS])  # one pass over the tokens, in C
    page = _Page(
        doc,
        text,
        columns[:, 0].tolist(),
        bool(len(doc)) and bool(columns[:, 1].any()),
        bool(len(doc)) and bool(columns[:, 2:].any()),
    )
    article = doc._.article if Doc.has_extension("article") else None
    published: dt.date | None = getattr(article, "published", None)
    found = find_expressions(grammar, page)
    directions = [
        expression_direction(grammar, f.match, doc, _token_at(page, f.start)) for f in found
    ]

    records: list[Time] = []
    relative: list[bool] = []
    dateline: tuple[str, dt.date] | None = None
    year_back: set[int] = set()
    """Indexes of the records that are a quarter a year back ("a year ago")."""
    for f, direction in zip(found, directions, strict=True):
        anchor_id, anchor = dateline or ((PUBLISHED, published) if published else (None, None))
        if f.kind == "deictic" and normalize(group(f.match, "deictic") or "") in (
            grammar.from_previous
        ):
            anchor_id, anchor = _previous_day(records, f.start, anchor_id, anchor)
        if f.kind in ("clock", "day_part"):
            anchor_id, anchor = _previous_day(records, f.start, anchor_id, anchor)
        value = normalize_expression(grammar, f.kind, f.match, anchor, direction)
        if value is None:
            continue
        compared = _compared_quarter(grammar, f, value, records, year_back)
        if compared is not value:
            year_back.add(len(records))
        value = compared
        records.append(
            Time(
                id="t" + stable_id("time", str(f.start), str(f.end)),
                text=original[f.start : f.end],
                start=f.start,
                end=f.end,
                type=value.type,
                value=value.value,
                mod=value.mod,
                anchor=anchor_id if (value.relative or value.ends_on) else None,
                ends_on=value.ends_on,
            )
        )
        relative.append(value.relative or value.ends_on is not None)
        if dateline is None and not value.relative and _is_dateline(text, f, value):
            dateline = records[-1].id, dt.date.fromisoformat(value.value)
    _anchor_reported_speech(grammar, page, records, relative, found, directions)
    return _joined(grammar, original, records)


_CLOCK_VALUE = re.compile(r"^(?:\d{4}|XXXX)-(?:\d\d|XX)-(?:\d\d|XX)(T\d\d:\d\dZ?)$")
_MONTH_VALUE = re.compile(r"^\d{4}-(\d\d)$")
_QUARTER_PART = re.compile(r"^\d{4}-(Q[1-4])$")
_YEAR_VALUE = re.compile(r"^\d{4}$")


def _joined(grammar: TimeGrammar, text: str, records: list[Time]) -> list[Time]:
    """Neighbouring records that make one point in time, joined into one record.

    A clock time and its day ("9 a.m. Tuesday", "hoy a las 12:00", "15 h 30, hier") are one
    TIME; a month or a quarter and the year it is in ("June last year", "el tercer trimestre de
    este año", "this year's third quarter") are one DATE in that year.
    """
    joined: list[Time] = []
    for record in records:
        previous = joined[-1] if joined else None
        merged = None if previous is None else _join(grammar, text, previous, record)
        if merged is None:
            joined.append(record)
        else:
            joined[-1] = merged
    return joined


def _join(grammar: TimeGrammar, text: str, first: Time, second: Time) -> Time | None:
    """The record ``first`` and ``second`` make together, if they are one point in time."""
    if first.ends_on or second.ends_on:
        return None
    gap = normalize(text[first.end : second.start])
    links = re.findall(r"[^\s,]+|,", gap)
    value = None
    if all(word in grammar.words["clock_link"] for word in links):
        for clock, day in ((first, second), (second, first)):
            clock_part = _CLOCK_VALUE.match(clock.value)
            if clock_part and _FULL_DATE.match(day.value):
                value, anchor = day.value + clock_part[1], day.anchor
    if value is None and all(word in grammar.words["year_link"] for word in links):
        for part, year in ((first, second), (second, first)):
            month = _MONTH_VALUE.match(part.value) or _QUARTER_PART.match(part.value)
            if month and _YEAR_VALUE.match(year.value):
                value, anchor = f"{year.value}-{month[1]}", year.anchor
    if value is None:
        return None
    return Time(
        id="t" + stable_id("time", str(first.start), str(second.end)),
        text=text[first.start : second.end],
        start=first.start,
        end=second.end,
        type="TIME" if "T" in value else "DATE",
        value=value,
        mod=first.mod or second.mod,
        anchor=anchor,
    )


def _compared_quarter(
    grammar: TimeGrammar,
    found: _Found,
    value: TimeValue,
    records: list[Time],
    year_back: set[int],
) -> TimeValue:
    """ "A year ago" in a report on a quarter is that quarter a year before, not the year.

    The quarter is the last one named before it that is not itself a year back. "The year-earlier
    period", "el mismo mes del año anterior" are the quarter, half or month last named, a year back;
    "the 1988 quarter" is the quarter last named, in 1988.
    """
    match = found.match
    if found.kind == "year_period":
        named = _last_period(records, set(), "Q")
        return value if named is None else replace(value, value=f"{match['year']}-{named[1]}")
    if found.kind == "year_back":
        # A month for "the same month"; otherwise the quarter last named, or else a half or month.
        if any(normalize(w) in grammar.words["month_nouns"] for w in match[0].split()):
            period = _last_period(records, year_back, "M")
        else:
            period = _last_period(records, year_back, "Q") or _last_period(records, year_back, "")
        return value if period is None else replace(value, value=f"{period[0] - 1:04d}-{period[1]}")
    a_year_ago = (
        found.kind == "offset"
        and (group(match, "ago") or group(match, "ago_after"))
        and grammar.value("unit", match["unit"]) == "Y"
        and parse_number(grammar, match["number"] or "") == 1
    )
    quarter = _last_period(records, year_back, "Q") if a_year_ago else None
    if quarter is None:
        return value
    return replace(value, value=f"{quarter[0] - 1:04d}-{quarter[1]}")


def _last_period(records: list[Time], year_back: set[int], kind: str) -> tuple[int, str] | None:
    """The year and part of the last quarter ("Q"), month ("M") or any of those or a half ("")
    named, leaving out the records that are themselves a year back."""
    for index in range(len(records) - 1, -1, -1):
        period = _PERIOD.match(records[index].value)
        if period is None or index in year_back:
            continue
        part = period[2]
        if {"Q": part.startswith("Q"), "M": part.isdigit(), "": True}[kind]:
            return int(period[1]), part
    return None


def _is_dateline(text: str, found: _Found, value: TimeValue) -> bool:
    """A full date alone on one of the first lines: the date the article was filed on."""
    if found.start > _DATELINE_REACH or not _FULL_DATE.match(value.value):
        return False
    line_start = text.rfind("\n", 0, found.start) + 1
    line_end = text.find("\n", found.end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    return not line.replace(text[found.start : found.end], "").strip(" ,.-–—:()")


def find_expressions(grammar: TimeGrammar, page: _Page) -> list[_Found]:
    """Every valid pattern match, overlaps resolved: the earliest, then the longest, wins."""
    matches: list[tuple[int, int, int, _Found]] = []
    segments = _segments(grammar, page.text)
    for order, pattern in enumerate(grammar.patterns):
        for begin, stop in segments:
            for match in pattern.regex.finditer(page.text, begin, stop):
                start, end = match.span()
                if end > start and _valid(grammar, page, pattern.kind, match):
                    matches.append((start, -end, order, _Found(pattern.kind, match, start, end)))
    matches.sort(key=lambda m: m[:3])
    kept: list[_Found] = []
    reach = 0
    for start, _neg_end, _order, found in matches:
        if start >= reach:
            kept.append(_without_determiner(page, found))
            reach = found.end
    return kept


_MODIFIER_DEPS = frozenset({"compound", "amod", "nummod", "nmod", "npadvmod"})


def _without_determiner(page: _Page, found: _Found) -> _Found:
    """An expression that modifies a noun after it leaves the article to that noun.

    In "the 30-day period" or "the third-quarter results" the article determines "period" and
    "results": the expression is "30-day", "third-quarter" (TIMEX3 extents hold only the words of
    the time expression).
    """
    det = found.match.span("det") if group(found.match, "det") else None
    if det is None or det[0] != found.start:
        return found
    last = _token_at(page, found.end - 1)
    if last is None:
        return found
    token = page.doc[last]
    if token.dep_ not in _MODIFIER_DEPS or token.head.idx < found.end:
        return found
    start = det[1]
    while start < found.end and page.text[start].isspace():
        start += 1
    return replace(found, start=start)


def _segments(grammar: TimeGrammar, text: str) -> list[tuple[int, int]]:
    """The stretches of text around the words an expression must hold, merged."""
    segments: list[tuple[int, int]] = []
    for core in grammar.anchor.finditer(text):
        begin = text.rfind("\n", max(0, core.start() - _BEFORE_CORE), core.start()) + 1
        begin = max(begin, core.start() - _BEFORE_CORE)
        stop = min(len(text), core.end() + _AFTER_CORE)
        if segments and begin <= segments[-1][1]:
            segments[-1] = (segments[-1][0], max(stop, segments[-1][1]))
        else:
            segments.append((begin, stop))
    return segments


def _valid(grammar: TimeGrammar, page: _Page, kind: str, match: re.Match[str]) -> bool:
    """Whether a match is a time expression in its context (see the module's conventions)."""
    text, start = page.text, match.start()
    month = group(match, "month") or group(match, "month_abbr")
    has_day_or_year = any(group(match, g) for g in ("day", "year", "year2"))
    if month and not has_day_or_year:
        if _wrong_case(grammar, month):
            return False
        if group(match, "month_abbr"):
            return False  # "mar", "sept": abbreviations only next to a day or a year
    qualified = any(group(match, g) for g in ("det", "this", "last", "next", "mod", "of"))
    if kind in ("date", "season") and not has_day_or_year and not qualified:
        return _after_cue(grammar, text, start)
    if kind == "duration" and group(match, "number") and _is_age(grammar, text, match):
        return False
    if kind == "duration" and _is_fraction(grammar, text, match):
        return False
    if kind == "duration" and _names_not_counts(grammar, match):
        return False
    if kind == "set" and _plural_without_count(grammar, match):
        return False  # "por siglos" is for centuries, not once a century
    if kind in ("holiday", "day_part") and _inside_name(grammar, page, start, match.end()):
        return False  # "Easter Island", "la Isla de Pascua", "Mr. Christmas"
    if kind == "holiday" and (
        _NAME_AFTER.match(text, match.end())
        or grammar.honorific_before.search(text, max(0, start - _CONTEXT), start)
    ):
        return False  # a given name or a surname: "Noël Mamère", "Mr. Christmas"
    if kind == "offset" and group(match, "number"):  # "in thirty minutes" is a duration
        return not is_time_unit(grammar.value("unit", match["unit"]) or "")
    if kind == "year" and not (qualified or group(match, "mod") or group(match, "year_word")):
        return not _counts_a_noun(grammar, page, start, match.end())
    return True


def _wrong_case(grammar: TimeGrammar, word: str) -> bool:
    """A month written in the case the language does not give month names ("Mars", "may")."""
    if grammar.month_case == "lower":
        return word[:1].isupper()
    return word[:1].islower()


def _is_age(grammar: TimeGrammar, text: str, match: re.Match[str]) -> bool:
    """Whether a number of years is someone's age ("un homme de 37 ans", "Ana, 24 años,")."""
    if grammar.value("unit", match["unit"]) != "Y":
        return False
    if grammar.age_after.match(text, match.end()):
        return True  # "a 12-year-old", "the 6-year-old"
    if grammar.of_after.match(text, match.end()):
        return False  # "condamné à 10 ans de prison", "trois ans de tractations"
    start = match.start()
    qualified = group(match, "det") or group(match, "mod")
    return not qualified and bool(grammar.age_before.search(text, max(0, start - _CONTEXT), start))


def _inside_name(grammar: TimeGrammar, page: _Page, start: int, end: int) -> bool:
    """Whether words are a person the model found, or part of a longer name of a place or an
    organisation ("Easter Island"; the model's "Easter Sunday" as a building is no such name)."""
    for entity in page.doc.ents:
        if entity.start_char >= end or start >= entity.end_char:
            continue
        label = normalize(entity.label_)
        if label in grammar.words["person_labels"]:
            return True
        longer = entity.start_char < start or entity.end_char > end
        if longer and label in grammar.words["name_labels"]:
            return True
    return False


def _plural_without_count(grammar: TimeGrammar, match: re.Match[str]) -> bool:
    """A plural unit with no number after a singular word of frequency: a length ("por
    siglos"), where "tous les jours", "todos los días" are frequencies."""
    unit, every = group(match, "unit"), group(match, "every")
    return (
        bool(unit)
        and not group(match, "number")
        and normalize(unit or "") in grammar.words["plural_units"]
        and normalize(every or "") not in grammar.words["every_plural"]
    )


def _names_not_counts(grammar: TimeGrammar, match: re.Match[str]) -> bool:
    """A year before a singular unit names a period, it does not count: "the 1988 quarter".

    A count takes a plural ("2000 years"); "30-day", with a hyphen, is a length written as an
    adjective.
    """
    number, unit = group(match, "number"), group(match, "unit")
    if not number or not unit or not number[:1].isdigit():
        return False
    if normalize(unit) in grammar.words["plural_units"]:
        return False
    between = match.string[match.end("number") : match.start("unit")]
    count = parse_number(grammar, number)
    return "-" not in between and count is not None and count >= 1000


def _is_fraction(grammar: TimeGrammar, text: str, match: re.Match[str]) -> bool:
    """A share, not a length: "three-quarters of its food", "about a quarter, of its dealers"."""
    unit = group(match, "unit")
    if unit is None or normalize(unit) not in grammar.words["fraction_units"]:
        return False
    after = text[match.end() : match.end() + _CONTEXT]
    return grammar.fraction_after.match(after) is not None


def _after_cue(grammar: TimeGrammar, text: str, start: int) -> bool:
    """Whether a word that is a time only in context follows a cue ("en mai", "in May")."""
    return grammar.context_before.search(text, max(0, start - _CONTEXT), start) is not None


def _counts_a_noun(grammar: TimeGrammar, page: _Page, start: int, end: int) -> bool:
    """Whether the word after a number is the noun it counts ("2000 migrants")."""
    i = bisect.bisect_left(page.starts, end)
    doc = page.doc
    while i < len(doc) and doc[i].is_space:
        i += 1
    if i >= len(doc):
        return False
    token = doc[i]
    if not (token.is_alpha and token.idx > end):
        return False  # "1982-1990", "2023,"
    # A count above one takes a plural ("2000 migrants"); a year names one thing ("the 2020
    # election").
    if page.tagged:
        plural = "Plur" in morph(token, "Number") or token.tag_ in ("NNS", "NNPS")
        return token.pos_ == "NOUN" and plural
    return token.is_lower and not token.is_stop and token.lower_[-1] in "sx"


def _token_at(page: _Page, position: int) -> int | None:
    """The index of the token holding a character, when the document has a parse."""
    if not page.parsed:
        return None
    index = bisect.bisect_right(page.starts, position) - 1
    return index if index >= 0 else None


def _previous_day(
    records: list[Time],
    start: int,
    anchor_id: str | None,
    anchor: dt.date | None,
    text: str | None = None,
) -> tuple[str | None, dt.date | None]:
    """The last day-level date before ``start`` (in the same sentence when ``text`` is given)."""
    for record in reversed(records):
        if record.end > start or not _DAY_VALUE.match(record.value):
            continue
        if text is not None and _SENTENCE_END.search(text, record.end, start):
            break
        return record.id, dt.date.fromisoformat(record.value[:10])
    return anchor_id, anchor


def _anchor_reported_speech(
    grammar: TimeGrammar,
    page: _Page,
    records: list[Time],
    relative: list[bool],
    found: list[_Found],
    directions: list[int],
) -> None:
    """Re-anchor what a statement says on the statement's own date, when the text gives one.

    The statement is a quotation whose framing clause (before or after it, in its sentence)
    holds a speech cue and a day-level date ("…", a-t-il déclaré dans une vidéo publiée le 28
    novembre), the clause before a comma and a dated speech cue ("…, said X on Monday"), or the
    clause after a speech cue and a complementizer ("said Monday that…").
    """
    text = page.text
    by_span = {(f.start, f.end): (f, d) for f, d in zip(found, directions, strict=True)}
    for quote in _QUOTE.finditer(text):
        frame_start = _sentence_start(text, quote.start())
        frame_end = _sentence_end(text, quote.end())
        frames = [(frame_start, quote.start()), (quote.end(), frame_end)]
        anchor = _speech_date(grammar, text, records, frames)
        if anchor is not None:
            _reanchor(grammar, page, records, relative, by_span, anchor, quote.span())
    for cue in grammar.speech_cue.finditer(text):
        start = _sentence_start(text, cue.start())
        end = _sentence_end(text, cue.end())
        comma = text.rfind(",", start, cue.start())
        if comma > start and cue.start() - comma < _CONTEXT:
            # "Il leur reste 103 jours, a-t-il dit le 28 novembre": the statement comes first.
            anchor = _speech_date(grammar, text, records, [(comma, end)], need_cue=False)
            if anchor is not None:
                _reanchor(grammar, page, records, relative, by_span, anchor, (start, comma))
        that = grammar.complementizer.search(text, cue.end(), min(end, cue.end() + _CONTEXT))
        if that is None:
            continue
        anchor = _speech_date(grammar, text, records, [(start, that.start())], need_cue=False)
        if anchor is not None:
            _reanchor(grammar, page, records, relative, by_span, anchor, (that.end(), end))


def _speech_date(
    grammar: TimeGrammar,
    text: str,
    records: list[Time],
    frames: list[tuple[int, int]],
    need_cue: bool = True,
) -> Time | None:
    """The day-level date of a framing clause that holds a speech cue."""
    for start, end in frames:
        if need_cue and not grammar.speech_cue.search(text, start, end):
            continue
        for record in records:
            if start <= record.start and record.end <= end and _DAY_VALUE.match(record.value):
                return record
    return None


def _reanchor(
    grammar: TimeGrammar,
    page: _Page,
    records: list[Time],
    relative: list[bool],
    by_span: dict[tuple[int, int], tuple[_Found, int]],
    anchor: Time,
    span: tuple[int, int],
) -> None:
    """Recompute the relative records inside ``span`` from the anchor record's date."""
    day = dt.date.fromisoformat(anchor.value[:10])
    for i, record in enumerate(records):
        if not (relative[i] and span[0] <= record.start and record.end <= span[1]):
            continue
        if record.id == anchor.id:
            continue
        found, direction = by_span[(record.start, record.end)]
        value = normalize_expression(grammar, found.kind, found.match, day, direction)
        if value is not None:
            records[i] = replace(record, value=value.value, ends_on=value.ends_on, anchor=anchor.id)


def _sentence_start(text: str, position: int) -> int:
    """Where the sentence holding ``position`` starts."""
    start = 0
    for end in _SENTENCE_END.finditer(text, max(0, position - 400), position):
        start = end.end()
    return start


def _sentence_end(text: str, position: int) -> int:
    """Where the sentence holding ``position`` ends."""
    found = _SENTENCE_END.search(text, position)
    return found.start() if found else len(text)


__all__ = ["PUBLISHED", "extract_times", "find_expressions"]
