"""An indicator's stored results as a download, in two editions.

- *internal* (the performance analysts, who compute the figures): every stored figure as it is;
- *published* (everyone else who may download it: board members and the scrutineer, agency
  leads, the partnership administrator; and an analyst who asks for it, to publish): through
  ``lineofsight.disclosure.protect``, DfE's rule for its children in need statistics.  Counts of
  1 to 5 are ``c``; percentages, rates and confidence limits built on them are ``c``; secondary
  suppression closes every sum a reader could use: a breakdown's rows add up to the period's
  total, and for indicators that count events, the months add up to their quarter and year.

Each financial year's rows are one table for disclosure control (the sums never cross a year);
percentages, rates and confidence limits are to one decimal place, rounded half up.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import Any

from lineofsight import disclosure
from lineofsight.disclosure import Cell, Protected, Sum, Table
from lineofsight.indicators.breakdowns import DIMENSIONS, split
from lineofsight.indicators.catalogue import IndicatorSpec
from lineofsight.indicators.catalogue.spec import RATE_BASE
from lineofsight.performance.models import IndicatorResult
from lineofsight.performance.presentation import breakdown_title

HEADER = [
    "indicator",
    "period type",
    "period",
    "start",
    "end",
    "breakdown by",
    "breakdown",
    "numerator",
    "denominator",
    "value",
    "95% CI low",
    "95% CI high",
]
EDITIONS = ("internal", "published")
NUMERATOR, DENOMINATOR, VALUE, CI_LOW, CI_HIGH = range(5)
FIGURES = ["numerator", "denominator", "value", "95% CI low", "95% CI high"]


def _key(row: IndicatorResult) -> list[Any]:
    dimension, words = split(row.breakdown)
    return [
        row.indicator_id,
        row.period_type,
        row.period_label,
        row.period_start,
        row.period_end,
        breakdown_title(row.indicator_id, dimension) if row.breakdown else "",
        words,
    ]


def _as_shown(value: float | None, *, count: bool) -> Any:
    """A figure as the pages show it: a whole count as an integer, anything else to one
    decimal place, rounded half up."""
    if value is None:
        return ""
    if count and float(value).is_integer():
        return int(value)
    return disclosure.half_up(value)


def internal_rows(spec: IndicatorSpec, results: Iterable[IndicatorResult]) -> Iterator[list[Any]]:
    """Every figure as stored, rounded as the pages show it."""
    for r in results:
        yield [
            *_key(r),
            _as_shown(r.numerator, count=True),
            _as_shown(r.denominator, count=True),
            _as_shown(r.value, count=spec.unit == "count"),
            _as_shown(r.ci_low, count=False),
            _as_shown(r.ci_high, count=False),
        ]


def _count_or_number(value: float | None) -> Cell:
    if value is None:
        return disclosure.missing()
    if float(value).is_integer() and value >= 0:
        return disclosure.count(int(value))
    return disclosure.number(value)


def _cells(spec: IndicatorSpec, r: IndicatorResult, index: int) -> list[Cell]:
    numerator = _count_or_number(r.numerator)
    if spec.unit == "percent":
        denominator = _count_or_number(r.denominator)  # a count of children or events
    else:
        denominator = disclosure.number(r.denominator)  # a population (rates) or nothing
    own = [(index, NUMERATOR)] if numerator.kind != "missing" else []
    if r.value is None:
        value = disclosure.missing()
    elif spec.unit == "count":
        value = _count_or_number(r.value)
    elif r.numerator is not None and r.denominator:
        if spec.unit == "percent":
            value = disclosure.percent(
                round(r.numerator), round(r.denominator), [*own, (index, DENOMINATOR)]
            )
        else:
            value = disclosure.rate_per(
                round(r.numerator), round(r.denominator), RATE_BASE[spec.unit], own
            )
    else:
        value = disclosure.number(r.value, depends_on=own)
    based_on = r.numerator if r.numerator is not None else r.value
    limits = [
        disclosure.number(
            limit,
            round(based_on) if based_on is not None else None,
            [(index, VALUE)],
        )
        for limit in (r.ci_low, r.ci_high)
    ]
    return [numerator, denominator, value, *limits]


def _financial_year(day: date) -> int:
    return day.year if day.month >= 4 else day.year - 1


def _within(inner: IndicatorResult, outer: IndicatorResult) -> bool:
    return outer.period_start <= inner.period_start and inner.period_end <= outer.period_end


def _sums(
    spec: IndicatorSpec, rows: Sequence[IndicatorResult], cells: list[list[Cell]]
) -> list[Sum]:
    """The relations a reader could use: breakdown rows to their period's total row; for event
    counts, months to their quarter and year and quarters to their year (per breakdown).
    Declaring a relation that only nearly holds costs some extra suppression, never a leak."""
    columns = [NUMERATOR] + ([VALUE] if spec.unit == "count" else [])
    sums: list[Sum] = []

    def add(total: int, parts: list[int], name: str) -> None:
        for column in columns:
            if not cells[total][column].is_count:
                continue
            counted = [p for p in parts if cells[p][column].is_count]
            if counted:
                sums.append(Sum((total, column), tuple((p, column) for p in counted), name))

    by_period: dict[tuple[str, date], dict[str, int]] = defaultdict(dict)
    for index, row in enumerate(rows):
        by_period[(row.period_type, row.period_start)][row.breakdown] = index
    for (period_type, start), members in by_period.items():
        if "" not in members:
            continue
        dimensions: dict[str, list[int]] = defaultdict(list)  # each adds up to the total
        for breakdown, index in members.items():
            if breakdown:
                dimensions[split(breakdown)[0]].append(index)
        for dimension, parts in dimensions.items():
            add(members[""], parts, f"{period_type} from {start}: by {dimension or 'breakdown'}")
    if spec.counting == "events":
        for outer_type, inner_type in (("quarter", "month"), ("financial_year", "month"),
                                       ("financial_year", "quarter")):  # fmt: skip
            for index, outer in enumerate(rows):
                if outer.period_type != outer_type:
                    continue
                parts = [
                    i
                    for i, inner in enumerate(rows)
                    if inner.period_type == inner_type
                    and inner.breakdown == outer.breakdown
                    and _within(inner, outer)
                ]
                add(index, parts, f"{outer.period_label}: its {inner_type}s")
    return sums


def protect_parts(parts: Sequence[Table], shared: int) -> list[Protected]:
    """Protect tables that share their first ``shared`` rows (an indicator's totals) and differ
    in the rest (one breakdown dimension each), as if they were one table whose sums never join
    two dimensions: each is protected on its own, then a shared cell hidden in one is hidden in
    every one, with the figures built on it.  Hiding more never makes a hidden cell derivable,
    so every part stays safe; and each part's equations stay small (a table of every dimension
    at once is a Gaussian elimination over hundreds of unknowns)."""
    protected = [disclosure.protect(part) for part in parts]
    if len(protected) < 2:
        return protected
    everywhere = {p for shown in protected for p in shown.hidden if p[0] < shared}
    for shown in protected:
        added = everywhere - shown.hidden
        shown.hidden |= added
        changed = bool(added)
        while changed:  # figures built on a newly hidden cell
            changed = False
            for position in shown.table.positions():
                cell = shown.table.cell(position)
                if position not in shown.hidden and any(d in shown.hidden for d in cell.depends_on):
                    shown.hidden.add(position)
                    added.add(position)
                    changed = True
        for row, column in added:
            if shown.table.cell((row, column)).kind != "missing":
                shown.shown[row][column] = disclosure.SUPPRESSED
    return protected


def protected_tables(
    spec: IndicatorSpec, results: Iterable[IndicatorResult]
) -> list[tuple[list[IndicatorResult], Protected]]:
    """The published edition, one protected table per financial year (snapshots apart) and
    breakdown dimension, each with the stored results its rows show: the year's totals (and the
    indicator's own breakdown) lead every dimension's table and are shown alike in all."""
    years: dict[tuple[bool, int], list[IndicatorResult]] = defaultdict(list)
    for r in results:
        years[(r.period_type == "snapshot", _financial_year(r.period_start))].append(r)
    tables = []
    for (snapshot, year), rows in sorted(years.items()):
        base = [r for r in rows if not split(r.breakdown)[0]]
        dimensions: dict[str, list[IndicatorResult]] = defaultdict(list)
        for r in rows:
            if split(r.breakdown)[0]:
                dimensions[split(r.breakdown)[0]].append(r)
        title = f"{spec.title}, {year}-{(year + 1) % 100:02d}" + (
            " (snapshots)" if snapshot else ""
        )
        groups = [
            (f"{title}, by {DIMENSIONS[d].lower()}", base + dimensions[d]) for d in dimensions
        ]
        parts = []
        for name, part in groups or [(title, base)]:
            cells = [_cells(spec, r, i) for i, r in enumerate(part)]
            labels = [f"{r.period_type} {r.period_label} {r.breakdown}".strip() for r in part]
            sums = [] if snapshot else _sums(spec, part, cells)
            parts.append((part, Table(name, "Period", FIGURES, labels, cells, sums=sums)))
        shown = protect_parts([table for _, table in parts], len(base))
        tables += [(part, protected) for (part, _), protected in zip(parts, shown, strict=True)]
    return tables


def _plain(shown: Protected, position: tuple[int, int]) -> Any:
    """A figure for a spreadsheet: "" not available, "c" suppressed, else the number (one
    decimal place, half up, for anything but a count)."""
    cell = shown.table.cell(position)
    if cell.kind == "missing" or (cell.kind != "count" and cell.value is None):
        return ""
    if position in shown.hidden:
        return disclosure.SUPPRESSED
    if cell.kind == "count":
        return cell.count
    assert cell.value is not None
    return disclosure.half_up(cell.value)


def published_rows(spec: IndicatorSpec, results: Iterable[IndicatorResult]) -> Iterator[list[Any]]:
    seen: set[int] = set()  # a year's totals lead each of its dimension tables: once each
    for rows, shown in protected_tables(spec, results):
        for index, r in enumerate(rows):
            if id(r) in seen:
                continue
            seen.add(id(r))
            yield [*_key(r), *(_plain(shown, (index, c)) for c in range(len(FIGURES)))]
