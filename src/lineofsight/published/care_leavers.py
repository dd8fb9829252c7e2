"""Care leavers aged 19 to 21 in education, employment or training (EET), from DfE's activity table.

The table gives, per area, year and age band, one row per activity ``breakdown``. The EET
breakdowns are education other than higher education, higher education, and training or
employment: up to 2021 as one row "In training or employment", from 2022 split into
"In an apprenticeship" and "In training or employment (excl. apprenticeship)"; a scheme not used
in a year is published as "z" (not applicable) and counts as nothing.

The count in EET is DfE's "Total in education, employment or training" row when it is a number,
else the sum of the EET breakdowns when they are all published. In every local-authority row of
the shipped file where both are published they agree exactly (a test checks it); national and
regional counts are rounded to the nearest 10, so there the rounded breakdowns may not add up to
the rounded total, which is why the total row is preferred. The percentage is that count over the
"Total" row (all care leavers of the age band, including "information not known"), to 1 dp;
DfE publishes it as a whole number.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Final

from lineofsight.published.rounding import per
from lineofsight.published.values import Area, Cell, PublishedValue, parse_cell

AGE_19_TO_21: Final = "19 to 21 years"
EET_BREAKDOWNS: Final = frozenset(
    {
        "Education other than higher education",
        "Higher education i.e. studies beyond A level",
        "In training or employment",
        "In an apprenticeship",
        "In training or employment (excl. apprenticeship)",
    }
)
EET_TOTAL: Final = "Total in education, employment or training"
ALL_CARE_LEAVERS: Final = "Total"
NOT_APPLICABLE: Final = "z"


@dataclass
class CareLeaverActivity:
    """The activity rows of one area, year and age band."""

    year: int
    area: Area
    counts: dict[str, Cell] = field(default_factory=dict)

    def eet_from_breakdowns(self) -> float | None:
        """Sum of the EET breakdowns, or ``None`` when one is suppressed or missing."""
        total = 0.0
        for breakdown in EET_BREAKDOWNS:
            cell = self.counts.get(breakdown)
            if cell is None:
                return None
            if cell.number is not None:
                total += cell.number
            elif cell.symbol != NOT_APPLICABLE:
                return None
        return total

    def eet_count(self) -> Cell:
        """Care leavers in EET: the published total row, else the sum of the breakdowns."""
        published_total = self.counts.get(EET_TOTAL, Cell(None, ""))
        if published_total.is_number:
            return published_total
        summed = self.eet_from_breakdowns()
        return Cell(summed, None) if summed is not None else published_total

    def eet_percent(self) -> PublishedValue:
        """The ``care_leavers_19_21_eet_pct`` value of this group."""
        numerator = self.eet_count()
        denominator = self.counts.get(ALL_CARE_LEAVERS, Cell(None, ""))
        value = percent_cell(numerator, denominator)
        return PublishedValue(
            indicator_id="care_leavers_19_21_eet_pct",
            year=self.year,
            level=self.area.level,
            area_code=self.area.code,
            area_name=self.area.name,
            value=value.number,
            numerator=numerator.number,
            denominator=denominator.number,
            suppressed=value.symbol,
            region_code=self.area.region_code if self.area.level != "national" else None,
            region_name=self.area.region_name if self.area.level != "national" else None,
        )


def percent_cell(numerator: Cell, denominator: Cell) -> Cell:
    """numerator / denominator x 100 to 1 dp; a missing part keeps its mark, 0 people is z."""
    if denominator.number is None:
        return Cell(None, denominator.symbol)
    if numerator.number is None:
        return Cell(None, numerator.symbol)
    if denominator.number == 0:
        return Cell(None, NOT_APPLICABLE)
    return Cell(per(numerator.number, denominator.number, 100), None)


def group_activity(rows: Iterable[dict[str, str]], age_band: str) -> list[CareLeaverActivity]:
    """Group the rows of one age band by year and area, keeping the file's order."""
    groups: dict[tuple[int, str, str], CareLeaverActivity] = {}
    for row in rows:
        if (row.get("care_leaver_age") or "").strip() != age_band:
            continue
        area = Area(row)
        year = int(row["time_period"])
        key = (year, area.level, area.code)
        group = groups.setdefault(key, CareLeaverActivity(year=year, area=area))
        group.counts[(row.get("breakdown") or "").strip()] = parse_cell(
            row.get("care_leaver_count")
        )
    return list(groups.values())


def read_care_leavers(rows: Iterable[dict[str, str]]) -> Iterator[PublishedValue]:
    """``care_leavers_19_21_eet_pct`` for every area and year of an activity table."""
    for group in group_activity(rows, AGE_19_TO_21):
        yield group.eet_percent()
