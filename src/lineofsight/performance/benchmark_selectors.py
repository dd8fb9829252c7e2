"""Reading imported benchmarks: per year, the LA, its region, statistical neighbours and England."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Q

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


def published_values(
    indicator_ids: Iterable[str], la_codes: Iterable[str] | None = None
) -> dict[str, list[PublishedValue]]:
    """Imported figures of the indicators, by indicator (one query): England, the regions and,
    when ``la_codes`` is given, only those local authorities."""
    figures = PublishedFigure.objects.filter(indicator_id__in=list(indicator_ids))
    if la_codes is not None:
        figures = figures.filter(
            Q(level__in=["national", "regional"]) | Q(area_code__in=list(la_codes))
        )
    values: dict[str, list[PublishedValue]] = defaultdict(list)
    for figure in figures:
        values[figure.indicator_id].append(_as_value(figure))
    return dict(values)


def benchmark_rows(
    la_code: str,
    indicator_id: str,
    years: Iterable[int] | None = None,
    grouping: str = DEFAULT_GROUPING,
    *,
    values: list[PublishedValue] | None = None,
    groups: dict[str, list[str]] | None = None,
) -> list[BenchmarkRow]:
    """Raises ``LookupError`` when nothing is imported for that LA and indicator.

    ``values`` and ``groups`` (from ``published_values`` and ``neighbours``) save the queries
    when many indicators are compared at once.
    """
    if values is None:
        values = published_values([indicator_id]).get(indicator_id, [])
    wanted = None if years is None else list(years)
    return benchmark_series(
        values,
        la_code,
        indicator_id,
        groups if groups is not None else neighbours(grouping),
        years=wanted,
    )


def imported_indicators() -> list[tuple[str, int, int]]:
    """(indicator id, first year, last year) of every imported indicator, by id."""
    from django.db.models import Max, Min

    rows = (
        PublishedFigure.objects.values("indicator_id")
        .annotate(first=Min("year"), last=Max("year"))
        .order_by("indicator_id")
    )
    return [(r["indicator_id"], r["first"], r["last"]) for r in rows]


def has_benchmarks() -> bool:
    return PublishedFigure.objects.exists()
