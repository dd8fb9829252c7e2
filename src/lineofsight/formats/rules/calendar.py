"""Working days for the rules: England's weekends and bank holidays (shared with indicators)."""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

from lineofsight.indicators.methods import bank_holidays


def is_weekend(day: date) -> bool:
    return day.weekday() >= 5


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in bank_holidays()


@cache
def working_days_before(day: date, days: int) -> date:
    """The date ``days`` working days before ``day`` (``day`` itself not counted).

    The DfE validators take "N working days before the reference date" as the reference date
    minus a business-day offset of N with England's bank holidays; a weekend or holiday
    reference date first rolls back to the working day before it, as that offset does.
    """
    current = day
    while days > 0:
        current -= timedelta(days=1)
        if is_working_day(current):
            days -= 1
    return current
