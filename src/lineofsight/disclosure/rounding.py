"""Published numbers: percentages and rates to one decimal place, rounded half up.

Python's ``round`` rounds half to even (``round(0.125, 2) == 0.12``) and floats cannot hold most
decimals exactly, so every published figure goes through ``Decimal`` with ``ROUND_HALF_UP``:
12.25 -> 12.3, 12.35 -> 12.4, 0.05 -> 0.1.  A float is read through its shortest ``repr`` (the
digits a person would write), never its binary expansion.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

ONE_PLACE = Decimal("0.1")


def to_decimal(value: float | int | Decimal) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    return Decimal(repr(float(value)))


def half_up(value: float | int | Decimal, places: Decimal = ONE_PLACE) -> Decimal:
    """``value`` rounded half up to ``places`` (one decimal place by default)."""
    return to_decimal(value).quantize(places, rounding=ROUND_HALF_UP)


def percentage(numerator: int, denominator: int) -> Decimal:
    """``numerator`` as a percentage of ``denominator``, computed exactly then rounded half up."""
    if denominator == 0:
        raise ZeroDivisionError("a percentage needs a denominator above zero")
    return half_up(Decimal(numerator) * 100 / Decimal(denominator))


def rate(numerator: int, denominator: int, per: int = 10_000) -> Decimal:
    """``numerator`` per ``per`` of ``denominator`` (e.g. per 10,000 children), rounded half up."""
    if denominator == 0:
        raise ZeroDivisionError("a rate needs a population above zero")
    return half_up(Decimal(numerator) * per / Decimal(denominator))


def format_count(value: int) -> str:
    return f"{value:,}"


def format_one_place(value: float | int | Decimal) -> str:
    """``1,234.5`` (thousands separated, one decimal place, half up)."""
    return f"{half_up(value):,}"
