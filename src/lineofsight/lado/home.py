"""The LADO roles' panel on the home page: open referrals and what is overdue."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from lineofsight.lado import selectors
from lineofsight.partnership.home_panels import register_home_panel


def _context(request: HttpRequest) -> dict[str, Any] | None:
    if getattr(request.user, "agency", None) is None:
        return None
    rows = selectors.referral_rows(request.user, status="open")
    return {"rows": rows, "flagged": [r for r in rows if r["flags"]]}


def register() -> None:
    register_home_panel(
        "lado",
        permission="lado.manage",
        template="lado/home_panel.html",
        context=_context,
        order=15,
    )
