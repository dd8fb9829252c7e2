"""England and Wales working days: the bank holiday table and the two counting conventions.

The table is ``bank_holidays_england_wales.csv`` beside this file (written from ``rules.py``,
checked against it by the tests), 1990-2060.  Years after the current one are projected
from the standing rules: when a one-off day is announced, add it to ``rules.ONE_OFF`` and
regenerate, or list it in a deployment's own file.
A deployment adds rows, for a year beyond the table or a newly
announced one-off day, in a CSV of the same shape (``date,name``) named by the environment
variable ``LINEOFSIGHT_BANK_HOLIDAYS``; a year with any row there counts as known, so list all of
that year's holidays.  Asking about a date in a year the table does not know raises
``YearNotCovered`` naming the year: never a silent guess.

Two conventions, both used in children's services, named so that nobody mixes them up:

- ``working_days_dfe(start, end)``: the DfE CIN validator's elapsed count, *the end date counts
  as day 1* ("assessment within 45 working days" is ``working_days_dfe(referral, auth) <= 45``).
- ``add_working_days(start, n)``: the deadline reading, *the start date is day 0* ("notify within
  5 working days of becoming aware" is due on ``add_working_days(aware_on, 5)``).

For a ``start`` that is a working day, ``working_days_dfe(start, add_working_days(start, n))``
is ``n + 1``.  Pure Python: no Django import.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
from functools import cache
from importlib import resources
from pathlib import Path

TABLE = "bank_holidays_england_wales.csv"
EXTRA_ENV = "LINEOFSIGHT_BANK_HOLIDAYS"
ONE_DAY = dt.timedelta(days=1)


class YearNotCovered(ValueError):
    """A date falls in a year whose bank holidays are not in the table."""

    def __init__(self, year: int, known: frozenset[int]) -> None:
        self.year = year
        span = f"{min(known)}-{max(known)}" if known else "no years"
        super().__init__(
            f"England and Wales bank holidays are not known for {year} (the table covers {span}):"
            f" add {year}'s dates to lineofsight/calendar/{TABLE}"
            f" (python -m lineofsight.calendar.rules) or to the CSV named by {EXTRA_ENV}"
        )


def _read(text: str, where: str) -> dict[dt.date, str]:
    rows: dict[dt.date, str] = {}
    for number, row in enumerate(csv.DictReader(text.splitlines()), start=2):
        try:
            rows[dt.date.fromisoformat(row["date"])] = row.get("name") or "Bank holiday"
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(
                f"{where} line {number}: expected date,name with an ISO date"
            ) from error
    return rows


@cache
def bank_holiday_names() -> dict[dt.date, str]:
    """Every known bank holiday with its name (shipped table plus ``LINEOFSIGHT_BANK_HOLIDAYS``)."""
    rows = _read(resources.files(__package__).joinpath(TABLE).read_text(), TABLE)
    extra = os.environ.get(EXTRA_ENV)
    if extra:
        rows.update(_read(Path(extra).read_text(), extra))
    return dict(sorted(rows.items()))


@cache
def bank_holidays() -> frozenset[dt.date]:
    return frozenset(bank_holiday_names())


@cache
def known_years() -> frozenset[int]:
    return frozenset(day.year for day in bank_holidays())


def covered_years() -> tuple[int, int]:
    """The first and last year of the table (every year between them is known)."""
    years = known_years()
    return min(years), max(years)


def reload() -> None:
    """Forget the loaded table (after changing ``LINEOFSIGHT_BANK_HOLIDAYS``, e.g. in a test)."""
    for function in (bank_holiday_names, bank_holidays, known_years, _index):
        function.cache_clear()


def check_year(day: dt.date) -> None:
    if day.year not in known_years():
        raise YearNotCovered(day.year, known_years())


def is_working_day(day: dt.date) -> bool:
    """Monday to Friday and not an England and Wales bank holiday."""
    check_year(day)
    return day.weekday() < 5 and day not in bank_holidays()


def next_working_day(day: dt.date) -> dt.date:
    """``day`` itself if it is a working day, else the next one."""
    while not is_working_day(day):
        day += ONE_DAY
    return day


@cache
def _index() -> tuple[int, list[int], list[int]]:
    """(first ordinal, working-day ordinals, working days up to and including each day)."""
    first, last = covered_years()
    start, end = dt.date(first, 1, 1).toordinal(), dt.date(last, 12, 31).toordinal()
    holidays = {day.toordinal() for day in bank_holidays()}
    ordinals: list[int] = []
    counts: list[int] = []
    for ordinal in range(start, end + 1):
        if ordinal % 7 not in (0, 6) and ordinal not in holidays:  # ordinal % 7: 0 Sun, 6 Sat
            ordinals.append(ordinal)
        counts.append(len(ordinals))
    return start, ordinals, counts


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The deadline ``days`` working days after ``start``; *``start`` is day 0*.

    The first working day after ``start`` is day 1, whatever ``start`` is; ``days`` of 0 or less
    gives ``start``.  Raises ``YearNotCovered`` if ``start`` or the answer is beyond the table.
    """
    check_year(start)
    if days <= 0:
        return start
    first, ordinals, counts = _index()
    position = counts[start.toordinal() - first] + days - 1
    if position >= len(ordinals):
        raise YearNotCovered(covered_years()[1] + 1, known_years())
    answer = dt.date.fromordinal(ordinals[position])
    check_year(answer)
    return answer


def subtract_working_days(end: dt.date, days: int) -> dt.date:
    """The working day ``days`` working days before ``end`` (``end`` is day 0; inverse of add)."""
    check_year(end)
    day = end
    while days > 0:
        day -= ONE_DAY
        days -= is_working_day(day)
    return day


def working_days_dfe(start: dt.date, end: dt.date) -> int:
    """Working days from ``start`` to ``end`` as the DfE CIN validator counts them.

    The validator (csc-validator-be-cin, ``england_working_days``) takes "N working days" as a
    business-day offset of N - 1, so *the end date counts as day 1*: an assessment authorised on
    the day of the referral took 1 working day.  Here: the working days in [start, end) plus 1.
    ``end`` before ``start`` raises ``ValueError``; a year beyond the table ``YearNotCovered``.
    """
    if end < start:
        raise ValueError("end is before start")
    check_year(start)
    check_year(end)
    first, _, counts = _index()
    before_end = counts[end.toordinal() - first - 1] if end.toordinal() > first else 0
    before_start = counts[start.toordinal() - first - 1] if start.toordinal() > first else 0
    return before_end - before_start + 1


def working_day_index(first: dt.date, last: dt.date) -> list[tuple[dt.date, int]]:
    """Every date from ``first`` to ``last`` with the number of working days before it.

    ``index[end] - index[start] + 1`` equals ``working_days_dfe(start, end)``; the indicator engine
    joins this table in SQL to count working days without a Python loop per record.
    """
    rows: list[tuple[dt.date, int]] = []
    before = 0
    day = first
    while day <= last:
        rows.append((day, before))
        before += is_working_day(day)
        day += ONE_DAY
    return rows
