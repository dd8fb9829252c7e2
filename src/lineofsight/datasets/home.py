"""Home-page panels about returns due (the return schedule, ``datasets.schedules``)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from lineofsight.datasets import schedules
from lineofsight.govuk.formatting import date_uk
from lineofsight.partnership.access import SignedInRequest
from lineofsight.partnership.home_panels import PANEL_TEMPLATE, panel, register_home_panel

COLOURS = {"late": "red", "due soon": "yellow", "not yet due": "grey", "received": "green"}


def _row(item: schedules.DueStatus, *, with_agency: bool) -> dict[str, Any]:
    agency = f"{item.due.agency.name}: " if with_agency else ""
    if item.status == "received" and item.received_on:
        detail = f"Received {date_uk(item.received_on)}"
    else:
        detail = f"Due {date_uk(item.due.due_on)}"
    return {
        "text": f"{agency}{item.name}, {item.due.period}",
        "href": reverse("datasets:list"),
        "tag": item.status.capitalize(),
        "colour": COLOURS[item.status],
        "detail": detail,
    }


def _own(request: SignedInRequest) -> dict[str, Any] | None:
    agency_id = getattr(request.user, "agency_id", None)
    if agency_id is None:
        return None
    items = [i for i in schedules.for_agency(agency_id) if i.status in ("late", "due soon")]
    return panel(
        "returns-due",
        "Your agency's returns due",
        [_row(i, with_agency=False) for i in items],
        empty="No return is late or due in the next 7 days.",
    )


def _everyone(request: SignedInRequest) -> dict[str, Any] | None:
    items = schedules.for_everyone(request.user)
    open_items = [i for i in items if i.status != "received"]
    return panel(
        "returns-all",
        "Returns from every agency",
        [_row(i, with_agency=True) for i in open_items],
        empty="Every scheduled return has been received."
        if items
        else "No return schedule yet: add one in Administration > Return schedule.",
        more={"href": reverse("administration:schedule"), "text": "The whole return schedule"},
    )


def register() -> None:
    register_home_panel(
        "returns-due", permission="section11.respond", template=PANEL_TEMPLATE,
        context=_own, order=10,
    )  # fmt: skip
    register_home_panel(
        "returns-all", permission="partnership.manage", template=PANEL_TEMPLATE,
        context=_everyone, order=10,
    )  # fmt: skip
