"""Monthly contact volumes: trend, seasonality, the COVID-19 dip and noise."""

from __future__ import annotations

import random
from collections.abc import Iterator

from lineofsight.synth.config import BoroughParams


def months(first_year: int, last_year: int) -> Iterator[tuple[int, int]]:
    """(year, month) from April before ``first_year`` to March of ``last_year``."""
    year, month = first_year - 1, 4
    while (year, month) <= (last_year, 3):
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def expected_contacts(params: BoroughParams, year: int, month: int, scale: float) -> float:
    years_from_reference = (year + (month - 4) / 12) - (params.reference_year - 0.25)
    trend = (1 + params.contacts_annual_growth) ** years_from_reference
    season = params.contact_seasonality[str(month)]
    covid = params.covid_multipliers.get(f"{year}-{month:02d}", 1.0)
    return params.contacts_per_month_at_reference * scale * trend * season * covid


def draw_contacts(rng: random.Random, expected: float, noise_sd: float) -> int:
    return max(0, round(expected * rng.gauss(1.0, noise_sd)))
