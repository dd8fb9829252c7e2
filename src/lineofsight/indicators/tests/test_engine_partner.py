"""Partner-return measures, exploitation by risk level, and missing sources."""

import datetime as dt

import pytest

from lineofsight.indicators import periods as P
from lineofsight.indicators.catalogue import CATALOGUE
from lineofsight.indicators.engine import compute
from lineofsight.indicators.tests.conftest import pick

D = dt.date
MONTH_ENDS = [D(2021, 4, 30), D(2021, 5, 31), D(2021, 6, 30)]
SUMMED = [
    "pm_police_da_incidents_children_present",
    "pm_police_missing_child_episodes",
    "pm_ae_self_harm_attendances_u18",
    "pm_health_visitor_safeguarding_referrals",
    "pm_idva_referrals",
    "pm_idva_repeat_victims",
]


def monthly(measure_id, values, breakdown=None):
    return [
        {
            "agency": "police",
            "measure_id": measure_id,
            "period_start": end.replace(day=1),
            "period_end": end,
            "value": value,
            "breakdown": breakdown,
        }
        for end, value in zip(MONTH_ENDS, values, strict=True)
    ]


@pytest.mark.parametrize("indicator_id", SUMMED)
def test_partner_measures_sum_over_the_period(write, indicator_id):
    measure = indicator_id.removeprefix("pm_")
    rows = monthly(measure, [10, 20, 30]) + monthly("something_else", [99, 99, 99])
    sources = {"partner_measures": [write("partner_measures", rows)]}
    results = compute(sources, P.all_periods(2021, 2021), [indicator_id])
    assert pick(results, indicator_id, "2021-05").value == 20
    # quarter 1 = 10 + 20 + 30 = 60; July has no return -> 0
    assert pick(results, indicator_id, "2021-22 Q1").value == 60
    assert pick(results, indicator_id, "2021-07").value == 0


def test_early_help_cases_open_takes_the_latest_return_in_the_period(write):
    rows = monthly("early_help_cases_open", [400, 410, 395])
    sources = {"partner_measures": [write("partner_measures", rows)]}
    results = compute(sources, P.all_periods(2021, 2021), ["pm_early_help_cases_open"])
    # a stock: quarter 1 is June's 395, not 400 + 410 + 395
    assert pick(results, "pm_early_help_cases_open", "2021-22 Q1").value == 395
    assert pick(results, "pm_early_help_cases_open", "2021-04").value == 400


def test_exploitation_tracked_by_risk_level(write):
    rows = (
        monthly("exploitation_tracked", [5, 6, 4], "High")
        + monthly("exploitation_tracked", [10, 12, 11], "medium")
        + monthly("exploitation_tracked", [20, 18, 25], "low")
    )
    sources = {"partner_measures": [write("partner_measures", rows)]}
    results = compute(sources, P.all_periods(2021, 2021), ["exploitation_tracked"])
    # June: high 4, medium 11, low 25; total 40.  The quarter takes June (the latest month)
    assert pick(results, "exploitation_tracked", "2021-06", "high").value == 4
    assert pick(results, "exploitation_tracked", "2021-06", "medium").value == 11
    assert pick(results, "exploitation_tracked", "2021-06", "low").value == 25
    assert pick(results, "exploitation_tracked", "2021-06").value == 40
    assert pick(results, "exploitation_tracked", "2021-22 Q1").value == 40
    # April total: 5 + 10 + 20 = 35
    assert pick(results, "exploitation_tracked", "2021-04").value == 35


def test_a_missing_source_gives_no_results_for_its_indicators(write):
    rows = monthly("idva_referrals", [1, 2, 3])
    sources = {"partner_measures": [write("partner_measures", rows)], "contacts": []}
    results = compute(sources, P.all_periods(2021, 2021))
    produced = {r.indicator_id for r in results}
    assert produced == {
        spec.id for spec in CATALOGUE.values() if spec.tables == ("partner_measures",)
    }
