# ruff: noqa: S608 - SQL is built from the declared catalogue and quoted file paths, never from user input
"""Compute indicators with DuckDB over the normalised Parquet snapshots.

One SQL statement per indicator computes every requested period at once: the periods are a
table joined to the indicator's rows by date and grouped, so six years of months cost one query.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
import pyarrow as pa

from lineofsight.indicators.catalogue import CATALOGUE, IndicatorSpec
from lineofsight.indicators.catalogue.spec import RATE_BASE, Counting
from lineofsight.indicators.methods import byars, wilson
from lineofsight.indicators.periods import Period, PeriodType
from lineofsight.indicators.sources import load_reference, load_tables


@dataclass(frozen=True)
class IndicatorResult:
    """One indicator for one period (and breakdown, None for the total)."""

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
    """
    specs = [CATALOGUE[i] for i in indicator_ids] if indicator_ids else list(CATALOGUE.values())
    connection = duckdb.connect(":memory:")
    try:
        load_reference(connection)
        loaded = load_tables(connection, sources)
        _load_periods(connection, periods)
        by_key: dict[tuple[str, str], Period] = {
            (period.period_type, period.label): period for period in periods
        }
        results: list[IndicatorResult] = []
        for spec in specs:
            if not set(spec.tables) <= loaded:
                continue
            wanted = [period for period in periods if period.period_type in spec.period_types]
            if not wanted:
                continue
            rows = connection.execute(_indicator_sql(spec)).fetchall()
            results += _results(spec, rows, wanted, by_key, population or {})
        return results
    finally:
        connection.close()


def _load_periods(connection: duckdb.DuckDBPyConnection, periods: Sequence[Period]) -> None:
    table = pa.table(
        {
            "period_type": pa.array([period.period_type for period in periods], pa.string()),
            "label": pa.array([period.label for period in periods], pa.string()),
            "period_start": pa.array([period.start for period in periods], pa.date32()),
            "period_end": pa.array([period.end for period in periods], pa.date32()),
        }
    )
    connection.register("periods_arrow", table)
    connection.execute("CREATE OR REPLACE TABLE periods AS SELECT * FROM periods_arrow")
    connection.unregister("periods_arrow")
    connection.execute(
        "CREATE OR REPLACE TABLE period_days AS SELECT period_type, label, "
        "CAST(unnest(generate_series(period_start, period_end, INTERVAL 1 DAY)) AS DATE) AS day "
        "FROM periods"
    )


def _aggregate_sql(sql: str, counting: Counting, period_types: str) -> str:
    """(period_type, label, breakdown, value) for the rows of ``sql``; breakdown NULL = total.

    Dated rows meet their periods by an equality join on ``period_days`` (every day of every
    period); stocks open at a period's end come from ``_open_at_end_sql``.
    """
    if counting == "open_at_end":
        return _open_at_end_sql(sql, period_types)
    days = f"SELECT * FROM period_days WHERE period_type IN ({period_types})"
    if counting == "children":
        rows = f"SELECT event_date, child_id, breakdown FROM ({sql})"
        joined = (
            f"SELECT d.period_type, d.label, r.breakdown, r.child_id FROM ({days}) d "
            f"JOIN ({rows}) r ON r.event_date = d.day"
        )
        measure = "count(DISTINCT child_id)"
    else:
        daily = (
            "SELECT event_date, breakdown, sum(CAST(amount AS DOUBLE)) AS amount "
            f"FROM ({sql}) GROUP BY event_date, breakdown"
        )
        joined = (
            f"SELECT d.period_type, d.label, r.breakdown, r.amount, r.event_date "
            f"FROM ({days}) d JOIN ({daily}) r ON r.event_date = d.day"
        )
        if counting == "latest_in_period":
            joined = (
                f"SELECT * FROM (SELECT *, max(event_date) OVER (PARTITION BY period_type, "
                f"label) AS latest FROM ({joined})) WHERE event_date = latest"
            )
        measure = "sum(amount)"
    return (
        f"SELECT period_type, label, CASE WHEN grouping(breakdown) = 1 THEN NULL "
        f"ELSE breakdown END AS breakdown, {measure} AS value FROM ({joined}) "
        "GROUP BY GROUPING SETS ((period_type, label), (period_type, label, breakdown)) "
        "HAVING grouping(breakdown) = 1 OR breakdown IS NOT NULL"
    )


