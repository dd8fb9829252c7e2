"""Writes to the partnership, its agencies and users (each audited in its own transaction)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from lineofsight.audit.models import AuditLog
from lineofsight.audit.services import record, snapshot
from lineofsight.lib.audited import audited_create
from lineofsight.partnership.models import Agency, Partnership, Population, RoleAssignment, User
from lineofsight.partnership.roles import Role


def create_partnership(*, actor: Any, name: str, la_code: str) -> Partnership:
    partnership = Partnership(name=name, la_code=la_code)
    return audited_create(actor=actor, instance=partnership, verb="partnership.create")


def set_population(*, actor: Any, partnership: Partnership, year: int, under_18: int) -> Population:
    with transaction.atomic():
        existing = (
            Population.objects.select_for_update()
            .filter(partnership=partnership, year=year)
            .first()
        )
        before = snapshot(existing)
        population = existing or Population(partnership=partnership, year=year)
        population.under_18 = under_18
        population.full_clean()
        population.save()
        record(
            actor=actor,
            verb="population.set",
            action=AuditLog.Action.UPDATE if existing else AuditLog.Action.CREATE,
            obj=population,
            before=before,
            after=snapshot(population),
        )
        return population


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
        record(
            actor=actor,
            verb="user.set_roles",
            action=AuditLog.Action.UPDATE,
            obj=user,
            before={"roles": before},
            after={"roles": sorted(str(r) for r in wanted)},
        )
        return user
