"""Who may do what with scrutiny and voice records (services, selectors and views ask these).

- ``can_view_scrutiny``: the scrutineer, the board and the business manager (``scrutiny.view``);
  ``can_manage_scrutiny``: the independent scrutineer (``scrutiny.manage``).
- ``can_view_voice``: the partnership's leaders, agency leads, the training manager and the
  scrutineer (``voice.view``): feedback is anonymised and survey results are suppressed below 6;
  ``can_manage_voice``: the business unit and analysts (``voice.manage``) record feedback, what
  changed, surveys and forum notes and import survey responses.
Always within the person's own partnership; ``partnership.actors.SYSTEM`` may do everything.
"""

from __future__ import annotations

from typing import Any

from lineofsight.partnership.access import has_permission, in_partnership, partnership_id_along
from lineofsight.partnership.actors import is_system, require_actor


def _partnership_id(record: Any) -> int | None:
    """The partnership of a record, or of the activity or survey it belongs to."""
    return partnership_id_along(
        record, "partnership_id", "activity.partnership_id", "survey.partnership_id"
    )


def _same_partnership(user: Any, record: Any) -> bool:
    return in_partnership(user, record, _partnership_id)


def _may(user: Any, permission: str) -> bool:
    require_actor(user)
    return is_system(user) or has_permission(user, permission)


def can_view_scrutiny(user: Any, record: Any = None) -> bool:
    return _may(user, "scrutiny.view") and _same_partnership(user, record)


def can_manage_scrutiny(user: Any, record: Any = None) -> bool:
    return _may(user, "scrutiny.manage") and _same_partnership(user, record)


def can_view_voice(user: Any, record: Any = None) -> bool:
    return _may(user, "voice.view") and _same_partnership(user, record)


def can_manage_voice(user: Any, record: Any = None) -> bool:
    return _may(user, "voice.manage") and _same_partnership(user, record)


def allowed(user: Any, record: Any = None) -> dict[str, bool]:
    """What the templates may offer (keys never shadow a dict method)."""
    return {
        "view_scrutiny": can_view_scrutiny(user, record),
        "manage_scrutiny": can_manage_scrutiny(user, record),
        "view_voice": can_view_voice(user, record),
        "manage_voice": can_manage_voice(user, record),
    }
