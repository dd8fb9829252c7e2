"""Importing DfE's published tables and statistical-neighbour groupings (audited)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from django.db import connection, transaction

from lineofsight.audit.models import AuditLog
from lineofsight.audit.services import record
from lineofsight.performance.models import PublishedFigure, StatisticalNeighbour
from lineofsight.published import (
    default_files,
    detect_table,
    read_neighbours,
    read_population,
    read_table,
)

NEIGHBOUR_LAYOUTS = {"neighbours_2021": "2021", "neighbours_2025": "2025"}


def _grouping(path: Path, layout: str) -> str:
    return NEIGHBOUR_LAYOUTS.get(layout, layout.removeprefix("neighbours_"))


def import_files(*, actor: Any, paths: Sequence[Path] | None = None) -> dict[str, int]:
    """Import each file as DfE publishes it (the shipped copies when ``paths`` is empty).

    Re-importing replaces the figures of the same indicator, year and area (idempotent).
    Returns figures imported per file name.
    """
    chosen = list(paths) if paths else default_files()
    layouts = {path: detect_table(path) for path in chosen}
    unknown = [str(p) for p, layout in layouts.items() if layout is None]
    if unknown:
        raise ValueError(f"Not a DfE table this version knows: {', '.join(unknown)}")
    population_files = [p for p, layout in layouts.items() if layout == "ons_population"]
    population = read_population(population_files[0]) if population_files else None
    counts: dict[str, int] = {}
    with transaction.atomic():
        for path, layout in layouts.items():
            if layout and layout.startswith("neighbours"):
                counts[path.name] = _import_neighbours(path, _grouping(path, layout))
            else:
                counts[path.name] = _import_values(path, population)
        record(
            actor=actor,
            verb="benchmarks.import",
            action=AuditLog.Action.CREATE,
            object_type="performance.PublishedFigure",
            after={"files": counts},
        )
    return counts


FIGURE_COLUMNS = (
    "indicator_id",
    "year",
    "level",
    "area_code",
    "area_name",
    "region_code",
    "region_name",
    "value",
    "numerator",
    "denominator",
    "suppressed",
    "source_file",
)


def _import_values(path: Path, population: Any) -> int:
    """Replace the file's figures: one DELETE of the same (indicator, year, level, area) keys,
    then one parameterised multi-row INSERT (the ORM's bulk_create spent most of an import
    compiling SQL for ~100,000 figures)."""
    rows = [
        (
            v.indicator_id,
            v.year,
            v.level,
            v.area_code,
            v.area_name,
            v.region_code or "",
            v.region_name or "",
            v.value,
            v.numerator,
            v.denominator,
            v.suppressed or "",
            path.name,
        )
        for v in read_table(path, population=population)
    ]
    keys = {row[:4] for row in rows}
    indicators = {k[0] for k in keys}
    existing = PublishedFigure.objects.filter(indicator_id__in=indicators)
    doomed = [
        pk
        for pk, i, y, lv, a in existing.values_list(
            "pk", "indicator_id", "year", "level", "area_code"
        )
        if (i, y, lv, a) in keys
    ]
    for start in range(0, len(doomed), 900):
        PublishedFigure.objects.filter(pk__in=doomed[start : start + 900]).delete()
    table = connection.ops.quote_name(PublishedFigure._meta.db_table)
    names = ", ".join(connection.ops.quote_name(c) for c in FIGURE_COLUMNS)
    marks = ", ".join(["%s"] * len(FIGURE_COLUMNS))
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)  # noqa: S608
    return len(rows)


def _import_neighbours(path: Path, grouping: str) -> int:
    groups = read_neighbours(path)
    StatisticalNeighbour.objects.filter(grouping=grouping).delete()
    rows = [
        StatisticalNeighbour(grouping=grouping, la_code=la, neighbour_code=n, rank=rank)
        for la, neighbours in groups.items()
        for rank, n in enumerate(neighbours, start=1)
    ]
    StatisticalNeighbour.objects.bulk_create(rows, batch_size=2000)
    return len(rows)
