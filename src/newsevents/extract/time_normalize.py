"""TIMEX3 type and value of one matched expression, from its words and its anchor date.

The kinds of expression are those of the data's patterns: ``iso``/``numeric`` dates, ``date``
(a day and a month, a month and a year), ``year``, ``decade``, ``weekday``, ``deictic``
("hier"), ``shift`` ("la semaine dernière"), ``offset`` ("il y a trois jours"), ``duration``,
``set``, ``period`` ("quinquennat"), ``season``, ``quarter``, ``weekend``, ``clock`` and ``ref``
("maintenant").
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from newsevents.extract.time_grammar import (
    TimeGrammar,
    group,
    is_time_unit,
    normalize,
    parse_number,
)
from newsevents.extract.time_tense import PRESENT
from newsevents.extract.time_values import (
    add_units,
    duration_value,
    holiday_date,
    holiday_near,
    iso_week,
    nearest_date,
    quarter,
    shifted_value,
    weekday_date,
)
from newsevents.records import TimeType

_CONTEXT = 40
"""How many characters before a duration are read for a deadline cue ("d'ici")."""


@dataclass(frozen=True, slots=True)
class TimeValue:
    """A normalized expression: what it is and whether its value depends on its anchor."""

    type: TimeType
    value: str
    mod: str | None = None
    relative: bool = False
    ends_on: str | None = None


def normalize_expression(
    grammar: TimeGrammar,
    kind: str,
    match: re.Match[str],
    anchor: dt.date | None,
    direction: int,
) -> TimeValue | None:
    """The type and value of one expression, computed from its anchor when it needs one."""
    mod = grammar.value("mod", group(match, "mod") or "")
    # A verb in the present reads a day as the language's data says, anything longer as now.
    day_direction = grammar.present_direction if direction == PRESENT else direction
    direction = 0 if direction == PRESENT else direction
    if kind in ("weekday", "weekend") or (kind == "date" and group(match, "day")):
        direction = day_direction
    if kind in ("iso", "numeric"):
        return _numeric_date(grammar, match)
    if kind == "date":
        return _date(grammar, match, anchor, direction, mod)
    if kind == "year":
        return TimeValue("DATE", f"{int(match['year']):04d}", mod)
    if kind == "spoken_year":
        said = spoken_year(grammar, match["spoken"])
        return None if said is None else TimeValue("DATE", f"{said:04d}")
    if kind == "decade":
        digits = re.sub(r"\D", "", match["decade_year"])
        century = "19" if len(digits) == 2 else digits[:2]
        return TimeValue("DATE", century + digits[-2], mod)
    if kind == "ref":
        return TimeValue("DATE", str(grammar.value("ref", match["ref"])))
    if kind == "set":
        return _set(grammar, match)
    if kind == "period":
        return TimeValue("DURATION", str(grammar.value("period", match["period"])))
    if kind == "duration":
        return _duration(grammar, match, anchor, mod)
    if kind == "clock":
        return _clock(grammar, match, anchor)
    if kind == "quarter":
        return _quarter(grammar, match, anchor, direction)
    if kind == "half":
        return _half(grammar, match, anchor, direction)
    if kind == "year_period":  # the quarter itself is found from the text before (times.py)
        return TimeValue("DATE", f"{int(match['year']):04d}")
    if kind == "decade_word":
        return TimeValue("DATE", str(grammar.value("decade_word", match["decade_word"])))
    if kind == "century":
        number = roman_or_arabic(match["century"])
        return None if not number else TimeValue("DATE", f"{number - 1:02d}")
    if kind == "holiday":
        return _holiday(grammar, match, anchor, direction)
    if kind == "month_week":
        return _month_week(grammar, match, anchor, direction)
    if kind == "day_part":  # "la nuit", "la jornada": the day of the anchor, the last date named
        part = grammar.value("part", group(match, "part") or "")
        suffix = f"T{part}" if part else ""
        day = "XXXX-XX-XX" if anchor is None else anchor.isoformat()
        return TimeValue("TIME" if part else "DATE", day + suffix, relative=anchor is not None)
    if kind == "year_back":  # the period itself is found from the text before (times.py)
        year = "XXXX" if anchor is None else f"{anchor.year - 1:04d}"
        return TimeValue("DATE", year, relative=anchor is not None)
    return _relative(grammar, kind, match, anchor, direction, mod)


def _numeric_date(grammar: TimeGrammar, match: re.Match[str]) -> TimeValue | None:
    """ISO and numeric dates ("2025-11-28", "28/11/2025")."""
    year = group(match, "year") or match["nyear"]
    month, day = int(match["nmonth"]), int(match["nday"])
    if group(match, "year") is None and grammar.numeric_order == "mdy":
        month, day = day, month
    number = int(year)
    if len(year) == 2:
        number += 1900 if number >= 50 else 2000
    try:
        return TimeValue("DATE", dt.date(number, month, day).isoformat())
    except ValueError:
        return None


def _date(
    grammar: TimeGrammar,
    match: re.Match[str],
    anchor: dt.date | None,
    direction: int,
    mod: str | None,
) -> TimeValue | None:
    """A day and a month, a month and a year, or a month alone."""
    name = group(match, "month") or group(match, "month_abbr") or ""
    month = grammar.value("month", name) or grammar.value("month_abbr", name.rstrip("."))
    if month is None:
        return None
    day = int(match["day"]) if group(match, "day") else None
    year: int | None = None
    if group(match, "year"):
        year = int(match["year"])
    elif short := group(match, "year2"):
        year = int(short.strip("'"))
        year += 1900 if year >= 50 else 2000
    relative = year is None
    weekday = grammar.value("weekday", group(match, "weekday") or "")
    if year is None and anchor is not None and day is not None and weekday:
        year = _year_of_weekday(anchor, month, day, int(weekday))
    if year is None and anchor is not None:
        explicit = bool(group(match, "last") or group(match, "next"))
        found = nearest_date(anchor, month, day, direction, near_only=not explicit)
        if found is None:
            return None
        year = found[0]
    shown = "XXXX" if year is None else f"{year:04d}"
    if day is None:
        return TimeValue("DATE", f"{shown}-{month:02d}", mod, relative)
    if year is not None:
        try:
            dt.date(year, month, day)
        except ValueError:
            return None
    return TimeValue("DATE", f"{shown}-{month:02d}-{day:02d}", mod, relative)


def _year_of_weekday(anchor: dt.date, month: int, day: int, weekday: int) -> int | None:
    """The year nearest the anchor in which the day falls on the weekday ("samedi 6 avril")."""
    for year in sorted(range(anchor.year - 6, anchor.year + 7), key=lambda y: abs(y - anchor.year)):
        try:
            if dt.date(year, month, day).isoweekday() == weekday:
                return year
        except ValueError:
            continue
    return None


def _set(grammar: TimeGrammar, match: re.Match[str]) -> TimeValue | None:
    """A frequency: "chaque jour" (P1D), "every two weeks" (P2W), "annuel" (P1Y), "each
    Thursday" (XXXX-WXX-4), "cada julio" (XXXX-07)."""
    if word := group(match, "set"):
        return TimeValue("SET", str(grammar.value("set", word)))
    if weekday := group(match, "weekday"):
        part = grammar.value("part", group(match, "part") or "")
        suffix = f"T{part}" if part else ""
        return TimeValue("SET", f"XXXX-WXX-{grammar.value('weekday', weekday)}{suffix}")
    if name := group(match, "month") or group(match, "month_abbr"):
        month = grammar.value("month", name) or grammar.value("month_abbr", name.rstrip("."))
        return None if month is None else TimeValue("SET", f"XXXX-{month:02d}")
    unit = grammar.value("unit", match["unit"])
    count = parse_number(grammar, match["number"]) if group(match, "number") else 1.0
    return TimeValue("SET", duration_value(count, unit))


