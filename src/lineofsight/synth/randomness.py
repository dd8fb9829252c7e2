"""Seeded random helpers (never the global ``random`` state)."""

from __future__ import annotations

import math
import random
from collections.abc import Mapping
from datetime import date, timedelta
from itertools import accumulate


class Picker:
    """Weighted choice over a fixed code list, in the list's own (file) order."""

    def __init__(self, weights: Mapping[str, float]) -> None:
        self.codes = list(weights)
        self.cumulative = list(accumulate(weights.values()))

    def __call__(self, rng: random.Random) -> str:
        return rng.choices(self.codes, cum_weights=self.cumulative)[0]

    def several(self, rng: random.Random, k: int) -> list[str]:
        """``k`` distinct codes, sorted by list order."""
        chosen: set[str] = set()
        while len(chosen) < min(k, len(self.codes)):
            chosen.add(self(rng))
        return [c for c in self.codes if c in chosen]


def lognormal_days(rng: random.Random, median: float, sigma: float, low: int, high: int) -> int:
    days = int(rng.lognormvariate(math.log(median), sigma))
    return max(low, min(high, days))


def days_after(d: date, days: int) -> date:
    return d + timedelta(days=days)


def poisson(rng: random.Random, mean: float) -> int:
    """A Poisson draw (normal approximation above 50, for speed)."""
    if mean <= 0:
        return 0
    if mean > 50:
        return max(0, round(rng.gauss(mean, math.sqrt(mean))))
    limit, k, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        k += 1
        product *= rng.random()
    return k
