"""Home-page panel for board members, scrutineers and the administrator: "Needs attention" from
the performance overview (the latest financial year), from the same cached figures.

Each exception is one row a board member can scan: the measure and its figure, a tag saying why it
is listed (special cause concern, unusual, missed target, worse than England and neighbours) and
the one sentence that explains that reason; every other finding is on the indicator's page."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from lineofsight.partnership.access import SignedInRequest
from lineofsight.partnership.home_panels import PANEL_TEMPLATE, panel, register_home_panel
from lineofsight.partnership.roles import OVERSIGHT_ROLES
from lineofsight.partnership.selectors import current_partnership
from lineofsight.performance import selectors
from lineofsight.performance.cache import PageCache
from lineofsight.performance.summaries import Summary
from lineofsight.performance.summaries import overview as build_overview


def _context(request: SignedInRequest) -> dict[str, Any] | None:
    if not request.user.role_set() & OVERSIGHT_ROLES:
        return None
    partnership = current_partnership()
    if partnership is None:
        return None
    years = selectors.financial_years(partnership)
    if not years:
        return None
    period = years[-1]

    def attention() -> list[dict[str, Any]]:
        return [
            {
                "text": f"{s.spec.title}: {s.value_text}",
                "href": reverse("performance:indicator", args=[s.spec.id]) + f"?period={period}",
                **why(s),
            }
            for s in build_overview(partnership, period)
            if s.rank < 2
        ]

    rows = PageCache(partnership).get("home-attention", attention, period)
    return panel(
        "attention", f"Needs attention ({period})", rows,
        empty="No indicator shows special cause concern, misses its target or is worse than "
        "both England and statistical neighbours.",
        more={"href": reverse("performance:overview"), "text": "Performance overview"},
    )  # fmt: skip


def why(summary: Summary) -> dict[str, str]:
    """The tag, its colour and the one finding that says why ``summary`` needs attention."""
    if summary.concern:
        return {"tag": "Concern", "colour": "red", "detail": summary.spc_text or ""}
    if summary.unusual:
        return {"tag": "Unusual", "colour": "orange", "detail": summary.spc_text or ""}
    if summary.below_target:
        return {"tag": "Missed target", "colour": "red", "detail": summary.target_text or ""}
    return {
        "tag": "Worse than others",
        "colour": "orange",
        "detail": summary.benchmark_text or "",
    }


def register() -> None:
    register_home_panel(
        "attention", permission="performance.view", template=PANEL_TEMPLATE, context=_context,
        order=5,
    )  # fmt: skip
