"""The CDOP roles' panel on the home page: their open cases and what is overdue."""

from __future__ import annotations

from typing import Any

from lineofsight.cdop import selectors
from lineofsight.partnership.access import SignedInRequest
from lineofsight.partnership.home_panels import register_home_panel


def _context(request: SignedInRequest) -> dict[str, Any] | None:
    if getattr(request.user, "agency", None) is None:
        return None
    rows = selectors.case_rows(request.user, status="open")
    return {"rows": rows, "alerting": [r for r in rows if r["alerts"]]}


def register() -> None:
    register_home_panel(
        "cdop", permission="cdop.view", template="cdop/home_panel.html", context=_context, order=20
    )
