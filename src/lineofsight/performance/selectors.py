from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet

from lineofsight.background.selectors import pending, worker_running
from lineofsight.partnership.models import Partnership
from lineofsight.performance.compute import returns_since_last_compute
from lineofsight.performance.models import (
    ChangePoint,
    ComputeRun,
    IndicatorResult,
    IndicatorTarget,
)
from lineofsight.performance.tasks import recompute_indicators


def financial_years(partnership: Partnership) -> list[str]:
    """Financial years with stored results, oldest first (e.g. ["2019-20", "2020-21"])."""
    labels = (
        IndicatorResult.objects.filter(partnership=partnership, period_type="financial_year")
        .values_list("period_label", flat=True)
        .distinct()
    )
    return sorted(set(labels))


def results(partnership: Partnership, indicator_id: str) -> QuerySet[IndicatorResult]:
    return IndicatorResult.objects.filter(partnership=partnership, indicator_id=indicator_id)


def last_run(partnership: Partnership) -> ComputeRun | None:
    return ComputeRun.objects.filter(partnership=partnership).first()


def target(
    partnership: Partnership, indicator_id: str, financial_year: str
) -> IndicatorTarget | None:
    return IndicatorTarget.objects.filter(
        partnership=partnership, indicator_id=indicator_id, financial_year=financial_year
    ).first()


def targets(partnership: Partnership, indicator_id: str) -> QuerySet[IndicatorTarget]:
    """Every year's target for the indicator, with who set it."""
    return IndicatorTarget.objects.filter(
        partnership=partnership, indicator_id=indicator_id
    ).select_related("set_by")


def change_point(partnership: Partnership, indicator_id: str, pk: int) -> ChangePoint | None:
    return ChangePoint.objects.filter(
        partnership=partnership, indicator_id=indicator_id, pk=pk
    ).first()


@dataclass(frozen=True)
class Freshness:
    """When the figures on a page were computed, and whether newer returns are waiting."""

    computed_at: dt.datetime | None
    returns_used: int
    returns_waiting: int  # accepted returns the stored figures do not include yet
    recompute_queued: bool  # a recompute is queued or running
    worker_running: bool  # a background worker is alive to run it


def freshness(partnership: Partnership) -> Freshness:
    run = ComputeRun.objects.filter(
        partnership=partnership, status=ComputeRun.Status.COMPLETE
    ).first()
    return Freshness(
        computed_at=run.finished_at if run else None,
        returns_used=len(run.snapshot_ids) if run else 0,
        returns_waiting=returns_since_last_compute(partnership),
        recompute_queued=pending(recompute_indicators),
        worker_running=worker_running(),
    )


def latest_complete_run(partnership: Partnership) -> ComputeRun | None:
    """The compute run the stored figures come from (None before the first)."""
    return ComputeRun.objects.filter(
        partnership=partnership, status=ComputeRun.Status.COMPLETE
    ).first()
