"""Beyond chance or not: worked examples; each bound below is derived by hand."""

import pytest

from lineofsight.indicators.significance import (
    Estimate,
    against_value,
    between,
    chance_words,
    estimate,
)


def test_against_a_fixed_figure_uses_our_interval():
    ours = Estimate(25.4, 22.8, 28.2)
    assert against_value(ours, 21.8) == "higher"  # England below our interval: we are higher
    assert against_value(ours, 30.0) == "lower"
    assert against_value(ours, 22.8) == "similar"  # on the bound: within chance
    assert against_value(Estimate(25.4, None, None), 21.8) is None


def test_mover_difference_between_two_years():
    # 20% (15 to 26) -> 30% (24 to 37): d = 10; low = 10 - sqrt((30 - 24)^2 + (26 - 20)^2)
    # = 10 - 8.49 = 1.51 > 0: higher, although the two intervals overlap (24 to 26)
    assert between(Estimate(20, 15, 26), Estimate(30, 24, 37)) == "higher"
    # 20% (10 to 35) -> 30% (18 to 45): low = 10 - sqrt(12^2 + 15^2) = 10 - 19.2 < 0
    assert between(Estimate(20, 10, 35), Estimate(30, 18, 45)) == "similar"
    # falls mirror: high = -10 + sqrt((26 - 20)^2 + (30 - 24)^2) = -1.51 < 0
    assert between(Estimate(30, 24, 37), Estimate(20, 15, 26)) == "lower"
    assert between(Estimate(30, None, None), Estimate(20, 15, 26)) is None


def test_a_count_gets_its_poisson_interval():
    # Byar's for 10 events: 10 * (1 - 1/90 - 1.96 / (3 sqrt 10))^3 = 4.787;
    # 11 * (1 - 1/99 + 1.96 / (3 sqrt 11))^3 = 18.39
    count = estimate(10, None, None, "count")
    assert count.low == pytest.approx(4.787, abs=1e-3)
    assert count.high == pytest.approx(18.392, abs=1e-3)
    assert estimate(25.0, None, None, "percent").has_interval is False


def test_words():
    assert chance_words("similar") == "within what chance would give: too few to tell"
    assert chance_words("higher") == "beyond what chance would explain"
    assert "not known" in chance_words(None)
