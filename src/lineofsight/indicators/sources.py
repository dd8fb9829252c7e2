# ruff: noqa: S608 - SQL is built from the declared catalogue and quoted file paths, never from user input
"""Load the normalised Parquet snapshots into one DuckDB connection, one table per name.

Several files of the same table (snapshots, years) are unioned, then de-duplicated on the
table's natural key keeping the row from the latest ``collection_year``, because each year's
CIN census, SSDA903 return and Annex A list repeats the episodes still open from before.  The CIN
child tables (assessments, plans, S47 enquiries, reviews) are first given the ``referral_date``
of their episode from the same return, since ``episode_no`` is only meaningful inside one return.

Reference tables are loaded too: ``calendar`` (day, working_days_before) and
``oc3_activity_codes`` (code, description, eet).
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from importlib import resources
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa

from lineofsight.calendar.workdays import bank_holidays, covered_years
from lineofsight.formats.tables import TABLES, columns
from lineofsight.indicators.methods import REFERENCE_PACKAGE
from lineofsight.indicators.parallel import run_all

# Natural key per table (besides la_code); rows sharing it keep the latest collection_year.
NATURAL_KEYS: Mapping[str, tuple[str, ...]] = {
    "cin_children": ("child_id",),
    "cin_episodes": ("child_id", "referral_date"),
    "cin_assessments": ("child_id", "referral_date", "start_date"),
    "cin_plans": ("child_id", "referral_date", "start_date"),
    "s47_enquiries": ("child_id", "referral_date", "start_date"),
    "cp_plans": ("child_id", "start_date"),
    "cp_reviews": ("child_id", "plan_start_date", "review_date"),
    "cla_children": ("child_id",),
    "cla_episodes": ("child_id", "start_date"),
    "cla_reviews": ("child_id", "review_date"),
    "cla_uasc": ("child_id",),
    "cla_missing": ("child_id", "start_date"),
    "contacts": ("child_id", "contact_date", "contact_source"),
    "early_help": ("child_id", "start_date", "provider"),
    "partner_measures": ("agency", "measure_id", "period_start", "period_end", "breakdown"),
    # cla_outcomes and care_leavers are one record per child per year: collection_year is key.
    "cla_outcomes": ("child_id", "collection_year"),
    "care_leavers": ("child_id", "collection_year"),
}

# CIN tables whose rows belong to an episode (joined on la_code, collection_year, child_id,
# episode_no) and so receive the episode's referral_date before de-duplication.
EPISODE_CHILD_TABLES = ("cin_assessments", "cin_plans", "s47_enquiries", "cp_plans", "cp_reviews")


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _file_list(paths: Sequence[Path]) -> str:
    return "[" + ", ".join("'" + str(path).replace("'", "''") + "'" for path in paths) + "]"


def _raw_select(table: str, paths: Sequence[Path]) -> str:
    wanted = ", ".join(_quote(name) for name in columns(table))
    return f"SELECT {wanted} FROM read_parquet({_file_list(paths)}, union_by_name = true)"


def _latest_rows(select: str, key: Sequence[str]) -> str:
    partition = ", ".join(_quote(name) for name in ("la_code", *key))
    return (
        f"SELECT * EXCLUDE (row_rank) FROM (SELECT *, row_number() OVER (PARTITION BY "
        f"{partition} ORDER BY collection_year DESC NULLS LAST) AS row_rank FROM ({select})) "
        "WHERE row_rank = 1"
    )


def load_tables(
    connection: duckdb.DuckDBPyConnection,
    sources: Mapping[str, Sequence[Path]],
    only: Collection[str] | None = None,
) -> set[str]:
    """Create a table per source with files (of those in ``only``, when given: the tables the
    indicators asked for read); return the names of the tables loaded."""
    statements: dict[str, str] = {}
    present = {name: list(paths) for name, paths in sources.items() if paths}
    for table, paths in present.items():
        if table not in TABLES:
            raise ValueError(f"unknown table: {table}")
        if only is not None and table not in only:
            continue
        select = _raw_select(table, paths)
        if table in EPISODE_CHILD_TABLES:
            select = _with_referral_date(select, present.get("cin_episodes", []))
        key = NATURAL_KEYS.get(table)
        if key is not None:
            select = _latest_rows(select, key)
        statements[table] = f"CREATE OR REPLACE TABLE {_quote(table)} AS {select}"
    # each reads its own files (the CIN child tables read the episodes' files, not the table)
    run_all(connection, list(statements.values()), fetch=False)
    return set(statements)


def _with_referral_date(select: str, episode_paths: Sequence[Path]) -> str:
    if not episode_paths:
        return f"SELECT *, CAST(NULL AS DATE) AS referral_date FROM ({select})"
    episodes = _raw_select("cin_episodes", episode_paths)
    return (
        f"SELECT child_rows.*, episodes.referral_date FROM ({select}) AS child_rows "
        f"LEFT JOIN ({episodes}) AS episodes USING (la_code, collection_year, child_id, "
        "episode_no)"
    )


def calendar_arrays() -> tuple[np.ndarray, np.ndarray]:
    """Every day of the bank-holiday table's years and the working days before it, as arrays:
    the same rows as ``calendar.workdays.working_day_index`` over those years, without a Python
    loop over some 26,000 days (a tenth of a second per computation)."""
    first_year, last_year = covered_years()
    days = np.arange(
        np.datetime64(dt.date(first_year, 1, 1)),
        np.datetime64(dt.date(last_year, 12, 31)) + np.timedelta64(1, "D"),
        dtype="datetime64[D]",
    )
    holidays = np.array(sorted(bank_holidays()), dtype="datetime64[D]")
    weekday = (days.astype(np.int64) + 3) % 7  # 1970-01-01 was a Thursday: Monday is 0
    working = (weekday < 5) & ~np.isin(days, holidays)
    before = np.concatenate(([0], np.cumsum(working)[:-1])).astype(np.int32)
    return days, before


def load_reference(connection: duckdb.DuckDBPyConnection) -> None:
    """Create ``calendar`` and ``oc3_activity_codes``."""
    days, before = calendar_arrays()
    calendar = pa.table(
        {"day": pa.array(days, pa.date32()), "working_days_before": pa.array(before, pa.int32())}
    )
    connection.register("calendar_arrow", calendar)
    connection.execute("CREATE OR REPLACE TABLE calendar AS SELECT * FROM calendar_arrow")
    connection.unregister("calendar_arrow")
    text = resources.files(REFERENCE_PACKAGE).joinpath("oc3_activity_codes.csv").read_text()
    codes = list(csv.DictReader(text.splitlines()))
    oc3 = pa.table(
        {
            "code": [row["code"] for row in codes],
            "description": [row["description"] for row in codes],
            "eet": [row["eet"].strip().lower() == "true" for row in codes],
        }
    )
    connection.register("oc3_arrow", oc3)
    connection.execute("CREATE OR REPLACE TABLE oc3_activity_codes AS SELECT * FROM oc3_arrow")
    connection.unregister("oc3_arrow")
