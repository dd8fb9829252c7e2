"""An LA's published figures beside its region, its statistical neighbours and England.

Statistical-neighbour average: the simple, unweighted mean of the values DfE publishes for the
LA's ten statistical neighbours, leaving out neighbours with no number that year (suppressed "c",
not available "x", not applicable "z", or no row at all, e.g. an LA that did not exist yet), and
rounded to 1 decimal place, halves away from zero. It is a mean of the *published, already
rounded* figures (e.g. re-referral percentages to 1 dp), not a ratio of summed counts.

This is checked against a figure a partnership took from DfE's Local Authority Interactive Tool
(LAIT): Doncaster Safeguarding Children Partnership's annual report 2020-21 (table 2, re-referrals
within 12 months, source "Local authority interactive tool (LAIT)") gives the statistical
neighbour figures 20.5, 19.4, 20.9 and 21.8 for 2018 to 2021. With the April 2021 groupings
(``New_Statistical_Neighbour_Groupings_April_2021.csv``) and the C1 table, the mean of the ten
neighbours' published percentages is 20.46, 19.44, 20.92 and 21.81, which this rounding turns into
exactly the published four. The alternatives do not reproduce them: the 2025 model's neighbours
give 21.1, 20.9, 22.9, 22.4; a pooled ratio (sum of re-referrals / sum of referrals) gives 22.0,
21.3, 22.6, 24.0; the median (which DfE's newer "CSC outcomes and enablers" dashboard shows,
``R/stats_neighbours.R`` in dfe-analytical-services/CSC_outcomes_and_enablers) gives 21.4 for
2018. The tests in ``tests/test_doncaster_lait.py`` reproduce the published row from the shipped
files. No primary LAIT documentation of the formula was found with the search tools available; the
method is the one that reproduces LAIT's published output.

The report's children-in-care statistical-neighbour rates (95.1 for 2018-19, 101 for 2019-20)
cannot be checked: the shipped CLA table starts at 2020-21.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from lineofsight.published.rounding import round_half_up
from lineofsight.published.values import ENGLAND_CODE, PublishedValue


@dataclass(frozen=True)
class BenchmarkRow:
    """One year of an indicator for one LA, with its comparators (``None`` where not published)."""

    indicator_id: str
    year: int
    la_code: str
    la_name: str
    la_value: float | None
    la_suppressed: str | None
    region_code: str | None
    region_name: str | None
    region_value: float | None
    sn_average: float | None
    sn_count: int
    """How many of the neighbours had a number that year (the mean's divisor)."""
    england_value: float | None


class PublishedIndex:
    """Published values indexed by (indicator, year, area code) for quick comparisons."""

    def __init__(self, values: Iterable[PublishedValue]) -> None:
        self._values: dict[tuple[str, int, str], PublishedValue] = {}
        for item in values:
            self._values[(item.indicator_id, item.year, item.area_code)] = item

    def get(self, indicator_id: str, year: int, area_code: str) -> PublishedValue | None:
        return self._values.get((indicator_id, year, area_code))

    def indicator_ids(self) -> set[str]:
        return {indicator for indicator, _, _ in self._values}

    def years(self, indicator_id: str, area_code: str) -> list[int]:
        return sorted(
            year
            for indicator, year, code in self._values
            if indicator == indicator_id and code == area_code
        )

    def area_rows(self, area_code: str) -> list[PublishedValue]:
        return [item for (_, _, code), item in self._values.items() if code == area_code]


def statistical_neighbour_average(
    neighbour_values: Iterable[float | None], decimals: int = 1
) -> tuple[float | None, int]:
    """LAIT's statistical-neighbour average and how many values went into it.

    The unweighted mean of the numbers given, ``None`` ones left out, rounded half away from zero
    to ``decimals`` places; ``(None, 0)`` when no neighbour has a number.
    """
    numbers = [Decimal(repr(value)) for value in neighbour_values if value is not None]
    if not numbers:
        return None, 0
    return round_half_up(sum(numbers) / len(numbers), decimals), len(numbers)


def _number(item: PublishedValue | None) -> float | None:
    return item.value if item is not None else None


def _region_of(
    index: PublishedIndex, la_code: str, indicator_id: str, year: int
) -> tuple[str | None, str | None]:
    """The LA's region as its own rows give it: that year's row first, else any row."""
    own = index.get(indicator_id, year, la_code)
    if own is not None and own.region_code:
        return own.region_code, own.region_name
    for item in sorted(index.area_rows(la_code), key=lambda row: -row.year):
        if item.region_code:
            return item.region_code, item.region_name
    return None, None


def benchmark_series(
    values: Iterable[PublishedValue] | PublishedIndex,
    la_code: str,
    indicator_id: str,
    neighbours: Mapping[str, Sequence[str]],
    years: Iterable[int] | None = None,
    decimals: int = 1,
) -> list[BenchmarkRow]:
    """Per year: the LA's value, its region's, its statistical neighbours' average and England's.

    ``neighbours`` is a grouping from :func:`read_neighbours`. ``years`` defaults to every year
    in which the LA appears for the indicator. Raises :class:`LookupError` for an indicator or an
    LA that the published values do not hold.
    """
    index = values if isinstance(values, PublishedIndex) else PublishedIndex(values)
    if indicator_id not in index.indicator_ids():
        known = ", ".join(sorted(index.indicator_ids())) or "none"
        raise LookupError(f"no published values for indicator {indicator_id!r} (have: {known})")
    la_years = index.years(indicator_id, la_code)
    if not la_years:
        raise LookupError(f"no published {indicator_id!r} values for local authority {la_code!r}")
    neighbour_codes = list(neighbours.get(la_code, []))
    la_name = next(iter(index.area_rows(la_code))).area_name
    rows: list[BenchmarkRow] = []
    for year in sorted(set(years) if years is not None else la_years):
        own = index.get(indicator_id, year, la_code)
        region_code, region_name = _region_of(index, la_code, indicator_id, year)
        region = index.get(indicator_id, year, region_code) if region_code else None
        sn_average, sn_count = statistical_neighbour_average(
            (_number(index.get(indicator_id, year, code)) for code in neighbour_codes), decimals
        )
        rows.append(
            BenchmarkRow(
                indicator_id=indicator_id,
                year=year,
                la_code=la_code,
                la_name=own.area_name if own else la_name,
                la_value=_number(own),
                la_suppressed=own.suppressed if own else None,
                region_code=region_code,
                region_name=region_name,
                region_value=_number(region),
                sn_average=sn_average,
                sn_count=sn_count,
                england_value=_number(index.get(indicator_id, year, ENGLAND_CODE)),
            )
        )
    return rows
