"""Who may do what with workforce development (services, selectors and views ask these).

- ``can_manage``: the training manager, within their partnership: the catalogue, sessions,
  bookings, attendance, evaluation links, reflective logs, the gap analysis, the charging policy,
  the charges report and the statistics.
- A learner answers an evaluation through a signed link without signing in
  (``evaluation_links``): the link, not a role, is what allows it, and only for that booking.
"""

from __future__ import annotations

from typing import Any

from lineofsight.lib.policies import partnership_policy
from lineofsight.partnership.access import partnership_id_along


def partnership_id_of(record: Any) -> int | None:
    """The partnership a course, session, booking, requirement or response belongs to."""
    return partnership_id_along(
        record, "partnership_id", "course.partnership_id", "session.course.partnership_id"
    )


can_manage = partnership_policy("workforce.manage", partnership_id_of)


def allowed(user: Any, record: Any = None) -> dict[str, bool]:
    """Booleans for templates (keys never shadow a dict method)."""
    manage = can_manage(user, record)
    return {"manage": manage, "book": manage, "attendance": manage, "rate": manage}
