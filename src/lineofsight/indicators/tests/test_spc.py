"""XmR worked examples; every limit below is derived by hand in the comments."""

import pytest

from lineofsight.indicators.spc import assurance_icon, sustained_shift, variation_icon, xmr


def test_a_point_outside_the_limits_with_a_baseline():
    values = [10, 12, 11, 13, 12, 12, 20]
    result = xmr(values, baseline=6)
    # baseline: mean = 70 / 6 = 11.6667; moving ranges 2, 1, 2, 1, 0 -> mMR = 6 / 5 = 1.2
    # UPL = 11.6667 + 2.66 * 1.2 = 14.8587; LPL = 11.6667 - 3.192 = 8.4747
    # 2-sigma = 11.6667 +/- (2/3) * 3.192 = 13.7947 and 9.5387
    limits = result.phases[0]
    assert limits.mean == pytest.approx(11.6667, abs=1e-4)
    assert limits.mean_moving_range == pytest.approx(1.2)
    assert limits.upper_process_limit == pytest.approx(14.8587, abs=1e-4)
    assert limits.lower_process_limit == pytest.approx(8.4747, abs=1e-4)
    assert limits.upper_two_sigma == pytest.approx(13.7947, abs=1e-4)
    assert limits.lower_two_sigma == pytest.approx(9.5387, abs=1e-4)
    # only 20 is beyond a limit; the longest run on one side is 4 (12, 12... and 20)
    assert [sorted(point.rules) for point in result.points] == [[]] * 6 + [["outside_limits"]]
    assert variation_icon(result, "higher_is_better") == "special_cause_improvement_high"
    assert variation_icon(result, "lower_is_better") == "special_cause_concern_high"
    assert variation_icon(result, "neutral") == "special_cause_neutral_high"


def test_a_run_of_seven_or_more_on_one_side_of_the_mean():
    values = [1, 3, 1, 3, 1, 3] + [2.5] * 7
    result = xmr(values, baseline=6)
    # baseline mean = 12 / 6 = 2, mMR = 2; the run above 2 starts at index 5 (3) and goes on
    # through the seven 2.5s: 8 points, all flagged; index 4 (1) is below and not flagged
    assert result.phases[0].mean == 2
    flagged = [point.index for point in result.points if "run" in point.rules]
    assert flagged == list(range(5, 13))


def test_a_point_on_the_mean_breaks_the_run():
    values = [1, 3, 1, 3, 1, 3, 2.5, 2.5, 2.5, 2, 2.5, 2.5, 2.5]
    result = xmr(values, baseline=6)
    # runs above the mean 2: indices 5-8 (4 points), then 2 sits on the mean, then 10-12 (3)
    assert not any("run" in point.rules for point in result.points)
    assert variation_icon(result, "higher_is_better") == "common_cause"


def test_a_trend_of_seven_and_two_of_three_beyond_two_sigma():
    result = xmr([1, 2, 3, 4, 5, 6, 7])
    # mean 28 / 7 = 4; moving ranges all 1 -> mMR 1; limits 4 +/- 2.66 = 1.34 and 6.66
    # 2-sigma 4 +/- 1.7733 = 2.2267 and 5.7733
    # trend: 6 consecutive increases -> all 7 points
    # outside: 1 < 1.34 and 7 > 6.66
    # two of three: (1, 2) below 2.2267; (6, 7) above 5.7733
    expected = [
        {"trend", "outside_limits", "two_of_three"},
        {"trend", "two_of_three"},
        {"trend"},
        {"trend"},
        {"trend"},
        {"trend", "two_of_three"},
        {"trend", "outside_limits", "two_of_three"},
    ]
    assert [set(point.rules) for point in result.points] == expected
    # six points rising is not a trend: mean 3.5, limits 3.5 +/- 2.66 = 0.84 and 6.16
    assert not any("trend" in p.rules for p in xmr([1, 2, 3, 4, 5, 6]).points)


def test_two_of_three_must_be_on_the_same_side():
    # baseline [0, 2, 0, 2, 0, 2]: mean 1, mMR 2, 2-sigma 1 +/- 3.5467 = 4.5467 and -2.5467,
    # limits 1 +/- 5.32 = 6.32 and -4.32
    mixed = xmr([0, 2, 0, 2, 0, 2, 5, -3, 1], baseline=6)
    # 5 is above the upper 2-sigma line and -3 below the lower: not the same side
    assert not any(point.rules for point in mixed.points)
    same = xmr([0, 2, 0, 2, 0, 2, 5, 1, 5], baseline=6)
    assert [p.index for p in same.points if "two_of_three" in p.rules] == [6, 8]


