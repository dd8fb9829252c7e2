"""Reporting periods: calendar months, financial-year quarters, financial years (April to March)
and the snapshot at 31 March.

Labels: month "2021-04", quarter "2021-22 Q1" (April to June 2021), financial year "2020-21",
snapshot "2021-03-31".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from lineofsight.calendar import years

PeriodType = Literal["month", "quarter", "financial_year", "snapshot"]
PERIOD_TYPES: tuple[PeriodType, ...] = ("month", "quarter", "financial_year", "snapshot")


@dataclass(frozen=True, order=True)
class Period:
    """A reporting period: inclusive ``start`` and ``end`` dates."""

    start: dt.date
    end: dt.date
    period_type: PeriodType
    label: str

    @property
    def financial_year_ending(self) -> int:
        """The year the financial year holding the period's end finishes in (2021 for 2020-21)."""
        return financial_year_ending(self.end)


def financial_year_ending(day: dt.date) -> int:
    """2021 for any date from 1 April 2020 to 31 March 2021."""
    return day.year + 1 if day.month >= 4 else day.year


def _fy_label(start_year: int) -> str:
    return f"{start_year}-{(start_year + 1) % 100:02d}"


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def month(year: int, month_number: int) -> Period:
    """The calendar month, e.g. ``month(2021, 4)`` labelled "2021-04"."""
    start = dt.date(year, month_number, 1)
    return Period(start, _month_end(year, month_number), "month", f"{year}-{month_number:02d}")


def quarter(fy_start_year: int, number: int) -> Period:
    """Quarter 1-4 of the financial year starting in April of ``fy_start_year``."""
    if number not in (1, 2, 3, 4):
        raise ValueError("a quarter is numbered 1 to 4")
    first_month = 4 + 3 * (number - 1)
    year = fy_start_year + (first_month - 1) // 12
    month_number = (first_month - 1) % 12 + 1
    start = dt.date(year, month_number, 1)
    end_month = month_number + 2
    end = _month_end(year, end_month)
    return Period(start, end, "quarter", f"{_fy_label(fy_start_year)} Q{number}")


def financial_year(fy_start_year: int) -> Period:
    """1 April ``fy_start_year`` to 31 March of the next year, labelled e.g. "2020-21"."""
    start = dt.date(fy_start_year, 4, 1)
    end = dt.date(fy_start_year + 1, 3, 31)
    return Period(start, end, "financial_year", _fy_label(fy_start_year))


def snapshot(fy_end_year: int) -> Period:
    """The single day 31 March of ``fy_end_year``."""
    day = dt.date(fy_end_year, 3, 31)
    return Period(day, day, "snapshot", day.isoformat())


def months_between(first: dt.date, last: dt.date) -> list[Period]:
    """Every calendar month touching ``first`` to ``last``, in order."""
    result: list[Period] = []
    year, month_number = first.year, first.month
    while dt.date(year, month_number, 1) <= last:
        result.append(month(year, month_number))
        year, month_number = (year + 1, 1) if month_number == 12 else (year, month_number + 1)
    return result


def financial_years(first_start_year: int, last_start_year: int) -> list[Period]:
    """Financial years from ``first_start_year``-.. to ``last_start_year``-.. inclusive."""
    return [financial_year(year) for year in range(first_start_year, last_start_year + 1)]


def own_quarters(start_year: int, start_month: int) -> list[Period]:
    """The quarters of a partnership's own year (``calendar.years``) starting on 1
    ``start_month`` ``start_year``, labelled like financial-year quarters: "2021-22 Q1", or
    "2021 Q1" for a year starting in January.  With April they are ``quarter``'s quarters."""
    spans = years.quarters(start_year, start_month)
    label = years.year_label(start_year, start_month)
    return [
        Period(span.start, span.end, "quarter", f"{label} Q{number}")
        for number, span in enumerate(spans, start=1)
    ]


def all_periods(
    first_start_year: int, last_start_year: int, quarter_start_month: int = 4
) -> list[Period]:
    """Months, quarters, financial years and 31 March snapshots of the financial years given;
    the quarters are those of the partnership's own year starting in ``quarter_start_month``
    of each of those years (April: the financial-year quarters)."""
    periods: list[Period] = []
    for year in range(first_start_year, last_start_year + 1):
        periods += months_between(dt.date(year, 4, 1), dt.date(year + 1, 3, 31))
        periods += own_quarters(year, quarter_start_month)
        periods += [financial_year(year), snapshot(year + 1)]
    return periods


_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-(\d{2}) Q([1-4])$")
_YEAR = re.compile(r"^(\d{4})-(\d{2})$")
_SNAPSHOT = re.compile(r"^(\d{4})-03-31$")


def parse_period(label: str) -> Period:
    """The period a label names: "2021-04", "2021-22 Q1", "2020-21" or "2021-03-31".

    "2020-21" is read as a financial year when the second part is the next year's last two
    digits and cannot be a month; "2011-12" is therefore December 2011 (build the financial year
    with ``financial_year(2011)``).
    """
    if found := _SNAPSHOT.match(label):
        return snapshot(int(found.group(1)))
    if found := _QUARTER.match(label):
        return quarter(int(found.group(1)), int(found.group(3)))
    if found := _YEAR.match(label):
        start_year, second = int(found.group(1)), int(found.group(2))
        if second == (start_year + 1) % 100 and not 1 <= second <= 12:
            return financial_year(start_year)
        if 1 <= second <= 12:
            return month(start_year, second)
    raise ValueError(f"not a period label: {label!r}")


def describe(period: Period) -> str:
    """Words for a sentence: "April 2020", "2021-22 Q1", "2020-21", "31 March 2021"."""
    if period.period_type == "month":
        return period.start.strftime("%B %Y")
    if period.period_type == "snapshot":
        return f"{period.end.day} {period.end.strftime('%B %Y')}"
    return period.label
