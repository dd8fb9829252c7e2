"""Reads of the delivery plan, scoped to the user's partnership, and the live indicator figure."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from lineofsight.delivery.models import Plan, PlanItem, Priority, ProgressUpdate
from lineofsight.partnership.access import check_permission
from lineofsight.partnership.models import Partnership
from lineofsight.partnership.selectors import partnership_id_for


def plans_for(user: Any) -> QuerySet[Plan]:
    check_permission(user, "learning.view")
    return Plan.objects.filter(partnership_id=partnership_id_for(user))


def plan_detail(user: Any, pk: int) -> Plan:
    plan = plans_for(user).get(pk=pk)
    plan.priority_list = list(  # type: ignore[attr-defined]  # a row decorated for the template
        Priority.objects.filter(plan=plan).prefetch_related(
            Prefetch("items", queryset=PlanItem.objects.select_related("lead_agency")),
            "measures",
        )
    )
    return plan


def items_for(
    user: Any, *, plan: Plan | None = None, rag: str = "", agency: Any = None, text: str = ""
) -> QuerySet[PlanItem]:
    check_permission(user, "learning.view")
    rows = PlanItem.objects.filter(
        priority__plan__partnership_id=partnership_id_for(user)
    ).select_related("priority__plan", "lead_agency")
    if plan is not None:
        rows = rows.filter(priority__plan=plan)
    if rag == "none":
        rows = rows.filter(rag="")
    elif rag:
        rows = rows.filter(rag=rag)
    if agency is not None:
        rows = rows.filter(lead_agency=agency)
    if text:
        rows = rows.filter(Q(text__icontains=text) | Q(priority__title__icontains=text))
    return rows.order_by("priority__plan__starts", "priority__number", "reference")


def item_detail(user: Any, pk: int) -> PlanItem:
    return items_for(user).get(pk=pk)


def updates_for(item: PlanItem) -> QuerySet[ProgressUpdate]:
    return item.updates.select_related("author")


@dataclass(frozen=True)
class LiveFigure:
    indicator_id: str
    value: float | None
    period_label: str


def indicator_title(indicator_id: str) -> str:
    """The indicator's title from the catalogue (ids are never shown to people); an id the
    catalogue no longer knows is named as such."""
    from lineofsight.indicators.catalogue import CATALOGUE

    spec = CATALOGUE.get(indicator_id)
    return spec.title if spec else f"an indicator no longer in the catalogue ({indicator_id})"


def live_figure(partnership: Partnership | None, indicator_id: str) -> LiveFigure | None:
    """The latest stored whole-area result for ``indicator_id``, if the engine has stored one.

    The one place the delivery plan reads indicator results: point it elsewhere when the
    performance app's stored results move.
    """
    if partnership is None or not indicator_id:
        return None
    from lineofsight.performance.models import IndicatorResult

    result = (
        IndicatorResult.objects.filter(
            partnership=partnership, indicator_id=indicator_id, breakdown="", value__isnull=False
        )
        .order_by("-period_end", "-pk")
        .first()
    )
    if result is None:
        return None
    return LiveFigure(indicator_id, result.value, result.period_label)
