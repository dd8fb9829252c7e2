import datetime as dt

from lineofsight.indicators import periods as P
from lineofsight.indicators.engine import IndicatorResult
from lineofsight.indicators.findings import (
    benchmark_finding,
    change_finding,
    format_value,
    spc_finding,
    year_on_year_finding,
)
from lineofsight.indicators.spc import xmr


def result(period: P.Period, value: float | None) -> IndicatorResult:
    return IndicatorResult(
        "contacts",
        period.period_type,
        period.label,
        period.start,
        period.end,
        value or 0,
        None,
        value,
        None,
        None,
        None,
    )


def test_number_formatting():
    assert format_value(1706, "count") == "1,706"
    assert format_value(25.44, "percent") == "25.4%"
    assert format_value(81.742, "rate_per_10k") == "81.7 per 10,000"
    assert format_value(12.05, "rate_per_100k") == "12.1 per 100,000"
    assert format_value(2.5, "count") == "2.5"


def test_contacts_rose_year_on_year():
    # (2,292 - 1,706) / 1,706 = 586 / 1,706 = 34.3% -> +34%
    earlier, later = result(P.month(2020, 4), 1706), result(P.month(2021, 4), 2292)
    assert change_finding("Contacts", earlier, later, "count") == (
        "Contacts rose from 1,706 in April 2020 to 2,292 in April 2021 (+34%)"
    )
    series = [result(P.month(2020, 4), 1706), result(P.month(2020, 5), 1800), later]
    assert year_on_year_finding("Contacts", series, "count") == (
        "Contacts rose from 1,706 in April 2020 to 2,292 in April 2021 (+34%)"
    )


def test_percentages_change_in_points_and_falls_are_stated():
    earlier = result(P.financial_year(2019), 30.0)
    later = result(P.financial_year(2020), 25.4)
    assert change_finding("Re-referrals", earlier, later, "percent") == (
        "Re-referrals fell from 30.0% in 2019-20 to 25.4% in 2020-21 (-4.6 percentage points)"
    )
    assert year_on_year_finding("Contacts", [later], "count") is None


def test_above_england_and_statistical_neighbours_for_four_years():
    own = {2017: 20.0, 2018: 24.0, 2019: 24.8, 2020: 25.0, 2021: 25.4}
    benchmarks = {
        2017: {"england": 21.9, "statistical_neighbours": 22.0},  # below: the streak stops
        2018: {"england": 21.9, "statistical_neighbours": 21.0},
        2019: {"england": 22.6, "statistical_neighbours": 21.5},
        2020: {"england": 22.7, "statistical_neighbours": 21.1},
        2021: {"england": 22.7, "region": 23.0, "statistical_neighbours": 21.8},
    }
    assert benchmark_finding("Re-referrals", own, benchmarks, "percent") == (
        "Re-referrals (25.4%) have been above England (22.7%) and statistical neighbours "
        "(21.8%) for four years"
    )


def test_a_mixed_benchmark_position_and_a_single_year():
    assert (
        benchmark_finding(
            "Re-referrals",
            {2021: 22.0},
            {2021: {"england": 22.7, "statistical_neighbours": 21.8}},
            "percent",
        )
        == "Re-referrals (22.0%) are below England (22.7%) but above statistical neighbours (21.8%)"
    )
    assert (
        benchmark_finding(
            "Children looked after", {2021: 81.7}, {2021: {"england": 67.0}}, "rate_per_10k"
        )
        == "Children looked after (81.7 per 10,000) are above England (67.0 per 10,000)"
    )
    assert benchmark_finding("X", {2021: 1.0}, {}, "percent") is None


def test_special_cause_concern_seven_months_above_the_mean():
    # baseline [1, 3, 1, 3, 1, 3, 1]: mean 13/7 = 1.857, mMR 2; then seven months at 2.5, all
    # above the mean: a run of 7 ending at the latest month.  Lower is better -> concern.
    result_ = xmr([1, 3, 1, 3, 1, 3, 1] + [2.5] * 7, baseline=7)
    assert spc_finding(result_, "lower_is_better") == (
        "Special cause concern: 7 months above the mean"
    )
    assert spc_finding(result_, "higher_is_better") == (
        "Special cause improvement: 7 months above the mean"
    )


def test_trend_outside_limits_and_common_cause_sentences():
    assert spc_finding(xmr([1, 2, 3, 4, 5, 6, 7]), "neutral", "quarter") == (
        "Special cause variation: 7 quarters rising in a row"
    )
    # limits 11.6667 +/- 3.192 (see test_spc); 20 is above the upper limit
    assert spc_finding(xmr([10, 12, 11, 13, 12, 12, 20], baseline=6), "lower_is_better") == (
        "Special cause concern: the latest month is above the upper process limit"
    )
    # [10, 12, 11, 13, 12, 12]: mean 11.7, limits 8.5 to 14.9
    assert spc_finding(xmr([10, 12, 11, 13, 12, 12]), "neutral") == (
        "Common cause variation: the latest month is within the expected range (8.5 to 14.9)"
    )
    assert dt.date(2020, 4, 1) == P.month(2020, 4).start


def test_snapshot_changes_read_at_a_date_and_no_change_reads_naturally():
    import datetime as dt

    from lineofsight.indicators.engine import IndicatorResult
    from lineofsight.indicators.findings import change_finding

    def snap(year, value):
        end = dt.date(year, 3, 31)
        return IndicatorResult(
            "cla_rate_per_10k",
            "snapshot",
            end.isoformat(),
            end,
            end,
            value,
            None,
            value,
            None,
            None,
            None,
        )

    text = change_finding(
        "Children looked after per 10,000", snap(2020, 78.0), snap(2021, 81.7), "rate_per_10k"
    )
    # (81.7 - 78.0) / 78.0 = +4.7% -> "+5%"
    assert text == (
        "Children looked after per 10,000 rose from 78.0 per 10,000 at 31 March 2020 "
        "to 81.7 per 10,000 at 31 March 2021 (+5%)"
    )
    same = change_finding("Re-referrals", snap(2020, 25.4), snap(2021, 25.4), "percent")
    assert same == "Re-referrals: unchanged at 25.4% between 31 March 2020 and 31 March 2021"
