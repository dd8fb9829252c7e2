"""Delivery plan items raise actions (registered in ``actions.sources`` by ``DeliveryConfig``)."""

from __future__ import annotations

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from lineofsight.actions.sources import register_action_source
from lineofsight.delivery import selectors
from lineofsight.delivery.models import PlanItem


def _item(request: HttpRequest, pk: int) -> PlanItem:
    return get_object_or_404(selectors.items_for(request.user), pk=pk)


def register() -> None:
    register_action_source(
        "delivery_plan",
        "Delivery plan",
        model=PlanItem,
        describe=lambda i: f"{i.priority.plan}: priority {i.priority.number}{i.reference}",
        find=_item,
        initial=lambda i: {"owner_agency": i.lead_agency_id, "owner_person": i.lead_person},
        partnership=lambda item: item.priority.plan.partnership,
        order=70,
    )
