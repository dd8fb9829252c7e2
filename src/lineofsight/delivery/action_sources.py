"""Delivery plan items raise actions (registered in ``actions.sources`` by ``DeliveryConfig``)."""

from __future__ import annotations

from lineofsight.actions.sources import found_in, register_action_source, suggested
from lineofsight.delivery import selectors
from lineofsight.delivery.models import PlanItem


def register() -> None:
    register_action_source(
        "delivery_plan",
        "Delivery plan",
        model=PlanItem,
        describe=lambda i: f"{i.priority.plan}: priority {i.priority.number}{i.reference}",
        find=found_in(selectors.items_for),
        initial=suggested(owner_agency="lead_agency_id", owner_person="lead_person"),
        partnership="priority.plan.partnership",
        page_title="Raise an action",
        order=70,
    )
