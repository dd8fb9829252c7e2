"""Small numbers: exact counts only to the CDOP roles; others see 1 to 5 as "c".

One function each for a count, a percentage, a rate and a median, so that the whole module can
move to ``lineofsight.disclosure`` (the reports issue) by changing this file only.  This is
primary suppression for the screen; the published edition (reports) adds secondary suppression.
"""

from __future__ import annotations

SUPPRESSED = "c"
SMALLEST_SHOWN = 6


def is_small(n: int | None) -> bool:
    return n is not None and 0 < n < SMALLEST_SHOWN


def count(n: int | None, *, exact: bool) -> int | str | None:
    return SUPPRESSED if not exact and is_small(n) else n


def percent(value: float | None, part: int, whole: int, *, exact: bool) -> float | str | None:
    """A share is suppressed when its numerator or denominator is small."""
    if not exact and (is_small(part) or is_small(whole)):
        return SUPPRESSED
    return value


def derived(value: float | None, basis: int, *, exact: bool) -> float | str | None:
    """A rate or median computed from ``basis`` records: suppressed when ``basis`` is small."""
    return SUPPRESSED if not exact and is_small(basis) else value