def _open_at_end_sql(sql: str, period_types: str) -> str:
    """Distinct children open at each period's end, without a range join.

    Each row is counted once in the total (``grp`` NULL) and once in its breakdown.  A child's
    overlapping or touching intervals are merged, so that the open count at a day is the
    running sum of +1 at each ``open_from`` and -1 at each ``open_to``; each period end then
    takes the running sum of the latest change on or before it (an ASOF join).  Rows closed
    before they opened are never open, as in the plain definition.
    """
    far = "DATE '9999-12-31'"
    rows = (
        f"SELECT child_id, open_from, coalesce(open_to, {far}) AS open_to, grp FROM ("
        f"SELECT child_id, open_from, open_to, NULL AS grp FROM ({sql}) UNION ALL "
        f"SELECT child_id, open_from, open_to, breakdown FROM ({sql}) WHERE breakdown "
        "IS NOT NULL) WHERE open_from IS NOT NULL AND (open_to IS NULL OR open_to >= open_from)"
    )
    window = "PARTITION BY child_id, grp ORDER BY open_from, open_to"
    starts = (
        f"SELECT *, CASE WHEN open_from <= max(open_to) OVER ({window} ROWS BETWEEN "
        "UNBOUNDED PRECEDING AND 1 PRECEDING) THEN 0 ELSE 1 END AS new_island "
        f"FROM ({rows})"
    )
    islands = (
        f"SELECT *, sum(new_island) OVER ({window} ROWS UNBOUNDED PRECEDING) AS island "
        f"FROM ({starts})"
    )
    merged = (
        "SELECT grp, min(open_from) AS open_from, max(open_to) AS open_to "
        f"FROM ({islands}) GROUP BY child_id, grp, island"
    )
    changes = (
        f"SELECT grp, day, sum(delta) AS delta FROM (SELECT grp, open_from AS day, 1 AS delta "
        f"FROM ({merged}) UNION ALL SELECT grp, open_to, -1 FROM ({merged})) GROUP BY grp, day"
    )
    running = (
        "SELECT grp, day, sum(delta) OVER (PARTITION BY grp ORDER BY day) AS open_count "
        f"FROM ({changes})"
    )
    ends = (
        "SELECT p.period_type, p.label, p.period_end, g.grp FROM periods p, "
        f"(SELECT DISTINCT grp FROM ({changes})) g WHERE p.period_type IN ({period_types})"
    )
    return (
        "SELECT e.period_type, e.label, e.grp AS breakdown, r.open_count AS value "
        f"FROM ({ends}) e ASOF JOIN ({running}) r "
        "ON e.grp IS NOT DISTINCT FROM r.grp AND e.period_end >= r.day"
    )


def _indicator_sql(spec: IndicatorSpec) -> str:
    types = ", ".join(f"'{period_type}'" for period_type in spec.period_types)
    numerator = _aggregate_sql(spec.numerator_sql, spec.counting, types)
    if spec.denominator_sql is None:
        return f"SELECT period_type, label, breakdown, value, NULL FROM ({numerator})"
    denominator = _aggregate_sql(spec.denominator_sql, spec.denominator_counting, types)
    return (
        "SELECT coalesce(n.period_type, d.period_type), coalesce(n.label, d.label), "
        "coalesce(n.breakdown, d.breakdown), n.value, d.value "
        f"FROM ({numerator}) n FULL JOIN ({denominator}) d ON n.period_type = d.period_type "
        "AND n.label = d.label AND n.breakdown IS NOT DISTINCT FROM d.breakdown"
    )


def _results(
    spec: IndicatorSpec,
    rows: list[tuple[str, str, str | None, float | None, float | None]],
    wanted: Sequence[Period],
    by_key: Mapping[tuple[str, str], Period],
    population: Mapping[int, int],
) -> list[IndicatorResult]:
    found = {
        (row[0], row[1], row[2]): (float(row[3] or 0), None if row[4] is None else float(row[4]))
        for row in rows
    }
    for period in wanted:  # every period has a total, 0 when nothing happened in it
        found.setdefault((period.period_type, period.label, None), (0.0, None))
    results = []
    for (period_type, label, breakdown), (numerator, counted_denominator) in found.items():
        period = by_key[(period_type, label)]
        denominator = counted_denominator
        if spec.denominator_sql is not None and denominator is None:
            denominator = 0.0
        results.append(_result(spec, period, breakdown, numerator, denominator, population))
    results.sort(key=lambda r: (r.period_type, r.period_start, r.breakdown or ""))
    return results


def _result(
    spec: IndicatorSpec,
    period: Period,
    breakdown: str | None,
    numerator: float,
    denominator: float | None,
    population: Mapping[int, int],
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
    )
