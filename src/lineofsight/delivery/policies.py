"""Who may do what with delivery plans (one place for the rules).

- Plans and items are set up and changed by ``learning.manage``.
- Progress on an item is reported by ``learning.manage`` or by a lead (``actions.update``) of the
  agency leading the item.
"""

from __future__ import annotations

from typing import Any

from lineofsight.actions.policies import can_manage_learning as may_manage
from lineofsight.delivery.models import PlanItem
from lineofsight.partnership.access import has_permission


def can_report_progress(user: Any, item: PlanItem) -> bool:
    """Partnership managers, or a lead of the agency leading the item."""
    if may_manage(user):
        return True
    return (
        has_permission(user, "actions.update")
        and item.lead_agency_id is not None
        and user.agency_id == item.lead_agency_id
    )


def allowed(user: Any, item: PlanItem | None = None) -> dict[str, bool]:
    """What the delivery pages may offer ``user`` (templates read this)."""
    return {
        "manage": may_manage(user),
        "view_performance": has_permission(user, "performance.view"),
        "report": item is not None and can_report_progress(user, item),
    }
