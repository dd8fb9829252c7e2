"""Every indicator for one financial year in one table (the board papers' workbook): each
indicator's headline figure and its breakdowns, rounded as the pages show them, with the
published benchmarks and the year's target beside them.

Analysts (``performance.manage``) get every figure; everyone else gets the published edition
through ``lineofsight.disclosure.protect``: counts of 1 to 5 are ``c``, a percentage or rate
built on one is ``c``, and a breakdown's counts are secondarily suppressed against their
indicator's total.  Published benchmarks are public figures and are shown as DfE published them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from lineofsight import disclosure
from lineofsight.disclosure import Cell, Sum
from lineofsight.disclosure.rounding import format_one_place
from lineofsight.indicators.breakdowns import split
from lineofsight.indicators.catalogue.spec import RATE_BASE
from lineofsight.performance.exports import protect_parts
from lineofsight.performance.models import IndicatorResult
from lineofsight.performance.presentation import VARIATION_TEXT, breakdown_words
from lineofsight.performance.summaries import Summary

HEADER = [
    "indicator",
    "breakdown",
    "period",
    "unit",
    "numerator",
    "denominator",
    "value",
    "region",
    "statistical neighbours",
    "England",
    "benchmark year",
    "target",
    "variation",
]
UNIT_WORDS = {
    "count": "count",
    "percent": "%",
    "rate_per_10k": "per 10,000 children",
    "rate_per_100k": "per 100,000",
}
NUMERATOR, DENOMINATOR, VALUE = range(3)
EDITIONS = ("internal", "published")


def _count(value: float | None) -> Cell:
    if value is None:
        return disclosure.missing()
    if float(value).is_integer() and value >= 0:
        return disclosure.count(int(value))
    return disclosure.number(value)


def _cells(summary: Summary, row: IndicatorResult, index: int) -> list[Cell]:
    unit = summary.spec.unit
    numerator = _count(row.numerator)
    own = [(index, NUMERATOR)] if numerator.kind != "missing" else []
    if unit == "percent":
        denominator = _count(row.denominator)
    else:  # a population for a rate, nothing for a count
        denominator = disclosure.number(row.denominator)
    if row.value is None:
        value = disclosure.missing()
    elif unit == "count":  # the same figure as the numerator: hidden with it
        value = replace(_count(row.value), depends_on=tuple(own))
    elif row.numerator is not None and row.denominator and numerator.is_count:
        if unit == "percent" and denominator.is_count:
            value = disclosure.percent(
                round(row.numerator), round(row.denominator), [*own, (index, DENOMINATOR)]
            )
        else:
            value = disclosure.rate_per(
                round(row.numerator), round(row.denominator), RATE_BASE.get(unit, 100), own
            )
    else:
        value = disclosure.number(row.value, depends_on=own)
    return [numerator, denominator, value]


def _benchmarks(summary: Summary) -> list[Any]:
    if not summary.benchmarks:
        return ["", "", "", ""]
    latest = summary.benchmarks[-1]

    def shown(value: float | None) -> str:
        return format_one_place(value) if value is not None else ""

    year = f"{latest.year - 1}-{latest.year % 100:02d}"
    return [shown(latest.region), shown(latest.statistical_neighbours), shown(latest.england), year]


def _parts(summary: Summary) -> tuple[int, list[tuple[list[IndicatorResult], disclosure.Table]]]:
    """The indicator's headline and its own breakdown (the shared rows, counted first) leading
    a table per breakdown dimension; the own breakdown's counts and each dimension's add up to
    the headline's (``exports.protect_parts``)."""
    assert summary.headline is not None
    base = [summary.headline] + [r for r in summary.breakdowns if not split(r.breakdown)[0]]
    dimensions: dict[str, list[IndicatorResult]] = {}
    for row in summary.breakdowns:
        if split(row.breakdown)[0]:
            dimensions.setdefault(split(row.breakdown)[0], []).append(row)
    parts = []
    for rows in [base + extra for extra in dimensions.values()] or [base]:
        cells = [_cells(summary, row, index) for index, row in enumerate(rows)]
        sums = []
        if cells[0][NUMERATOR].is_count:
            for members in (range(1, len(base)), range(len(base), len(rows))):
                counted = tuple((i, NUMERATOR) for i in members if cells[i][NUMERATOR].is_count)
                if counted:
                    sums.append(Sum((0, NUMERATOR), counted, f"{summary.spec.title}: by group"))
        table = disclosure.Table(
            title=summary.spec.title,
            row_header="indicator",
            columns=["numerator", "denominator", "value"],
            row_labels=[f"{summary.spec.id} {r.breakdown}" for r in rows],
            cells=cells,
            sums=sums,
        )
        parts.append((rows, table))
    return len(base), parts


def overview_rows(summaries: Sequence[Summary], edition: str) -> list[list[Any]]:
    """The table's rows: each indicator's headline, then its breakdowns; ``edition`` is
    ``internal`` (every figure) or ``published`` (disclosure control, an indicator and a
    breakdown dimension at a time: their sums never join two indicators or two dimensions)."""
    if edition not in EDITIONS:
        raise ValueError(f"unknown edition: {edition}")
    out: list[list[Any]] = []
    for summary in summaries:
        if summary.headline is None:
            continue
        shared, parts = _parts(summary)
        tables = [table for _, table in parts]
        protected = (
            protect_parts(tables, shared)
            if edition == "published"
            else [disclosure.unprotected(table) for table in tables]
        )
        shown: dict[int, list[str]] = {}
        for (rows, _), result in zip(parts, protected, strict=True):
            for index, row in enumerate(rows):
                shown.setdefault(id(row), result.shown[index])
        for row in [summary.headline, *summary.breakdowns]:
            headline = row is summary.headline
            variation = (
                VARIATION_TEXT[summary.variation][0] if summary.variation and headline else ""
            )
            target = summary.target.value if summary.target is not None and headline else ""
            out.append(
                [
                    summary.spec.title,
                    breakdown_words(summary.spec.id, row.breakdown),
                    row.period_label,
                    UNIT_WORDS.get(summary.spec.unit, summary.spec.unit),
                    *shown[id(row)],
                    *(_benchmarks(summary) if headline else ["", "", "", ""]),
                    target,
                    variation,
                ]
            )
    return out


def suppressed_breakdowns(summary: Summary) -> set[str]:
    """The breakdowns of ``summary`` whose figure the published edition hides (``c``): what an
    indicator page shows to everyone but the analysts."""
    if summary.headline is None or not summary.breakdowns:
        return set()
    value = HEADER.index("value")
    rows = overview_rows([summary], "published")[1:]
    return {
        r.breakdown for r, row in zip(summary.breakdowns, rows, strict=True) if row[value] == "c"
    }
