# ruff: noqa: S608 - SQL is built from the declared catalogue and quoted file paths, never from user input
"""The SQL that turns an indicator's declared rows into figures per LA, period and breakdown.

Every statement groups by ``la`` as well as by period: ``la`` is an expression over the rows
(``BY_LA`` keeps each row's ``la_code``; ``ONE_AREA`` folds every row into one area, as for a
single partnership), so one query computes an indicator for every local authority at once.
Periods are the tables ``periods``, ``period_days`` (every day of every period) and
``period_months`` (every calendar month of every period made of whole months) loaded by
``load_periods``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

import duckdb
import pyarrow as pa

from lineofsight.indicators.breakdowns import (
    age_band_intervals_sql,
    grouped_keys,
    with_dimensions,
)
from lineofsight.indicators.catalogue import IndicatorSpec
from lineofsight.indicators.catalogue.spec import Counting
from lineofsight.indicators.periods import Period

# The LA key of a row: per local authority, or one area for all rows ('' = no LA).
BY_LA = "coalesce(CAST(la_code AS VARCHAR), '')"
ONE_AREA = "''"


def whole_months(period: Period) -> bool:
    """Whether ``period`` runs from the first day of a month to the last day of a month."""
    return period.start.day == 1 and (period.end + dt.timedelta(days=1)).day == 1


def load_periods(
    connection: duckdb.DuckDBPyConnection, periods: Sequence[Period]
) -> frozenset[str]:
    """Create ``periods`` (type, label, start, end), ``period_days`` (type, label, day) and
    ``period_months`` (type, label, month: its first day, for the periods made of whole
    months); return the period types that have a period not made of whole months (a 31 March
    snapshot), for which sums cannot be taken over months (``aggregate_sql``)."""
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
    connection.execute(
        "CREATE OR REPLACE TABLE period_months AS SELECT period_type, label, "
        "CAST(unnest(generate_series(period_start, period_end, INTERVAL 1 MONTH)) AS DATE) "
        "AS month FROM periods WHERE day(period_start) = 1 AND day(period_end + 1) = 1"
    )
    return frozenset(period.period_type for period in periods if not whole_months(period))


def aggregates(
    spec: IndicatorSpec, la: str, *, day_types: frozenset[str] | None = None
) -> list[str]:
    """The aggregate statements (``aggregate_sql``) of ``spec``: numerator, then denominator.

    ``day_types`` are the period types ``load_periods`` found not made of whole months; sums
    are taken per month when none of ``spec``'s period types is one of them (None: by day)."""
    monthly = day_types is not None and not set(spec.period_types) & day_types
    types = ", ".join(f"'{period_type}'" for period_type in spec.period_types)
    parts = [(spec.numerator_sql, spec.counting)]
    if spec.denominator_sql is not None:
        parts.append((spec.denominator_sql, spec.denominator_counting))
    found = []
    for sql, counting in parts:
        stock = counting == "open_at_end"
        if spec.breakdowns:
            sql = with_dimensions(
                sql, spec.breakdowns, stock=stock, from_episode=spec.breakdown_from == "episode"
            )
        found.append(aggregate_sql(sql, counting, types, la, spec.breakdowns, monthly=monthly))
    return found


def indicator_sql(
    spec: IndicatorSpec,
    la: str,
    source: Callable[[str], str] = lambda sql: f"({sql})",
    *,
    day_types: frozenset[str] | None = None,
) -> str:
    """(la, period_type, label, breakdown, numerator, denominator) rows of ``spec``.

    ``source`` turns an aggregate statement into what the query reads it from: by default the
    statement as a subquery; the engine passes the name of a table holding its rows when
    several indicators share it (the referrals of the referral count, the referral rate and
    the re-referral denominator are counted once).
    """
    parts = aggregates(spec, la, day_types=day_types)
    numerator = source(parts[0])
    if len(parts) == 1:
        return f"SELECT la, period_type, label, breakdown, value, NULL FROM {numerator}"
    denominator = source(parts[1])
    return (
        "SELECT coalesce(n.la, d.la), coalesce(n.period_type, d.period_type), "
        "coalesce(n.label, d.label), coalesce(n.breakdown, d.breakdown), n.value, d.value "
        f"FROM {numerator} n FULL JOIN {denominator} d ON n.la = d.la "
        "AND n.period_type = d.period_type AND n.label = d.label "
        "AND n.breakdown IS NOT DISTINCT FROM d.breakdown"
    )


