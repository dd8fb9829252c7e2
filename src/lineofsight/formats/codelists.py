"""Code lists and partner-return measures, read from the CSV files in ``formats/reference/``."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from importlib import resources


def _reference_text(name: str) -> str:
    return (
        resources.files("lineofsight.formats")
        .joinpath("reference")
        .joinpath(name)
        .read_text("utf-8")
    )


@cache
def _all_codes() -> dict[str, frozenset[str]]:
    lists: dict[str, set[str]] = {}
    for row in csv.DictReader(io.StringIO(_reference_text("codelists.csv"))):
        lists.setdefault(row["list"], set()).add(row["code"])
    return {name: frozenset(codes) for name, codes in lists.items()}


def codes(list_name: str) -> frozenset[str]:
    """The allowed codes of one list (e.g. ``"cin_primary_need"``); KeyError for an unknown list."""
    return _all_codes()[list_name]


@dataclass(frozen=True)
class Measure:
    measure_id: str
    agency_type: str
    title: str
    unit: str
    description: str
    breakdowns: frozenset[str]  # allowed breakdown values; empty means any (or none)
    # How the dashboard shows it (optional columns; empty means the default):
    polarity: str = "neutral"  # higher_is_better | lower_is_better | neutral
    counting: str = "events"  # events (summed over a period) | latest_in_period (a stock)
    denominator: str = ""  # for unit percent: the measure_id whose values are the denominator


@cache
def partner_measures() -> dict[str, Measure]:
    """The measures a partner return may carry, keyed by ``measure_id``."""
    measures: dict[str, Measure] = {}
    for row in csv.DictReader(io.StringIO(_reference_text("partner_measures.csv"))):
        allowed = frozenset(
            b.strip() for b in (row.get("breakdowns") or "").split("|") if b.strip()
        )
        measures[row["measure_id"]] = Measure(
            row["measure_id"],
            row["agency_type"],
            row["title"],
            row["unit"],
            row["description"],
            allowed,
            (row.get("polarity") or "").strip() or "neutral",
            (row.get("counting") or "").strip() or "events",
            (row.get("denominator") or "").strip(),
        )
    return measures
