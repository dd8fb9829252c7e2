"""The auditor: every service that writes calls ``record`` inside its own transaction.

What a record's audit rows may hold and show is its model's ``audit_policy``
(``audit.disclosure``).  ``record`` refuses to run outside a transaction
(``transaction.atomic``), so an audit row can never be committed without the change it
describes, nor the change without its row.
"""

from __future__ import annotations

import datetime as dt
import decimal
import uuid
from collections.abc import Mapping
from typing import Any, overload

from django.db import connection, models, transaction
from django.forms.models import model_to_dict

from lineofsight.audit.disclosure import policy_of, strip_never_logged
from lineofsight.audit.models import AuditLog
from lineofsight.partnership.actors import require_actor


class AuditOutsideTransaction(RuntimeError):
    pass


def _json_safe(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_json_safe(v) for v in value]
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    if hasattr(value, "name") and hasattr(value, "url"):  # file fields
        return value.name or None
    return value


@overload
def snapshot(instance: models.Model, exclude: tuple[str, ...] = ()) -> dict[str, Any]: ...
@overload
def snapshot(instance: None, exclude: tuple[str, ...] = ()) -> None: ...
def snapshot(instance: models.Model | None, exclude: tuple[str, ...] = ()) -> dict[str, Any] | None:
    """A JSON-safe picture of a model instance's fields, for ``before``/``after``."""
    if instance is None:
        return None
    data = model_to_dict(instance, exclude=list(exclude))
    for field in instance._meta.concrete_fields:
        if not field.editable and field.name not in exclude:
            data[field.name] = getattr(instance, field.attname)
    data.pop("password", None)
    return _json_safe(data)


def snapshot_with(
    instance: models.Model | None, many: Mapping[str, str], exclude: tuple[str, ...] = ()
) -> dict[str, Any] | None:
    """``snapshot`` with each many-to-many field named in ``many`` as the sorted values of an
    attribute of its records (``{"themes": "slug"}``) once ``instance`` is saved."""
    if instance is None:
        return None
    data = snapshot(instance, exclude=(*many, *exclude))
    if instance.pk:
        for name, attribute in many.items():
            data[name] = sorted(getattr(instance, name).values_list(attribute, flat=True))
    return data


def record(
    *,
    actor: Any,
    verb: str,
    action: str,
    obj: models.Model | None = None,
    object_type: str | None = None,
    object_id: str | int | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditLog:
    if not connection.in_atomic_block:
        raise AuditOutsideTransaction(
            f"audit.record({verb!r}) must run inside the writing service's transaction"
        )
    require_actor(actor)
    authenticated = getattr(actor, "is_authenticated", False)
    agency = getattr(actor, "agency", None) if authenticated else None
    policy = policy_of(obj, object_type)
    label = ""
    if obj is not None:
        label = policy.describe(obj) if policy.describe else str(obj)
    return AuditLog.objects.create(
        actor=actor if authenticated else None,
        actor_label=actor.get_username() if authenticated else "system",
        agency_label=str(agency) if agency else "",
        action=action,
        verb=verb,
        object_type=object_type or (obj._meta.label if obj is not None else ""),
        object_id=str(object_id if object_id is not None else (obj.pk if obj is not None else "")),
        object_repr=label[:300],
        before=strip_never_logged(policy, _json_safe(before)),
        after=strip_never_logged(policy, _json_safe(after)),
        detail=strip_never_logged(policy, _json_safe(detail)),
    )


def record_update(
    actor: Any,
    obj: models.Model,
    verb: str,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditLog:
    """``record`` of a change to ``obj`` (``AuditLog.Action.UPDATE``)."""
    return record(
        actor=actor,
        verb=verb,
        action=AuditLog.Action.UPDATE,
        obj=obj,
        before=before,
        after=after,
        detail=detail,
    )


def record_read(
    *, actor: Any, object_type: str, object_id: str | int, detail: dict[str, Any] | None = None
) -> AuditLog:
    """Reads of child-level data are audited too (their own short transaction)."""
    with transaction.atomic():
        return record(
            actor=actor,
            verb=f"{object_type}.read",
            action=AuditLog.Action.READ,
            object_type=object_type,
            object_id=object_id,
            detail=detail,
        )
