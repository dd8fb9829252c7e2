"""Home-page panels about actions: an agency lead's own agency's actions overdue and due in the
next 7 days; the administrator's, board members' and scrutineers' overdue actions across the
partnership."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from lineofsight.actions import selectors
from lineofsight.actions.models import Action
from lineofsight.govuk.formatting import date_uk
from lineofsight.partnership.access import SignedInRequest
from lineofsight.partnership.home_panels import PANEL_TEMPLATE, panel, register_home_panel
from lineofsight.partnership.roles import OVERSIGHT_ROLES, Role

SOON_DAYS = 7


def _row(action: Action, tag: str, colour: str, *, with_agency: bool) -> dict[str, Any]:
    who = f" ({action.owner_agency.name})" if with_agency else ""
    return {
        "text": f"{action.title}{who}",
        "href": reverse("actions:detail", args=[action.pk]),
        "tag": tag,
        "colour": colour,
        "detail": f"Due {date_uk(action.due_date)}",
    }


def _own(request: SignedInRequest) -> dict[str, Any] | None:
    user = request.user
    if user.agency_id is None or not user.has_role(Role.AGENCY_LEAD):
        return None
    late = selectors.actions_for(user, agency=user.agency_id, overdue=True).order_by("due_date")
    soon = selectors.due_soon(user, days=SOON_DAYS).filter(owner_agency_id=user.agency_id)
    rows = [_row(a, "Overdue", "red", with_agency=False) for a in late]
    rows += [_row(a, "Due soon", "yellow", with_agency=False) for a in soon.order_by("due_date")]
    return panel(
        "actions-own",
        "Your agency's actions",
        rows,
        empty="None of your agency's actions is overdue or due in the next 7 days.",
        more={"href": reverse("actions:agency", args=[user.agency_id]), "text": "All of them"},
    )


def _overdue(request: SignedInRequest) -> dict[str, Any] | None:
    if not request.user.role_set() & OVERSIGHT_ROLES:
        return None
    late = selectors.overdue(request.user).order_by("due_date")
    return panel(
        "actions-overdue",
        "Overdue actions",
        [_row(a, "Overdue", "red", with_agency=True) for a in late],
        empty="No action is overdue.",
        more={"href": reverse("actions:summary"), "text": "Actions summary"},
    )


def register() -> None:
    register_home_panel(
        "actions-own", permission="actions.update", template=PANEL_TEMPLATE, context=_own,
        order=20,
    )  # fmt: skip
    register_home_panel(
        "actions-overdue", permission="learning.view", template=PANEL_TEMPLATE,
        context=_overdue, order=30,
    )  # fmt: skip
