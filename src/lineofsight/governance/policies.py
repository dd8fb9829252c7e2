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

from lineofsight.partnership.access import has_permission, in_partnership, partnership_id_along


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


def _same_partnership(user: Any, record: Any) -> bool:
    return in_partnership(user, record, partnership_id_of)


def can_view(user: Any, record: Any = None) -> bool:
    return has_permission(user, "governance.view") and _same_partnership(user, record)


def can_manage(user: Any, record: Any = None) -> bool:
    return has_permission(user, "governance.manage") and _same_partnership(user, record)


def allowed(user: Any, record: Any = None) -> dict[str, bool]:
    """For templates (keys never shadow a dict method)."""
    return {"manage": can_manage(user, record), "view": can_view(user, record)}
