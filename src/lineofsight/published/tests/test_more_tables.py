"""The further DfE tables, for Doncaster (LA 371): every figure worked by hand from the raw rows."""

from __future__ import annotations

import pytest

from lineofsight.published import INDICATOR_IDS, TITLES, PublishedIndex, detect_table, read_table
from lineofsight.published.layouts import UnknownTableError
from lineofsight.published.more_tables import C3_FACTORS

from .conftest import raw_rows, shipped_file


def _get(index: PublishedIndex, indicator_id: str, year: int, area: str = "371"):
    item = index.get(indicator_id, year, area)
    assert item is not None, (indicator_id, year, area)
    return item


def test_assessment_factors_as_a_share_of_assessments_with_a_factor(shipped_index):
    # 2020-21: 4,934 episodes with an assessment factor; neglect 314 -> 6.364% -> 6.4;
    # domestic abuse concerning a parent 1,473 -> 29.854% -> 29.9
    neglect = _get(shipped_index, "factor_neglect_pct", 2021)
    assert (neglect.value, neglect.numerator, neglect.denominator) == (6.4, 314, 4934)
    assert _get(shipped_index, "factor_domestic_abuse_parent_pct", 2021).value == 29.9
    # the header's factor columns are exactly the ones read (a new DfE column fails here)
    header = list(raw_rows("c3_")[0])
    assert header[header.index("Episodes_with_assessment_factor") + 1 :] == C3_FACTORS


def test_plans_by_length_keep_dfe_percent_and_suppression(shipped_index):
    # 2023-24: 296 plans at 31 March, 89 of 3 months or less (30.1% as published); 2 years or
    # more suppressed "c": no value, the mark kept
    short = _get(shipped_index, "cp_plans_31_march_3_months_or_less_pct", 2024)
    assert (short.value, short.numerator, short.denominator) == (30.1, 89, 296)
    long = _get(shipped_index, "cp_plans_31_march_2_years_or_more_pct", 2024)
    assert long.value is None and long.suppressed == "c"


def test_placement_stability_recomputed_to_one_decimal(shipped_index):
    # 2020-21: 41 of 548 looked after on 31 March had 3+ placements: 7.48% -> 7.5 (DfE: 7);
    # 136 of 207 in the same placement for 2 years: 65.70% -> 65.7; 78 of 397 with 3+
    # placements over 2 years: 19.65% -> 19.6 (19.647)
    assert _get(shipped_index, "cla_3_plus_placements_pct", 2021).value == 7.5
    assert _get(shipped_index, "cla_same_placement_2_years_pct", 2021).value == 65.7
    assert _get(shipped_index, "cla_3_plus_placements_2_years_pct", 2021).value == 19.6


def test_care_leavers_accommodation_and_suppressed_counts(shipped_index):
    # 2020-21, aged 19 to 21: 174 of 185 suitable -> 94.05% -> 94.1 (DfE: 94);
    # aged 17 to 18: the suitable count is "c", so the figure is suppressed, not zero
    assert _get(shipped_index, "care_leavers_19_21_suitable_accommodation_pct", 2021).value == 94.1
    young = _get(shipped_index, "care_leavers_17_18_suitable_accommodation_pct", 2021)
    assert young.value is None and young.suppressed == "c" and young.denominator == 58


def test_new_placements_sum_their_breakdowns_or_stay_suppressed(shipped_index):
    # 2020-21: 485 new placements; outside the LA 79 + 95 = 174 -> 35.88% -> 35.9; more than
    # 20 miles: inside "c" + outside 95 -> suppressed "c"
    outside = _get(shipped_index, "new_placements_outside_la_pct", 2021)
    assert (outside.value, outside.numerator, outside.denominator) == (35.9, 174, 485)
    far = _get(shipped_index, "new_placements_over_20_miles_pct", 2021)
    assert far.value is None and far.suppressed == "c"


def test_workforce_rates_as_published(shipped_index):
    assert _get(shipped_index, "csww_turnover_pct", 2021).value == 16.1
    assert _get(shipped_index, "csww_vacancy_pct", 2021).value == 17.9
    assert _get(shipped_index, "csww_agency_pct", 2021).value == 16.2
    assert _get(shipped_index, "csww_caseload", 2021).value == 17.8


def test_hospital_admissions_filed_under_the_old_la_code(shipped_index):
    # Fingertips, Doncaster (E08000017) 2020/21: 365 admissions of 53,959 children aged 0-14,
    # 67.64395 per 10,000 as published; filed under 371 in Yorkshire and The Humber
    item = _get(shipped_index, "hospital_admissions_injuries_0_14", 2021)
    assert (item.value, item.numerator, item.denominator) == (67.64395, 365, 53959)
    assert item.region_code == "E12000003" and item.area_name == "Doncaster"
    england = _get(shipped_index, "hospital_admissions_injuries_0_14", 2021, "E92000001")
    assert england.level == "national"


def test_tables_with_the_same_columns_are_told_apart_by_what_they_hold(write_csv):
    assert detect_table(shipped_file("la_care_leavers_accommodation")) == (
        "care_leavers_accommodation"
    )
    assert detect_table(shipped_file("la_care_leavers_activity")) == "care_leavers_activity"
    header = list(raw_rows("la_care_leavers_accommodation")[0])
    odd = write_csv("odd.csv", [header, ["2021", "Reporting year", "National"] + ["x"] * 11])
    assert detect_table(odd) is None
    with pytest.raises(UnknownTableError, match="not a DfE table"):
        read_table(odd)


def test_every_published_id_has_a_title():
    assert set(INDICATOR_IDS) <= set(TITLES)
    assert TITLES["factor_domestic_abuse_parent_pct"] == (
        "Assessments with the factor domestic abuse (parent or carer) (%)"
    )