def _duration(
    grammar: TimeGrammar, match: re.Match[str], anchor: dt.date | None, mod: str | None
) -> TimeValue | None:
    """A length of time, and the date it ends on when it sets a deadline."""
    unit = grammar.value("unit", group(match, "unit") or group(match, "plural_units") or "")
    count = parse_number(grammar, match["number"]) if group(match, "number") else None
    if group(match, "number") and not count:
        return None
    value = duration_value(count, unit)
    ends_on = None
    text, start = match.string, match.start()
    before = text[max(0, start - _CONTEXT) : start]
    deadline = grammar.deadline_before.search(before) or grammar.deadline_after.match(
        text, match.end()
    )
    if deadline and anchor is not None and count is not None and float(count).is_integer():
        end = add_units(anchor, unit, int(count))
        ends_on = end.isoformat() if end else None
    return TimeValue("DURATION", value, mod, ends_on=ends_on)


def _clock(grammar: TimeGrammar, match: re.Match[str], anchor: dt.date | None) -> TimeValue | None:
    """A time of day on its date (the date said before it in the sentence, else the anchor)."""
    if word := group(match, "clock_word"):
        clock = str(grammar.value("clock_word", word))
    else:
        hour, minute = int(match["hour"]), int(group(match, "minute") or 0)
        meridiem = normalize(group(match, "ampm") or "")
        if meridiem and not 1 <= hour <= 12:
            return None
        if meridiem.startswith("p") and hour < 12:
            hour += 12
        elif meridiem.startswith("a") and hour == 12:
            hour = 0
        if hour > 24:
            return None
        clock = f"{hour:02d}:{minute:02d}"
    zone = "Z" if group(match, "zone") else ""
    day = anchor.isoformat() if anchor else "XXXX-XX-XX"
    return TimeValue("TIME", f"{day}T{clock}{zone}", relative=True)


