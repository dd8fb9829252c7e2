"""Children's and parents' participation in child protection conferences (partner returns)."""

import datetime as dt

from lineofsight.indicators import periods as P
from lineofsight.indicators.engine import compute
from lineofsight.indicators.tests.conftest import pick

D = dt.date
MONTH_ENDS = [D(2021, 4, 30), D(2021, 5, 31), D(2021, 6, 30)]


def monthly(measure_id, values, breakdown=None):
    return [
        {
            "agency": "trust",
            "measure_id": measure_id,
            "period_start": end.replace(day=1),
            "period_end": end,
            "value": value,
            "breakdown": breakdown,
        }
        for end, value in zip(MONTH_ENDS, values, strict=True)
    ]


def rows():
    return (
        monthly("cp_conference_children_invited", [6, 4, 5], "initial")
        + monthly("cp_conference_children_invited", [3, 3, 4], "review")
        + monthly("cp_conference_children_attended", [2, 3, 1], "initial")
        + monthly("cp_conference_children_attended", [2, 0, 2], "review")
        + monthly("cp_advocacy_referrals", [20, 18, 17])
    )


IDS = [
    "pm_cp_conference_children_invited",
    "pm_cp_conference_children_attended",
    "cp_conference_children_attended_pct",
    "pm_cp_advocacy_referrals",
]


def test_invited_and_attended_by_conference_and_in_total(write):
    sources = {"partner_measures": [write("partner_measures", rows())]}
    results = compute(sources, P.all_periods(2021, 2021), IDS)
    # quarter 1: invited 6 + 4 + 5 = 15 initial, 3 + 3 + 4 = 10 review, 25 in all
    assert pick(results, "pm_cp_conference_children_invited", "2021-22 Q1", "initial").value == 15
    assert pick(results, "pm_cp_conference_children_invited", "2021-22 Q1", "review").value == 10
    assert pick(results, "pm_cp_conference_children_invited", "2021-22 Q1").value == 25
    # attended 2 + 3 + 1 + 2 + 0 + 2 = 10
    assert pick(results, "pm_cp_conference_children_attended", "2021-22 Q1").value == 10
    assert pick(results, "pm_cp_advocacy_referrals", "2021-22 Q1").value == 55


def test_the_share_of_invited_children_who_attended(write):
    sources = {"partner_measures": [write("partner_measures", rows())]}
    results = compute(sources, P.all_periods(2021, 2021), IDS)
    quarter = pick(results, "cp_conference_children_attended_pct", "2021-22 Q1")
    assert (quarter.numerator, quarter.denominator) == (10, 25)
    assert quarter.value == 40.0  # 10 of 25
    may = pick(results, "cp_conference_children_attended_pct", "2021-05")
    assert (may.numerator, may.denominator, may.value) == (3, 7, 100 * 3 / 7)
    # one percentage for all conferences: no breakdown rows
    assert not [
        r
        for r in results
        if r.indicator_id == "cp_conference_children_attended_pct" and r.breakdown
    ]
