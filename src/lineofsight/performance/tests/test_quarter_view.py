"""The quarter view: the overview and indicator pages for a quarter of the partnership's own
year, with the quarter's figure, its change on the same quarter a year before, SPC over the
months up to its end, and the year's target only where a target can apply to a quarter."""

from __future__ import annotations

import datetime as dt

import pytest

from lineofsight.indicators import catalogue
from lineofsight.indicators import periods as P
from lineofsight.partnership.roles import Role
from lineofsight.performance import selectors
from lineofsight.performance.models import ComputeRun, IndicatorResult, IndicatorTarget
from lineofsight.performance.summaries import summarise
from lineofsight.testing.access import assert_outsider_refused
from lineofsight.testing.fixtures import client_for


def _store(run, indicator_id, period, numerator, denominator=None):
    value = numerator if denominator is None else 100 * numerator / denominator
    IndicatorResult.objects.create(
        partnership=run.partnership, run=run, indicator_id=indicator_id,
        period_type=period.period_type, period_label=period.label, period_start=period.start,
        period_end=period.end, numerator=numerator, denominator=denominator, value=value,
    )  # fmt: skip


@pytest.fixture
def quarters(partnership):
    """Contacts: 100 in 2019-20 Q1 and 150 in 2020-21 Q1 (600 and 700 in the years), 50 a month
    in every month from April 2018 to June 2020; assessments on time: 45 of 50 (90%) in 2020-21
    Q1, 80 of 100 in the year; targets 2020-21: 85% on time, 650 contacts."""
    run = ComputeRun.objects.create(partnership=partnership, status=ComputeRun.Status.COMPLETE)
    _store(run, "contacts", P.quarter(2019, 1), 100)
    _store(run, "contacts", P.quarter(2020, 1), 150)
    _store(run, "contacts", P.financial_year(2019), 600)
    _store(run, "contacts", P.financial_year(2020), 700)
    for month in P.months_between(dt.date(2018, 4, 1), dt.date(2020, 6, 30)):
        _store(run, "contacts", month, 50)
    _store(run, "assessments_45_days_pct", P.quarter(2020, 1), 45, 50)
    _store(run, "assessments_45_days_pct", P.financial_year(2020), 80, 100)
    _store(run, "cla_health_assessment_pct", P.financial_year(2020), 9, 10)
    for indicator_id, value in (("assessments_45_days_pct", 85), ("contacts", 650)):
        IndicatorTarget.objects.create(
            partnership=partnership, indicator_id=indicator_id, financial_year="2020-21",
            value=value,
        )  # fmt: skip
    return run


@pytest.mark.django_db
def test_the_periods_offered_are_each_year_then_its_quarters(quarters, partnership):
    assert [p.label for p in selectors.periods(partnership)] == [
        "2019-20",
        "2019-20 Q1",
        "2020-21",
        "2020-21 Q1",
    ]


@pytest.mark.django_db
def test_a_quarter_is_compared_with_the_same_quarter_a_year_before(quarters, partnership):
    summary = summarise(partnership, catalogue.get("contacts"), P.quarter(2020, 1))
    assert summary.headline is not None and summary.headline.value == 150
    # 100 -> 150 is +50%, Q1 on Q1 (not on the year, nor on the quarter before)
    assert summary.findings[0].startswith("Contacts rose from 100 in 2019-20 Q1 to 150")
    assert "(+50%)" in summary.findings[0]
    assert summary.target is None  # a year's count (650) is no quarter's target
    assert summary.benchmarks == []  # published figures are yearly
    # the SPC series runs to the quarter's last month: 27 months, April 2018 to June 2020
    assert summary.spc is not None and len(summary.monthly) == 27
    assert summary.monthly[-1].period_label == "2020-06"


@pytest.mark.django_db
def test_a_percentage_in_a_quarter_is_held_to_its_years_target(quarters, partnership):
    summary = summarise(partnership, catalogue.get("assessments_45_days_pct"), P.quarter(2020, 1))
    assert summary.headline is not None and summary.headline.value == 90
    assert summary.target is not None and summary.target.value == 85
    assert not summary.below_target  # 90% against 85%
    yearly_only = summarise(
        partnership, catalogue.get("cla_health_assessment_pct"), P.quarter(2020, 1)
    )
    assert yearly_only.headline is None  # counted once a year: no quarterly figure


@pytest.mark.django_db
def test_the_overview_and_an_indicator_page_show_a_quarter(quarters, make_user):
    board = client_for(make_user(Role.BOARD_MEMBER))
    page = board.get("/performance/?period=2020-21+Q1").content.decode()
    assert "Performance: 2020-21 Q1" in page
    assert '<option value="2020-21 Q1" selected>2020-21 Q1 (April to June 2020)</option>' in page
    assert "?period=2020-21%20Q1" in page  # the indicator links keep the quarter
    page = board.get("/performance/contacts/?period=2020-21+Q1").content.decode()
    assert "Targets are set for a year" in page
    page = board.get("/performance/cla_health_assessment_pct/?period=2020-21+Q1").content.decode()
    assert "Counted once a year" in page
    download = board.get("/performance/overview.csv?period=2020-21+Q1")
    assert download.status_code == 200
    assert "indicators-2020-21-Q1-published" in download["Content-Disposition"]


@pytest.mark.django_db
def test_outsider_refused_the_quarter_view(outsider):
    assert_outsider_refused(outsider, "/performance/?period=2020-21+Q1")


@pytest.mark.django_db
def test_the_indicator_page_lists_the_quarters_to_the_period(quarters, make_user):
    analyst = client_for(make_user(Role.PERFORMANCE_ANALYST))
    page = analyst.get("/performance/contacts/?period=2020-21").content.decode()
    assert "The figures by quarter" in page
    table = page[page.index("The last 2 quarters to 2020-21") :]
    assert table.index("2020-21 Q1") < table.index("2019-20 Q1")  # latest first
