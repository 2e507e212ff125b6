"""Calendar arithmetic for TIMEX3 values: shifting an anchor date by units, at their granularity.

Unit codes are those of ``times.toml``: ``S``, ``TM`` (minutes), ``H``, ``D``, ``W``, ``M``,
``Q``, ``6M`` (half years), ``Y``, ``DE`` (decades), ``CE`` (centuries).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

_DURATION_UNITS = {
    "S": ("T", "S", 1),
    "TM": ("T", "M", 1),
    "H": ("T", "H", 1),
    "D": ("", "D", 1),
    "W": ("", "W", 1),
    "M": ("", "M", 1),
    "Q": ("", "Q", 1),
    "6M": ("", "M", 6),
    "Y": ("", "Y", 1),
    "DE": ("", "Y", 10),
    "CE": ("", "Y", 100),
}
_HALF_YEAR = 183
_WIDE_YEAR = 300
"""How far the tense may send a day when no nearer one lies its way (about ten months)."""
_MONTHS_IN = {"M": 1, "Q": 3, "6M": 6, "Y": 12, "DE": 120, "CE": 1200}


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, the day of month clipped to the target month's length."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def add_units(day: dt.date, unit: str, count: int) -> dt.date | None:
    """``day`` moved by ``count`` units (None for units shorter than a day, or out of range)."""
    try:
        if unit == "D":
            return day + dt.timedelta(days=count)
        if unit == "W":
            return day + dt.timedelta(weeks=count)
        if unit in _MONTHS_IN:
            return add_months(day, count * _MONTHS_IN[unit])
    except (OverflowError, ValueError):
        return None
    return None


def iso_week(day: dt.date) -> str:
    """The ISO week of a day: ``2025-W48``."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def quarter(day: dt.date) -> int:
    """The quarter of the year a day falls in (1–4)."""
    return (day.month - 1) // 3 + 1


def unit_value(day: dt.date, unit: str) -> str | None:
    """The TIMEX3 value of the unit that holds ``day``: its day, week, month, quarter, year…"""
    if unit == "D":
        return day.isoformat()
    if unit == "W":
        return iso_week(day)
    if unit == "M":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "Q":
        return f"{day.year:04d}-Q{quarter(day)}"
    if unit == "6M":
        return f"{day.year:04d}-H{1 if day.month <= 6 else 2}"
    if unit == "Y":
        return f"{day.year:04d}"
    if unit == "DE":
        return f"{day.year // 10:03d}"
    if unit == "CE":
        return f"{day.year // 100:02d}"
    return None


def shifted_value(anchor: dt.date, unit: str, count: int) -> str | None:
    """The value of the unit ``count`` units away from the anchor's ("last week": -1, "W")."""
    moved = add_units(anchor, unit, count)
    return None if moved is None else unit_value(moved, unit)


def duration_value(count: float | None, unit: str) -> str:
    """A TIMEX3 duration: ``P103D``, ``PT3H``, ``P10Y`` for a decade; ``PXD`` when vague."""
    time, code, factor = _DURATION_UNITS[unit]
    if count is None:
        return f"P{time}X{code}"
    amount = count * factor
    shown = str(int(amount)) if float(amount).is_integer() else f"{amount:g}"
    return f"P{time}{shown}{code}"


def nearest_date(
    anchor: dt.date, month: int, day: int | None, direction: int, near_only: bool = True
) -> tuple[int, int] | None:
    """The year (and day) of a month and day without a year, as seen from ``anchor``.

    ``direction`` -1 takes the latest one not after the anchor, +1 the first one not before it,
    0 the nearest. Without a day, the month is compared as a whole. With ``near_only``, a day
    more than half a year away is taken only when no nearer one exists or, when no near one lies
    the tense's way, when it lies that way within ten months ("the year ended March 31" in a
    November article is the last March); a month of another year than the anchor's only when it
    is less than half a year away.
    """
    candidates: list[tuple[dt.date, dt.date, int]] = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        if day is None:
            first = dt.date(year, month, 1)
            last = dt.date(year, month, calendar.monthrange(year, month)[1])
        else:
            try:
                first = last = dt.date(year, month, day)
            except ValueError:
                continue
        candidates.append((first, last, year))
    if not candidates:
        return None
    if day is not None and near_only:
        # A day more than half a year away is not meant when a nearer one is: tense is weak
        # evidence ("announced it would open on October 12" in an article of 4 October).
        near = [c for c in candidates if abs((c[0] - anchor).days) <= _HALF_YEAR]
        ahead = [c for c in candidates if 0 < direction * (c[0] - anchor).days <= _WIDE_YEAR]
        if direction and not any(direction * (c[0] - anchor).days >= 0 for c in near) and ahead:
            near = near + ahead  # the tense's way, when that day is within ten months
        candidates = near or candidates
    elif near_only:
        # A month of another year is meant only when it is less than half a year away: "the
        # minister announced the vote in September" in an article of August is this September.
        near = [c for c in candidates if c[2] == anchor.year or _gap(anchor, c) <= _HALF_YEAR]
        candidates = near or candidates
    if direction < 0:
        past = [c for c in candidates if c[0] <= anchor]
        chosen = max(past, key=lambda c: c[0]) if past else candidates[0]
    elif direction > 0:
        future = [c for c in candidates if c[1] >= anchor]
        chosen = min(future, key=lambda c: c[0]) if future else candidates[-1]
    else:

        def distance(c: tuple[dt.date, dt.date, int]) -> int:
            if c[0] <= anchor <= c[1]:
                return 0
            return min(abs((c[0] - anchor).days), abs((c[1] - anchor).days))

        chosen = min(candidates, key=lambda c: (distance(c), c[0] > anchor))
    return chosen[2], day or 0


