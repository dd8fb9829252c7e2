import datetime as dt

from lineofsight.indicators import periods as P
from lineofsight.indicators.engine import IndicatorResult
from lineofsight.indicators.findings import (
    benchmark_finding,
    change_finding,
    format_value,
    spc_finding,
    target_finding,
    year_on_year_finding,
)
from lineofsight.indicators.methods import wilson
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


def share(period: P.Period, numerator: int, denominator: int) -> IndicatorResult:
    """A percentage result with its Wilson interval, as the engine stores it."""
    low, high = wilson(numerator, denominator)
    return IndicatorResult(
        "rereferral_pct",
        period.period_type,
        period.label,
        period.start,
        period.end,
        numerator,
        denominator,
        100 * numerator / denominator,
        100 * low,
        100 * high,
        None,
    )


def test_number_formatting():
    assert format_value(1706, "count") == "1,706"
    assert format_value(25.44, "percent") == "25.4%"
    assert format_value(81.742, "rate_per_10k") == "81.7 per 10,000"
    assert format_value(12.05, "rate_per_100k") == "12.1 per 100,000"
    assert format_value(2.5, "count") == "2.5"


def test_contacts_rose_year_on_year():
    # (2,292 - 1,706) / 1,706 = 586 / 1,706 = 34.3% -> +34%.  Chance: Poisson (Byar's)
    # intervals 1,626.0 to 1,788.9 and 2,199.1 to 2,387.8; MOVER lower bound of the difference
    # 586 - sqrt((2,292 - 2,199.1)^2 + (1,788.9 - 1,706)^2) = 586 - 124.5 > 0: beyond chance
    earlier, later = result(P.month(2020, 4), 1706), result(P.month(2021, 4), 2292)
    expected = (
        "Contacts rose from 1,706 in April 2020 to 2,292 in April 2021 (+34%); "
        "beyond what chance would explain"
    )
    assert change_finding("Contacts", earlier, later, "count") == expected
    series = [result(P.month(2020, 4), 1706), result(P.month(2020, 5), 1800), later]
    assert year_on_year_finding("Contacts", series, "count") == expected
    # 10 -> 14: intervals 4.8 to 18.4 and 7.6 to 23.5; 4 - sqrt(6.4^2 + 8.4^2) = 4 - 10.6 < 0
    small = change_finding(
        "Contacts", result(P.month(2020, 4), 10), result(P.month(2021, 4), 14), "count"
    )
    assert small == (
        "Contacts rose from 10 in April 2020 to 14 in April 2021 (+40%); "
        "too few to tell whether this is more than chance"
    )


def test_a_rise_on_three_of_seven_is_too_few_to_tell():
    # 0 of 5: Wilson 0.0% to 43.4%; 3 of 7: 42.9%, Wilson 15.8% to 75.0%.  MOVER lower bound:
    # 42.9 - sqrt((42.9 - 15.8)^2 + (43.4 - 0)^2) = 42.9 - sqrt(733 + 1,888) = 42.9 - 51.2 < 0
    text = change_finding(
        "Re-referrals",
        share(P.financial_year(2019), 0, 5),
        share(P.financial_year(2020), 3, 7),
        "percent",
    )
    assert text == (
        "Re-referrals rose from 0.0% (0 of 5) in 2019-20 to 42.9% (3 of 7) in 2020-21 "
        "(+42.9 percentage points); too few to tell whether this is more than chance"
    )
    # 0 of 50 (0.0% to 7.1%) to 30 of 70 (42.9%, 31.9% to 54.5%):
    # 42.9 - sqrt(11.0^2 + 7.1^2) = 42.9 - 13.1 > 0: beyond chance
    text = change_finding(
        "Re-referrals",
        share(P.financial_year(2019), 0, 50),
        share(P.financial_year(2020), 30, 70),
        "percent",
    )
    assert text is not None and text.endswith("; beyond what chance would explain")


