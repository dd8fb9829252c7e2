"""Who may do what with child death reviews (services, selectors and views ask these).

- ``can_view_records``: the CDOP coordinator and panel members, within their partnership.
- ``can_manage``: the CDOP coordinator (record deaths, reports, meetings, the panel's analysis).
- ``can_view_statistics``: the CDOP roles and the partnership's leaders (administrator, analyst,
  board); ``sees_exact_counts``: only the CDOP roles see counts of 1 to 5 (others: suppressed).
"""

from __future__ import annotations

from typing import Any

from lineofsight.lib.policies import partnership_policy
from lineofsight.partnership.access import has_permission, partnership_id_along


def _partnership_id(record: Any) -> int | None:
    """The partnership of a record, or of the death it belongs to."""
    return partnership_id_along(record, "partnership_id", "death.partnership_id")


can_view_records = partnership_policy("cdop.view", _partnership_id)
can_manage = partnership_policy("cdop.manage", _partnership_id)


def can_view_statistics(user: Any) -> bool:
    return has_permission(user, "cdop.statistics")


def sees_exact_counts(user: Any) -> bool:
    return has_permission(user, "cdop.view")
