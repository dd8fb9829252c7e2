from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, cast

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from lineofsight.background.selectors import pending, worker_running
from lineofsight.indicators.periods import Period, PeriodType
from lineofsight.partnership.access import check_permission
from lineofsight.partnership.models import Partnership
from lineofsight.performance.compute import returns_since_last_compute
from lineofsight.performance.models import (
    ChangePoint,
    ComputeRun,
    IndicatorResult,
    IndicatorTarget,
    TrackedIndicator,
)
from lineofsight.performance.summaries import Sources as Sources
from lineofsight.performance.summaries import Summary as Summary
from lineofsight.performance.summaries import _as_result
from lineofsight.performance.summaries import summarise as summarise
from lineofsight.performance.tasks import recompute_indicators


def tracked_indicator_for(user: Any, pk: int) -> TrackedIndicator:
    """An indicator of the user's partnership that actions are raised from (404 otherwise)."""
    check_permission(user, "performance.view")
    agency = getattr(user, "agency", None)
    partnership_id = agency.partnership_id if agency is not None else None
    return get_object_or_404(TrackedIndicator, pk=pk, partnership_id=partnership_id)


def tracked_indicator(partnership: Partnership, indicator_id: str) -> TrackedIndicator | None:
    return TrackedIndicator.objects.filter(
        partnership=partnership, indicator_id=indicator_id
    ).first()


def financial_years(partnership: Partnership) -> list[str]:
    """Financial years with stored results, oldest first (e.g. ["2019-20", "2020-21"])."""
    labels = (
        IndicatorResult.objects.filter(partnership=partnership, period_type="financial_year")
        .values_list("period_label", flat=True)
        .distinct()
    )
    return sorted(set(labels))


def periods(partnership: Partnership) -> list[Period]:
    """The periods the pages offer: each financial year with stored results, followed by the
    quarters of the partnership's own year stored with it, oldest first."""
    rows = (
        IndicatorResult.objects.filter(
            partnership=partnership, period_type__in=("financial_year", "quarter")
        )
        .order_by()
        .values_list("period_type", "period_label", "period_start", "period_end")
        .distinct()
    )
    found = [Period(start, end, cast(PeriodType, kind), label) for kind, label, start, end in rows]
    years = sorted((p for p in found if p.period_type == "financial_year"), key=lambda p: p.start)
    offered: list[Period] = []
    for year in years:
        offered.append(year)
        offered += sorted(
            (p for p in found if p.period_type == "quarter" and year.start <= p.end <= year.end),
            key=lambda p: p.start,
        )
    return offered


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


# For the reports' indicator sections (aggregate figures of one partnership, no user scope: the
# report is generated by the system for the partnership and disclosure-controlled there).
# ``Sources``, ``Summary`` and ``summarise`` (imported above) are theirs to use as well.


def as_finding_input(row: IndicatorResult) -> Any:
    """A stored result in the shape ``indicators.findings`` reads."""
    return _as_result(row)


def stored_result(
    partnership: Partnership, indicator_id: str, period_type: str, period_label: str
) -> IndicatorResult | None:
    """One stored figure of the whole partnership (no breakdown)."""
    return IndicatorResult.objects.filter(
        partnership=partnership,
        indicator_id=indicator_id,
        period_type=period_type,
        period_label=period_label,
        breakdown="",
    ).first()


def yearly_results(partnership: Partnership, indicator_id: str) -> dict[str, IndicatorResult]:
    """The partnership's financial-year and snapshot figures by period label."""
    return {
        r.period_label: r
        for r in IndicatorResult.objects.filter(
            partnership=partnership,
            indicator_id=indicator_id,
            period_type__in=("financial_year", "snapshot"),
            breakdown="",
        )
    }


def results_in_order(partnership: Partnership, indicator_ids: list[str]) -> list[IndicatorResult]:
    """Every stored figure (no breakdown) of the indicators, oldest period first."""
    return list(
        IndicatorResult.objects.filter(
            partnership=partnership, indicator_id__in=indicator_ids, breakdown=""
        ).order_by("period_start")
    )
