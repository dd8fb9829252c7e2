"""Who may do what with the LADO's records (services, selectors and views ask these).

- ``can_manage``: the LADO and the named deputy, within their partnership: the only people who
  read or change a consultation or referral (not the administrator, not the board);
- ``can_configure``: the LADO (the lists of sectors and outcomes, the timeliness standards);
- ``can_view_statistics``: the LADO roles and the partnership's leaders (administrator, analyst,
  board); ``sees_exact_counts``: only the LADO roles see counts of 1 to 5 (others: suppressed by
  ``lineofsight.disclosure``).
"""

from __future__ import annotations

from typing import Any

from lineofsight.lib.policies import partnership_policy
from lineofsight.partnership.access import has_permission, partnership_id_along


def _partnership_id(record: Any) -> int | None:
    """The partnership of a record, or of the referral it belongs to."""
    return partnership_id_along(record, "partnership_id", "referral.partnership_id")


can_manage = partnership_policy("lado.manage", _partnership_id)


def can_configure(user: Any) -> bool:
    return has_permission(user, "lado.configure")


def can_view_statistics(user: Any) -> bool:
    return has_permission(user, "lado.statistics")


def sees_exact_counts(user: Any) -> bool:
    return has_permission(user, "lado.manage")


def allowed(user: Any, record: Any = None) -> dict[str, bool]:
    """What the templates may offer (keys never shadow a dict method)."""
    return {
        "manage": can_manage(user, record),
        "configure": can_configure(user),
        "statistics": can_view_statistics(user),
    }
