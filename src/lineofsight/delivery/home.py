"""Home-page panel for board members, scrutineers and the administrator: the delivery plan's
items rated red (off track)."""

from __future__ import annotations

from typing import Any

from lineofsight.delivery import selectors
from lineofsight.delivery.models import Rag
from lineofsight.partnership.access import SignedInRequest
from lineofsight.partnership.home_panels import PANEL_TEMPLATE, panel, register_home_panel
from lineofsight.partnership.roles import OVERSIGHT_ROLES


def _context(request: SignedInRequest) -> dict[str, Any] | None:
    if not request.user.role_set() & OVERSIGHT_ROLES:
        return None
    items = selectors.items_for(request.user, rag=Rag.RED)
    rows = [
        {
            "text": f"{item.priority.number}{item.reference}. {item.text}",
            "href": item.get_absolute_url(),
            "tag": "Red",
            "colour": "red",
            "detail": item.lead_agency.name if item.lead_agency else "",
        }
        for item in items
    ]
    return panel(
        "delivery-red",
        "Delivery plan: off track",
        rows,
        empty="No delivery plan item is rated red.",
    )


def register() -> None:
    register_home_panel(
        "delivery-red", permission="learning.view", template=PANEL_TEMPLATE, context=_context,
        order=40,
    )  # fmt: skip
