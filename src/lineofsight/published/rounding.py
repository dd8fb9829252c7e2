"""Rounding as DfE's published tables and LAIT show figures: half away from zero, in decimal."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def round_half_up(value: float | Decimal, decimals: int = 1) -> float:
    """``value`` rounded to ``decimals`` places, halves away from zero (20.45 -> 20.5).

    Python's ``round`` rounds halves to even and works on binary floats (``round(20.45, 1)`` is
    20.4); spreadsheet tools, which DfE's tables and LAIT come from, round halves away from zero.
    """
    exact = value if isinstance(value, Decimal) else Decimal(repr(value))
    return float(exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP))


def per(count: float, base: float, multiplier: int, decimals: int = 1) -> float:
    """``count`` per ``multiplier`` of ``base`` (100 for a percentage, 10,000 for a rate)."""
    exact = Decimal(repr(count)) * Decimal(multiplier) / Decimal(repr(base))
    return round_half_up(exact, decimals)
