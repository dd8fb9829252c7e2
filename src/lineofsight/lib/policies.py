"""The policy most apps write for their records: a permission held, within the person's own
partnership::

    can_manage = partnership_policy("lado.manage", _partnership_id)
    policies.can_manage(user)            # holds lado.manage
    policies.can_manage(user, referral)  # ... and the referral is in their partnership
    policies.can_manage.scope(user)      # a selector's partnership (PermissionDenied if not)

``partnership.actors.SYSTEM`` holds every permission and is in every partnership; ``None`` raises
``MissingActor`` (``partnership.access.has_permission``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lineofsight.partnership.access import has_permission, in_partnership, scoped_partnership_id


class PartnershipPolicy:
    """``policy(user, record=None)``: ``user`` holds ``permission`` and ``record``, if given, is in
    their partnership (``partnership_id_of(record)``)."""

    def __init__(self, permission: str, partnership_id_of: Callable[[Any], int | None]) -> None:
        self.permission = permission
        self.partnership_id_of = partnership_id_of

    def __call__(self, user: Any, record: Any = None) -> bool:
        return has_permission(user, self.permission) and in_partnership(
            user, record, self.partnership_id_of
        )

    def scope(self, user: Any) -> int:
        """For selectors: the partnership ``user``'s reads are scoped to, or
        ``PermissionDenied(permission)`` (``partnership.access.scoped_partnership_id``)."""
        return scoped_partnership_id(user, self(user), self.permission)


def partnership_policy(
    permission: str, partnership_id_of: Callable[[Any], int | None]
) -> PartnershipPolicy:
    return PartnershipPolicy(permission, partnership_id_of)
