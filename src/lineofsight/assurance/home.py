"""Home-page panel: an agency lead's Section 11 return in each open round."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone

from lineofsight.assurance import selectors
from lineofsight.assurance.models import Section11Return, Section11Round
from lineofsight.govuk.formatting import date_uk
from lineofsight.partnership.access import SignedInRequest
from lineofsight.partnership.home_panels import PANEL_TEMPLATE, panel, register_home_panel


def _context(request: SignedInRequest) -> dict[str, Any] | None:
    user = request.user
    if user.agency_id is None:
        return None
    today = timezone.localdate()
    rows = []
    for round_ in selectors.rounds_for(user).filter(status=Section11Round.Status.OPEN):
        own = selectors.own_return(user, round_)
        submitted = own is not None and own.status == Section11Return.Status.SUBMITTED
        late = not submitted and round_.due_date < today
        rows.append(
            {
                "text": f"Section 11 return {round_.year}",
                "href": reverse("assurance:section11_respond", args=[round_.pk]),
                "tag": "Submitted" if submitted else ("Late" if late else
                                                      ("Draft" if own else "Not started")),
                "colour": "green" if submitted else ("red" if late else "yellow"),
                "detail": f"Due {date_uk(round_.due_date)}",
            }
        )  # fmt: skip
    return panel(
        "section11", "Section 11", rows, empty="No Section 11 round is open.",
    )  # fmt: skip


def register() -> None:
    register_home_panel(
        "section11", permission="section11.respond", template=PANEL_TEMPLATE,
        context=_context, order=15,
    )  # fmt: skip
