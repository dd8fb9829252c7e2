import csv
import datetime as dt
from importlib import resources

import numpy as np
import pytest

from lineofsight.indicators.methods import (
    REFERENCE_PACKAGE,
    add_working_days,
    bank_holidays,
    byars,
    wilson,
    working_day_index,
    working_days,
)

D = dt.date


def test_wilson_eight_of_ten():
    # p = 0.8, z^2 = 3.8416, 1 + z^2/n = 1.38416
    # centre = (0.8 + 3.8416/20) / 1.38416 = 0.99208 / 1.38416 = 0.716738
    # half = (1.96 / 1.38416) * sqrt(0.8*0.2/10 + 3.8416/400) = 1.416022 * sqrt(0.025604)
    #      = 1.416022 * 0.160012 = 0.226580
    low, high = wilson(8, 10)
    assert low == pytest.approx(0.490158, abs=1e-5)
    assert high == pytest.approx(0.943318, abs=1e-5)


def test_wilson_zero_of_twenty_starts_at_zero():
    # p = 0: centre = (3.8416/40) / (1 + 3.8416/20) = 0.09604 / 1.19208 = 0.080565
    # half = (1.96/1.19208) * sqrt(3.8416/1600) = 1.644185 * 0.049 = 0.080565 -> low 0
    low, high = wilson(0, 20)
    assert low == 0.0
    assert high == pytest.approx(0.161130, abs=1e-5)


def test_wilson_rejects_impossible_proportions():
    with pytest.raises(ValueError):
        wilson(3, 2)
    with pytest.raises(ValueError):
        wilson(0, 0)


def test_byars_ten_events():
    # lower = 10 * (1 - 1/90 - 1.96/(3*sqrt(10)))^3 = 10 * (1 - 0.011111 - 0.206591)^3
    #       = 10 * 0.782298^3 = 10 * 0.478748 = 4.78748
    # upper = 11 * (1 - 1/99 + 1.96/(3*sqrt(11)))^3 = 11 * (1 - 0.010101 + 0.196993)^3
    #       = 11 * 1.186892^3 = 11 * 1.671958 = 18.39154
    rate, low, high = byars(10, 10_000, per=10_000)
    assert rate == 10
    assert low == pytest.approx(4.7875, abs=1e-3)
    assert high == pytest.approx(18.3915, abs=1e-3)


def test_byars_looked_after_rate_of_the_seed_report():
    # 547 / 66,918 * 10,000 = 81.742 -> 81.7 per 10,000 (the seed report's figure)
    rate, low, high = byars(547, 66_918)
    assert round(rate, 1) == 81.7
    assert low < rate < high


def test_byars_zero_count_has_zero_lower_bound():
    # upper = 1 * (1 - 1/9 + 1.96/3)^3 = (0.888889 + 0.653333)^3 = 1.542222^3 = 3.668083
    rate, low, high = byars(0, 10_000)
    assert (rate, low) == (0, 0)
    assert high == pytest.approx(3.668, abs=1e-3)


def test_bank_holidays_include_the_one_off_days_and_moved_holidays():
    days = bank_holidays()
    one_offs = [D(2011, 4, 29), D(2012, 6, 4), D(2012, 6, 5), D(2020, 5, 8), D(2022, 6, 2)]
    one_offs += [D(2022, 6, 3), D(2022, 9, 19), D(2023, 5, 8)]
    assert all(day in days for day in one_offs)
    # moved: no holiday on the usual last Monday of May 2012 / 2022 or first Monday of May 2020
    assert D(2012, 5, 28) not in days and D(2022, 5, 30) not in days and D(2020, 5, 4) not in days
    # substitute days: 25-26 Dec 2021 were Sat-Sun -> Mon 27 and Tue 28
    assert D(2021, 12, 27) in days and D(2021, 12, 28) in days
    assert min(days).year == 2010 and max(days).year == 2030
    # eight a year normally
    assert sum(1 for day in days if day.year == 2019) == 8


def test_bank_holiday_file_is_sorted_dates_with_names():
    text = resources.files(REFERENCE_PACKAGE).joinpath("bank_holidays_england.csv").read_text()
    rows = list(csv.DictReader(text.splitlines()))
    dates = [row["date"] for row in rows]
    assert dates == sorted(dates) and len(dates) == len(set(dates))
    assert all(row["name"] for row in rows)


