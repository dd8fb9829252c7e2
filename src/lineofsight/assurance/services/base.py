"""Audited create/update helpers shared by the assurance and delivery services.

Each opens its own transaction, validates the instance, writes it (an update only if nobody else
saved it since ``expected_version`` - optimistic locking) and records the audit row with
before/after in the same transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.db import models, transaction

from lineofsight.audit.models import AuditLog
from lineofsight.audit.services import record, snapshot
from lineofsight.lib.versioning import Versioned, save_if_unchanged
from lineofsight.partnership.access import check_permission

M = TypeVar("M", bound=models.Model)
V = TypeVar("V", bound=Versioned)


def require(actor: Any, permission: str) -> None:
    """Refuse a person without ``permission``; ``actor=None`` is the system (demo, loaders)."""
    if actor is not None:
        check_permission(actor, permission)


def audited_create(
    *, actor: Any, instance: M, verb: str, after_save: Callable[[M], None] | None = None
) -> M:
    with transaction.atomic():
        instance.full_clean()
        instance.save()
        if after_save:
            after_save(instance)
        record(
            actor=actor,
            verb=verb,
            action=AuditLog.Action.CREATE,
            obj=instance,
            after=snapshot(instance),
        )
        return instance


def audited_update(
    *,
    actor: Any,
    instance: V,
    expected_version: int,
    changes: dict[str, Any],
    verb: str,
    after_save: Callable[[V], None] | None = None,
) -> V:
    with transaction.atomic():
        stored = type(instance)._default_manager.get(pk=instance.pk)
        before = snapshot(stored)
        for name, value in changes.items():
            setattr(instance, name, value)
        instance.full_clean(exclude=["version"])
        save_if_unchanged(instance, expected_version)
        if after_save:
            after_save(instance)
        record(
            actor=actor,
            verb=verb,
            action=AuditLog.Action.UPDATE,
            obj=instance,
            before=before,
            after=snapshot(instance),
        )
        return instance


def audited_delete(*, actor: Any, instance: models.Model, verb: str) -> None:
    with transaction.atomic():
        before = snapshot(instance)
        label, pk, text = instance._meta.label, instance.pk, str(instance)
        instance.delete()
        record(
            actor=actor,
            verb=verb,
            action=AuditLog.Action.DELETE,
            object_type=label,
            object_id=pk,
            before=before,
            detail={"was": text},
        )