def _gap(anchor: dt.date, candidate: tuple[dt.date, dt.date, int]) -> int:
    """Days between the anchor and a stretch of days (0 when the anchor is inside it)."""
    first, last, _year = candidate
    if first <= anchor <= last:
        return 0
    return min(abs((first - anchor).days), abs((last - anchor).days))


_FIXED_DAY = re.compile(r"(\d\d)-(\d\d)")
_EASTER = re.compile(r"easter([+-]\d+)?")
_NTH_WEEKDAY = re.compile(r"(\d\d):([1-7]):(-?[1-5])([+-]\d+)?")


def holiday_date(rule: str, year: int) -> dt.date | None:
    """The day of a holiday in a year, from its rule in the language's data.

    Rules: ``12-25`` (a fixed day), ``easter`` or ``easter+49`` (days from Easter Sunday),
    ``11:4:4`` (the fourth Thursday of November; ``05:1:-1`` the last Monday of May) with an
    optional shift in days (``11:1:1+1``, the Tuesday after the first Monday of November).
    """
    if fixed := _FIXED_DAY.fullmatch(rule):
        try:
            return dt.date(year, int(fixed[1]), int(fixed[2]))
        except ValueError:
            return None
    if easter := _EASTER.fullmatch(rule):
        return easter_sunday(year) + dt.timedelta(days=int(easter[1] or 0))
    if nth := _NTH_WEEKDAY.fullmatch(rule):
        month, weekday, count = int(nth[1]), int(nth[2]), int(nth[3])
        days = [
            dt.date(year, month, d)
            for d in range(1, calendar.monthrange(year, month)[1] + 1)
            if dt.date(year, month, d).isoweekday() == weekday
        ]
        return days[count - 1 if count > 0 else count] + dt.timedelta(days=int(nth[4] or 0))
    return None


def easter_sunday(year: int) -> dt.date:
    """Easter Sunday of a Gregorian year (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def holiday_near(anchor: dt.date, rule: str, direction: int, strict: bool) -> dt.date | None:
    """The holiday seen from ``anchor``: the last one (-1), the next one (+1) or the nearest (0).

    ``strict`` excludes the anchor's own day ("last Christmas" said on Christmas Day); without it
    the holidays less than half a year away are preferred, as for days of a month.
    """
    days = [
        d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := holiday_date(rule, y))
    ]
    near = [d for d in days if abs((d - anchor).days) <= _HALF_YEAR]
    if not strict and near:  # a tense does not send Easter a year back when it is a week away
        days = near
    before = [d for d in days if d < anchor or (d == anchor and not strict)]
    after = [d for d in days if d > anchor or (d == anchor and not strict)]
    chosen = max(before, default=None) if direction < 0 else None
    if direction > 0:
        chosen = min(after, default=None)
    if chosen is None and (direction == 0 or not strict):
        chosen = min(days, key=lambda d: abs((d - anchor).days), default=None)
    return chosen


def weekday_date(anchor: dt.date, weekday: int, direction: int, strict: bool) -> dt.date:
    """The date of a weekday (1 = Monday) seen from ``anchor`` in the given direction.

    ``strict`` excludes the anchor's own day ("last Friday" on a Friday is a week back).
    """
    back = (anchor.isoweekday() - weekday) % 7
    ahead = (weekday - anchor.isoweekday()) % 7
    if strict:
        back, ahead = back or 7, ahead or 7
    if direction < 0:
        return anchor - dt.timedelta(days=back)
    if direction > 0:
        return anchor + dt.timedelta(days=ahead)
    return anchor - dt.timedelta(days=back) if back <= ahead else anchor + dt.timedelta(days=ahead)


__all__ = [
    "add_months",
    "add_units",
    "duration_value",
    "easter_sunday",
    "holiday_date",
    "holiday_near",
    "iso_week",
    "nearest_date",
    "quarter",
    "shifted_value",
    "unit_value",
    "weekday_date",
]