def _quarter(
    grammar: TimeGrammar, match: re.Match[str], anchor: dt.date | None, direction: int
) -> TimeValue | None:
    """A quarter of a year: "le troisième trimestre", "the third quarter of 2024"."""
    number = int(grammar.value("ordinal", match["ordinal"]) or 0)
    if group(match, "year"):
        year: str = match["year"]
    elif anchor is not None:
        year = f"{anchor.year:04d}"
    else:
        year = "XXXX"
    if number == -1:  # "the last quarter": the one before the anchor's
        if anchor is None:
            return None
        return TimeValue("DATE", shifted_value(anchor, "Q", -1) or "", relative=True)
    if not 1 <= number <= 4:
        return None
    if group(match, "year_back") and anchor is not None:  # "the year-ago third quarter"
        return TimeValue("DATE", f"{anchor.year - 1:04d}-Q{number}", relative=True)
    if (
        anchor is not None
        and not group(match, "year")
        and direction <= 0
        and number > quarter(anchor)
    ):
        year = f"{anchor.year - 1:04d}"  # "the fourth quarter" reported in March: last year's
    return TimeValue("DATE", f"{year}-Q{number}", relative=not group(match, "year"))


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_or_arabic(figures: str) -> int | None:
    """The number written in Arabic or Roman figures ("20", "XX", "xxi"); None if neither."""
    if figures.isdigit():
        return int(figures)
    values = [_ROMAN.get(c) for c in figures.upper()]
    if not values or any(v is None for v in values):
        return None
    numbers = [v for v in values if v is not None]
    return sum(
        -v if i + 1 < len(numbers) and v < numbers[i + 1] else v for i, v in enumerate(numbers)
    )


def spoken_year(grammar: TimeGrammar, words: str) -> int | None:
    """A year said in words: "nineteen ninety-six" is 1996, "two thousand one" 2001."""
    parts = [w for w in re.split(r"[\s-]+", words.lower()) if w not in _SPOKEN_FILLERS]
    if parts[:2] == ["two", "thousand"]:
        century, parts = 20, parts[2:]
    else:
        first = parse_number(grammar, parts[0]) if parts else None
        if first is None:
            return None
        century, parts = int(first), parts[1:]
    rest = [parse_number(grammar, w) for w in parts]
    if any(v is None for v in rest):
        return None
    return century * 100 + int(sum(v for v in rest if v is not None))


_SPOKEN_FILLERS = frozenset({"hundred", "and", "oh"})


def _month_week(
    grammar: TimeGrammar, match: re.Match[str], anchor: dt.date | None, direction: int
) -> TimeValue | None:
    """A week of a month: "the last week of March", "la primera semana de enero de 2024"."""
    month = grammar.value("month", match["month"])
    number = int(grammar.value("ordinal", match["ordinal"]) or 0)
    if month is None or not (1 <= number <= 4 or number == -1):
        return None
    if group(match, "year"):
        year = int(match["year"])
    elif anchor is not None:
        found = nearest_date(anchor, month, None, direction)
        if found is None:
            return None
        year = found[0]
    else:
        return None
    # As ISO does for years, a week is the month's when most of its days are: the first holds
    # the 4th, the last holds the day three before the month's end.
    last = calendar.monthrange(year, month)[1]
    day = dt.date(year, month, last - 3 if number == -1 else (number - 1) * 7 + 4)
    return TimeValue("DATE", iso_week(day), relative=not group(match, "year"))


def _holiday(
    grammar: TimeGrammar, match: re.Match[str], anchor: dt.date | None, direction: int
) -> TimeValue | None:
    """A holiday: "Thanksgiving Day", "la Toussaint", "Navidad de 2024", "last Christmas"."""
    rule = str(grammar.value("holiday", match["holiday"]) or "")
    if group(match, "year"):
        day = holiday_date(rule, int(match["year"]))
        return None if day is None else TimeValue("DATE", day.isoformat())
    if anchor is None:
        fixed = re.fullmatch(r"\d\d-\d\d", rule)
        return TimeValue("DATE", f"XXXX-{rule}") if fixed else None
    if group(match, "last"):
        direction = -1
    elif group(match, "next"):
        direction = 1
    explicit = bool(group(match, "last") or group(match, "next"))
    day = holiday_near(anchor, rule, direction, strict=explicit)
    if day is None:
        return None
    if group(match, "holiday_week"):  # "Easter week"
        return TimeValue("DATE", iso_week(day), relative=True)
    return TimeValue("DATE", day.isoformat(), relative=True)


