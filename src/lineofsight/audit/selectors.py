from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q, QuerySet

from lineofsight.audit.models import AuditLog
from lineofsight.lib.filters import filtered
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
    return filtered(rows, action=action, at__date__gte=date_from, at__date__lte=date_to)
