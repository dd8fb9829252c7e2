"""Dates for safeguarding work: England and Wales working days and the statutory timescales.

A pure package (no Django import), used by the Django apps, the indicator engine and the
synthetic data generator alike, so there is one calendar and one set of timescales:

- ``workdays``: the bank holiday table (shipped for 1990-2060, extendable by
  ``LINEOFSIGHT_BANK_HOLIDAYS``) and the two counting conventions, ``working_days_dfe``
  (end date is day 1) and ``add_working_days`` (start date is day 0).
- ``timescales``: every statutory or national timescale as a named ``Timescale`` with its source.
- ``rules``: the standing bank holiday rules and one-off days that write the table.
"""

from lineofsight.calendar.workdays import (
    YearNotCovered,
    add_working_days,
    bank_holidays,
    covered_years,
    is_working_day,
    next_working_day,
    subtract_working_days,
    working_day_index,
    working_days_dfe,
)

__all__ = [
    "YearNotCovered",
    "add_working_days",
    "bank_holidays",
    "covered_years",
    "is_working_day",
    "next_working_day",
    "subtract_working_days",
    "working_day_index",
    "working_days_dfe",
]
