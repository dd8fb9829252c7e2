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

from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from django.db import models, transaction

from lineofsight.audit.models import AuditLog
from lineofsight.audit.services import record, snapshot
from lineofsight.lib.versioning import EditConflict, Versioned, save_if_unchanged

M = TypeVar("M", bound=models.Model)
V = TypeVar("V", bound=Versioned)

Snapshot = Callable[[Any], "dict[str, Any] | None"]


def stripped(fields: Mapping[str, Any]) -> dict[str, Any]:
    """``fields`` with the spaces around their text values removed."""
    return {k: v.strip() if isinstance(v, str) else v for k, v in fields.items()}


def only(fields: Iterable[str], allowed: Iterable[str], what: str) -> None:
    """A ``TypeError`` naming the ``fields`` not ``allowed`` (a caller's mistake, not a user's)."""
    unknown = set(fields) - set(allowed)
    if unknown:
        raise TypeError(f"Unknown {what} fields: {', '.join(sorted(unknown))}")


def _recorded(
    actor: Any,
    verb: str,
    instance: M,
    before: Any,
    snapshot_of: Snapshot,
    after_save: Callable[[M], None] | None = None,
) -> M:
    """The audit row of a write just made (after ``after_save``, if any, has run): a create if
    there was nothing ``before``."""
    if after_save:
        after_save(instance)
    record(
        actor=actor,
        verb=verb,
        action=AuditLog.Action.CREATE if before is None else AuditLog.Action.UPDATE,
        obj=instance,
        before=before,
        after=snapshot_of(instance),
    )
    return instance


def _apply(instance: M, changes: dict[str, Any]) -> M:
    for name, value in changes.items():
        setattr(instance, name, value)
    return instance


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
        return _recorded(actor, verb, instance, None, snapshot_of, after_save)


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
        _apply(instance, changes).full_clean(exclude=["version"])
        save_if_unchanged(instance, expected_version, list(fields) if fields else None)
        return _recorded(actor, verb, instance, before, snapshot_of, after_save)


def audited_edit(
    actor: Any,
    instance: V,
    expected_version: int,
    values: Mapping[str, Any],
    *,
    verb: str,
    **options: Any,
) -> V:
    """``audited_update`` of the ``values`` a form gave, text without its surrounding spaces
    (``options``: ``audited_update``'s ``fields``, ``after_save``, ``snapshot_of``)."""
    return audited_update(
        actor=actor,
        instance=instance,
        expected_version=expected_version,
        changes=stripped(values),
        verb=verb,
        **options,
    )


def audited_save(
    *,
    actor: Any,
    record: V,
    changes: dict[str, Any],
    verb: str,
    expected_version: int | None = None,
    fields: Iterable[str] | None = None,
    after_save: Callable[[V], None] | None = None,
    snapshot_of: Snapshot = snapshot,
) -> V:
    """A record saved once and changed afterwards (settings, a year's figure): ``record`` with
    ``changes`` is created while it is new (unsaved), else updated at ``expected_version`` (not
    given: its own, for a change made without an edit form); ``verb`` names both."""
    if record.pk is None:
        return audited_create(
            actor=actor,
            instance=_apply(record, changes),
            verb=verb,
            after_save=after_save,
            snapshot_of=snapshot_of,
        )
    return audited_update(
        actor=actor,
        instance=record,
        expected_version=record.version if expected_version is None else expected_version,
        changes=changes,
        verb=verb,
        fields=fields,
        after_save=after_save,
        snapshot_of=snapshot_of,
    )


def audited_change(
    *,
    actor: Any,
    instance: M,
    changes: dict[str, Any],
    verb: str,
    fields: Iterable[str] | None = None,
    snapshot_of: Snapshot = snapshot,
) -> M:
    """Apply ``changes`` to ``instance`` (a record without a version to check), validate it and
    save ``fields`` (default: all); ``before`` is ``instance`` as it was given."""
    with transaction.atomic():
        before = snapshot_of(instance)
        _apply(instance, changes).full_clean()
        instance.save(update_fields=list(fields) if fields else None)
        return _recorded(actor, verb, instance, before, snapshot_of)


def audited_replace(
    *,
    actor: Any,
    find: Callable[[], M | None],
    new: Callable[[], M],
    changes: dict[str, Any],
    verb: str,
) -> M:
    """Set ``changes`` on the record ``find()`` returns inside the transaction, or on ``new()`` if
    there is none ("entering it again replaces it"): audited as an update or a create."""
    with transaction.atomic():
        found = find()
        before = snapshot(found)
        instance = _apply(found or new(), changes)
        instance.full_clean()
        instance.save()
        return _recorded(actor, verb, instance, before, snapshot)
