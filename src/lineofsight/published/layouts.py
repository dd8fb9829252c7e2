"""Which DfE table a CSV file is, told from its header row."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Final, TextIO


class UnknownTableError(ValueError):
    """A CSV whose header matches none of the DfE layouts this package reads."""


@dataclass(frozen=True)
class Layout:
    """A DfE table layout: its name, what it holds, and the columns that identify it."""

    name: str
    description: str
    required_columns: frozenset[str]
    # Tables DfE publishes with the very same columns are told apart by what a column holds:
    # (column, values of which the first rows must show at least one).
    marker: tuple[str, frozenset[str]] | None = None

    def marked(self, sample: list[dict[str, str]]) -> bool:
        if self.marker is None:
            return True
        column, values = self.marker
        return any((row.get(column) or "").strip() in values for row in sample)


_EES_COLUMNS: Final = frozenset({"time_period", "geographic_level", "old_la_code", "la_name"})

LAYOUTS: Final[tuple[Layout, ...]] = (
    Layout(
        "c1_referrals",
        "DfE children in need C1: referrals and re-referrals",
        _EES_COLUMNS | {"referral_count", "rereferral_percent", "no_further_action_percent"},
    ),
    Layout(
        "b1_children_in_need",
        "DfE children in need B1: children in need",
        _EES_COLUMNS | {"At31_episodes"},
    ),
    Layout(
        "d3_repeat_cp_plans",
        "DfE children in need D3: second or subsequent child protection plans",
        _EES_COLUMNS | {"CPP_start", "CPP_subsequent", "CPP_subsequent_percent"},
    ),
    Layout(
        "cla_numbers_and_rates",
        "DfE children looked after: numbers and rates per 10,000",
        _EES_COLUMNS | {"population_type", "children_count", "rate_per_10000"},
    ),
    Layout(
        "care_leavers_activity",
        "DfE children looked after: care leavers' activity",
        _EES_COLUMNS | {"care_leaver_age", "breakdown", "care_leaver_count"},
        ("breakdown", frozenset({"Total in education, employment or training", "Total"})),
    ),
    Layout(
        "c3_assessment_factors",
        "DfE children in need C3: factors identified at the end of assessment",
        _EES_COLUMNS | {"Episodes_with_assessment_factor", "Neglect"},
    ),
    Layout(
        "d5_cp_plans_by_length",
        "DfE children in need D5: child protection plans at 31 March by length",
        _EES_COLUMNS | {"CPP_At31", "2_years_or_more", "2_years_or_more_percent"},
    ),
    Layout(
        "cla_placement_stability",
        "DfE children looked after: placement stability",
        _EES_COLUMNS | {"cla_group", "placement_stability", "children_count"},
    ),
    Layout(
        "cla_new_placements",
        "DfE children looked after: new placements during the year",
        _EES_COLUMNS | {"characteristic", "breakdown", "children_count"},
    ),
    Layout(
        "care_leavers_accommodation",
        "DfE children looked after: care leavers' accommodation suitability",
        _EES_COLUMNS | {"care_leaver_age", "breakdown", "care_leaver_count"},
        ("breakdown", frozenset({"Accommodation considered suitable", "Suitability total"})),
    ),
    Layout(
        "csww_workforce",
        "DfE children's social work workforce: turnover, vacancies, agency staff, caseloads",
        _EES_COLUMNS | {"turnover_rate_fte", "vacancy_rate_fte", "caseload_fte"},
    ),
    Layout(
        "fingertips_indicator",
        "OHID Fingertips indicator (e.g. hospital admissions for injuries, children 0-14)",
        frozenset({"Indicator ID", "Area Code", "Area Type", "Time period", "Value", "Count"}),
    ),
    Layout(
        "ons_population",
        "ONS mid-year population estimates, children aged 0 to 17",
        _EES_COLUMNS | {"age_group", "population_estimate"},
    ),
    Layout(
        "neighbours_2021",
        "DfE statistical neighbour groupings, April 2021",
        frozenset({"LA num", "LA Name", "SN1", "SN10"}),
    ),
    Layout(
        "neighbours_2025",
        "DfE statistical neighbour model 2025 (wide)",
        frozenset({"old_la_code", "la_name", "SN_1", "SN_10"}),
    ),
)

NEIGHBOUR_LAYOUTS: Final = frozenset({"neighbours_2021", "neighbours_2025"})


@contextmanager
def open_dfe_csv(path: Path | str) -> Iterator[TextIO]:
    """Open a DfE CSV as text; ``utf-8-sig`` drops the byte-order mark several files start with."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        yield handle


def read_header(path: Path | str) -> list[str]:
    """The header row of a CSV file, stripped, without a byte-order mark."""
    with open_dfe_csv(path) as handle:
        header = next(csv.reader(handle), [])
    return [column.strip() for column in header]


SAMPLE_ROWS: Final = 500


def read_sample(path: Path | str, rows: int = SAMPLE_ROWS) -> list[dict[str, str]]:
    """The first ``rows`` data rows of a CSV (to tell apart tables with the same columns)."""
    with open_dfe_csv(path) as handle:
        reader = csv.DictReader(handle)
        reader.fieldnames = [name.strip() for name in reader.fieldnames or []]
        return [row for _, row in zip(range(rows), reader, strict=False)]


def detect_layout(header: list[str], sample: list[dict[str, str]] | None = None) -> Layout | None:
    """The one layout whose identifying columns are all in ``header`` (and, for tables sharing
    their columns, whose marker values show in ``sample``), or ``None``."""
    columns = set(header)
    matches = [layout for layout in LAYOUTS if layout.required_columns <= columns]
    if len(matches) > 1 and sample is not None:
        matches = [layout for layout in matches if layout.marked(sample)]
    if len(matches) > 1:  # layouts are defined to be told apart; keep it so
        raise AssertionError(f"header matches several layouts: {[m.name for m in matches]}")
    return matches[0] if matches else None


def _detect(path: Path | str) -> tuple[list[str], Layout | None]:
    header = read_header(path)
    columns = set(header)
    shared = sum(1 for layout in LAYOUTS if layout.required_columns <= columns) > 1
    return header, detect_layout(header, read_sample(path) if shared else None)


def detect_table(path: Path | str) -> str | None:
    """Which DfE table the CSV at ``path`` is (a name from :data:`LAYOUTS`), or ``None``."""
    _, layout = _detect(path)
    return layout.name if layout else None


def require_layout(path: Path | str) -> Layout:
    """The layout of ``path``; raise :class:`UnknownTableError` naming what was expected."""
    header, layout = _detect(path)
    if layout is None:
        known = "; ".join(f"{item.name} ({item.description})" for item in LAYOUTS)
        shown = ", ".join(header[:8]) + (", ..." if len(header) > 8 else "")
        raise UnknownTableError(
            f"{path}: not a DfE table this package reads (header: {shown or 'empty'}). "
            f"Known tables: {known}."
        )
    return layout
