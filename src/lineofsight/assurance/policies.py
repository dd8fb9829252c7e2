"""Who may do what with multi-agency case audits, Section 11 and challenges (one place).

- Setting up and changing case audits, Section 11 rounds and challenges: ``learning.manage``.
- Completing a Section 11 return: a lead (``section11.respond``) of that agency only; ``SYSTEM``
  (the demo) for any agency.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from lineofsight.actions.policies import can_manage_learning as may_manage
from lineofsight.partnership.access import check_permission, has_permission
from lineofsight.partnership.actors import is_system
from lineofsight.partnership.models import Agency

RESPOND = "section11.respond"
LOG_CHALLENGE = "challenge.log"


def may_respond_for(user: Any, agency: Agency) -> bool:
    if is_system(user):
        return True
    return (
        has_permission(user, RESPOND) and user.agency_id is not None and user.agency_id == agency.pk
    )


def check_respond_for(user: Any, agency: Agency) -> None:
    check_permission(user, RESPOND)
    if not may_respond_for(user, agency):
        raise PermissionDenied("Only the agency's own leads complete its Section 11 return")


def is_responder(user: Any) -> bool:
    """A lead who completes their own agency's Section 11 returns."""
    return has_permission(user, RESPOND) and getattr(user, "agency_id", None) is not None


def allowed(user: Any) -> dict[str, bool]:
    """What the assurance pages may offer ``user`` (templates read this)."""
    return {"manage": may_manage(user), "log_challenge": has_permission(user, LOG_CHALLENGE)}
