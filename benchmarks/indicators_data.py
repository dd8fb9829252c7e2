"""Synthetic normalised Parquet tables for the indicators benchmark (numpy, seeded).

Magnitudes follow a mid-sized borough (the seed reports): about 15,000 contacts, 4,000
referrals, 1,200 section 47 enquiries, 350 child protection plans and 250 children starting
care a year.  Dates span the financial years 2019-20 to 2024-25.  No real child is involved.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from lineofsight.formats.tables import arrow_schema

FIRST_DAY = np.datetime64("2019-04-01")
DAYS = 6 * 365
YEARS = 6
PER_YEAR = {
    "contacts": 15_000,
    "cin_episodes": 4_000,
    "s47_enquiries": 1_200,
    "cp_plans": 350,
    "cla_episodes": 250,
    "early_help": 2_000,
    "care_leavers": 150,
}
MEASURES = [
    "police_da_incidents_children_present",
    "police_missing_child_episodes",
    "ae_self_harm_attendances_u18",
    "health_visitor_safeguarding_referrals",
    "idva_referrals",
    "idva_repeat_victims",
    "early_help_cases_open",
]


def _dates(rng: np.random.Generator, count: int) -> np.ndarray:
    return FIRST_DAY + rng.integers(0, DAYS, count).astype("timedelta64[D]")


def _collection_year(dates: np.ndarray) -> np.ndarray:
    years = dates.astype("datetime64[Y]").astype(int) + 1970
    months = dates.astype("datetime64[M]").astype(int) % 12 + 1
    return np.where(months >= 4, years + 1, years).astype(np.int32)


def _maybe(rng: np.random.Generator, dates: np.ndarray, share_open: float) -> pa.Array:
    mask = rng.random(len(dates)) < share_open
    return pa.array(dates.astype("datetime64[D]"), pa.date32(), mask=mask)


def _distinct_per_child(children: list[str], dates: np.ndarray) -> np.ndarray:
    """Move a child's second referral on the same day to the next free day (a natural key)."""
    seen: set[tuple[str, np.datetime64]] = set()
    result = dates.copy()
    for index, child in enumerate(children):
        while (child, result[index]) in seen:
            result[index] += np.timedelta64(1, "D")
        seen.add((child, result[index]))
    return result


def _ids(rng: np.random.Generator, pool: int, count: int, prefix: str) -> list[str]:
    return [f"{prefix}{n}" for n in rng.integers(0, pool, count)]


def _table(name: str, la: str, columns: dict[str, object], dates: np.ndarray) -> pa.Table:
    count = len(dates)
    data: dict[str, object] = {
        "la_code": [la] * count,
        "collection_year": _collection_year(dates),
    }
    data.update(columns)
    schema = arrow_schema(name)
    arrays = []
    for field in schema:
        value = data.get(field.name)
        if value is None:
            arrays.append(pa.nulls(count, field.type))
        else:
            arrays.append(pa.array(value, field.type) if not isinstance(value, pa.Array) else value)
    return pa.Table.from_arrays(arrays, schema=schema)


