"""Writes to the partnership, its agencies and users (each audited in its own transaction)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from lineofsight.audit.models import AuditLog
from lineofsight.audit.services import record, record_update, snapshot
from lineofsight.lib.audited import audited_change, audited_create, audited_replace
from lineofsight.partnership.access import check_permission
from lineofsight.partnership.actors import is_system
from lineofsight.partnership.models import (
    Agency,
    AgencyReturn,
    Partnership,
    Population,
    RoleAssignment,
    User,
)
from lineofsight.partnership.roles import Role


def create_partnership(*, actor: Any, name: str, la_code: str) -> Partnership:
    partnership = Partnership(name=name, la_code=la_code)
    return audited_create(actor=actor, instance=partnership, verb="partnership.create")


def set_population(*, actor: Any, partnership: Partnership, year: int, under_18: int) -> Population:
    return audited_replace(
        actor=actor,
        find=lambda: (
            Population.objects.select_for_update()
            .filter(partnership=partnership, year=year)
            .first()
        ),
        new=lambda: Population(partnership=partnership, year=year),
        changes={"under_18": under_18},
        verb="population.set",
    )


def create_agency(
    *, actor: Any, partnership: Partnership, name: str, code: str, kind: str
) -> Agency:
    agency = Agency(partnership=partnership, name=name, code=code, kind=kind)
    return audited_create(actor=actor, instance=agency, verb="agency.create")


def create_user(
    *,
    actor: Any,
    username: str,
    password: str | None,
    agency: Agency | None,
    roles: Iterable[Role],
    first_name: str = "",
    last_name: str = "",
    email: str = "",
) -> User:
    with transaction.atomic():
        user = User(
            username=username,
            agency=agency,
            first_name=first_name,
            last_name=last_name,
            email=email,
        )
        user.set_password(password)
        user.full_clean()
        user.save()
        RoleAssignment.objects.bulk_create(RoleAssignment(user=user, role=r) for r in roles)
        after = snapshot(user, exclude=("last_login", "password"))
        after["roles"] = sorted(str(r) for r in roles)
        record(
            actor=actor, verb="user.create", action=AuditLog.Action.CREATE, obj=user, after=after
        )
        return user


def set_roles(*, actor: Any, user: User, roles: Iterable[Role]) -> User:
    wanted = {Role(r) for r in roles}
    with transaction.atomic():
        before = sorted(user.role_assignments.values_list("role", flat=True))
        user.role_assignments.exclude(role__in=wanted).delete()
        have = set(user.role_assignments.values_list("role", flat=True))
        RoleAssignment.objects.bulk_create(RoleAssignment(user=user, role=r) for r in wanted - have)
        if hasattr(user, "_role_cache"):
            del user._role_cache
        record_update(
            actor,
            user,
            "user.set_roles",
            before={"roles": before},
            after={"roles": sorted(str(r) for r in wanted)},
        )
        return user


# --- administration (the partnership administrator; ``SYSTEM`` for setup and the demo) ----------


def _check_manager(actor: Any) -> None:
    check_permission(actor, "partnership.manage")


_NEVER_LOGGED = ("password", "last_login")


def _audited_change(actor: Any, instance: Any, verb: str, changes: dict[str, Any]) -> Any:
    return audited_change(
        actor=actor,
        instance=instance,
        changes=changes,
        verb=verb,
        snapshot_of=lambda i: snapshot(i, exclude=_NEVER_LOGGED),
    )


def add_agency(*, actor: Any, name: str, code: str, kind: str) -> Agency:
    _check_manager(actor)
    partnership = Partnership.objects.get()
    if Agency.objects.filter(partnership=partnership, code=code).exists():
        raise ValidationError({"code": f"There is already an agency with the code {code!r}"})
    return create_agency(actor=actor, partnership=partnership, name=name, code=code, kind=kind)


def rename_agency(*, actor: Any, agency: Agency, name: str, kind: str) -> Agency:
    _check_manager(actor)
    return _audited_change(actor, agency, "agency.rename", {"name": name, "kind": kind})


def retire_agency(*, actor: Any, agency: Agency, on: date) -> Agency:
    """The agency stops being a partner: kept with its records, offered for nothing new."""
    _check_manager(actor)
    if agency.retired_on is not None:
        raise ValidationError(f"{agency.name} was already retired on {agency.retired_on:%d %B %Y}")
    return _audited_change(actor, agency, "agency.retire", {"retired_on": on})


def set_financial_year_start(*, actor: Any, partnership: Partnership, month: int) -> Partnership:
    _check_manager(actor)
    return _audited_change(
        actor, partnership, "partnership.financial_year", {"financial_year_start_month": month}
    )


def set_agency_returns(*, actor: Any, agency: Agency, formats: Iterable[str]) -> Agency:
    """Which returns ``agency`` submits (replacing the default for its kind)."""
    _check_manager(actor)
    wanted = sorted(set(formats))
    with transaction.atomic():
        before = sorted(agency.returns.values_list("format", flat=True))
        agency.returns.exclude(format__in=wanted).delete()
        AgencyReturn.objects.bulk_create(
            [AgencyReturn(agency=agency, format=f) for f in wanted if f not in before]
        )
        record_update(
            actor, agency, "agency.returns", before={"returns": before}, after={"returns": wanted}
        )
    return agency


def invite_user(
    *,
    actor: Any,
    username: str,
    email: str,
    agency: Agency,
    roles: Iterable[Role],
    first_name: str = "",
    last_name: str = "",
    base_url: str | None = None,
) -> User:
    """A new user without a password, emailed a one-time link to set one (``links``)."""
    from lineofsight.partnership.links import send_invitation

    _check_manager(actor)
    if User.objects.filter(username=username).exists():
        raise ValidationError({"username": f"There is already a user called {username}"})
    if not email:
        raise ValidationError({"email": "Enter their email address: the invitation is sent there"})
    with transaction.atomic():
        user = create_user(
            actor=actor,
            username=username,
            password=None,
            agency=agency,
            roles=roles,
            first_name=first_name,
            last_name=last_name,
            email=email,
        )
        partnership = Partnership.objects.get()
        transaction.on_commit(
            lambda: send_invitation(user, partnership_name=partnership.name, base_url=base_url)
        )
        record_update(actor, user, "user.invite", after={"email_sent_to": email})
    return user


def update_user(
    *,
    actor: Any,
    user: User,
    agency: Agency | None,
    roles: Iterable[Role],
    is_active: bool,
    first_name: str,
    last_name: str,
    email: str,
) -> User:
    """Change a user's agency, roles, name, email, or deactivate them (they can no longer sign
    in; their records and audit history stay)."""
    _check_manager(actor)
    if not is_system(actor) and user.pk == actor.pk and not is_active:
        raise ValidationError({"is_active": "You cannot deactivate your own account"})
    if not is_system(actor) and user.pk == actor.pk and Role.PARTNERSHIP_ADMIN not in set(roles):
        raise ValidationError({"roles": "You cannot remove your own administrator role"})
    with transaction.atomic():
        _audited_change(
            actor,
            user,
            "user.update" if is_active or not user.is_active else "user.deactivate",
            {
                "agency": agency,
                "is_active": is_active,
                "first_name": first_name,
                "last_name": last_name,
                "email": email,
            },
        )
        if set(user.role_set()) != {Role(r) for r in roles}:
            set_roles(actor=actor, user=user, roles=roles)
    return user


def set_own_password(*, user: User, password: str, verb: str) -> User:
    """A user sets their password (change, forgotten-password or invitation link); audited."""
    with transaction.atomic():
        user.set_password(password)
        user.save(update_fields=["password"])
        record_update(user, user, verb, after={"password": "changed"})
    return user


def set_email_reminders(*, user: User, on: bool) -> User:
    """A user opts in to (or out of) reminder emails; audited."""
    return _audited_change(user, user, "user.email_reminders", {"email_reminders": on})


def record_link_sent(*, actor: Any, user: User, verb: str) -> None:
    """Audit that a one-time password link was emailed to ``user`` (after it was sent)."""
    with transaction.atomic():
        record_update(actor, user, verb, after={"email_sent_to": user.email})
