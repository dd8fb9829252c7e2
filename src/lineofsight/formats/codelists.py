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
def _spans() -> dict[str, dict[str, tuple[int, int]]]:
    """Each list's codes with the first and last collection year they are valid in (2025 is
    2024-25; a blank ``from_year``/``to_year`` in the CSV means no limit)."""
    lists: dict[str, dict[str, tuple[int, int]]] = {}
    for row in csv.DictReader(io.StringIO(_reference_text("codelists.csv"))):
        first, last = (row.get("from_year") or "").strip(), (row.get("to_year") or "").strip()
        span = (int(first) if first else 0, int(last) if last else 9999)
        lists.setdefault(row["list"], {})[row["code"]] = span
    return lists


@cache
def codes(list_name: str, year: int | None = None) -> frozenset[str]:
    """The allowed codes of one list (e.g. ``"cin_primary_need"``) in collection ``year``, or in
    any year for ``None``; KeyError for an unknown list."""
    spans = _spans()[list_name]
    return frozenset(
        code for code, (first, last) in spans.items() if year is None or first <= year <= last
    )


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