def borough(directory: Path, la: str, seed: int) -> dict[str, list[Path]]:
    """Write one synthetic borough's tables to ``directory``; the sources mapping for them."""
    rng = np.random.default_rng(seed)
    directory.mkdir(parents=True, exist_ok=True)
    tables: dict[str, pa.Table] = {}
    n = {name: per_year * YEARS for name, per_year in PER_YEAR.items()}

    contact_dates = _dates(rng, n["contacts"])
    tables["contacts"] = _table(
        "contacts",
        la,
        {
            "child_id": _ids(rng, 30_000, n["contacts"], "c"),
            "contact_date": contact_dates,
            "contact_source": rng.choice(["1A", "2A", "3A", "5A"], n["contacts"]),
        },
        contact_dates,
    )

    episode_children = _ids(rng, 12_000, n["cin_episodes"], "c")
    referral_dates = _distinct_per_child(episode_children, _dates(rng, n["cin_episodes"]))
    closure = referral_dates + rng.integers(0, 400, n["cin_episodes"]).astype("timedelta64[D]")
    tables["cin_episodes"] = _table(
        "cin_episodes",
        la,
        {
            "child_id": episode_children,
            "episode_no": np.arange(n["cin_episodes"], dtype=np.int32),
            "referral_date": referral_dates,
            "closure_date": _maybe(rng, closure, 0.1),
            "referral_nfa": rng.random(n["cin_episodes"]) < 0.08,
        },
        referral_dates,
    )

    authorised = referral_dates + rng.integers(1, 80, n["cin_episodes"]).astype("timedelta64[D]")
    tables["cin_assessments"] = _table(
        "cin_assessments",
        la,
        {
            "child_id": episode_children,
            "episode_no": np.arange(n["cin_episodes"], dtype=np.int32),
            "start_date": referral_dates,
            "authorisation_date": _maybe(rng, authorised, 0.05),
        },
        referral_dates,
    )

    s47 = rng.choice(n["cin_episodes"], n["s47_enquiries"], replace=False)
    s47_start = referral_dates[s47] + rng.integers(0, 10, len(s47)).astype("timedelta64[D]")
    icpc = s47_start + rng.integers(3, 30, len(s47)).astype("timedelta64[D]")
    tables["s47_enquiries"] = _table(
        "s47_enquiries",
        la,
        {
            "child_id": [episode_children[i] for i in s47],
            "episode_no": s47.astype(np.int32),
            "start_date": s47_start,
            "icpc_date": _maybe(rng, icpc, 0.7),
        },
        referral_dates[s47],
    )

    plans = s47[: n["cp_plans"]]
    plan_children = [episode_children[i] for i in plans]
    plan_start = _distinct_per_child(  # one plan per child per start date (the natural key)
        plan_children,
        referral_dates[plans] + rng.integers(10, 40, len(plans)).astype("timedelta64[D]"),
    )
    tables["cp_plans"] = _table(
        "cp_plans",
        la,
        {
            "child_id": plan_children,
            "episode_no": plans.astype(np.int32),
            "start_date": plan_start,
            "end_date": _maybe(rng, plan_start + np.timedelta64(300, "D"), 0.3),
            "initial_category": rng.choice(["NEG", "EMO", "PHY", "SAB", "MUL"], len(plans)),
            "previous_plans": rng.choice([0, 0, 0, 1, 2], len(plans)).astype(np.int32),
        },
        referral_dates[plans],
    )

    cla_start = _dates(rng, n["cla_episodes"])
    cla_days = rng.integers(20, 1500, n["cla_episodes"]).astype("timedelta64[D]")
    cla_children = _ids(rng, 5_000, n["cla_episodes"], "l")
    cla_start = _distinct_per_child(cla_children, cla_start)  # one episode per child per day
    cla_end = cla_start + cla_days
    tables["cla_episodes"] = _table(
        "cla_episodes",
        la,
        {
            "child_id": cla_children,
            "start_date": cla_start,
            "reason_new_episode": rng.choice(["S", "S", "S", "P"], n["cla_episodes"]),
            "legal_status": rng.choice(["C2", "J2", "V2", "V3"], n["cla_episodes"]),
            "end_date": _maybe(rng, cla_end, 0.4),
            "reason_episode_ceased": rng.choice(["E11", "E13", "X1", "E41"], n["cla_episodes"]),
        },
        cla_start,
    )

    eh_start = _dates(rng, n["early_help"])
    tables["early_help"] = _table(
        "early_help",
        la,
        {
            "child_id": _ids(rng, 20_000, n["early_help"], "c"),
            "start_date": eh_start,
            "end_date": _maybe(rng, eh_start + np.timedelta64(180, "D"), 0.2),
            "provider": rng.choice(["school", "family_hub"], n["early_help"]),
        },
        eh_start,
    )

    contact_day = _dates(rng, n["care_leavers"])
    birth = contact_day - (rng.integers(17, 22, n["care_leavers"]) * 365).astype("timedelta64[D]")
    tables["care_leavers"] = _table(
        "care_leavers",
        la,
        {
            "child_id": _ids(rng, 3_000, n["care_leavers"], "l"),
            "birth_date": birth,
            "activity": rng.choice(["F1", "F2", "F4", "P5", "G5", "G6", "0"], n["care_leavers"]),
        },
        contact_day,
    )

    month_starts = np.arange("2019-04", "2025-04", dtype="datetime64[M]")
    month_ends = (month_starts + 1).astype("datetime64[D]") - 1
    rows = [(m, s, e) for m in MEASURES for s, e in zip(month_starts, month_ends, strict=True)]
    ends = np.array([e for _, _, e in rows])
    tables["partner_measures"] = _table(
        "partner_measures",
        la,
        {
            "agency": ["police"] * len(rows),
            "measure_id": [m for m, _, _ in rows],
            "period_start": np.array([s for _, s, _ in rows]).astype("datetime64[D]"),
            "period_end": ends,
            "value": rng.integers(5, 400, len(rows)).astype(float),
        },
        ends,
    )

    tables.update(_reviews_and_outcomes(np.random.default_rng(seed + 10_000), la, tables))

    sources: dict[str, list[Path]] = {}
    for name, table in tables.items():
        path = directory / f"{name}.parquet"
        pq.write_table(table, path)
        sources[name] = [path]
    return sources