def aggregate_sql(
    sql: str,
    counting: Counting,
    period_types: str,
    la: str,
    keys: Sequence[str] = (),
    *,
    monthly: bool = False,
) -> str:
    """(la, period_type, label, breakdown, value) for the rows of ``sql``; breakdown NULL = total.

    Dated rows meet their periods by an equality join on ``period_days``; stocks open at a
    period's end come from ``open_at_end_sql``.  ``keys`` are the breakdown dimensions whose
    ``by_<key>`` columns the rows carry (``breakdowns.with_dimensions``): each gives rows
    ``"<key>:<words>"`` for every period but months, besides the rows' own ``breakdown``.

    ``monthly`` (every period of ``period_types`` is made of whole months): sums are taken
    per calendar month first and the months meet their periods (``period_months``), instead of
    the days (``period_days``): the same sums from fewer rows to join and group (one per month
    rather than per day for each group of dimensions; ADR 0029).  Distinct children and the
    latest day in a period cannot be added up from months, so they always meet the days.
    """
    keyed = f"SELECT {la} AS la, * FROM ({sql})"
    if counting == "open_at_end":
        return open_at_end_sql(keyed, period_types, keys)
    days = f"SELECT * FROM period_days WHERE period_type IN ({period_types})"
    by = grouped_keys(keys, stock=False)
    carried = "".join(f", {column}" for column in by)
    # a month's rows carry no dimension: NULL drops them from every dimension's rows
    dimensions = "".join(
        f", CASE WHEN d.period_type = 'month' THEN NULL ELSE r.{column} END AS {column}"
        for column in by
    )
    if counting == "children":
        rows = f"SELECT la, event_date, child_id, breakdown{carried} FROM ({keyed})"
        joined = (
            f"SELECT r.la, d.period_type, d.label, r.breakdown, r.child_id{dimensions} "
            f"FROM ({days}) d JOIN ({rows}) r ON r.event_date = d.day"
        )
        measure = "count(DISTINCT child_id)"
    elif counting == "events" and monthly:
        months = f"SELECT * FROM period_months WHERE period_type IN ({period_types})"
        monthly_sums = (
            f"SELECT la, month, breakdown{carried}, sum(amount) AS amount FROM ("
            f"SELECT la, CAST(date_trunc('month', event_date) AS DATE) AS month, breakdown"
            f"{carried}, CAST(amount AS DOUBLE) AS amount FROM ({keyed}) "
            "WHERE event_date IS NOT NULL) "
            f"GROUP BY la, month, breakdown{carried}"
        )
        joined = (
            f"SELECT r.la, d.period_type, d.label, r.breakdown, r.amount{dimensions} "
            f"FROM ({months}) d JOIN ({monthly_sums}) r ON r.month = d.month"
        )
        measure = "sum(amount)"
    else:
        daily = (
            f"SELECT la, event_date, breakdown{carried}, sum(CAST(amount AS DOUBLE)) AS amount "
            f"FROM ({keyed}) GROUP BY la, event_date, breakdown{carried}"
        )
        joined = (
            f"SELECT r.la, d.period_type, d.label, r.breakdown, r.amount, r.event_date"
            f"{dimensions} FROM ({days}) d JOIN ({daily}) r ON r.event_date = d.day"
        )
        if counting == "latest_in_period":
            joined = (
                f"SELECT * FROM (SELECT *, max(event_date) OVER (PARTITION BY la, period_type, "
                f"label) AS latest FROM ({joined})) WHERE event_date = latest"
            )
        measure = "sum(amount)"
    # each row counts once in its period's total, once in its own breakdown (if any) and once
    # in each dimension: one plain GROUP BY over the rows repeated (unnest), which DuckDB plans
    # far faster than the same sums as GROUPING SETS (ADR 0030)
    dimensions_of_row = (f"'{column.removeprefix('by_')}:' || {column}" for column in by)
    groups = ["NULL", "breakdown", *dimensions_of_row]
    totals = ", ".join(["true", *("false" for _ in groups[1:])])
    rows = (
        f"SELECT *, unnest([{totals}]) AS is_total, unnest([{', '.join(groups)}]) AS grp "
        f"FROM ({joined})"
    )
    return (
        f"SELECT la, period_type, label, grp AS breakdown, {measure} AS value FROM ({rows}) "
        "WHERE is_total OR grp IS NOT NULL GROUP BY la, period_type, label, is_total, grp"
    )


