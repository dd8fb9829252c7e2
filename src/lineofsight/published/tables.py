"""Read one DfE table in the layout DfE publishes into :class:`PublishedValue` s.

Which column becomes which indicator (ids shared with ``lineofsight.indicators``):

========================  =================================================================
table                     indicators
========================  =================================================================
C1 referrals              ``referrals`` (referral_count); ``referral_rate_per_10k`` (per
                          10,000 children aged 0-17, computed as for B1); ``rereferral_pct``
                          (rereferral_percent = rereferral_count / referral_count);
                          ``referral_nfa_pct`` (no_further_action_percent =
                          no_further_action_count / referral_count)
B1 children in need       ``cin_at_31_march`` (At31_episodes); ``cin_rate_per_10k`` (At31_episodes
                          per 10,000 children aged 0-17; DfE's B1 file has no rate, so it is
                          computed, to 1 dp, when a population index is given)
D3 repeat CP plans        ``cp_repeat_plan_pct`` (CPP_subsequent_percent = CPP_subsequent /
                          CPP_start)
CLA numbers and rates     ``cla_rate_per_10k`` (looked after on 31 March: rate_per_10000, with
                          children_count / population_estimate); ``cla_starts`` and
                          ``cla_ceased`` (children_count)
care leavers' activity    ``care_leavers_19_21_eet_pct`` (see :mod:`.care_leavers`)
C3, D5, placements,       see :mod:`.more_tables`
care leavers'
accommodation, workforce
Fingertips                ``hospital_admissions_injuries_0_14`` (see :mod:`.fingertips`)
ONS population            ``population_0_17``, filed under the year ending 31 March it is the
                          denominator for (mid-2020 estimate -> 2021; see :mod:`.population`)
========================  =================================================================

Published percentages and rates are taken as DfE rounded them; nothing is recomputed where DfE
publishes the figure.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Final

from lineofsight.published import more_tables
from lineofsight.published.care_leavers import read_care_leavers
from lineofsight.published.fingertips import read_fingertips
from lineofsight.published.layouts import (
    NEIGHBOUR_LAYOUTS,
    UnknownTableError,
    open_dfe_csv,
    require_layout,
)
from lineofsight.published.population import (
    CHILDREN_0_TO_17,
    PopulationIndex,
    population_for_year_ending,
    rate_per_10k,
)
from lineofsight.published.values import Area, Cell, PublishedValue, parse_cell, published_value

Row = dict[str, str]
RowReader = Callable[[Iterable[Row], PopulationIndex | None], Iterator[PublishedValue]]

CLA_POPULATION_TYPES: Final[dict[str, str]] = {
    "Children looked after on 31 March each year": "cla_rate_per_10k",
    "Children starting to be looked after each year": "cla_starts",
    "Children ceasing to be looked after each year": "cla_ceased",
}


def _cells(row: Row, *columns: str) -> list[Cell]:
    return [parse_cell(row.get(column)) for column in columns]


def _year(row: Row) -> int:
    return int(row["time_period"])


def read_referrals(
    rows: Iterable[Row], population: PopulationIndex | None
) -> Iterator[PublishedValue]:
    for row in rows:
        area, year = Area(row), _year(row)
        referrals, rereferrals, rereferral_pct, nfa, nfa_pct = _cells(
            row,
            "referral_count",
            "rereferral_count",
            "rereferral_percent",
            "no_further_action_count",
            "no_further_action_percent",
        )
        yield published_value("referrals", year, area, referrals)
        yield published_value("rereferral_pct", year, area, rereferral_pct, rereferrals, referrals)
        yield published_value("referral_nfa_pct", year, area, nfa_pct, nfa, referrals)
        if population is not None:
            yield _rate("referral_rate_per_10k", year, area, referrals, population)


def read_children_in_need(
    rows: Iterable[Row], population: PopulationIndex | None
) -> Iterator[PublishedValue]:
    for row in rows:
        area, year = Area(row), _year(row)
        (at_31_march,) = _cells(row, "At31_episodes")
        yield published_value("cin_at_31_march", year, area, at_31_march)
        if population is not None:
            yield _rate("cin_rate_per_10k", year, area, at_31_march, population)


def _rate(
    indicator_id: str, year: int, area: Area, at_31_march: Cell, population: PopulationIndex
) -> PublishedValue:
    """``at_31_march`` (a count) per 10,000 children aged 0-17, to 1 dp."""
    estimate = population_for_year_ending(population, area.code, year)
    children = Cell(estimate.population, estimate.suppressed) if estimate else Cell(None, "x")
    if at_31_march.number is None:
        rate = Cell(None, at_31_march.symbol)
    elif children.number is None or children.number == 0:
        rate = Cell(None, children.symbol or "x")
    else:
        rate = Cell(rate_per_10k(at_31_march.number, children.number), None)
    return published_value(indicator_id, year, area, rate, at_31_march, children)


def read_repeat_cp_plans(
    rows: Iterable[Row], population: PopulationIndex | None
) -> Iterator[PublishedValue]:
    for row in rows:
        starts, repeats, repeat_pct = _cells(
            row, "CPP_start", "CPP_subsequent", "CPP_subsequent_percent"
        )
        yield published_value(
            "cp_repeat_plan_pct", _year(row), Area(row), repeat_pct, repeats, starts
        )


def read_looked_after(
    rows: Iterable[Row], population: PopulationIndex | None
) -> Iterator[PublishedValue]:
    for row in rows:
        indicator_id = CLA_POPULATION_TYPES.get((row.get("population_type") or "").strip())
        if indicator_id is None:
            continue
        area, year = Area(row), _year(row)
        children, rate, estimate = _cells(
            row, "children_count", "rate_per_10000", "population_estimate"
        )
        if indicator_id == "cla_rate_per_10k":
            yield published_value(indicator_id, year, area, rate, children, estimate)
        else:
            yield published_value(indicator_id, year, area, children)


def read_care_leavers_table(
    rows: Iterable[Row], population: PopulationIndex | None
) -> Iterator[PublishedValue]:
    return read_care_leavers(rows)


def read_population_table(
    rows: Iterable[Row], population: PopulationIndex | None
) -> Iterator[PublishedValue]:
    for row in rows:
        if (row.get("age_group") or "").strip() != CHILDREN_0_TO_17:
            continue
        (children,) = _cells(row, "population_estimate")
        yield published_value("population_0_17", _year(row) + 1, Area(row), children)


def _without_population(
    read: Callable[[Iterable[Row]], Iterator[PublishedValue]],
) -> RowReader:
    def reader(rows: Iterable[Row], population: PopulationIndex | None) -> Iterator[PublishedValue]:
        return read(rows)

    return reader


ROW_READERS: Final[dict[str, RowReader]] = {
    "c3_assessment_factors": _without_population(more_tables.read_factors),
    "d5_cp_plans_by_length": _without_population(more_tables.read_plan_lengths),
    "cla_placement_stability": _without_population(more_tables.read_placement_stability),
    "cla_new_placements": _without_population(more_tables.read_new_placements),
    "care_leavers_accommodation": _without_population(more_tables.read_accommodation),
    "csww_workforce": _without_population(more_tables.read_workforce),
    "fingertips_indicator": _without_population(read_fingertips),
    "c1_referrals": read_referrals,
    "b1_children_in_need": read_children_in_need,
    "d3_repeat_cp_plans": read_repeat_cp_plans,
    "cla_numbers_and_rates": read_looked_after,
    "care_leavers_activity": read_care_leavers_table,
    "ons_population": read_population_table,
}


def read_table(
    path: Path | str, population: PopulationIndex | None = None
) -> Iterator[PublishedValue]:
    """Every value of one DfE table file, mapped to indicator ids.

    ``population`` (from :func:`read_population`) lets the B1 table yield ``cin_rate_per_10k``
    too. Raises :class:`UnknownTableError` at the call, not on iteration, for a file that is
    not a DfE value table (a neighbour groupings file is read with :func:`read_neighbours`).
    """
    layout = require_layout(path)
    if layout.name in NEIGHBOUR_LAYOUTS:
        raise UnknownTableError(
            f"{path}: is a statistical neighbour file ({layout.description}); "
            "read it with read_neighbours()"
        )
    return _read_rows(path, ROW_READERS[layout.name], population)


def _read_rows(
    path: Path | str, reader: RowReader, population: PopulationIndex | None
) -> Iterator[PublishedValue]:
    with open_dfe_csv(path) as handle:
        rows = csv.DictReader(handle)
        rows.fieldnames = [name.strip() for name in rows.fieldnames or []]
        yield from reader(rows, population)
