# ruff: noqa: S608 - SQL is built from the declared catalogue and quoted file paths, never from user input
"""Compute indicators with DuckDB over the normalised Parquet snapshots.

One SQL statement per indicator computes every requested period at once: the periods are a
table joined to the indicator's rows by date and grouped, so six years of months cost one query.
``compute_many`` also groups by local authority, so 150 boroughs cost one query per indicator
too (see ``aggregate``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import duckdb

from lineofsight.indicators.aggregate import (
    BY_LA,
    ONE_AREA,
    aggregates,
    indicator_sql,
    load_periods,
)
from lineofsight.indicators.breakdowns import FACT_TABLES, load_dimensions
from lineofsight.indicators.catalogue import CATALOGUE, IndicatorSpec
from lineofsight.indicators.catalogue.spec import RATE_BASE
from lineofsight.indicators.methods import byars, wilson
from lineofsight.indicators.parallel import configure, run_all, run_each
from lineofsight.indicators.periods import Period, PeriodType
from lineofsight.indicators.sources import load_reference, load_tables


@dataclass(frozen=True)
class IndicatorResult:
    """One indicator for one period (and breakdown, None for the total).

    ``la_code`` is the local authority of a ``compute_many`` result; None from ``compute``.
    """

    indicator_id: str
    period_type: PeriodType
    period_label: str
    period_start: date
    period_end: date
    numerator: float
    denominator: float | None
    value: float | None
    ci_low: float | None
    ci_high: float | None
    breakdown: str | None
    la_code: str | None = None


def compute(
    sources: Mapping[str, Sequence[Path]],
    periods: Sequence[Period],
    indicator_ids: Iterable[str] | None = None,
    population: Mapping[int, int] | None = None,
) -> list[IndicatorResult]:
    """Every requested indicator for every requested period it applies to.

    ``sources`` maps table name to Parquet files (unioned and de-duplicated, see ``sources``);
    ``population`` maps financial-year-ending to the under-18 population used for rates.  An
    indicator whose tables have no files gives no results; a period with no records gives 0.
    All rows count together, whatever their ``la_code`` (one partnership); results carry
    ``la_code`` None.
    """
    return _compute(
        sources, periods, indicator_ids, {"": population or {}}, by_la=False, dimensions=True
    )


def compute_many(
    sources: Mapping[str, Sequence[Path]],
    periods: Sequence[Period],
    indicator_ids: Iterable[str] | None = None,
    population_by_la: Mapping[str, Mapping[int, int]] | None = None,
    *,
    dimensions: bool = True,
) -> list[IndicatorResult]:
    """``compute`` for each local authority in ``sources`` at once, one query per indicator.

    ``sources`` holds the files of every LA (unioned; each row keeps its ``la_code``, and
    de-duplication and child identity are per LA); ``population_by_la`` maps ``la_code`` to
    financial-year-ending to population.  Each result carries its ``la_code``.  An LA has results
    for an indicator when it has a row in one of the indicator's tables; then they equal
    ``compute`` on that LA's files alone.

    ``dimensions=False`` leaves out the breakdowns by who the children are
    (``breakdowns.DIMENSIONS``, the ``"<key>:<words>"`` rows), for a caller that compares
    authorities' totals; every other result is the same as with them (ADR 0029).
    """
    return _compute(
        sources, periods, indicator_ids, population_by_la or {}, by_la=True, dimensions=dimensions
    )


def _compute(
    sources: Mapping[str, Sequence[Path]],
    periods: Sequence[Period],
    indicator_ids: Iterable[str] | None,
    populations: Mapping[str, Mapping[int, int]],
    *,
    by_la: bool,
    dimensions: bool,
) -> list[IndicatorResult]:
    specs = [CATALOGUE[i] for i in indicator_ids] if indicator_ids else list(CATALOGUE.values())
    if not dimensions:
        specs = [replace(spec, breakdowns=()) for spec in specs]
    connection = duckdb.connect(":memory:")
    # Every statement orders what it needs explicitly; not keeping the files' row order lets
    # loading and de-duplication run in parallel without a final re-ordering.
    connection.execute("SET preserve_insertion_order = false")
    configure(connection)
    try:
        load_reference(connection)
        wanted_tables = {t for spec in specs for t in spec.tables}
        broken_down = any(spec.breakdowns for spec in specs)
        if broken_down:  # who the children are, for breakdowns
            wanted_tables |= set(FACT_TABLES)
        loaded = load_tables(connection, sources, wanted_tables)
        if broken_down:
            load_dimensions(connection, loaded)
        day_types = load_periods(connection, periods)
        by_key: dict[tuple[str, str], Period] = {
            (period.period_type, period.label): period for period in periods
        }
        areas = _Areas(connection, by_la)
        la = BY_LA if by_la else ONE_AREA
        computable = [
            spec
            for spec in specs
            if set(spec.tables) <= loaded
            and any(period.period_type in spec.period_types for period in periods)
        ]
        shared = _Shared(
            Counter(sql for s in computable for sql in aggregates(s, la, day_types=day_types))
        )
        statements = [
            indicator_sql(spec, la, shared.source, day_types=day_types) for spec in computable
        ]
        run_all(connection, shared.creating(), fetch=False)
        areas.find({table for spec in computable for table in spec.tables})
        by_spec: list[list[IndicatorResult]] = [[] for _ in computable]
        for position, rows in run_each(connection, statements):
            spec = computable[position]
            wanted = [period for period in periods if period.period_type in spec.period_types]
            las = areas.of(spec.tables)
            by_spec[position] = _results(spec, rows, wanted, las, by_key, populations)
        return [result for found in by_spec for result in found]
    finally:
        connection.close()


class _Shared:
    """Aggregates that several indicators read (the same rows counted the same way) are
    computed once into a table; the others stay subqueries.  ``source`` names the table;
    ``creating`` gives the statements that make them, run before the indicators' queries."""

    def __init__(self, uses: Counter[str]) -> None:
        self._uses = uses
        self._tables: dict[str, str] = {}

    def source(self, sql: str) -> str:
        if self._uses[sql] < 2:
            return f"({sql})"
        if sql not in self._tables:
            self._tables[sql] = f"shared_aggregate_{len(self._tables)}"
        return self._tables[sql]

    def creating(self) -> list[str]:
        return [f"CREATE TABLE {name} AS {sql}" for sql, name in self._tables.items()]