def open_at_end_sql(keyed: str, period_types: str, keys: Sequence[str] = ()) -> str:
    """Distinct children open at each period's end, per LA, without a range join.

    Each row is counted once in the total (``grp`` NULL) and once in its breakdown.  A child's
    rows, in order of ``open_from``, are clipped to the days no earlier row of the child already
    covers (from the latest ``open_to`` before them; a row covered wholly becomes empty), so a
    child's clipped intervals never overlap and the open count at a day is the running sum of
    +1 at each clipped start and -1 at each ``open_to``; each period end then takes the running
    sum of the latest change on or before it (an ASOF join).  Rows closed before they opened
    are never open, as in the plain definition.  A child is a child of one LA: the same
    ``child_id`` in two LAs is two children.

    Each dimension in ``keys`` counts the row once more, in ``"<key>:<words>"``; the age band
    cuts the row at the birthdays that start a band (``age_band_intervals_sql``).  Dimension
    rows are counted at the ends of every period but months.
    """
    far = "DATE '9999-12-31'"
    given = keyed
    keyed = "SELECT * FROM keyed_rows"
    parts = [
        f"SELECT la, child_id, open_from, open_to, NULL AS grp FROM ({keyed})",
        f"SELECT la, child_id, open_from, open_to, breakdown FROM ({keyed}) "
        "WHERE breakdown IS NOT NULL",
    ]
    for key in keys:
        if key == "age":
            parts.append(age_band_intervals_sql(keyed, far))
        else:
            parts.append(
                f"SELECT la, child_id, open_from, open_to, '{key}:' || by_{key} FROM ({keyed})"
            )
    union = " UNION ALL ".join(f"({part})" for part in parts)
    rows = (
        f"SELECT la, child_id, open_from, coalesce(open_to, {far}) AS open_to, grp FROM ("
        f"{union}) WHERE open_from IS NOT NULL AND (open_to IS NULL OR open_to >= open_from)"
    )
    covered = (
        "max(open_to) OVER (PARTITION BY la, child_id, grp ORDER BY open_from, open_to "
        "ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)"
    )
    clipped = (  # a row wholly covered already starts and ends on its open_to: no change
        f"SELECT la, grp, least(greatest(open_from, coalesce({covered}, open_from)), open_to) "
        f"AS open_from, open_to FROM ({rows})"
    )
    changes = (
        "SELECT la, grp, day, sum(delta) AS delta FROM (SELECT la, grp, open_from AS day, "
        "1 AS delta FROM clipped UNION ALL SELECT la, grp, open_to, -1 FROM clipped) "
        "GROUP BY la, grp, day"
    )
    running = (
        "SELECT la, grp, day, sum(delta) OVER (PARTITION BY la, grp ORDER BY day) AS open_count "
        "FROM changes"
    )
    ends = (
        "SELECT g.la, p.period_type, p.label, p.period_end, g.grp FROM periods p, "
        f"(SELECT DISTINCT la, grp FROM changes) g WHERE p.period_type IN ({period_types})"
    )
    if keys:
        dimensional = " OR ".join(f"g.grp LIKE '{key}:%'" for key in keys)
        ends += f" AND (g.grp IS NULL OR p.period_type <> 'month' OR NOT ({dimensional}))"
    return (
        f"WITH keyed_rows AS MATERIALIZED ({given}), clipped AS MATERIALIZED ({clipped}), "
        f"changes AS MATERIALIZED ({changes}) "
        "SELECT e.la, e.period_type, e.label, e.grp AS breakdown, r.open_count AS value "
        f"FROM ({ends}) e ASOF JOIN ({running}) r "
        "ON e.la = r.la AND e.grp IS NOT DISTINCT FROM r.grp AND e.period_end >= r.day"
    )
