"""The statistics as people see them: each ``disclosure.Table`` exact for the LADO roles and
through ``disclosure.protect`` for everyone else; the CSV/Excel rows (one a cell) and the
accessible SVG charts (``charts.benchmark_chart``), drawn from the shown figures only."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from lineofsight import disclosure
from lineofsight.disclosure import Protected, Table
from lineofsight.lado import statistics
from lineofsight.lado.statistics import Facts, year_bounds, year_label


def shown(table: Table, *, exact: bool) -> Protected:
    return disclosure.unprotected(table) if exact else disclosure.protect(table)


@dataclass
class Page:
    year: int
    years: list[int]
    over_years: list[Protected]  # year-on-year, consultations
    period: list[Protected]  # the year's breakdowns
    charts: list[str]


def page(
    facts: Facts, year: int, years: Sequence[int], trend: Sequence[int], *, exact: bool
) -> Page:
    """``years``: those with records (consultations, breakdowns); ``trend``: the year-on-year
    table's, which adds the years entered from earlier reports."""
    start, end = year_bounds(year)
    over = [
        shown(statistics.year_on_year(facts, trend), exact=exact),
        shown(statistics.consultations(facts, years), exact=exact),
    ]
    period = [shown(t, exact=exact) for t in statistics.period_tables(facts, start, end)]
    return Page(year, list(years), over, period, charts(over[0]))


def charts(year_on_year: Protected) -> list[str]:
    """Referrals and those meeting the threshold by year; the share meeting it (oldest first)."""
    from lineofsight.charts import benchmark_chart

    table = year_on_year.table
    order = list(range(len(table.row_labels)))[::-1]
    labels = [table.row_labels[r] for r in order]

    def series(column: int) -> list[float | None]:
        return [year_on_year.value((r, column)) for r in order]

    return [
        benchmark_chart(
            labels,
            [("Referrals", series(0)), ("Met threshold", series(1))],
            title="LADO referrals and those meeting the harm threshold, by year",
            description="The number of referrals received by the LADO and the number meeting "
            "the harm threshold in each reporting year. The figures are in the table below.",
            chart_id="lado-counts",
        ),
        benchmark_chart(
            labels,
            [("% met threshold", series(2))],
            title="Share of LADO referrals meeting the harm threshold, by year",
            description="The percentage of referrals received that met the harm threshold in "
            "each reporting year. The figures are in the table below.",
            unit_suffix="%",
            chart_id="lado-share",
        ),
    ]


EXPORT_HEADER = ["Period", "Table", "Row", "Column", "Value"]


def export_rows(
    facts: Facts, years: Sequence[int], trend: Sequence[int], *, exact: bool
) -> list[list[Any]]:
    """Every table of every year, one row a cell, as shown to this reader."""
    rows: list[list[Any]] = []
    span = f"{year_label(min(trend))} to {year_label(max(trend))}"
    rows += _cells(span, shown(statistics.year_on_year(facts, trend), exact=exact))
    span = f"{year_label(min(years))} to {year_label(max(years))}"
    rows += _cells(span, shown(statistics.consultations(facts, years), exact=exact))
    for year in years:
        start, end = year_bounds(year)
        for table in statistics.period_tables(facts, start, end):
            rows += _cells(year_label(year), shown(table, exact=exact))
    return rows


def _cells(period: str, protected: Protected) -> list[list[Any]]:
    table = protected.table
    return [
        [period, table.title, label, column, protected.shown[r][c]]
        for r, label in enumerate(table.row_labels)
        for c, column in enumerate(table.columns)
    ]


def default_year(years: Sequence[int], today: dt.date) -> int:
    """The latest complete reporting year (the current one is part-way), else the current."""
    current = statistics.reporting_year(today)
    complete = [y for y in years if y < current]
    return max(complete) if complete else current
