"""Home-page panels about returns due (the return schedule, ``datasets.schedules``)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from lineofsight.datasets import schedules
from lineofsight.govuk.formatting import date_uk
from lineofsight.partnership.access import SignedInRequest
from lineofsight.partnership.home_panels import PANEL_TEMPLATE, panel, register_home_panel

COLOURS = {"late": "red", "due soon": "yellow", "not yet due": "grey", "received": "green"}


def _row(item: schedules.DueStatus) -> dict[str, Any]:
    """One of the agency's own scheduled returns (the agency lead's panel)."""
    if item.status == "received" and item.received_on:
        detail = f"Received {date_uk(item.received_on)}"
    else:
        detail = f"Due {date_uk(item.due.due_on)}"
    return {
        "text": f"{item.name}, {item.due.period}",
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
        [_row(i) for i in items],
        empty="No return is late or due in the next 7 days.",
    )


def _agency_row(name: str, items: list[schedules.DueStatus]) -> dict[str, Any]:
    """One agency's scheduled returns in one row: how many are late, which, and what is next."""
    late = [i for i in items if i.status == "late"]
    soon = [i for i in items if i.status == "due soon"]
    ahead = sorted((i for i in items if i.status == "not yet due"), key=lambda i: i.due.due_on)

    def listed(group: list[schedules.DueStatus]) -> str:
        return ", ".join(f"{i.name} {i.due.period} (due {date_uk(i.due.due_on)})" for i in group)

    parts = []
    if late:
        parts.append(f"Late: {listed(late)}")
    if soon:
        parts.append(f"Due in the next {schedules.DUE_SOON_DAYS} days: {listed(soon)}")
    if ahead:
        parts.append(f"Next: {listed(ahead[:1])}")
    if late:
        tag, colour = f"{len(late)} late", "red"
    elif soon:
        tag, colour = "Due soon", "yellow"
    else:
        tag, colour = "Up to date", "green"
    return {
        "text": name,
        "href": reverse("administration:schedule"),
        "tag": tag,
        "colour": colour,
        "detail": "; ".join(parts) or "Every scheduled return received",
    }


def _everyone(request: SignedInRequest) -> dict[str, Any] | None:
    """The business manager's view: every agency with a schedule, one row each, late first."""
    by_agency: dict[str, list[schedules.DueStatus]] = {}
    for item in schedules.for_everyone(request.user):
        by_agency.setdefault(item.due.agency.name, []).append(item)
    rows = [_agency_row(name, items) for name, items in sorted(by_agency.items())]
    order = {"red": 0, "yellow": 1, "green": 2}
    return panel(
        "returns-all",
        "Returns from every agency",
        sorted(rows, key=lambda row: order[row["colour"]]),
        empty="No return schedule yet: add one in Administration > Return schedule.",
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
