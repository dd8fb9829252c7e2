"""The normalised tables every child-level return is turned into.

This module is the contract between the format parsers (``lineofsight.formats``), the snapshot
store (``lineofsight.datasets``) and the indicator engine (``lineofsight.indicators``).  A parser
returns ``dict[table_name, list[dict]]`` whose rows carry exactly these columns; the snapshot
writer stores each table as one Parquet file with this schema; the indicator SQL reads them.

Conventions
- ``child_id`` is always the keyed pseudonym (never LAchildID/UPN/CHILD): see
  ``lineofsight.formats.pseudonymise``.  Parsers emit the raw identifier in ``child_id`` and the
  ingest step replaces it before anything is written.
- ``la_code`` is the old three-digit DfE LA code as text (e.g. "371").
- ``collection_year`` is the year the return's collection ends in (2021 for 2020-21).
- Dates are ``datetime.date`` (Parquet DATE); booleans are ``bool``; missing is ``None``.
- Code values are stored as they appear in the return (e.g. "N1", "RC8", "NEG", "C2").
"""

from __future__ import annotations

from typing import Final

import pyarrow as pa

D = pa.date32()
S = pa.string()
B = pa.bool_()
I = pa.int32()  # noqa: E741 - short alias kept for readability of the table below
F = pa.float64()

_COMMON: Final = [("la_code", S), ("collection_year", I)]

TABLES: Final[dict[str, list[tuple[str, pa.DataType]]]] = {
    # ---- CIN census (one row per child, then per CINdetails episode and its children) ----
    "cin_children": [
        ("child_id", S),
        ("sex", S),
        ("birth_date", D),
        ("expected_birth_date", D),
        ("death_date", D),
        ("ethnicity", S),
        ("disabilities", S),  # space-separated codes
    ],
    "cin_episodes": [
        ("child_id", S),
        ("episode_no", I),
        ("referral_date", D),
        ("referral_source", S),
        ("primary_need", S),
        ("closure_date", D),
        ("closure_reason", S),
        ("referral_nfa", B),
    ],
    "cin_assessments": [
        ("child_id", S),
        ("episode_no", I),
        ("start_date", D),
        ("internal_review_date", D),
        ("authorisation_date", D),
        ("factors", S),  # space-separated codes
    ],
    "cin_plans": [("child_id", S), ("episode_no", I), ("start_date", D), ("end_date", D)],
    "s47_enquiries": [
        ("child_id", S),
        ("episode_no", I),
        ("start_date", D),
        ("icpc_target_date", D),
        ("icpc_date", D),
        ("icpc_not_required", B),
    ],
    "cp_plans": [
        ("child_id", S),
        ("episode_no", I),
        ("start_date", D),
        ("end_date", D),
        ("initial_category", S),
        ("latest_category", S),
        ("previous_plans", I),
    ],
    "cp_reviews": [("child_id", S), ("episode_no", I), ("plan_start_date", D), ("review_date", D)],
    # ---- SSDA903 (children looked after) ----
    "cla_children": [
        ("child_id", S),
        ("sex", S),
        ("birth_date", D),
        ("ethnicity", S),
        ("mother", B),
        ("mother_child_birth_date", D),
    ],
    "cla_episodes": [
        ("child_id", S),
        ("start_date", D),
        ("reason_new_episode", S),
        ("legal_status", S),
        ("cin_category", S),
        ("placement", S),
        ("placement_provider", S),
        ("end_date", D),
        ("reason_episode_ceased", S),
        ("reason_place_change", S),
        ("urn", S),
    ],
    "cla_reviews": [("child_id", S), ("review_date", D), ("review_code", S)],
    "cla_uasc": [("child_id", S), ("uasc_ceased_date", D)],
    "cla_outcomes": [  # OC2
        ("child_id", S),
        ("sdq_score", I),
        ("sdq_reason", S),
        ("convicted", B),
        ("health_check", B),
        ("immunisations", B),
        ("teeth_check", B),
        ("health_assessment", B),
        ("substance_misuse", B),
    ],
    "care_leavers": [  # OC3
        ("child_id", S),
        ("birth_date", D),
        ("in_touch", S),
        ("activity", S),
        ("accommodation", S),
    ],
    "cla_missing": [
        ("child_id", S),
        ("missing_type", S),
        ("start_date", D),
        ("end_date", D),
    ],
    # ---- Ofsted Annex A (lists) ----
    "contacts": [("child_id", S), ("contact_date", D), ("contact_source", S)],
    "early_help": [("child_id", S), ("start_date", D), ("end_date", D), ("provider", S)],
    # ---- Aggregate partner returns ----
    "partner_measures": [
        ("agency", S),
        ("measure_id", S),
        ("period_start", D),
        ("period_end", D),
        ("value", F),
        ("breakdown", S),
    ],
}


def columns(table: str) -> list[str]:
    """Every column of ``table`` in order, common columns first."""
    return [name for name, _ in _COMMON + TABLES[table]]


def arrow_schema(table: str) -> pa.Schema:
    """The Parquet schema of ``table`` (common columns first)."""
    return pa.schema([pa.field(name, kind) for name, kind in _COMMON + TABLES[table]])


def to_arrow(table: str, rows: list[dict[str, object]]) -> pa.Table:
    """Rows (dicts with the table's columns; absent keys are null) as an Arrow table."""
    schema = arrow_schema(table)
    data = {name: [row.get(name) for row in rows] for name in schema.names}
    return pa.Table.from_pydict(data, schema=schema)
