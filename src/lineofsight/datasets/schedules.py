"""What is due: the return schedule (``ReturnDue``) and each scheduled return's status.

A scheduled return is *received* once an accepted submission of its format for its agency
arrives on or after its period's start; otherwise it is *late* after its due date, *due soon*
within ``DUE_SOON_DAYS`` of it, else *not yet due*.  The administrator edits the schedule on
Administration > Return schedule (``add_return_due``, audited).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from lineofsight.datasets.models import FORMAT_NAMES, ReturnDue, Submission
from lineofsight.lib.audited import audited_create
from lineofsight.partnership.access import check_permission

DUE_SOON_DAYS = 7


@dataclass(frozen=True)
class DueStatus:
    due: ReturnDue
    status: str  # "received", "late", "due soon", "not yet due"
    received_on: dt.date | None

    @property
    def name(self) -> str:
        return FORMAT_NAMES.get(self.due.format, self.due.format)

    @property
    def days_late(self) -> int:
        return max(0, (timezone.localdate() - self.due.due_on).days)


def statuses(
    rows: Any, today: dt.date | None = None, *, soon_days: int = DUE_SOON_DAYS
) -> list[DueStatus]:
    today = today or timezone.localdate()
    out = []
    for due in rows.select_related("agency"):
        accepted = (
            Submission.objects.filter(
                agency_id=due.agency_id,
                format=due.format,
                status=Submission.Status.ACCEPTED,
                submitted_at__date__gte=due.period_start,
            )
            .order_by("submitted_at")
            .values_list("submitted_at", flat=True)
            .first()
        )
        if accepted is not None:
            status = "received"
        elif due.due_on < today:
            status = "late"
        elif due.due_on <= today + dt.timedelta(days=soon_days):
            status = "due soon"
        else:
            status = "not yet due"
        out.append(DueStatus(due, status, timezone.localdate(accepted) if accepted else None))
    return out


def for_agency(agency_id: int | None, today: dt.date | None = None) -> list[DueStatus]:
    """The agency's scheduled returns (aggregate: which return, when; no personal data)."""
    return statuses(ReturnDue.objects.filter(agency_id=agency_id), today)


def for_everyone(user: Any, today: dt.date | None = None) -> list[DueStatus]:
    check_permission(user, "partnership.manage")
    return statuses(ReturnDue.objects.all(), today)


def add_return_due(*, actor: Any, **fields: Any) -> ReturnDue:
    check_permission(actor, "partnership.manage")
    return audited_create(actor=actor, instance=ReturnDue(**fields), verb="return_due.create")
