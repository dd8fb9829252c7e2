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

from lineofsight.partnership.access import has_permission
from lineofsight.partnership.actors import is_system


def partnership_id_of(record: Any) -> int | None:
    """The partnership a governance record belongs to (walking up to its group, meeting,
    inspection or budget year)."""
    for path in (
        ("partnership_id",),
        ("group", "partnership_id"),
        ("meeting", "group", "partnership_id"),
        ("inspection", "partnership_id"),
        ("year", "partnership_id"),
    ):
        value: Any = record
        for name in path:
            value = getattr(value, name, None)
            if value is None:
                break
        if value is not None:
            return int(value)
    return None


def _same_partnership(user: Any, record: Any) -> bool:
    if is_system(user) or record is None:
        return True
    agency = getattr(user, "agency", None)
    return agency is not None and agency.partnership_id == partnership_id_of(record)


def can_view(user: Any, record: Any = None) -> bool:
    return has_permission(user, "governance.view") and _same_partnership(user, record)


def can_manage(user: Any, record: Any = None) -> bool:
    return has_permission(user, "governance.manage") and _same_partnership(user, record)


def allowed(user: Any, record: Any = None) -> dict[str, bool]:
    """For templates (keys never shadow a dict method)."""
    return {"manage": can_manage(user, record), "view": can_view(user, record)}
