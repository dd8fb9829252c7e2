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


# ---- measures declared only in the partner-return template ----


def test_a_template_percentage_divides_by_its_denominator_measure(write):
    from lineofsight.formats.codelists import partner_measures

    spec = CATALOGUE["pm_contacts_to_early_help"]  # a row of partner_measures.csv, no code
    assert spec.unit == "percent" and spec.source == "partner_return"
    assert "contacts_received" in spec.dfe_definition
    assert partner_measures()["contacts_to_early_help"].agency_type in spec.dfe_definition
    rows = monthly("contacts_received", [200, 100, 300]) + monthly(
        "contacts_to_early_help", [50, 10, 30]
    )
    sources = {"partner_measures": [write("partner_measures", rows, 2022)]}
    results = compute(sources, P.all_periods(2021, 2021), ["pm_contacts_to_early_help"])
    # April 50 of 200 = 25%; the first quarter (50 + 10 + 30) of (200 + 100 + 300) = 15%
    april = pick(results, "pm_contacts_to_early_help", "2021-04")
    assert (april.numerator, april.denominator, april.value) == (50, 200, 25.0)
    quarter = pick(results, "pm_contacts_to_early_help", "2021-22 Q1")
    assert (quarter.numerator, quarter.denominator, quarter.value) == (90, 600, 15.0)


def test_a_new_template_row_becomes_an_indicator_with_its_unit_polarity_and_counting(write):
    from lineofsight.formats.codelists import Measure
    from lineofsight.indicators.catalogue.partner_measures import (
        TemplateMeasureError,
        template_spec,
    )

    def measure(unit, polarity="lower_is_better", counting="events", denominator=""):
        return Measure(
            "school_exclusions",
            "education",
            "Permanent exclusions",
            unit,
            "Pupils permanently excluded in the period",
            frozenset(),
            polarity,
            counting,
            denominator,
        )

    rate = template_spec(measure("rate_per_10k"), {})
    assert (rate.id, rate.unit, rate.polarity, rate.counting) == (
        "pm_school_exclusions",
        "rate_per_10k",
        "lower_is_better",
        "events",
    )
    assert "Reported by: education" in rate.dfe_definition
    rows = monthly("school_exclusions", [3, 4, 5])
    sources = {"partner_measures": [write("partner_measures", rows, 2022)]}
    results = compute_specs(sources, rate, population={2022: 60_000})
    # the quarter: 12 exclusions per 60,000 children x 10,000 = 2.0
    assert pick(results, "pm_school_exclusions", "2021-22 Q1").value == pytest.approx(2.0)
    with pytest.raises(TemplateMeasureError, match="school_exclusions.*unit 'ratio'"):
        template_spec(measure("ratio"), {})
    with pytest.raises(TemplateMeasureError, match="denominator 'pupils'"):
        template_spec(measure("percent", denominator="pupils"), {})
    with pytest.raises(TemplateMeasureError, match="polarity 'up'"):
        template_spec(measure("count", polarity="up"), {})


def compute_specs(sources, spec, population):
    from unittest import mock

    with mock.patch.dict(CATALOGUE, {spec.id: spec}):
        return compute(sources, P.all_periods(2021, 2021), [spec.id], population=population)


def test_a_declared_spec_wins_over_the_template_row_it_reads():
    from lineofsight.indicators.catalogue.partner_measures import measures_read, template_specs

    # the early help row of the template is read by its declared spec: no second indicator
    assert "early_help_cases_open" in measures_read(CATALOGUE)
    generated = {spec.id for spec in template_specs(CATALOGUE)}
    assert generated == set()  # everything in the template is in the catalogue already
    assert {"pm_contacts_received", "pm_contacts_to_early_help"} <= set(CATALOGUE)
