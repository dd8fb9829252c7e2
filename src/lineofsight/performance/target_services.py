"""Setting an indicator's target (audited, with optimistic locking)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from lineofsight.audit.models import AuditLog
from lineofsight.audit.services import record, snapshot
from lineofsight.indicators import catalogue
from lineofsight.lib.versioning import save_if_unchanged
from lineofsight.partnership.access import check_permission
from lineofsight.partnership.models import Partnership
from lineofsight.performance.models import IndicatorTarget


def set_target(
    *,
    actor: Any,
    partnership: Partnership,
    indicator_id: str,
    value: float,
    reason: str = "",
    expected_version: int | None = None,
) -> IndicatorTarget:
    """Create the target, or change it if ``expected_version`` is still the stored version."""
    check_permission(actor, "performance.manage")
    catalogue.get(indicator_id)  # KeyError for an unknown indicator
    with transaction.atomic():
        target = IndicatorTarget.objects.filter(
            partnership=partnership, indicator_id=indicator_id
        ).first()
        before = snapshot(target)
        if target is None:
            target = IndicatorTarget(partnership=partnership, indicator_id=indicator_id)
            target.value, target.reason = value, reason
            target.full_clean()
            target.save()
        else:
            target.value, target.reason = value, reason
            target.full_clean()
            save_if_unchanged(target, expected_version or target.version, ["value", "reason"])
        record(
            actor=actor,
            verb="indicator_target.set",
            action=AuditLog.Action.UPDATE if before else AuditLog.Action.CREATE,
            obj=target,
            before=before,
            after=snapshot(target),
        )
        return target
