"""Writes to the delivery plan: each audited in its own transaction, edits optimistically locked."""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.db import transaction

from lineofsight.assurance.services.base import require
from lineofsight.audit.services import record_update, snapshot
from lineofsight.delivery import policies, verbs
from lineofsight.delivery.models import Plan, PlanItem, Priority, ProgressUpdate, SuccessMeasure
from lineofsight.lib.audited import audited_create, audited_update
from lineofsight.lib.versioning import Versioned, save_if_unchanged
from lineofsight.partnership.actors import user_of
from lineofsight.partnership.models import Partnership

V = TypeVar("V", bound=Versioned)

EDITABLE: dict[type[Versioned], set[str]] = {
    Plan: {"title", "starts", "ends"},
    Priority: {"number", "title", "lead"},
    PlanItem: {"reference", "text", "lead_agency", "lead_person", "due_date"},
    SuccessMeasure: {"text", "indicator_id", "target"},
}


def _check(model: type[Versioned], fields: dict[str, Any]) -> None:
    unknown = set(fields) - EDITABLE[model]
    if unknown:
        raise TypeError(f"Unknown {model.__name__} fields: {sorted(unknown)}")


def _create(actor: Any, record: V, fields: dict[str, Any], verb: str) -> V:
    """``record`` (a new plan, or a part of one: its parent set) saved with ``fields``."""
    _check(type(record), fields)
    for name, value in fields.items():
        setattr(record, name, value)
    return audited_create(actor=actor, instance=record, verb=verb)


def create_plan(*, actor: Any, partnership: Partnership, **fields: Any) -> Plan:
    require(actor, "learning.manage")
    return _create(actor, Plan(partnership=partnership), fields, verbs.PLAN_CREATE)


def add_priority(*, actor: Any, plan: Plan, **fields: Any) -> Priority:
    require(actor, "learning.manage")
    return _create(actor, Priority(plan=plan), fields, verbs.PRIORITY_CREATE)


def add_item(*, actor: Any, priority: Priority, **fields: Any) -> PlanItem:
    require(actor, "learning.manage")
    agency = fields.get("lead_agency")
    if agency is not None and agency.partnership_id != priority.plan.partnership_id:
        raise PermissionDenied("The lead agency is not in this partnership")
    return _create(actor, PlanItem(priority=priority), fields, verbs.ITEM_CREATE)


def add_measure(*, actor: Any, priority: Priority, **fields: Any) -> SuccessMeasure:
    require(actor, "learning.manage")
    return _create(actor, SuccessMeasure(priority=priority), fields, verbs.MEASURE_CREATE)


UPDATE_VERBS = {
    Plan: verbs.PLAN_UPDATE,
    Priority: verbs.PRIORITY_UPDATE,
    PlanItem: verbs.ITEM_UPDATE,
    SuccessMeasure: verbs.MEASURE_UPDATE,
}


def update(*, actor: Any, instance: Any, expected_version: int, **fields: Any) -> Any:
    """Edit a plan, priority, item or success measure if nobody saved it since the form opened."""
    require(actor, "learning.manage")
    _check(type(instance), fields)
    return audited_update(
        actor=actor,
        instance=instance,
        expected_version=expected_version,
        changes=fields,
        verb=UPDATE_VERBS[type(instance)],
    )


def add_progress(
    *,
    actor: Any,
    item: PlanItem,
    expected_version: int,
    rag: str,
    note: str,
    on: dt.date | None = None,
) -> ProgressUpdate:
    """A RAG-rated update; the item takes its latest rating (locked like an edit of the item)."""
    if not policies.can_report_progress(actor, item):
        raise PermissionDenied("Only the partnership or the item's lead agency report progress")
    with transaction.atomic():
        before = snapshot(PlanItem.objects.get(pk=item.pk))
        update = ProgressUpdate(
            item=item,
            rag=rag,
            note=note,
            on=on or dt.date.today(),
            author=user_of(actor),
        )
        update.full_clean()
        update.save()
        latest = item.updates.order_by("-on", "-pk").first()
        item.rag = latest.rag if latest else rag
        save_if_unchanged(item, expected_version, fields=["rag"])
        record_update(
            actor,
            item,
            verbs.ITEM_PROGRESS,
            before=before,
            after=snapshot(item),
            detail={"update": snapshot(update)},
        )
        return update
