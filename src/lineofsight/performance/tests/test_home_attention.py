"""The board's "Needs attention" rows say why each measure is listed, in one finding."""

from __future__ import annotations

import datetime as dt

from lineofsight.indicators import catalogue
from lineofsight.indicators.periods import Period
from lineofsight.performance.home import why
from lineofsight.performance.models import IndicatorResult, IndicatorTarget
from lineofsight.performance.summaries import Summary


def _summary(**fields: object) -> Summary:
    spec = catalogue.get("rereferral_pct")
    period = Period(dt.date(2020, 4, 1), dt.date(2021, 3, 31), "financial_year", "2020-21")
    base: dict[str, object] = {
        "spec": spec, "period": period, "headline": None, "breakdowns": [], "monthly": [],
        "spc": None, "variation": None, "benchmarks": [],
        "spc_text": "the last 7 months were all above the average",
        "benchmark_text": "above England and statistical neighbours for five years",
        "target_text": "missed the 2020-21 target of 22.7%",
    }  # fmt: skip
    base.update(fields)
    return Summary(**base)  # type: ignore[arg-type]


def test_special_cause_concern_is_explained_by_the_spc_finding():
    row = why(_summary(variation="special_cause_concern_high"))
    assert row == {
        "tag": "Concern", "colour": "red", "detail": "the last 7 months were all above the average"
    }  # fmt: skip


def test_unusual_measures_are_tagged_unusual_not_concern():
    row = why(_summary(variation="special_cause_neutral_high"))
    assert row["tag"] == "Unusual" and row["detail"].startswith("the last 7 months")


def test_a_missed_target_and_worse_than_others_say_so():
    assert catalogue.get("rereferral_pct").polarity == "lower_is_better"
    missed = _summary(headline=IndicatorResult(value=24.3), target=IndicatorTarget(value=22.7))
    assert why(missed) == {
        "tag": "Missed target", "colour": "red", "detail": "missed the 2020-21 target of 22.7%"
    }  # fmt: skip
    met = _summary(headline=IndicatorResult(value=20.1), target=IndicatorTarget(value=22.7))
    assert why(met)["tag"] == "Worse than others"
    assert why(met)["detail"] == "above England and statistical neighbours for five years"
