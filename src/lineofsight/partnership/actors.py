"""Who did it: a signed-in ``User``, or ``SYSTEM`` (demo, migrations, setup, command line, tasks).

Every service takes ``actor`` and checks it; nothing is skipped because an actor is missing.
Work that no person starts (the demo builder, ``lineofsight setup``, the background recompute,
an operator's command) passes ``SYSTEM``, which every permission check accepts and the audit log
shows as "system".  Passing ``None`` raises ``MissingActor`` (ADR 0016).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final, TypeAlias

if TYPE_CHECKING:
    from lineofsight.partnership.models import User
    from lineofsight.partnership.roles import Role


class MissingActor(TypeError):
    """A service was called without an actor: pass the user, or ``SYSTEM`` for unattended work."""


class SystemActor:
    """The installation itself.  One instance, ``SYSTEM``; not a database row, cannot sign in."""

    is_system: Final = True
    is_authenticated: Final = False  # not a signed-in person: the audit row has no user
    is_active: Final = True
    pk: Final = None
    agency: Final = None
    agency_id: Final = None

    _instance: SystemActor | None = None

    def __new__(cls) -> SystemActor:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def get_username(self) -> str:
        return "system"

    def has_role(self, role: Role) -> bool:
        return True

    def role_set(self) -> frozenset[Role]:
        from lineofsight.partnership.roles import Role

        return frozenset(Role)

    def __repr__(self) -> str:
        return "SYSTEM"

    __str__ = get_username


SYSTEM: Final = SystemActor()

Actor: TypeAlias = "User | SystemActor"


def is_system(actor: Any) -> bool:
    return actor is SYSTEM


def require_actor(actor: Any) -> None:
    """Raise ``MissingActor`` for ``None`` (the old silent "no actor, no check")."""
    if actor is None:
        raise MissingActor(
            "No actor: pass the signed-in user, or partnership.actors.SYSTEM for the demo, "
            "setup, migrations, tasks and the command line"
        )


def user_of(actor: Any) -> User | None:
    """The person to store in an ``author``/``submitted_by`` column: ``None`` for ``SYSTEM``."""
    require_actor(actor)
    return None if is_system(actor) else actor
