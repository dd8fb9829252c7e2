"""Indicators benchmark (issue 4): every month, quarter, year and 31 March snapshot of 6 years,
for 1 borough (``compute()``) and for 150 boroughs at once (``compute_many()``, one query per
indicator over every borough's files), against a straightforward pandas implementation (read
Parquet, de-duplicate, loop over periods with boolean masks) of the same definitions for a
subset of indicators, borough by borough.  ``python -m benchmarks.indicators_bench [--quick]``.

The 150-borough pass is what comparing authorities needs: every indicator's totals (and an
indicator's own breakdowns), not the breakdowns by who the children are, which only the
partnership's own pages show and which they get from ``compute()`` (ADR 0029).  Set
``INDICATORS_BENCH_BOROUGHS`` to run that case with another number of boroughs.
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from benchmarks.harness import RESULTS_DIR, complete, format_table, write_results
from benchmarks.indicators_data import borough, population
from lineofsight.calendar.workdays import bank_holidays
from lineofsight.indicators import periods as P
from lineofsight.indicators.catalogue import CATALOGUE
from lineofsight.indicators.engine import IndicatorResult, compute, compute_many

# The indicators the pandas reference implements (the ratio compares like with like).
SUBSET = [
    "contacts",
    "referrals",
    "rereferral_pct",
    "assessments_45_days_pct",
    "cp_repeat_plan_pct",
    "cin_rate_per_10k",
    "cla_rate_per_10k",
]


def _read(paths: Sequence[Path], key: list[str]) -> pd.DataFrame:
    frame = pd.concat([pd.read_parquet(path) for path in paths])
    frame = frame.sort_values("collection_year").drop_duplicates(["la_code", *key], keep="last")
    for column in frame.columns:
        if column.endswith("_date"):
            frame[column] = pd.to_datetime(frame[column])
    return frame


def pandas_reference(
    sources: Mapping[str, Sequence[Path]], periods: Sequence[P.Period], people: Mapping[int, int]
) -> dict[tuple[str, str, str], float | None]:
    """The SUBSET's values by (indicator, period type, label), one period at a time."""
    contacts = _read(sources["contacts"], ["child_id", "contact_date", "contact_source"])
    episodes = _read(sources["cin_episodes"], ["child_id", "referral_date"])
    assessments = _read(sources["cin_assessments"], ["child_id", "start_date"])
    plans = _read(sources["cp_plans"], ["child_id", "start_date"])
    cla = _read(sources["cla_episodes"], ["child_id", "start_date"])
    episodes = episodes.sort_values(["child_id", "referral_date"])
    previous = episodes.groupby("child_id")["referral_date"].shift()
    episodes["rereferral"] = previous.notna() & (
        previous >= episodes["referral_date"] - pd.DateOffset(months=12)
    )
    linked = assessments.merge(
        episodes[["child_id", "referral_date"]].rename(columns={"referral_date": "ref"}),
        on="child_id",
    )
    linked = linked[linked["ref"] == linked["start_date"]].dropna(subset=["authorisation_date"])
    holidays = sorted(bank_holidays())
    linked["working_days"] = (
        np.busday_count(
            linked["ref"].values.astype("datetime64[D]"),
            linked["authorisation_date"].values.astype("datetime64[D]"),
            holidays=holidays,
        )
        + 1
    )
    plans = plans.sort_values(["child_id", "start_date"])
    plans["repeat"] = (plans["previous_plans"].fillna(0) > 0) | (
        plans.groupby("child_id").cumcount() > 0
    )
    cla = cla[~cla["legal_status"].isin(["V3", "V4"])]
    out: dict[tuple[str, str, str], float | None] = {}
    for period in periods:
        start, end = pd.Timestamp(period.start), pd.Timestamp(period.end)
        key = (period.period_type, period.label)
        pop = people.get(period.financial_year_ending)
        if period.period_type != "snapshot":
            c_in = contacts["contact_date"].between(start, end)
            r_in = episodes["referral_date"].between(start, end)
            a_in = linked["authorisation_date"].between(start, end)
            p_in = plans["start_date"].between(start, end)
            out[("contacts", *key)] = float(c_in.sum())
            out[("referrals", *key)] = float(r_in.sum())
            out[("rereferral_pct", *key)] = _pct(episodes.loc[r_in, "rereferral"])
            out[("assessments_45_days_pct", *key)] = _pct(linked.loc[a_in, "working_days"] <= 45)
            out[("cp_repeat_plan_pct", *key)] = _pct(plans.loc[p_in, "repeat"])
        open_cin = (episodes["referral_date"] <= end) & (
            episodes["closure_date"].isna() | (episodes["closure_date"] > end)
        )
        out[("cin_rate_per_10k", *key)] = _rate(episodes.loc[open_cin, "child_id"].nunique(), pop)
        if period.period_type != "financial_year":
            open_cla = (cla["start_date"] <= end) & (
                cla["end_date"].isna() | (cla["end_date"] > end)
            )
            out[("cla_rate_per_10k", *key)] = _rate(cla.loc[open_cla, "child_id"].nunique(), pop)
    return out


def _pct(flags: pd.Series) -> float | None:
    return 100 * float(flags.sum()) / len(flags) if len(flags) else None


def _rate(count: int, people: int | None) -> float | None:
    return count / people * 10_000 if people else None


