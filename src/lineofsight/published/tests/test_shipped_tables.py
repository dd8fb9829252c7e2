"""Reading the shipped DfE files: every figure checked against the raw CSV rows."""

from __future__ import annotations

from collections import Counter

import pytest

from lineofsight.published import (
    INDICATOR_IDS,
    PublishedIndex,
    PublishedValue,
    default_files,
    detect_table,
    population_for_year_ending,
)
from lineofsight.published.care_leavers import EET_TOTAL, group_activity
from lineofsight.published.population import PopulationIndex
from lineofsight.published.tables import CLA_POPULATION_TYPES

from .conftest import raw_rows

LEVELS = {"National": "national", "Regional": "regional", "Local authority": "local_authority"}


def _area_code(row: dict[str, str]) -> str:
    level = row["geographic_level"]
    if level == "National":
        return row["country_code"]
    return row["region_code"] if level == "Regional" else row["old_la_code"]


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def test_every_shipped_file_is_recognised() -> None:
    kinds = [detect_table(path) for path in default_files()]
    assert None not in kinds
    assert len(set(kinds)) == len(kinds)


def test_every_indicator_id_is_produced(shipped_values: list[PublishedValue]) -> None:
    assert {item.indicator_id for item in shipped_values} == set(INDICATOR_IDS)


def test_no_duplicate_values(shipped_values: list[PublishedValue]) -> None:
    keys = Counter((item.indicator_id, item.year, item.area_code) for item in shipped_values)
    assert max(keys.values()) == 1


@pytest.mark.parametrize(
    ("prefix", "indicator_id", "value_column", "numerator_column", "denominator_column"),
    [
        ("c1_", "referrals", "referral_count", None, None),
        ("c1_", "rereferral_pct", "rereferral_percent", "rereferral_count", "referral_count"),
        (
            "c1_",
            "referral_nfa_pct",
            "no_further_action_percent",
            "no_further_action_count",
            "referral_count",
        ),
        ("b1_", "cin_at_31_march", "At31_episodes", None, None),
        ("d3_", "cp_repeat_plan_pct", "CPP_subsequent_percent", "CPP_subsequent", "CPP_start"),
    ],
)
def test_one_row_per_area_and_year_maps_to_its_indicator(
    shipped_index: PublishedIndex,
    prefix: str,
    indicator_id: str,
    value_column: str,
    numerator_column: str | None,
    denominator_column: str | None,
) -> None:
    for row in raw_rows(prefix):
        item = shipped_index.get(indicator_id, int(row["time_period"]), _area_code(row))
        assert item is not None
        assert item.level == LEVELS[row["geographic_level"]]
        assert item.value == _number(row[value_column])
        assert item.suppressed == (None if item.value is not None else row[value_column])
        if numerator_column and denominator_column:
            assert item.numerator == _number(row[numerator_column])
            assert item.denominator == _number(row[denominator_column])


def test_looked_after_rows_map_by_population_type(shipped_index: PublishedIndex) -> None:
    for row in raw_rows("cla_"):
        indicator_id = CLA_POPULATION_TYPES[row["population_type"]]
        item = shipped_index.get(indicator_id, int(row["time_period"]), _area_code(row))
        assert item is not None
        if indicator_id == "cla_rate_per_10k":
            assert item.value == _number(row["rate_per_10000"])
            assert item.numerator == _number(row["children_count"])
        else:
            assert item.value == _number(row["children_count"])


def test_dfe_divides_a_year_by_the_previous_mid_year_estimate(
    shipped_population: PopulationIndex,
) -> None:
    """The CLA table's own population column is the ONS estimate of the mid-year before."""
    checked = 0
    for row in raw_rows("cla_"):
        published = _number(row["population_estimate"])
        estimate = population_for_year_ending(
            shipped_population, _area_code(row), int(row["time_period"])
        )
        if published is None or estimate is None or estimate.population is None:
            continue
        assert estimate.population == published, row
        checked += 1
    assert checked > 2000


def test_cin_rate_is_children_in_need_per_10k_of_that_population(
    shipped_index: PublishedIndex, shipped_population: PopulationIndex
) -> None:
    for row in raw_rows("b1_"):
        year, code = int(row["time_period"]), _area_code(row)
        rate = shipped_index.get("cin_rate_per_10k", year, code)
        estimate = population_for_year_ending(shipped_population, code, year)
        assert rate is not None
        children, population = (
            _number(row["At31_episodes"]),
            estimate.population if estimate else None,
        )
        if children is None or not population:
            assert rate.value is None and rate.suppressed
            continue
        assert rate.numerator == children and rate.denominator == population
        assert abs(rate.value - 10_000 * children / population) <= 0.05 + 1e-9  # type: ignore[operator]


def test_care_leaver_breakdowns_add_up_to_the_total_row_for_every_la() -> None:
    checked = 0
    for group in group_activity(raw_rows("la_care_leavers_activity"), "19 to 21 years"):
        summed, total = group.eet_from_breakdowns(), group.counts[EET_TOTAL].number
        if group.area.level == "local_authority" and summed is not None and total is not None:
            assert summed == total, (group.year, group.area.code)
            checked += 1
    assert checked > 300


def test_care_leaver_eet_percent_agrees_with_dfe_whole_number_percent(
    shipped_index: PublishedIndex,
) -> None:
    checked = 0
    for row in raw_rows("la_care_leavers_activity"):
        if row["care_leaver_age"] != "19 to 21 years" or row["breakdown"] != EET_TOTAL:
            continue
        item = shipped_index.get(
            "care_leavers_19_21_eet_pct", int(row["time_period"]), _area_code(row)
        )
        published = _number(row["care_leaver_percent"])
        assert item is not None
        if published is None or item.value is None:
            continue
        # DfE rounds its percent to a whole number; national and regional counts are also
        # rounded to the nearest 10, which moves a percent computed from them a little more
        tolerance = 0.55 if item.level == "local_authority" else 1.0
        assert abs(item.value - published) <= tolerance, row
        checked += 1
    assert checked > 700


def test_population_is_filed_under_the_year_it_is_the_denominator_for(
    shipped_index: PublishedIndex,
) -> None:
    for row in raw_rows("ons_"):
        item = shipped_index.get("population_0_17", int(row["time_period"]) + 1, _area_code(row))
        assert item is not None and item.value == _number(row["population_estimate"])


def test_neighbour_groupings_have_ten_existing_las(
    neighbours_2021: dict[str, list[str]], neighbours_2025: dict[str, list[str]]
) -> None:
    la_codes = {row["old_la_code"] for row in raw_rows("c1_") if row["old_la_code"]}
    for grouping in (neighbours_2021, neighbours_2025):
        assert all(len(codes) == 10 for codes in grouping.values())
        assert all(code in la_codes for codes in grouping.values() for code in codes)
    assert set(neighbours_2025) <= la_codes
    las_in_2021 = {row["old_la_code"] for row in raw_rows("c1_") if row["time_period"] == "2021"}
    assert las_in_2021 - {""} <= set(neighbours_2021)


def test_2021_groupings_keep_the_old_las_listed_after_the_current_ones(
    neighbours_2021: dict[str, list[str]],
) -> None:
    retired = {row["old_la_code"] for row in raw_rows("b1_") if row["time_period"] == "2013"} - {
        row["old_la_code"] for row in raw_rows("b1_") if row["time_period"] == "2025"
    }
    assert retired and retired <= set(neighbours_2021)
