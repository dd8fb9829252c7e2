"""Who may do what with workforce development (services, selectors and views ask these).

- ``can_manage``: the training manager, within their partnership: the catalogue, sessions,
  bookings, attendance, evaluation links, reflective logs, the gap analysis, the charging policy,
  the charges report and the statistics.
- A learner answers an evaluation through a signed link without signing in
  (``evaluation_links``): the link, not a role, is what allows it, and only for that booking.
"""

from __future__ import annotations

from typing import Any

from lineofsight.partnership.access import has_permission
from lineofsight.partnership.actors import is_system


def partnership_id_of(record: Any) -> int | None:
    """The partnership a course, session, booking, requirement or response belongs to."""
    for path in (
        ("partnership_id",),
        ("course", "partnership_id"),
        ("session", "course", "partnership_id"),
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


def can_manage(user: Any, record: Any = None) -> bool:
    return has_permission(user, "workforce.manage") and _same_partnership(user, record)


def allowed(user: Any, record: Any = None) -> dict[str, bool]:
    """Booleans for templates (keys never shadow a dict method)."""
    manage = can_manage(user, record)
    return {"manage": manage, "book": manage, "attendance": manage, "rate": manage}
