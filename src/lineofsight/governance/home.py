"""The board's panel on the home page: statutory partners (and watched members) who have missed
meetings in a row, and assurance reports that are overdue."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from lineofsight.governance import selectors
from lineofsight.partnership.home_panels import register_home_panel


def _context(request: HttpRequest) -> dict[str, Any] | None:
    agency = getattr(request.user, "agency", None)
    if agency is None:
        return None
    partnership = agency.partnership
    return {
        "flags": selectors.needs_attention(partnership),
        "overdue": list(selectors.overdue_reports(partnership)[:10]),
        "overdue_count": selectors.overdue_reports(partnership).count(),
        "threshold": selectors.settings_of(partnership).consecutive_misses,
    }


def register() -> None:
    register_home_panel(
        "governance",
        permission="governance.view",
        template="governance/home_panel.html",
        context=_context,
        order=15,
    )
