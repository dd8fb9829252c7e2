"""Statistical methods and the working-day calendar used by the indicators.

- ``wilson``: Wilson score interval for a proportion.
- ``byars``: a rate per ``per`` population with Byar's approximation to the exact Poisson interval.
- ``working_days``: working days between two dates, counted as the DfE CIN validator does.
- ``add_working_days``: the date N working days after another (statutory deadlines).
"""

from __future__ import annotations

import csv
import datetime as dt
import math
from functools import cache
from importlib import resources

REFERENCE_PACKAGE = "lineofsight.indicators.reference"


def wilson(numerator: float, denominator: float, z: float = 1.96) -> tuple[float, float]:
    """Wilson score interval for ``numerator / denominator``, as proportions (0 to 1).

    Raises ``ValueError`` when the denominator is not positive or the numerator is outside it.
    """
    if denominator <= 0:
        raise ValueError("a proportion needs a positive denominator")
    if not 0 <= numerator <= denominator:
        raise ValueError("the numerator of a proportion must lie between 0 and the denominator")
    p = numerator / denominator
    z2 = z * z
    scale = 1 + z2 / denominator
    centre = (p + z2 / (2 * denominator)) / scale
    half_width = (z / scale) * math.sqrt(
        p * (1 - p) / denominator + z2 / (4 * denominator * denominator)
    )
    return max(0.0, centre - half_width), min(1.0, centre + half_width)


def byars(
    count: float, population: float, per: float = 10_000, z: float = 1.96
) -> tuple[float, float, float]:
    """Rate per ``per`` people with Byar's 95% interval: ``(rate, low, high)``.

    Lower count: O * (1 - 1/(9O) - z/(3 sqrt O))^3 (0 when O = 0);
    upper count: (O+1) * (1 - 1/(9(O+1)) + z/(3 sqrt(O+1)))^3; both scaled by per / population.
    """
    if population <= 0:
        raise ValueError("a rate needs a positive population")
    if count < 0:
        raise ValueError("a rate needs a non-negative count")
    scale = per / population
    if count == 0:
        low_count = 0.0
    else:
        low_count = count * (1 - 1 / (9 * count) - z / (3 * math.sqrt(count))) ** 3
    upper = count + 1
    high_count = upper * (1 - 1 / (9 * upper) + z / (3 * math.sqrt(upper))) ** 3
    return count * scale, low_count * scale, high_count * scale


@cache
def bank_holidays() -> frozenset[dt.date]:
    """England's bank holidays from ``reference/bank_holidays_england.csv``."""
    text = resources.files(REFERENCE_PACKAGE).joinpath("bank_holidays_england.csv").read_text()
    rows = csv.DictReader(text.splitlines())
    return frozenset(dt.date.fromisoformat(row["date"]) for row in rows)


@cache
def calendar_years() -> tuple[int, int]:
    """The first and last calendar year the bank holiday file covers."""
    years = sorted({day.year for day in bank_holidays()})
    return years[0], years[-1]


def is_working_day(day: dt.date) -> bool:
    """Monday to Friday and not an England bank holiday."""
    return day.weekday() < 5 and day not in bank_holidays()


def working_days(start: dt.date, end: dt.date) -> int:
    """Working days from ``start`` to ``end`` as the DfE CIN validator counts them.

    The validator (csc-validator-be-cin, ``england_working_days``) takes "N working days" as a
    custom business-day offset of N - 1 with England's bank holidays, so that the end date counts
    as day 1: an assessment authorised on the day of the referral took 1 working day, and one
    authorised 44 working days after a referral made on a working day took 45.  Here: the working
    days in [start, end) plus 1 for the end date.  "Within 45 working days" is
    ``working_days(referral, authorisation) <= 45``.  Dates outside the years of the bank
    holiday file raise ``ValueError``; ``end`` before ``start`` raises too.
    """
    if end < start:
        raise ValueError("end is before start")
    first, last = calendar_years()
    if start.year < first or end.year > last:
        raise ValueError(f"working days are known for {first}-{last} only")
    count = 0
    day = start
    while day < end:
        if is_working_day(day):
            count += 1
        day += dt.timedelta(days=1)
    return count + 1


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The date ``days`` working days after ``start``, ``start`` itself being day 0.

    This is the statutory-deadline reading ("within 5 working days of becoming aware"): the
    first working day after ``start`` is day 1, whatever ``start`` is.  It is the same
    calendar as ``working_days`` but not its count: the DfE validator convention there counts
    the start date too, so for a ``start`` that is a working day
    ``working_days(start, add_working_days(start, n)) == n + 1``.  ``days`` of 0 or less
    gives ``start``.  Dates outside the years of the bank holiday file raise ``ValueError``.
    """
    first, last = calendar_years()
    day = start
    while True:
        if not first <= day.year <= last:
            raise ValueError(f"working days are known for {first}-{last} only")
        if days <= 0:
            return day
        day += dt.timedelta(days=1)
        if is_working_day(day):
            days -= 1


def working_day_index(first: dt.date, last: dt.date) -> list[tuple[dt.date, int]]:
    """Every date from ``first`` to ``last`` with the number of working days before it.

    ``index[end] - index[start] + 1`` equals ``working_days(start, end)``; the engine joins this
    table in SQL to count working days without a Python loop per record.
    """
    rows: list[tuple[dt.date, int]] = []
    before = 0
    day = first
    while day <= last:
        rows.append((day, before))
        if is_working_day(day):
            before += 1
        day += dt.timedelta(days=1)
    return rows
