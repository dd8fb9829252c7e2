"""Setting an indicator's target for a financial year, and an analyst's SPC change points
(audited, targets with optimistic locking)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from lineofsight.audit.models import AuditLog
from lineofsight.audit.services import record, snapshot
from lineofsight.indicators import catalogue
from lineofsight.lib.versioning import save_if_unchanged
from lineofsight.partnership.access import check_permission
from lineofsight.partnership.models import Partnership
from lineofsight.performance.models import ChangePoint, IndicatorTarget


def _user(actor: Any) -> Any:
    """The person to record as having set something (None for the system)."""
    return actor if getattr(actor, "is_authenticated", False) else None


def set_target(
    *,
    actor: Any,
    partnership: Partnership,
    indicator_id: str,
    financial_year: str,
    value: float,
    reason: str = "",
    expected_version: int | None = None,
) -> IndicatorTarget:
    """Create the year's target, or change it if ``expected_version`` is still the stored
    version.  Each year has its own target; setting one never changes another year's."""
    check_permission(actor, "performance.manage")
    catalogue.get(indicator_id)  # KeyError for an unknown indicator
    with transaction.atomic():
        target = IndicatorTarget.objects.filter(
            partnership=partnership, indicator_id=indicator_id, financial_year=financial_year
        ).first()
        before = snapshot(target)
        if target is None:
            target = IndicatorTarget(
                partnership=partnership, indicator_id=indicator_id, financial_year=financial_year
            )
        target.value, target.reason, target.set_by = value, reason, _user(actor)
        target.full_clean()
        if before is None:
            target.save()
        else:
            save_if_unchanged(
                target, expected_version or target.version, ["value", "reason", "set_by", "set_at"]
            )
        record(
            actor=actor,
            verb="indicator_target.set",
            action=AuditLog.Action.UPDATE if before else AuditLog.Action.CREATE,
            obj=target,
            before=before,
            after=snapshot(target),
        )
        return target


def set_change_point(
    *, actor: Any, partnership: Partnership, indicator_id: str, month: date, reason: str
) -> ChangePoint:
    """Recalculate the indicator's SPC limits from ``month`` (a known change in the process),
    with the reason.  Refused without a reason, or for a month already set."""
    check_permission(actor, "performance.manage")
    catalogue.get(indicator_id)
    if not reason.strip():
        raise ValidationError({"reason": "Say why the process changed in that month"})
    month = month.replace(day=1)
    with transaction.atomic():
        if ChangePoint.objects.filter(
            partnership=partnership, indicator_id=indicator_id, month=month
        ).exists():
            raise ValidationError({"month": f"Limits are already recalculated from {month:%B %Y}"})
        point = ChangePoint(
            partnership=partnership,
            indicator_id=indicator_id,
            month=month,
            reason=reason.strip(),
            set_by=_user(actor),
        )
        point.full_clean()
        point.save()
        record(
            actor=actor,
            verb="spc_change_point.set",
            action=AuditLog.Action.CREATE,
            obj=point,
            after=snapshot(point),
        )
        return point


def remove_change_point(*, actor: Any, point: ChangePoint) -> None:
    """Stop recalculating the limits from this point (audited, with what it was)."""
    check_permission(actor, "performance.manage")
    with transaction.atomic():
        before = snapshot(point)
        point.delete()
        record(
            actor=actor,
            verb="spc_change_point.remove",
            action=AuditLog.Action.DELETE,
            object_type="performance.ChangePoint",
            object_id=before["id"] if before else "",
            before=before,
        )
