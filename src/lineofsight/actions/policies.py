"""Who may do what to which action (called by services and views; templates get the answers).

``can_update_action``: partnership administrators update any action; agency leads only their own
agency's.  ``can_raise_action``: the permission the record's registered source asks for.
"""

from __future__ import annotations

from typing import Any

from django.db import models

from lineofsight.actions.models import Action
from lineofsight.actions.sources import source_for
from lineofsight.partnership.access import has_permission
from lineofsight.partnership.roles import Role


def can_manage_learning(user: Any) -> bool:
    """Case reviews, audits, delivery plans and their actions are set up and changed by
    ``learning.manage`` (the apps' ``may_manage``)."""
    return has_permission(user, "learning.manage")


def can_update_action(user: Any, action: Action) -> bool:
    if not has_permission(user, "actions.update"):
        return False
    if user.has_role(Role.PARTNERSHIP_ADMIN):
        return True
    return user.agency_id is not None and user.agency_id == action.owner_agency_id


def can_raise_action(user: Any, record: models.Model) -> bool:
    return has_permission(user, source_for(record).permission)


def allowed(user: Any, action: Action | None = None) -> dict[str, bool]:
    """What the action pages may offer ``user`` (templates read this, never the permissions).
    Keys never shadow a ``dict`` method (Jinja reads ``allowed.update`` as ``dict.update``)."""
    return {
        "manage": can_manage_learning(user),
        "update_action": action is not None and can_update_action(user, action),
    }
