"""Audited writes: validate, save and record the audit row with before/after, in one transaction.

Services that write call these instead of repeating ``full_clean``/``save``/``audit.record``::

    audited_create(actor=user, instance=Plan(...), verb="plan.create")
    audited_update(actor=user, instance=review, expected_version=3, changes={...},
                   verb="review.update", fields=list(EDITABLE))

An update writes only if nobody else saved the record since ``expected_version`` (optimistic
locking, ``lib.versioning``) and otherwise raises ``EditConflict``; anything raised inside
(validation, conflict, ``after_save``) rolls the whole write back, audit row included.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.db import models, transaction

from lineofsight.audit.models import AuditLog
from lineofsight.audit.services import record, snapshot
from lineofsight.lib.versioning import EditConflict, Versioned, save_if_unchanged

M = TypeVar("M", bound=models.Model)
V = TypeVar("V", bound=Versioned)

Snapshot = Callable[[Any], "dict[str, Any] | None"]


def audited_create(
    *,
    actor: Any,
    instance: M,
    verb: str,
    after_save: Callable[[M], None] | None = None,
    snapshot_of: Snapshot = snapshot,
) -> M:
    """Validate and save a new ``instance``; ``after_save`` sets what needs a primary key first
    (many-to-many fields); the audit row's ``after`` is ``snapshot_of(instance)``."""
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
            after=snapshot_of(instance),
        )
        return instance


def audited_update(
    *,
    actor: Any,
    instance: V,
    expected_version: int,
    changes: dict[str, Any],
    verb: str,
    fields: Iterable[str] | None = None,
    after_save: Callable[[V], None] | None = None,
    snapshot_of: Snapshot = snapshot,
) -> V:
    """Apply ``changes`` to ``instance`` and save it if its stored version is still
    ``expected_version`` (else ``EditConflict``, also when it has been deleted).  ``before`` is
    the stored record; ``fields`` limits the columns written (default: all but the key)."""
    with transaction.atomic():
        stored = type(instance)._default_manager.filter(pk=instance.pk).first()
        if stored is None:
            raise EditConflict(instance)
        before = snapshot_of(stored)
        for name, value in changes.items():
            setattr(instance, name, value)
        instance.full_clean(exclude=["version"])
        save_if_unchanged(instance, expected_version, list(fields) if fields else None)
        if after_save:
            after_save(instance)
        record(
            actor=actor,
            verb=verb,
            action=AuditLog.Action.UPDATE,
            obj=instance,
            before=before,
            after=snapshot_of(instance),
        )
        return instance
