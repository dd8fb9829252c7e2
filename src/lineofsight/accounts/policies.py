"""Who may do what with two-factor authentication (one place for the rules).

- Setting up an authenticator is open to a signed-in user with no confirmed authenticator (their
  first), or to a session already verified with one (to replace it).  A password-only session of a
  user who has an authenticator must verify first: otherwise the password alone would be enough to
  enrol a second authenticator and get a fully verified session.
- Resetting someone else's two-factor (they lost their phone) is for the partnership
  administrator, or the system (``lineofsight manage reset_two_factor``, run by the operator).
"""

from __future__ import annotations

from typing import Any

from lineofsight.partnership.access import has_permission

RESET_PERMISSION = "partnership.manage"


def has_confirmed_device(user: Any) -> bool:
    return bool(user.totpdevice_set.filter(confirmed=True).exists())


def may_set_up_two_factor(user: Any, *, verified: bool) -> bool:
    """Whether this session may enrol an authenticator for ``user``."""
    return verified or not has_confirmed_device(user)


def may_reset_two_factor(actor: Any) -> bool:
    """``SYSTEM`` (the operator's command line) holds every permission."""
    return has_permission(actor, RESET_PERMISSION)
