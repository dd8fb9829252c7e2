"""The further DfE tables: assessment factors (C3), child protection plans by length (D5),
placement stability, new placements, care leavers' accommodation and the social work workforce.

Which figure becomes which indicator id (ids shared with ``lineofsight.indicators`` where a
local indicator computes the same thing):

=============================  ==============================================================
table                          indicators
=============================  ==============================================================
C3 factors at the end of       ``factor_<column>_pct`` for each factor column (e.g.
assessment                     ``factor_neglect_pct``, ``factor_domestic_abuse_parent_pct``):
                               the column / ``Episodes_with_assessment_factor`` x 100, to 1 dp
                               (DfE publishes counts only)
D5 CP plans at 31 March by     ``cp_plans_31_march_<length>_pct`` (the published percent), with
length                         the count and ``CPP_At31``
placement stability            ``cla_3_plus_placements_pct`` (CLA on 31 March with 3 or more
                               placements in the year); ``cla_3_plus_placements_2_years_pct``;
                               ``cla_same_placement_2_years_pct`` (looked after 2.5 years or
                               more, under 16, living with the same carer for 2 years or more)
new placements                 ``new_placements_outside_la_pct``;
                               ``new_placements_over_20_miles_pct``
care leavers' accommodation    ``care_leavers_<17_18|19_21>_suitable_accommodation_pct``
workforce (CSWW)               ``csww_turnover_pct``, ``csww_vacancy_pct``, ``csww_agency_pct``,
                               ``csww_absence_pct`` (published rates, FTE) and
                               ``csww_caseload`` (average cases per case-holding FTE)
=============================  ==============================================================

Where DfE publishes a percentage as a whole number (placements, care leavers) it is recomputed
from the published counts to 1 dp, as for care leavers in EET; a suppressed count (``c``)
leaves the figure suppressed with that mark, never zero.  Published national and regional
counts are rounded to the nearest 10, so their recomputed percentages can differ from DfE's by
a fraction of a point.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Final

from lineofsight.published.care_leavers import percent_cell
from lineofsight.published.values import Area, Cell, PublishedValue, parse_cell, published_value

Row = dict[str, str]

C3_DENOMINATOR: Final = "Episodes_with_assessment_factor"
# The factor columns of DfE's C3 table, in its order; "child", "parent" and "person" are the
# factor concerning the child, a parent or carer, or another person in the household.
C3_FACTORS: Final = (
    "Alcohol_Misuse_child Alcohol_Misuse_parent Alcohol_Misuse_person Drug_Misuse_child "
    "Drug_Misuse_parent Drug_Misuse_person Domestic_Abuse_child Domestic_Abuse_parent "
    "Domestic_Abuse_person Mental_Health_child Mental_Health_parent Mental_Health_person "
    "Learning_Disability_child Learning_Disability_parent Learning_Disability_person "
    "Physical_Disability_child Physical_Disability_parent Physical_Disability_person "
    "Young_Carer Privately_fostered Unaccompanied_asylum_seeker Going_missing "
    "Child_sexual_exploitation Trafficking Gangs Socially_unacceptable_behaviour Self_harm "
    "Neglect Emotional_Abuse Physical_Abuse_unknown Physical_Abuse_child_on_child "
    "Physical_Abuse_adult_on_child Sexual_Abuse_unknown Sexual_Abuse_child_on_child "
    "Sexual_Abuse_adult_on_child Female_Genital_Mutilation Faith_linked_abuse "
    "Child_criminal_exploitation Other"
).split()

D5_LENGTHS: Final[dict[str, str]] = {
    "3_months_or_less": "3_months_or_less",
    "more_than_3_months_6_months": "3_to_6_months",
    "more_than_6_months_less_than_1_year": "6_to_12_months",
    "1_year_less_than_2_years": "1_to_2_years",
    "2_years_or_more": "2_years_or_more",
}

STABILITY: Final[dict[tuple[str, str], str]] = {
    ("CLA on 31 March", "With 3 or more placements during the year"): "cla_3_plus_placements_pct",
    (
        "CLA 2 years on 31 March",
        "With 3 or more placements during the previous 2 years",
    ): "cla_3_plus_placements_2_years_pct",
    (
        "Children looked after continuously for at least 2.5 years on 31 March aged under 16 years",
        "Living with the same carer for at least 2 years",
    ): "cla_same_placement_2_years_pct",
}
TOTAL_CHILDREN: Final = "Total children"
NOT_PUBLISHED: Final = Cell(None, "x")  # a count missing from the table: "x", not available

NEW_PLACEMENTS: Final = "Location of new placements during the year"
TOTAL_NEW_PLACEMENTS: Final = "Total new placements"
NEW_PLACEMENT_GROUPS: Final[dict[str, tuple[str, ...]]] = {
    "new_placements_outside_la_pct": (
        "Placed outside LA boundary less than 20 miles from home",
        "Placed outside LA boundary more than 20 miles from home",
    ),
    "new_placements_over_20_miles_pct": (
        "Placed inside LA boundary more than 20 miles from home",
        "Placed outside LA boundary more than 20 miles from home",
    ),
}

ACCOMMODATION_AGES: Final[dict[str, str]] = {
    "17 to 18 years": "care_leavers_17_18_suitable_accommodation_pct",
    "19 to 21 years": "care_leavers_19_21_suitable_accommodation_pct",
}
SUITABLE: Final = "Accommodation considered suitable"
SUITABILITY_TOTAL: Final = "Suitability total"

WORKFORCE: Final[dict[str, str]] = {
    "csww_turnover_pct": "turnover_rate_fte",
    "csww_vacancy_pct": "vacancy_rate_fte",
    "csww_agency_pct": "agency_rate_fte",
    "csww_absence_pct": "absence_rate_fte",
    "csww_caseload": "caseload_fte",
}


def published_ids() -> tuple[str, ...]:
    """Every indicator id these tables give."""
    return (
        *(factor_id(column) for column in C3_FACTORS),
        *(f"cp_plans_31_march_{length}_pct" for length in D5_LENGTHS.values()),
        *STABILITY.values(),
        *NEW_PLACEMENT_GROUPS,
        *ACCOMMODATION_AGES.values(),
        *WORKFORCE,
    )


def published_titles() -> dict[str, str]:
    """What each id is, in words (for ``benchmarks show``)."""
    titles = {
        factor_id(column): "Assessments with the factor "
        + column.replace("_", " ")
        .lower()
        .replace(" person", " (another person)")
        .replace(" parent", " (parent or carer)")
        .replace(" child", " (the child)")
        + " (%)"
        for column in C3_FACTORS
    }
    titles.update(
        {
            f"cp_plans_31_march_{length}_pct": "Child protection plans at 31 March lasting "
            + length.replace("_", " ")
            + " (%)"
            for length in D5_LENGTHS.values()
        }
    )
    titles.update(
        {
            "cla_3_plus_placements_pct": "Children looked after with 3 or more placements "
            "in the year (%)",
            "cla_3_plus_placements_2_years_pct": "Children looked after for 2 years with 3 or "
            "more placements in those 2 years (%)",
            "cla_same_placement_2_years_pct": "Children looked after 2.5 years or more (under "
            "16) in the same placement for 2 years (%)",
            "new_placements_outside_la_pct": "New placements outside the local authority (%)",
            "new_placements_over_20_miles_pct": "New placements more than 20 miles from home (%)",
            "care_leavers_17_18_suitable_accommodation_pct": "Care leavers aged 17 to 18 in "
            "suitable accommodation (%)",
            "care_leavers_19_21_suitable_accommodation_pct": "Care leavers aged 19 to 21 in "
            "suitable accommodation (%)",
            "csww_turnover_pct": "Social worker turnover (FTE, %)",
            "csww_vacancy_pct": "Social worker vacancy rate (FTE, %)",
            "csww_agency_pct": "Agency social workers (FTE, %)",
            "csww_absence_pct": "Social worker absence rate (FTE, %)",
            "csww_caseload": "Average caseload per case-holding social worker (FTE)",
        }
    )
    return titles


def factor_id(column: str) -> str:
    """``Domestic_Abuse_parent`` -> ``factor_domestic_abuse_parent_pct``."""
    return f"factor_{re.sub(r'[^a-z0-9]+', '_', column.lower()).strip('_')}_pct"


def _sum(cells: Iterable[Cell]) -> Cell:
    total = 0.0
    for cell in cells:
        if cell.number is None:
            return Cell(None, cell.symbol or "x")
        total += cell.number
    return Cell(total, None)


def _year(row: Row) -> int:
    return int(row["time_period"])


def _share(indicator_id: str, year: int, area: Area, count: Cell, total: Cell) -> PublishedValue:
    """``count`` as a percentage of ``total``, published with both."""
    return published_value(indicator_id, year, area, percent_cell(count, total), count, total)


def read_factors(rows: Iterable[Row]) -> Iterator[PublishedValue]:
    for row in rows:
        area, year = Area(row), _year(row)
        episodes = parse_cell(row.get(C3_DENOMINATOR))
        for column in C3_FACTORS:
            count = parse_cell(row.get(column))
            yield _share(factor_id(column), year, area, count, episodes)


def read_plan_lengths(rows: Iterable[Row]) -> Iterator[PublishedValue]:
    for row in rows:
        area, year = Area(row), _year(row)
        plans = parse_cell(row.get("CPP_At31"))
        for column, length in D5_LENGTHS.items():
            count, percent = parse_cell(row.get(column)), parse_cell(row.get(f"{column}_percent"))
            yield published_value(
                f"cp_plans_31_march_{length}_pct", year, area, percent, count, plans
            )


def _grouped(
    rows: Iterable[Row], group_column: str, breakdown_column: str, count_column: str
) -> dict[tuple[int, str, str, str], tuple[Area, dict[str, Cell]]]:
    """Rows of one area, year and group, as {breakdown: count}."""
    groups: dict[tuple[int, str, str, str], tuple[Area, dict[str, Cell]]] = {}
    for row in rows:
        area = Area(row)
        key = (_year(row), area.level, area.code, (row.get(group_column) or "").strip())
        _, counts = groups.setdefault(key, (area, {}))
        counts[(row.get(breakdown_column) or "").strip()] = parse_cell(row.get(count_column))
    return groups


def read_placement_stability(rows: Iterable[Row]) -> Iterator[PublishedValue]:
    for (year, _, _, group), (area, counts) in _grouped(
        rows, "cla_group", "placement_stability", "children_count"
    ).items():
        total = counts.get(TOTAL_CHILDREN, NOT_PUBLISHED)
        for (wanted_group, breakdown), indicator_id in STABILITY.items():
            if group == wanted_group and breakdown in counts:
                count = counts[breakdown]
                yield _share(indicator_id, year, area, count, total)


def read_new_placements(rows: Iterable[Row]) -> Iterator[PublishedValue]:
    for (year, _, _, group), (area, counts) in _grouped(
        rows, "characteristic", "breakdown", "children_count"
    ).items():
        if group != NEW_PLACEMENTS:
            continue
        total = counts.get(TOTAL_NEW_PLACEMENTS, NOT_PUBLISHED)
        for indicator_id, breakdowns in NEW_PLACEMENT_GROUPS.items():
            count = _sum(counts.get(b, NOT_PUBLISHED) for b in breakdowns)
            yield _share(indicator_id, year, area, count, total)


def read_accommodation(rows: Iterable[Row]) -> Iterator[PublishedValue]:
    for (year, _, _, age), (area, counts) in _grouped(
        rows, "care_leaver_age", "breakdown", "care_leaver_count"
    ).items():
        indicator_id = ACCOMMODATION_AGES.get(age)
        if indicator_id is None:
            continue
        suitable = counts.get(SUITABLE, NOT_PUBLISHED)
        total = counts.get(SUITABILITY_TOTAL, NOT_PUBLISHED)
        yield _share(indicator_id, year, area, suitable, total)


def read_workforce(rows: Iterable[Row]) -> Iterator[PublishedValue]:
    for row in rows:
        area, year = Area(row), _year(row)
        for indicator_id, column in WORKFORCE.items():
            yield published_value(indicator_id, year, area, parse_cell(row.get(column)))
