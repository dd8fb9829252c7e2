"""Materialising indicators: compute every indicator from the current snapshots and store results.

Dashboards and reports read stored ``IndicatorResult`` rows and never compute.  A recomputation is
idempotent (the same snapshots give the same rows) and resumable: each indicator's results are
replaced in their own transaction and the run records which indicators are done, so a run that
was killed carries on where it stopped when started again over the same snapshots.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import fields
from typing import Any

from django.db import transaction
from django.utils import timezone

from lineofsight.audit.models import AuditLog
from lineofsight.audit.services import record
from lineofsight.datasets.models import Snapshot
from lineofsight.datasets.selectors import current_table_files
from lineofsight.indicators import catalogue, engine
from lineofsight.indicators.periods import Period, all_periods
from lineofsight.partnership.models import Partnership
from lineofsight.partnership.selectors import under_18_population
from lineofsight.performance.models import ComputeRun, IndicatorResult


def _fingerprint(snapshot_ids: Sequence[int], population: dict[int, int]) -> str:
    text = repr((sorted(snapshot_ids), sorted(population.items())))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _population_by_year_ending(partnership: Partnership) -> dict[int, int]:
    """Under-18 population for each financial year, from the mid-year estimate it starts in
    (DfE divides a year ending 31 March 2021 by the mid-2020 estimate)."""
    return {year + 1: count for year, count in under_18_population(partnership).items()}


def _periods_for(partnership: Partnership) -> list[Period]:
    """Every month, financial year and 31 March snapshot of the years returns cover, and the
    quarters of the partnership's own year."""
    current = Snapshot.objects.filter(partnership=partnership, superseded_by__isnull=True)
    years = [y for y in current.values_list("submission__collection_year", flat=True) if y]
    if not years:
        return []
    # quarters of the partnership's own year (Administration > Financial year)
    return all_periods(min(years) - 1, max(years) - 1, partnership.financial_year_start_month)


def returns_since_last_compute(partnership: Partnership) -> int:
    """How many current snapshots the stored figures do not include (0: the figures are fresh).

    A snapshot stored, or superseded, since the last complete run makes the figures stale; with
    snapshots and no complete run at all, every snapshot counts.
    """
    current = set(
        Snapshot.objects.filter(partnership=partnership, superseded_by__isnull=True).values_list(
            "pk", flat=True
        )
    )
    last = (
        ComputeRun.objects.filter(partnership=partnership, status=ComputeRun.Status.COMPLETE)
        .order_by("-finished_at", "-pk")
        .first()
    )
    computed = set(last.snapshot_ids) if last else set()
    if current == computed:
        return 0
    return len(current - computed) or len(computed - current)


def current_fingerprint(partnership: Partnership) -> str:
    """What a recompute now would start from: the current snapshots and population."""
    current = Snapshot.objects.filter(partnership=partnership, superseded_by__isnull=True)
    ids = list(current.values_list("pk", flat=True))
    return _fingerprint(ids, _population_by_year_ending(partnership))


def recompute(
    *,
    actor: Any,
    partnership: Partnership,
    indicator_ids: Sequence[str] | None = None,
    progress: Callable[[str], None] | None = None,
) -> ComputeRun:
    current = list(
        Snapshot.objects.filter(partnership=partnership, superseded_by__isnull=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    population = _population_by_year_ending(partnership)
    fingerprint = _fingerprint(current, population)
    run = ComputeRun.objects.filter(
        partnership=partnership, fingerprint=fingerprint, status=ComputeRun.Status.RUNNING
    ).first() or ComputeRun.objects.create(
        partnership=partnership, snapshot_ids=current, fingerprint=fingerprint
    )
    files = current_table_files(partnership)
    periods = _periods_for(partnership)
    wanted = list(indicator_ids or catalogue.CATALOGUE)
    remaining = [i for i in wanted if i not in run.completed]
    by_indicator: dict[str, list[Any]] = {i: [] for i in remaining}
    if remaining:
        for result in engine.compute(
            files, periods, indicator_ids=remaining, population=population
        ):
            by_indicator[result.indicator_id].append(result)
    for indicator_id, results in by_indicator.items():
        _replace(partnership, run, indicator_id, results)
        if progress:
            progress(indicator_id)
    with transaction.atomic():
        run.status = ComputeRun.Status.COMPLETE
        run.finished_at = timezone.now()
        run.result_count = IndicatorResult.objects.filter(partnership=partnership).count()
        run.save(update_fields=["status", "finished_at", "result_count"])
        record(
            actor=actor,
            verb="indicators.recompute",
            action=AuditLog.Action.UPDATE,
            obj=run,
            after={
                "snapshots": current,
                "indicators": len(wanted),
                "results": run.result_count,
                "periods": len(periods),
            },
        )
    return run


def _columns(result: engine.IndicatorResult) -> dict[str, Any]:
    """The engine's result as the stored row's columns of the same names (all but ``la_code``;
    the total's breakdown stored as "")."""
    columns = {f.name: getattr(result, f.name) for f in fields(result) if f.name != "la_code"}
    columns["breakdown"] = result.breakdown or ""
    return columns


def _replace(
    partnership: Partnership, run: ComputeRun, indicator_id: str, results: list[Any]
) -> None:
    rows = [IndicatorResult(partnership=partnership, run=run, **_columns(r)) for r in results]
    with transaction.atomic():
        IndicatorResult.objects.filter(partnership=partnership, indicator_id=indicator_id).delete()
        IndicatorResult.objects.bulk_create(rows, batch_size=1000)
        run.completed = [*run.completed, indicator_id]
        run.save(update_fields=["completed"])
