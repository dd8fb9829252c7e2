"""The policy most apps write for their records: a permission held, within the person's own
partnership::

    can_manage = partnership_policy("lado.manage", _partnership_id)
    policies.can_manage(user)            # holds lado.manage
    policies.can_manage(user, referral)  # ... and the referral is in their partnership

``partnership.actors.SYSTEM`` holds every permission and is in every partnership; ``None`` raises
``MissingActor`` (``partnership.access.has_permission``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from lineofsight.partnership.access import has_permission, in_partnership


class RecordPolicy(Protocol):
    def __call__(self, user: Any, record: Any = None) -> bool: ...


def partnership_policy(
    permission: str, partnership_id_of: Callable[[Any], int | None]
) -> RecordPolicy:
    """``policy(user, record=None)``: ``user`` holds ``permission`` and ``record``, if given, is in
    their partnership (``partnership_id_of(record)``)."""

    def policy(user: Any, record: Any = None) -> bool:
        return has_permission(user, permission) and in_partnership(user, record, partnership_id_of)

    return policy
