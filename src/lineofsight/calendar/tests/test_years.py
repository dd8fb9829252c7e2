"""The partnership's own year: labels, quarters, and which year a day falls in."""

from __future__ import annotations

import datetime as dt

import pytest

from lineofsight.calendar import years

D = dt.date


def test_an_april_year_and_its_quarters():
    year = years.year_starting(2026, 4)
    assert (year.label, year.start, year.end) == ("2026-27", D(2026, 4, 1), D(2027, 3, 31))
    assert [(q.label, q.start, q.end) for q in years.quarters(2026, 4)] == [
        ("Q1 2026-27", D(2026, 4, 1), D(2026, 6, 30)),
        ("Q2 2026-27", D(2026, 7, 1), D(2026, 9, 30)),
        ("Q3 2026-27", D(2026, 10, 1), D(2026, 12, 31)),
        ("Q4 2026-27", D(2027, 1, 1), D(2027, 3, 31)),
    ]


def test_a_calendar_year_and_a_september_year():
    assert years.year_starting(2026, 1) == years.Span("2026", D(2026, 1, 1), D(2026, 12, 31))
    assert years.year_starting(1999, 9) == years.Span("1999-00", D(1999, 9, 1), D(2000, 8, 31))
    assert years.quarters(2026, 12)[1] == years.Span("Q2 2026-27", D(2027, 3, 1), D(2027, 5, 31))


@pytest.mark.parametrize(
    ("day", "month", "start_year"),
    [(D(2026, 3, 31), 4, 2025), (D(2026, 4, 1), 4, 2026), (D(2026, 1, 1), 1, 2026),
     (D(2026, 8, 31), 9, 2025)],
)  # fmt: skip
def test_the_year_a_day_falls_in(day, month, start_year):
    assert years.start_year_of(day, month) == start_year
    span = years.year_of(day, month)
    assert span.start <= day <= span.end


def test_month_ends_and_a_wrong_month():
    assert years.month_end_after(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert years.month_end_after(D(2026, 12, 31), 1) == D(2027, 1, 31)
    with pytest.raises(ValueError, match="not 13"):
        years.year_starting(2026, 13)


@pytest.mark.parametrize(
    ("day", "year"),
    [(D(2021, 3, 31), 2020), (D(2021, 4, 1), 2021), (D(2021, 12, 31), 2021), (D(2022, 1, 1), 2021)],
)
def test_the_april_reporting_year_of_a_day(day, year):
    assert years.reporting_year(day) == year


def test_the_april_reporting_year_bounds_and_label():
    assert years.reporting_year_bounds(2020) == (D(2020, 4, 1), D(2021, 3, 31))
    assert years.reporting_year_bounds(2023) == (D(2023, 4, 1), D(2024, 3, 31))
    assert years.reporting_year_label(2020) == "2020-21"
    assert years.reporting_year_label(1999) == "1999-00"
