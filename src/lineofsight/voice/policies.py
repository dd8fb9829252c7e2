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

from lineofsight.lib.policies import partnership_policy
from lineofsight.partnership.access import partnership_id_along


def _partnership_id(record: Any) -> int | None:
    """The partnership of a record, or of the activity or survey it belongs to."""
    return partnership_id_along(
        record, "partnership_id", "activity.partnership_id", "survey.partnership_id"
    )


can_view_scrutiny = partnership_policy("scrutiny.view", _partnership_id)
can_manage_scrutiny = partnership_policy("scrutiny.manage", _partnership_id)
can_view_voice = partnership_policy("voice.view", _partnership_id)
can_manage_voice = partnership_policy("voice.manage", _partnership_id)


def allowed(user: Any, record: Any = None) -> dict[str, bool]:
    """What the templates may offer (keys never shadow a dict method)."""
    return {
        "view_scrutiny": can_view_scrutiny(user, record),
        "manage_scrutiny": can_manage_scrutiny(user, record),
        "view_voice": can_view_voice(user, record),
        "manage_voice": can_manage_voice(user, record),
    }
