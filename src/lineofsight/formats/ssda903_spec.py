"""The SSDA903 tables and their columns, read from ``reference/ssda903_columns.csv``."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache

from lineofsight.formats.codelists import _reference_text
from lineofsight.formats.problems import Severity

MIN_MATCH = 0.5  # share of a table's columns a header must have to be taken as that table


@dataclass(frozen=True)
class ColumnSpec:
    table: str  # the 903 table, e.g. "Episodes"
    column: str  # e.g. "DECOM"
    kind: str  # id | date | code | bool | int | text | private (never stored)
    codelist: str
    required: bool
    on_bad: Severity  # severity of a bad value
    target_table: str  # normalised table (formats/tables.py), "" if not stored
    target_column: str
    optional: bool = False  # "optional" in the CSV: read when present, no warning when absent


@cache
def table_specs() -> dict[str, tuple[ColumnSpec, ...]]:
    tables: dict[str, list[ColumnSpec]] = {}
    for row in csv.DictReader(io.StringIO(_reference_text("ssda903_columns.csv"))):
        target_table, _, target_column = (row["target"] or "").partition(".")
        severity: Severity = "error" if row["on_bad"] == "error" else "warning"
        tables.setdefault(row["table"], []).append(
            ColumnSpec(
                row["table"],
                row["column"],
                row["kind"],
                row["codelist"],
                row["required"] == "yes",
                severity,
                target_table,
                target_column,
                row["required"] == "optional",
            )
        )
    return {name: tuple(columns) for name, columns in tables.items()}


def identify(header: list[str]) -> str | None:
    """The 903 table whose columns this header has (upper-cased names), or ``None``."""
    names = set(header)
    if "CHILD" not in names:
        return None
    best, best_score = None, 0.0
    for table, columns in table_specs().items():
        expected = {spec.column for spec in columns if not spec.optional}
        given = names - {spec.column for spec in columns if spec.optional}
        score = len(given & expected) / len(given | expected)
        if score > best_score:
            best, best_score = table, score
    return best if best_score >= MIN_MATCH else None
