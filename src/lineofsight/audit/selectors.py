from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q, QuerySet

from lineofsight.audit.models import AuditLog
from lineofsight.partnership.access import check_permission


def search_audit_log(
    user: Any,
    *,
    text: str = "",
    action: str = "",
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> QuerySet[AuditLog]:
    check_permission(user, "audit.view")
    rows = AuditLog.objects.all()
    if text:
        rows = rows.filter(
            Q(actor_label__icontains=text)
            | Q(verb__icontains=text)
            | Q(object_type__icontains=text)
            | Q(object_repr__icontains=text)
            | Q(object_id=text)
        )
    if action:
        rows = rows.filter(action=action)
    if date_from:
        rows = rows.filter(at__date__gte=date_from)
    if date_to:
        rows = rows.filter(at__date__lte=date_to)
    return rows
