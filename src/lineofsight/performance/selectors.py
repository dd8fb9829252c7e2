from __future__ import annotations

from django.db.models import QuerySet

from lineofsight.partnership.models import Partnership
from lineofsight.performance.models import (
    ChangePoint,
    ComputeRun,
    IndicatorResult,
    IndicatorTarget,
)


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
