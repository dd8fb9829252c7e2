"""The partnership's own year: a financial year starting on the 1st of a chosen month.

DfE measures always use April to March (``indicators.periods``); the partnership's own business
(its return schedule, funding, training year) follows the month the administrator chose on
Administration > Financial year (``Partnership.financial_year_start_month``, April by default).

A year is named by the calendar year it starts in: ``year_label(2026, 4)`` is "2026-27";
a year starting in January is just "2026".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    label: str
    start: dt.date
    end: dt.date  # inclusive


def _month_start(year: int, month: int) -> dt.date:
    """The 1st of ``month`` of ``year``, where month may run past 12 (13 is next January)."""
    year, month0 = divmod(year * 12 + month - 1, 12)
    return dt.date(year, month0 + 1, 1)


def _check(start_month: int) -> None:
    if not 1 <= start_month <= 12:
        raise ValueError(f"A year starts in a month from 1 to 12, not {start_month}")


def year_label(start_year: int, start_month: int) -> str:
    _check(start_month)
    return str(start_year) if start_month == 1 else f"{start_year}-{(start_year + 1) % 100:02d}"


def year_starting(start_year: int, start_month: int) -> Span:
    """The year that starts on 1 ``start_month`` ``start_year``."""
    _check(start_month)
    start = _month_start(start_year, start_month)
    end = _month_start(start_year, start_month + 12) - dt.timedelta(days=1)
    return Span(year_label(start_year, start_month), start, end)


def start_year_of(day: dt.date, start_month: int) -> int:
    """The calendar year in which the year holding ``day`` started."""
    _check(start_month)
    return day.year if day.month >= start_month else day.year - 1


def year_of(day: dt.date, start_month: int) -> Span:
    return year_starting(start_year_of(day, start_month), start_month)


def quarters(start_year: int, start_month: int) -> list[Span]:
    """The four quarters of the year, labelled "Q1 2026-27" ... "Q4 2026-27"."""
    label = year_label(start_year, start_month)
    out = []
    for q in range(4):
        start = _month_start(start_year, start_month + 3 * q)
        end = _month_start(start_year, start_month + 3 * q + 3) - dt.timedelta(days=1)
        out.append(Span(f"Q{q + 1} {label}", start, end))
    return out


def month_end_after(day: dt.date, months: int) -> dt.date:
    """The last day of the month ``months`` months after ``day``'s month (0: its own month)."""
    return _month_start(day.year, day.month + months + 1) - dt.timedelta(days=1)


# The April-to-March reporting year of national statistics (child deaths, LADO annual reports).
APRIL = 4


def reporting_year(day: dt.date) -> int:
    """The April-to-March year holding ``day``, named by the year it starts in: 1 April 2020 to
    31 March 2021 is 2020."""
    return start_year_of(day, APRIL)


def reporting_year_bounds(year: int) -> tuple[dt.date, dt.date]:
    """1 April ``year`` and 31 March of the next year."""
    span = year_starting(year, APRIL)
    return span.start, span.end


def reporting_year_label(year: int) -> str:
    """``2020`` -> ``"2020-21"``."""
    return year_label(year, APRIL)