def _half(
    grammar: TimeGrammar, match: re.Match[str], anchor: dt.date | None, direction: int
) -> TimeValue | None:
    """A half of a year: "le premier semestre 2025", "the last half of 1989"."""
    number = int(grammar.value("half", match["half"]) or 0)
    if not 1 <= number <= 2:
        return None
    if group(match, "year"):
        return TimeValue("DATE", f"{int(match['year']):04d}-H{number}")
    if anchor is None:
        return TimeValue("DATE", f"XXXX-H{number}")
    year = anchor.year
    if direction <= 0 and number > (1 if anchor.month <= 6 else 2):
        year -= 1  # "the second half" reported in March: last year's
    return TimeValue("DATE", f"{year:04d}-H{number}", relative=True)


def _relative(
    grammar: TimeGrammar,
    kind: str,
    match: re.Match[str],
    anchor: dt.date | None,
    direction: int,
    mod: str | None,
) -> TimeValue | None:
    """Weekdays, deictic words, shifted units, offsets, seasons and weekends."""
    part = grammar.value("part", group(match, "part") or "") or grammar.value(
        "deictic_part", group(match, "deictic") or ""
    )
    explicit = bool(group(match, "last") or group(match, "next"))
    if anchor is None:
        return _unanchored(grammar, kind, match, part)
    day: dt.date | None = None
    if kind == "weekday":
        weekday = int(grammar.value("weekday", match["weekday"]))
        day = weekday_date(anchor, weekday, direction, strict=explicit)
    elif kind == "deictic":
        offset = int(grammar.value("deictic", group(match, "deictic") or "") or 0)
        day = anchor + dt.timedelta(days=offset)
        if group(match, "hour"):
            clock = f"{int(match['hour']):02d}:{int(group(match, 'minute') or 0):02d}"
            return TimeValue("TIME", f"{day.isoformat()}T{clock}", relative=True)
    elif kind == "weekend":
        saturday = weekday_date(anchor, 6, direction, strict=explicit)
        return TimeValue("DATE", f"{iso_week(saturday)}-WE", mod, relative=True)
    elif kind == "season":
        code = grammar.value("season", match["season"])
        year = int(match["year"]) if group(match, "year") else anchor.year + direction * explicit
        return TimeValue("DATE", f"{year:04d}-{code}", mod, relative=not group(match, "year"))
    elif kind in ("shift", "offset"):
        unit = grammar.value("unit", match["unit"])
        if unit is None:
            return None
        if kind == "offset" and group(match, "vague"):  # "hace unas horas", "il y a quelques jours"
            return TimeValue("DATE", anchor.isoformat() if is_time_unit(unit) else "PAST_REF")
        if is_time_unit(unit):
            return None
        if kind == "shift" and normalize(match["unit"]) in grammar.words["plural_units"]:
            return TimeValue("DURATION", duration_value(None, unit), mod)  # "ces derniers jours"
        if kind == "offset":
            count = parse_number(grammar, match["number"])
            if count is None or not float(count).is_integer():
                return None
            sign = -1 if (group(match, "ago") or group(match, "ago_after")) else 1
            steps = sign * int(count)
            if unit == "W":  # "il y a une semaine", "two weeks ago": a day
                moved = add_units(anchor, unit, steps)
                return (
                    None if moved is None else TimeValue("DATE", moved.isoformat(), relative=True)
                )
        elif group(match, "last"):
            steps = -1
        elif group(match, "next"):
            steps = 1
        elif group(match, "this") or group(match, "mod"):
            steps = 0
        else:  # "the quarter": the one being reported on, before the anchor's when in the past
            steps = -1 if direction < 0 else 0
        value = shifted_value(anchor, unit, steps)
        return None if value is None else TimeValue("DATE", value, mod, relative=True)
    if day is None:
        return None
    if part:
        return TimeValue("TIME", f"{day.isoformat()}T{part}", mod, relative=True)
    return TimeValue("DATE", day.isoformat(), mod, relative=True)


def _unanchored(
    grammar: TimeGrammar, kind: str, match: re.Match[str], part: str | None
) -> TimeValue | None:
    """Values of relative expressions when there is no anchor date: unknown digits stay X."""
    suffix = f"T{part}" if part else ""
    if kind == "weekday":
        weekday = grammar.value("weekday", match["weekday"])
        return TimeValue("DATE", f"XXXX-WXX-{weekday}{suffix}")
    if kind == "season":
        year = match["year"] if group(match, "year") else "XXXX"
        return TimeValue("DATE", f"{year}-{grammar.value('season', match['season'])}")
    if kind == "weekend":
        return TimeValue("DATE", "XXXX-WXX-WE")
    if kind in ("deictic", "shift", "offset"):
        return TimeValue("DATE", "XXXX-XX-XX" + suffix)
    return None


__all__ = ["TimeValue", "normalize_expression"]
