"""Reading imported benchmarks: per year, the LA, its region, statistical neighbours and England."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from lineofsight.performance.models import PublishedFigure, StatisticalNeighbour
from lineofsight.published import BenchmarkRow, PublishedValue, benchmark_series

DEFAULT_GROUPING = "2021"  # reproduces the statistical-neighbour figures in the 2020-21 report


def neighbours(grouping: str = DEFAULT_GROUPING) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    rows = StatisticalNeighbour.objects.filter(grouping=grouping).order_by("la_code", "rank")
    for la_code, neighbour in rows.values_list("la_code", "neighbour_code"):
        groups[la_code].append(neighbour)
    return dict(groups)


def _as_value(figure: PublishedFigure) -> PublishedValue:
    return PublishedValue(
        indicator_id=figure.indicator_id,
        year=figure.year,
        level=figure.level,  # type: ignore[arg-type]
        area_code=figure.area_code,
        area_name=figure.area_name,
        value=figure.value,
        numerator=figure.numerator,
        denominator=figure.denominator,
        suppressed=figure.suppressed or None,
        region_code=figure.region_code or None,
        region_name=figure.region_name or None,
    )


def benchmark_rows(
    la_code: str,
    indicator_id: str,
    years: Iterable[int] | None = None,
    grouping: str = DEFAULT_GROUPING,
) -> list[BenchmarkRow]:
    """Raises ``LookupError`` when nothing is imported for that LA and indicator."""
    figures = PublishedFigure.objects.filter(indicator_id=indicator_id)
    if years is not None:
        figures = figures.filter(year__in=list(years))
    values = [_as_value(f) for f in figures]
    return benchmark_series(values, la_code, indicator_id, neighbours(grouping), years=years)


def has_benchmarks() -> bool:
    return PublishedFigure.objects.exists()
