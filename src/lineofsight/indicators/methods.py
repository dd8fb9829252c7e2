"""Statistical methods used by the indicators.

- ``wilson``: Wilson score interval for a proportion.
- ``byars``: a rate per ``per`` population with Byar's approximation to the exact Poisson interval.

Working days and statutory timescales live in ``lineofsight.calendar``.
"""

from __future__ import annotations

import math

REFERENCE_PACKAGE = "lineofsight.indicators.reference"


def wilson(numerator: float, denominator: float, z: float = 1.96) -> tuple[float, float]:
    """Wilson score interval for ``numerator / denominator``, as proportions (0 to 1).

    Raises ``ValueError`` when the denominator is not positive or the numerator is outside it.
    """
    if denominator <= 0:
        raise ValueError("a proportion needs a positive denominator")
    if not 0 <= numerator <= denominator:
        raise ValueError("the numerator of a proportion must lie between 0 and the denominator")
    p = numerator / denominator
    z2 = z * z
    scale = 1 + z2 / denominator
    centre = (p + z2 / (2 * denominator)) / scale
    half_width = (z / scale) * math.sqrt(
        p * (1 - p) / denominator + z2 / (4 * denominator * denominator)
    )
    return max(0.0, centre - half_width), min(1.0, centre + half_width)


def byars(
    count: float, population: float, per: float = 10_000, z: float = 1.96
) -> tuple[float, float, float]:
    """Rate per ``per`` people with Byar's 95% interval: ``(rate, low, high)``.

    Lower count: O * (1 - 1/(9O) - z/(3 sqrt O))^3 (0 when O = 0);
    upper count: (O+1) * (1 - 1/(9(O+1)) + z/(3 sqrt(O+1)))^3; both scaled by per / population.
    """
    if population <= 0:
        raise ValueError("a rate needs a positive population")
    if count < 0:
        raise ValueError("a rate needs a non-negative count")
    scale = per / population
    if count == 0:
        low_count = 0.0
    else:
        low_count = count * (1 - 1 / (9 * count) - z / (3 * math.sqrt(count))) ** 3
    upper = count + 1
    high_count = upper * (1 - 1 / (9 * upper) + z / (3 * math.sqrt(upper))) ** 3
    return count * scale, low_count * scale, high_count * scale