def test_recalculation_points_start_new_phases():
    values = [10, 10, 10, 10, 20, 20, 20, 20]
    # one phase: mean 15, moving ranges 0,0,0,10,0,0,0 -> mMR 10/7 = 1.4286,
    # limits 15 +/- 3.8 = 11.2 and 18.8: every point is outside
    single = xmr(values)
    assert single.phases[0].upper_process_limit == pytest.approx(18.8)
    assert all("outside_limits" in point.rules for point in single.points)
    # two phases at index 4: means 10 and 20, mMR 0: every point sits on its mean, no signal
    split = xmr(values, recalculation_points=[4])
    assert split.recalculation_points == [4]
    assert [phase.mean for phase in split.phases] == [10, 20]
    assert not any(point.rules for point in split.points)
    assert split.limits_at(5).mean == 20


def test_assurance_against_a_target():
    result = xmr([1, 2, 3, 4, 5, 6, 7])  # limits 1.34 to 6.66 (see above)
    assert assurance_icon(result, 1, "higher_is_better") == "consistently_pass"
    assert assurance_icon(result, 7, "higher_is_better") == "consistently_fail"
    assert assurance_icon(result, 4, "higher_is_better") == "hit_and_miss"
    assert assurance_icon(result, 7, "lower_is_better") == "consistently_pass"
    assert assurance_icon(result, 1, "lower_is_better") == "consistently_fail"
    assert assurance_icon(result, 4, "neutral") is None


def test_an_empty_series_has_no_icons():
    empty = xmr([])
    assert variation_icon(empty, "neutral") is None
    assert assurance_icon(empty, 1, "higher_is_better") is None


def test_limits_are_clipped_to_the_possible_range():
    # [0, 2, 0, 1, 0]: mean 0.6, moving ranges 2, 2, 1, 1 -> mMR 1.5; limits 0.6 +/- 3.99 =
    # -3.39 and 4.59; 2-sigma 0.6 +/- 2.66 = -2.06 and 3.26.  A count cannot fall below 0.
    counts = xmr([0, 2, 0, 1, 0], floor=0)
    limits = counts.phases[0]
    assert limits.lower_process_limit == 0 and limits.lower_two_sigma == 0
    assert limits.upper_process_limit == pytest.approx(4.59)
    assert limits.upper_two_sigma == pytest.approx(3.26)
    assert not any(point.rules for point in counts.points)  # 0 is possible, never a signal
    # percentages [90, 100, 95, 100]: mean 96.25, mMR (10 + 5 + 5) / 3 = 6.667; upper limit
    # 96.25 + 17.73 = 113.98 -> 100; lower 78.52 stays
    shares = xmr([90, 100, 95, 100], floor=0, ceiling=100).phases[0]
    assert shares.upper_process_limit == 100
    assert shares.lower_process_limit == pytest.approx(78.5167, abs=1e-4)
    # unclipped without a range, as before
    assert xmr([0, 2, 0, 1, 0]).phases[0].lower_process_limit == pytest.approx(-3.39)


def test_a_sustained_shift_is_found_where_the_run_began_and_rebasing_clears_it():
    # 12 months around 10 then 8 months around 20: one phase has mean (120 + 160) / 20 = 14;
    # the last 8 points are all above it: a run from index 12 to the latest point
    values = [10, 11, 9, 10, 11, 9, 10, 11, 9, 10, 11, 9] + [20, 21, 19, 20, 21, 19, 20, 20]
    single = xmr(values)
    assert single.phases[0].mean == 14
    assert sustained_shift(single) == 12
    # recalculated from that month (an analyst's change point): phase 2 has mean 20 and
    # moving ranges 1, 2, 1, 1, 2, 1, 0 -> mMR 8/7; no point flags, so no shift remains
    rebased = xmr(values, recalculation_points=[12])
    assert rebased.phases[1].mean == 20
    assert not any(point.rules for point in rebased.points)
    assert sustained_shift(rebased) is None
    # a run that ended before the latest point is not sustained
    assert sustained_shift(xmr(values[:12] + [20] * 7 + [5])) is None
