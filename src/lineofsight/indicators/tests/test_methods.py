import datetime as dt

import pytest

from lineofsight.indicators.methods import byars, wilson

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