class _Areas:
    """The LA keys that get a result (zero when nothing happened) for an indicator: ``find``
    reads each table's LAs once, before the indicators' queries start; ``of`` answers."""

    def __init__(self, connection: duckdb.DuckDBPyConnection, by_la: bool) -> None:
        self._connection = connection
        self._by_la = by_la
        self._per_table: dict[str, set[str]] = {}

    def find(self, tables: Iterable[str]) -> None:
        if not self._by_la:
            return
        wanted = sorted(set(tables) - set(self._per_table))
        statements = [f'SELECT DISTINCT {BY_LA} FROM "{table}"' for table in wanted]
        for table, rows in zip(wanted, run_all(self._connection, statements), strict=True):
            self._per_table[table] = {str(row[0]) for row in rows}

    def of(self, tables: Iterable[str]) -> list[str]:
        if not self._by_la:
            return [""]
        self.find(tables)
        found: set[str] = set()
        for table in tables:
            found |= self._per_table[table]
        return sorted(found)


Row = tuple[str, str, str, str | None, float | None, float | None]


def _results(
    spec: IndicatorSpec,
    rows: list[Row],
    wanted: Sequence[Period],
    las: Sequence[str],
    by_key: Mapping[tuple[str, str], Period],
    populations: Mapping[str, Mapping[int, int]],
) -> list[IndicatorResult]:
    found = {
        (row[0], row[1], row[2], row[3]): (
            float(row[4] or 0),
            None if row[5] is None else float(row[5]),
        )
        for row in rows
    }
    for la in las:  # every period has a total, 0 when nothing happened in it
        for period in wanted:
            found.setdefault((la, period.period_type, period.label, None), (0.0, None))
    results = []
    for (la, period_type, label, breakdown), (numerator, counted) in found.items():
        period = by_key[(period_type, label)]
        denominator = counted
        if spec.denominator_sql is not None and denominator is None:
            denominator = 0.0
        population = populations.get(la, {})
        results.append(
            _result(spec, period, breakdown, numerator, denominator, population, la or None)
        )
    results.sort(key=lambda r: (r.la_code or "", r.period_type, r.period_start, r.breakdown or ""))
    return results


def _result(
    spec: IndicatorSpec,
    period: Period,
    breakdown: str | None,
    numerator: float,
    denominator: float | None,
    population: Mapping[int, int],
    la_code: str | None,
) -> IndicatorResult:
    value: float | None = None
    low: float | None = None
    high: float | None = None
    if spec.unit == "count":
        value = numerator
    elif spec.unit == "percent":
        if denominator:
            value = 100 * numerator / denominator
            if 0 <= numerator <= denominator:
                low, high = (100 * bound for bound in wilson(numerator, denominator))
    else:
        if spec.denominator_sql is None:
            people = population.get(period.financial_year_ending)
            denominator = float(people) if people else None
        if denominator:
            value, low, high = byars(numerator, denominator, RATE_BASE[spec.unit])
    return IndicatorResult(
        indicator_id=spec.id,
        period_type=period.period_type,
        period_label=period.label,
        period_start=period.start,
        period_end=period.end,
        numerator=numerator,
        denominator=denominator,
        value=value,
        ci_low=low,
        ci_high=high,
        breakdown=breakdown,
        la_code=la_code,
    )
