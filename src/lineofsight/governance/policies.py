"""Who may do what with partnership governance (services, selectors and views ask these).

- ``can_view``: the partnership's leaders (administrator, analyst, board members and the
  scrutineer), within their partnership: meetings, attendance, the assurance register,
  inspections, funding and procedures are board business.
- ``can_manage``: the partnership administrator (the business manager), who keeps the minutes,
  the register and the budget.  Agency leads do not record their own attendance: the minutes are
  the one record of who was there (ADR 0021).
"""

from __future__ import annotations

from typing import Any

from lineofsight.lib.policies import partnership_policy
from lineofsight.partnership.access import partnership_id_along


def partnership_id_of(record: Any) -> int | None:
    """The partnership a governance record belongs to (walking up to its group, meeting,
    inspection or budget year)."""
    return partnership_id_along(
        record,
        "partnership_id",
        "group.partnership_id",
        "meeting.group.partnership_id",
        "inspection.partnership_id",
        "year.partnership_id",
    )


can_view = partnership_policy("governance.view", partnership_id_of)
can_manage = partnership_policy("governance.manage", partnership_id_of)


def allowed(user: Any, record: Any = None) -> dict[str, bool]:
    """For templates (keys never shadow a dict method)."""
    return {"manage": can_manage(user, record), "view": can_view(user, record)}
