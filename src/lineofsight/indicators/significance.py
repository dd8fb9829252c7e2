"""Is a difference beyond chance?  Decided from the 95% confidence intervals already computed.

- Against a fixed figure (England, statistical neighbours, the region, a target): the
  difference is beyond chance when that figure lies outside our 95% interval, the method of
  OHID's Fingertips and DfE's LAIT "significance" columns.  Published comparators are treated as
  exact (they are whole-population figures).
- Between two of our own figures (this year against last year): Newcombe's method 10 (the
  "method of variance estimates recovered", MOVER), which builds the interval of the difference
  from each figure's own interval (Wilson for percentages, Byar's for rates)::

      d = b - a
      low  = d - sqrt((b - b_low)^2 + (a_high - a)^2)
      high = d + sqrt((b_high - b)^2 + (a - a_low)^2)

  The difference is beyond chance when that interval does not contain 0.  (Comparing whether
  two intervals overlap would be too strict: intervals can overlap a little while the
  difference is still beyond chance.)
- Counts carry no stored interval: their Poisson interval is Byar's with a population of one.

The verdict is "higher", "lower" or "similar" (the difference is within chance: with these
numbers it is too few to tell), or None when no interval is known.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from lineofsight.indicators.methods import byars

Verdict = Literal["higher", "lower", "similar"]
TOO_FEW = "too few to tell"


@dataclass(frozen=True)
class Estimate:
    """A figure and its 95% confidence interval (either bound None: no interval)."""

    value: float
    low: float | None
    high: float | None

    @property
    def has_interval(self) -> bool:
        return self.low is not None and self.high is not None


def estimate(value: float, low: float | None, high: float | None, unit: str) -> Estimate:
    """A stored figure as an ``Estimate``; a count's interval is its Poisson (Byar's) one."""
    if unit == "count" and (low is None or high is None) and value >= 0:
        _, low, high = byars(value, 1, per=1)
    return Estimate(value, low, high)


def against_value(own: Estimate, other: float) -> Verdict | None:
    """Our figure against a fixed one: "higher"/"lower" when ``other`` lies outside our
    interval, "similar" when inside it, None without an interval."""
    if not own.has_interval:
        return None
    assert own.low is not None and own.high is not None
    if other < own.low:
        return "higher"
    if other > own.high:
        return "lower"
    return "similar"


def between(earlier: Estimate, later: Estimate) -> Verdict | None:
    """``later`` against ``earlier`` by Newcombe's MOVER interval of the difference."""
    if not (earlier.has_interval and later.has_interval):
        return None
    assert earlier.low is not None and earlier.high is not None
    assert later.low is not None and later.high is not None
    difference = later.value - earlier.value
    low = difference - math.hypot(later.value - later.low, earlier.high - earlier.value)
    high = difference + math.hypot(later.high - later.value, earlier.value - earlier.low)
    if low > 0:
        return "higher"
    if high < 0:
        return "lower"
    return "similar"


def chance_words(verdict: Verdict | None) -> str:
    """What a verdict means, in words for a board."""
    if verdict is None:
        return "no confidence interval, so whether this is beyond chance is not known"
    if verdict == "similar":
        return f"within what chance would give: {TOO_FEW}"
    return "beyond what chance would explain"
