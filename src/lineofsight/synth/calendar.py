"""England working days (bank holidays computed from the statutory rules plus one-off days)."""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

ONE_DAY = timedelta(days=1)

# One-off or moved bank holidays in England (gov.uk).
_SPECIAL = {
    2011: [date(2011, 4, 29)],
    2012: [date(2012, 6, 4), date(2012, 6, 5)],
    2020: [date(2020, 5, 8)],
    2022: [date(2022, 6, 2), date(2022, 6, 3), date(2022, 9, 19)],
    2023: [date(2023, 5, 8)],
}
_MOVED_SPRING = {2012, 2022}
_MOVED_EARLY_MAY = {1995, 2020}


def _easter(year: int) -> date:
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    lx = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * lx) // 451
    month = (h + lx - 7 * m + 114) // 31
    day = (h + lx - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def _first_monday(year: int, month: int) -> date:
    d = date(year, month, 1)
    return d + timedelta(days=(7 - d.weekday()) % 7)


def _last_monday(year: int, month: int) -> date:
    d = date(year + (month == 12), month % 12 + 1, 1) - ONE_DAY
    return d - timedelta(days=d.weekday())


def _substitute(d: date, taken: set[date]) -> date:
    while d.weekday() >= 5 or d in taken:
        d += ONE_DAY
    return d


@cache
def bank_holidays(year: int) -> frozenset[date]:
    days: set[date] = set()
    days.add(_substitute(date(year, 1, 1), days))
    easter = _easter(year)
    days.update({easter - 2 * ONE_DAY, easter + ONE_DAY})
    if year not in _MOVED_EARLY_MAY:
        days.add(_first_monday(year, 5))
    if year not in _MOVED_SPRING:
        days.add(_last_monday(year, 5))
    days.add(_last_monday(year, 8))
    christmas = _substitute(date(year, 12, 25), days)
    days.add(christmas)
    days.add(_substitute(date(year, 12, 26), days))
    days.update(_SPECIAL.get(year, []))
    return frozenset(days)


def is_working_day(d: date) -> bool:
    return d.weekday() < 5 and d not in bank_holidays(d.year)


def next_working_day(d: date) -> date:
    while not is_working_day(d):
        d += ONE_DAY
    return d


_FIRST, _LAST = date(1990, 1, 1).toordinal(), date(2045, 12, 31).toordinal()


@cache
def _working_day_index() -> tuple[list[int], list[int]]:
    """Working-day ordinals, and for each calendar day the number of working days up to it."""
    ordinals: list[int] = []
    counts: list[int] = []
    for ordinal in range(_FIRST, _LAST + 1):
        if is_working_day(date.fromordinal(ordinal)):
            ordinals.append(ordinal)
        counts.append(len(ordinals))
    return ordinals, counts


def add_working_days(start: date, days: int) -> date:
    """The working day ``days`` working days after ``start`` (``start`` itself not counted)."""
    ordinals, counts = _working_day_index()
    offset = start.toordinal() - _FIRST
    if days <= 0 or not 0 <= offset < len(counts):
        d = start
        while days > 0:
            d += ONE_DAY
            if is_working_day(d):
                days -= 1
        return d
    return date.fromordinal(ordinals[counts[offset] + days - 1])