def test_percentages_change_in_points_and_falls_are_stated():
    earlier = result(P.financial_year(2019), 30.0)
    later = result(P.financial_year(2020), 25.4)
    # no numerator, denominator or interval stored: chance cannot be judged, and it says so
    assert change_finding("Re-referrals", earlier, later, "percent") == (
        "Re-referrals fell from 30.0% in 2019-20 to 25.4% in 2020-21 (-4.6 percentage points); "
        "no confidence interval, so whether this is more than chance cannot be told"
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
    # 254 of 1,000 in 2021: Wilson 22.8% to 28.2%.  England 22.7% and neighbours 21.8% both
    # lie below 22.8%: beyond chance
    low, high = (100 * b for b in wilson(254, 1000))
    assert benchmark_finding("Re-referrals", own, benchmarks, "percent", {2021: (low, high)}) == (
        "Re-referrals (25.4%) have been above England (22.7%) and statistical neighbours "
        "(21.8%) for four years; beyond what chance would explain"
    )
    # 140 of 550 (25.5%): Wilson 21.99% to 29.26%: England 22.7% lies inside, neighbours
    # 21.8% below it
    low, high = (100 * b for b in wilson(140, 550))
    assert benchmark_finding("Re-referrals", own, benchmarks, "percent", {2021: (low, high)}) == (
        "Re-referrals (25.4%) have been above England (22.7%) and statistical neighbours "
        "(21.8%) for four years; the difference from statistical neighbours is beyond chance, "
        "from England too few to tell"
    )


def test_a_mixed_benchmark_position_and_a_single_year():
    assert (
        benchmark_finding(
            "Re-referrals",
            {2021: 22.0},
            {2021: {"england": 22.7, "statistical_neighbours": 21.8}},
            "percent",
        )
        == "Re-referrals (22.0%) are below England (22.7%) but above statistical neighbours "
        "(21.8%); no confidence interval, so whether this is more than chance cannot be told"
    )
    assert (
        benchmark_finding(
            "Children looked after", {2021: 81.7}, {2021: {"england": 67.0}}, "rate_per_10k"
        )
        == "Children looked after (81.7 per 10,000) are above England (67.0 per 10,000); "
        "no confidence interval, so whether this is more than chance cannot be told"
    )
    assert benchmark_finding("X", {2021: 1.0}, {}, "percent") is None


def test_special_cause_concern_seven_months_above_the_mean():
    # baseline [1, 3, 1, 3, 1, 3, 1]: mean 13/7 = 1.857, mMR 2; then seven months at 2.5, all
    # above the mean: a run of 7 ending at the latest month.  Lower is better -> concern.
    result_ = xmr([1, 3, 1, 3, 1, 3, 1] + [2.5] * 7, baseline=7)
    assert spc_finding(result_, "lower_is_better") == (
        "Special cause concern: the last 7 months were all above the average (1.9)"
    )
    assert spc_finding(result_, "higher_is_better") == (
        "Special cause improvement: the last 7 months were all above the average (1.9)"
    )
    # with the months named: April 2019 (index 0) to May 2020 (index 13)
    labels = [P.describe(P.month(2019 + (3 + i) // 12, (3 + i) % 12 + 1)) for i in range(14)]
    assert spc_finding(result_, "neutral", labels=labels, unit="percent") == (
        "Unusual, look into it (neither higher nor lower is better): the last 7 months "
        "(November 2019 to May 2020) were all above the average of April 2019 to May 2020 (1.9%)"
    )
    # the year as a whole fell: the sentence says the latest months moved the other way
    assert spc_finding(result_, "lower_is_better", year_change="fell") == (
        "Special cause concern: the last 7 months were all above the average (1.9), although "
        "the year as a whole fell on the year before"
    )
    assert spc_finding(result_, "lower_is_better", year_change="rose") == (
        "Special cause concern: the last 7 months were all above the average (1.9)"
    )


def test_trend_outside_limits_and_common_cause_sentences():
    assert spc_finding(xmr([1, 2, 3, 4, 5, 6, 7]), "neutral", "quarter") == (
        "Unusual, look into it (neither higher nor lower is better): the last 7 quarters each "
        "rose on the one before"
    )
    # limits 11.6667 +/- 3.192 (see test_spc); 20 is above the upper limit 14.9
    assert spc_finding(xmr([10, 12, 11, 13, 12, 12, 20], baseline=6), "lower_is_better") == (
        "Special cause concern: the latest month (20) is above the upper process limit (14.9): "
        "beyond the usual variation"
    )
    # [10, 12, 11, 13, 12, 12]: mean 11.7, limits 8.5 to 14.9
    assert spc_finding(xmr([10, 12, 11, 13, 12, 12]), "neutral") == (
        "Common cause variation: the latest month (12) is within the expected range (8.5 to 14.9)"
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
        "to 81.7 per 10,000 at 31 March 2021 (+5%); no confidence interval, so whether this "
        "is more than chance cannot be told"
    )
    same = change_finding("Re-referrals", snap(2020, 25.4), snap(2021, 25.4), "percent")
    assert same == "Re-referrals: unchanged at 25.4% between 31 March 2020 and 31 March 2021"


def test_a_target_for_the_year_says_whether_the_miss_is_beyond_chance():
    # 3 of 7 (42.9%, Wilson 15.8% to 75.0%) against a target of 90%: 90 lies above the
    # interval, a miss beyond chance; against 60% (inside the interval): too few to tell
    year = share(P.financial_year(2020), 3, 7)
    assert target_finding("Visits on time", year, 90.0, "higher_is_better", "percent") == (
        "Visits on time (42.9%) missed the 2020-21 target of 90.0%; beyond what chance would "
        "explain"
    )
    assert target_finding("Visits on time", year, 40.0, "higher_is_better", "percent") == (
        "Visits on time (42.9%) met the 2020-21 target of 40.0%; too few to tell whether this "
        "is more than chance"
    )
    assert target_finding("Contacts", year, 40.0, "neutral", "percent") == (
        "Contacts (42.9%) against the 2020-21 target of 40.0%"
    )