def test_working_days_same_day_counts_as_one():
    # the end date counts as day 1
    assert working_days(D(2021, 9, 1), D(2021, 9, 1)) == 1


def test_working_days_across_easter_2020():
    # Thu 9 Apr counts; Good Friday 10, Sat 11, Sun 12, Easter Monday 13 do not; Tue 14 is the
    # end date, day 1 -> 2
    assert working_days(D(2020, 4, 9), D(2020, 4, 14)) == 2


def test_working_days_across_christmas_2020():
    # Thu 24 Dec counts; Fri 25 (Christmas), Sat 26, Sun 27, Mon 28 (Boxing Day substitute)
    # do not; Tue 29 is the end date -> 2
    assert working_days(D(2020, 12, 24), D(2020, 12, 29)) == 2


def test_working_days_across_the_2022_jubilee():
    # Wed 1 Jun counts; Thu 2 (spring holiday moved) and Fri 3 (jubilee) and the weekend do not;
    # Mon 6 is the end date -> 2
    assert working_days(D(2022, 6, 1), D(2022, 6, 6)) == 2


def test_forty_five_working_days_from_1_september_2021():
    # Sep 2021 from Wed 1: 3 + 5 + 5 + 5 + 4 = 22; Oct: Fri 1 -> 23, then 5 a week -> 43 by
    # Fri 29; Mon 1 Nov -> 44; Tue 2 Nov is the 45th, counted as the end date
    assert working_days(D(2021, 9, 1), D(2021, 11, 2)) == 45
    assert working_days(D(2021, 9, 1), D(2021, 11, 3)) == 46


def test_working_days_agree_with_numpy_business_day_count():
    # an independent count: numpy's busday_count over [start, end) plus the end date itself
    holidays = sorted(bank_holidays())
    start = D(2019, 12, 20)
    for end in (D(2020, 1, 2), D(2020, 5, 11), D(2022, 6, 10), D(2023, 5, 9)):
        expected = int(np.busday_count(start, end, holidays=holidays)) + 1
        assert working_days(start, end) == expected


def test_working_days_refuses_dates_without_a_calendar():
    with pytest.raises(ValueError):
        working_days(D(2009, 12, 1), D(2010, 1, 5))
    with pytest.raises(ValueError):
        working_days(D(2021, 1, 5), D(2021, 1, 4))


def test_working_day_index_differences_match_working_days():
    index = dict(working_day_index(D(2022, 5, 20), D(2022, 6, 30)))
    start, end = D(2022, 5, 25), D(2022, 6, 15)
    assert index[end] - index[start] + 1 == working_days(start, end)


def test_add_working_days_counts_from_the_day_after_start_across_easter_2021():
    # 1 Apr 2021 is a Thursday; 2 Apr Good Friday, 5 Apr Easter Monday.
    # Days 1-5: 6, 7, 8, 9, 12 April; days 6-15: 13-16, 19-23, 26 April.
    assert add_working_days(D(2021, 4, 1), 1) == D(2021, 4, 6)
    assert add_working_days(D(2021, 4, 1), 5) == D(2021, 4, 12)
    assert add_working_days(D(2021, 4, 1), 15) == D(2021, 4, 26)


def test_add_working_days_from_a_weekend_or_holiday_and_zero_days():
    assert add_working_days(D(2020, 12, 25), 1) == D(2020, 12, 29)  # Boxing Day moved to 28th
    assert add_working_days(D(2022, 9, 17), 1) == D(2022, 9, 20)  # state funeral 19 Sep
    assert add_working_days(D(2021, 4, 3), 0) == D(2021, 4, 3)


def test_add_working_days_relates_to_the_dfe_count():
    # working_days counts the start date as well (the DfE validator convention).
    for start in (D(2021, 4, 1), D(2020, 12, 24), D(2022, 5, 31)):
        for n in (1, 5, 15, 45):
            assert working_days(start, add_working_days(start, n)) == n + 1


def test_add_working_days_refuses_dates_without_a_calendar():
    with pytest.raises(ValueError):
        add_working_days(D(2009, 12, 30), 2)
    with pytest.raises(ValueError):
        add_working_days(D(2030, 12, 30), 5)
