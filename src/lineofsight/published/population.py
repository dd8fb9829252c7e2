"""ONS mid-year estimates of children aged 0 to 17, and rates per 10,000 built on them.

Which estimate goes with which year: DfE divides a figure for the year ending 31 March by the
ONS estimate of the *previous* mid-year. The CLA table shows it: its ``population_estimate`` for
Doncaster in 2021 (2020-21) is 64,165, the ONS mid-2020 estimate (mid-2021 is 64,097); the tests
check this for every area and year of the shipped files. :func:`population_for_year_ending`
applies the same rule.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from lineofsight.published.layouts import UnknownTableError, detect_layout, open_dfe_csv
from lineofsight.published.rounding import per
from lineofsight.published.values import Area, Level, parse_cell

CHILDREN_0_TO_17: Final = "Children aged 0 to 17 years"


@dataclass(frozen=True)
class PopulationEstimate:
    """ONS estimate of children aged 0 to 17 living in an area at 30 June of ``mid_year``."""

    mid_year: int
    level: Level
    area_code: str
    area_name: str
    population: float | None
    suppressed: str | None
    region_code: str | None = None
    region_name: str | None = None


PopulationIndex = dict[tuple[str, int], PopulationEstimate]
"""Estimates keyed by (area code, mid-year); area codes are unique across levels."""


def read_population_estimates(path: Path | str) -> list[PopulationEstimate]:
    """Every 0-17 estimate in an ONS population file in DfE's layout."""
    estimates: list[PopulationEstimate] = []
    with open_dfe_csv(path) as handle:
        reader = csv.DictReader(handle)
        layout = detect_layout([name.strip() for name in reader.fieldnames or []])
        if layout is None or layout.name != "ons_population":
            raise UnknownTableError(f"{path}: not an ONS population file in DfE's layout")
        for row in reader:
            if (row.get("age_group") or "").strip() != CHILDREN_0_TO_17:
                continue
            area = Area(row)
            cell = parse_cell(row.get("population_estimate"))
            estimates.append(
                PopulationEstimate(
                    mid_year=int(row["time_period"]),
                    population=cell.number,
                    suppressed=cell.symbol,
                    **area.columns(),
                )
            )
    return estimates


def read_population(path: Path | str) -> PopulationIndex:
    """ONS 0-17 estimates of one file, keyed by (area code, mid-year)."""
    return {(item.area_code, item.mid_year): item for item in read_population_estimates(path)}


def population_for_year_ending(
    population: PopulationIndex, area_code: str, year: int
) -> PopulationEstimate | None:
    """The estimate DfE uses for the year ending 31 March ``year``: the mid-year before it."""
    return population.get((area_code, year - 1))


def rate_per_10k(count: float, population: float, decimals: int = 1) -> float:
    """``count`` per 10,000 of ``population``, rounded half away from zero as DfE tables are."""
    return per(count, population, 10_000, decimals)