def _reviews_and_outcomes(
    rng: np.random.Generator, la: str, tables: dict[str, pa.Table]
) -> dict[str, pa.Table]:
    """Reviews (CP and CLA), the CLA header, OC2 outcomes and missing episodes, from the plans
    and episodes already made (their own random stream, so the other tables stay as they were)."""
    plans = tables["cp_plans"]
    plan_children = plans.column("child_id").to_pylist()
    plan_starts = plans.column("start_date").to_numpy().astype("datetime64[D]")
    cp_children, cp_starts, cp_dates = [], [], []
    for child, start in zip(plan_children, plan_starts, strict=True):
        day = start
        for _ in range(int(rng.integers(0, 4))):  # up to 3 reviews, about 3 to 6 months apart
            day = day + np.timedelta64(int(rng.integers(80, 200)), "D")
            cp_children.append(child)
            cp_starts.append(start)
            cp_dates.append(day)
    cp_review_dates = np.array(cp_dates, dtype="datetime64[D]")
    episodes = tables["cla_episodes"]
    cla_children = episodes.column("child_id").to_pylist()
    cla_starts = episodes.column("start_date").to_numpy().astype("datetime64[D]")
    cla_kids, cla_dates = [], []
    for child, start in zip(cla_children, cla_starts, strict=True):
        day = start + np.timedelta64(int(rng.integers(10, 30)), "D")
        for _ in range(int(rng.integers(1, 4))):
            cla_kids.append(child)
            cla_dates.append(day)
            day = day + np.timedelta64(int(rng.integers(80, 200)), "D")
    cla_review_dates = np.array(cla_dates, dtype="datetime64[D]")
    unique_children = sorted(set(cla_children))
    births = np.datetime64("2005-01-01") + rng.integers(0, 6000, len(unique_children)).astype(
        "timedelta64[D]"
    )
    header_dates = np.full(len(unique_children), np.datetime64("2024-06-01"))
    outcome_dates = np.full(len(unique_children), np.datetime64("2024-06-01"))
    missing_children = rng.choice(cla_children, len(cla_children) // 2)
    missing_starts = _dates(rng, len(missing_children))
    return {
        "cp_reviews": _table(
            "cp_reviews",
            la,
            {
                "child_id": cp_children,
                "episode_no": np.zeros(len(cp_children), np.int32),
                "plan_start_date": np.array(cp_starts, dtype="datetime64[D]"),
                "review_date": cp_review_dates,
            },
            cp_review_dates,
        ),
        "cla_reviews": _table(
            "cla_reviews",
            la,
            {
                "child_id": cla_kids,
                "review_date": cla_review_dates,
                "review_code": ["PN1"] * len(cla_kids),
            },
            cla_review_dates,
        ),
        "cla_children": _table(
            "cla_children", la, {"child_id": unique_children, "birth_date": births}, header_dates
        ),
        "cla_outcomes": _table(
            "cla_outcomes",
            la,
            {
                "child_id": unique_children,
                "health_assessment": rng.random(len(unique_children)) < 0.9,
            },
            outcome_dates,
        ),
        "cla_missing": _table(
            "cla_missing",
            la,
            {
                "child_id": list(missing_children),
                "missing_type": rng.choice(["M", "A"], len(missing_children)),
                "start_date": missing_starts,
            },
            missing_starts,
        ),
    }


def population() -> dict[int, int]:
    """Under-18 population by financial-year-ending (the seed report's 66,918, flat)."""
    return {year: 66_918 for year in range(2020, 2026)}


def first_and_last_day() -> tuple[dt.date, dt.date]:
    return dt.date(2019, 4, 1), dt.date(2025, 3, 31)