def _agreement(
    ours: Sequence[IndicatorResult], theirs: Mapping[tuple[str, str, str], float | None]
) -> int:
    """How many of the pandas values differ from the engine's (0 expected)."""
    mine: dict[tuple[str, str, str], float | None] = {
        (r.indicator_id, r.period_type, r.period_label): r.value
        for r in ours
        if r.breakdown is None
    }
    differ = 0
    for key, value in theirs.items():
        other = mine.get(key)
        if (value is None) != (other is None) or (
            value is not None and other is not None and abs(value - other) > 1e-9
        ):
            differ += 1
    return differ


def _cpu() -> float:
    """CPU seconds of this process so far, DuckDB's threads included."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run(quick: bool) -> list[dict[str, Any]]:
    boroughs = int(os.environ.get("INDICATORS_BENCH_BOROUGHS") or (3 if quick else 150))
    periods = P.all_periods(2019, 2024)
    people = population()
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as folder:
        by_code = {
            f"{800 + n}": borough(Path(folder) / f"la{n}", f"{800 + n}", seed=n)
            for n in range(boroughs)
        }
        first = by_code["800"]
        load = os.getloadavg()[0]
        started, cpu_started = time.perf_counter(), _cpu()
        results = compute(first, periods, population=people)
        one_all = time.perf_counter() - started
        one_cpu = _cpu() - cpu_started
        computed = len({result.indicator_id for result in results})
        started = time.perf_counter()
        subset = compute(first, periods, SUBSET, population=people)
        one_subset = time.perf_counter() - started
        started = time.perf_counter()
        reference = pandas_reference(first, periods, people)
        one_pandas = time.perf_counter() - started
        differ = _agreement(subset, reference)
        rows.append(
            {
                "case": f"1 borough x 6 years, all {computed} of {len(CATALOGUE)} indicators",
                "records": len(results),
                "seconds": one_all,
                "target": "< 1 s",
                "met": one_all < 1,
                "notes": [
                    f"{len(periods)} periods; records = results; CPU {one_cpu:.2f} s (DuckDB "
                    f"threads included); load average {load:.1f} on {os.cpu_count()} cores "
                    "(wall time grows with other work on the machine)"
                ],
            }
        )
        rows.append(
            {
                "case": f"1 borough, {len(SUBSET)} indicators vs pandas",
                "records": len(subset),
                "seconds": one_subset,
                "ratio_vs_peer": one_pandas / one_subset,
                "target": "-",
                "met": None,
                "notes": [f"pandas {one_pandas:.2f} s; values that differ from pandas: {differ}"],
            }
        )
        union: dict[str, list[Path]] = defaultdict(list)
        for sources in by_code.values():
            for table, paths in sources.items():
                union[table] += paths
        people_by_la = {code: people for code in by_code}
        load = os.getloadavg()[0]
        started, cpu_started = time.perf_counter(), _cpu()
        many = compute_many(union, periods, population_by_la=people_by_la, dimensions=False)
        many_all = time.perf_counter() - started
        many_cpu = _cpu() - cpu_started
        many_computed = len({result.indicator_id for result in many})
        started = time.perf_counter()
        many_subset = compute_many(
            union, periods, SUBSET, population_by_la=people_by_la, dimensions=False
        )
        many_subset_seconds = time.perf_counter() - started
        started = time.perf_counter()
        references = {code: pandas_reference(s, periods, people) for code, s in by_code.items()}
        many_pandas = time.perf_counter() - started
        by_la: dict[str | None, list[IndicatorResult]] = defaultdict(list)
        for result in many_subset:
            by_la[result.la_code].append(result)
        many_differ = sum(_agreement(by_la[la], reference) for la, reference in references.items())
        boroughs_found = len({result.la_code for result in many})
        rows.append(
            {
                "case": f"{boroughs} boroughs x 6 years, all {many_computed} indicators, totals",
                "records": len(many),
                "seconds": many_all,
                "target": "< 30 s",
                "met": many_all < 30 if boroughs == 150 else None,
                "ratio_vs_peer": many_pandas / many_subset_seconds,
                "notes": [
                    f"CPU {many_cpu:.2f} s (DuckDB threads included); load average {load:.1f}; "
                    "totals and own breakdowns, without the breakdowns by who the children are "
                    "(compute_many(dimensions=False): comparing authorities needs totals only)",
                    f"one compute_many() over all {boroughs_found} boroughs; subset "
                    f"{many_subset_seconds:.1f} s vs pandas borough by borough {many_pandas:.1f} s "
                    f"(ratio column); values that differ from pandas: {many_differ}",
                ],
            }
        )
        # The same pass with every breakdown by who the children are, as the pages show them for
        # one borough: no caller needs it for many authorities today, so it has no target; it is
        # printed so that the totals-only row above is never read as the cost of everything.
        load = os.getloadavg()[0]
        started, cpu_started = time.perf_counter(), _cpu()
        full = compute_many(union, periods, population_by_la=people_by_la)
        full_seconds = time.perf_counter() - started
        rows.append(
            {
                "case": f"{boroughs} boroughs x 6 years, all indicators, every breakdown",
                "records": len(full),
                "seconds": full_seconds,
                "target": "-",
                "met": None,
                "notes": [
                    f"CPU {_cpu() - cpu_started:.2f} s; load average {load:.1f}; "
                    "compute_many(dimensions=True): age band, sex, ethnicity, source, need "
                    "and category for every borough (no caller needs this today: ADR 0029)"
                ],
            }
        )
    return rows


def main(argv: Sequence[str]) -> int:
    quick = "--quick" in argv
    rows = [complete("indicators", row) for row in run(quick)]
    print(format_table(rows))
    write_results({"indicators": rows}, RESULTS_DIR, quick)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
