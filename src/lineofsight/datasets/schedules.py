"""What is due: the return schedule (``ReturnDue``) and each scheduled return's status.

A scheduled return is *received* once an accepted submission of its format for its agency
arrives on or after its period's start; otherwise it is *late* after its due date, *due soon*
within ``DUE_SOON_DAYS`` of it, else *not yet due*.  The administrator edits the schedule on
Administration > Return schedule (``add_return_due``, audited).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from lineofsight.calendar import years
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


def for_agency(agency_id: int, today: dt.date | None = None) -> list[DueStatus]:
    """The agency's scheduled returns (aggregate: which return, when; no personal data)."""
    return statuses(ReturnDue.objects.filter(agency_id=agency_id), today)


def for_everyone(user: Any, today: dt.date | None = None) -> list[DueStatus]:
    check_permission(user, "partnership.manage")
    return statuses(ReturnDue.objects.all(), today)


def add_return_due(*, actor: Any, **fields: Any) -> ReturnDue:
    check_permission(actor, "partnership.manage")
    return audited_create(actor=actor, instance=ReturnDue(**fields), verb="return_due.create")


# The standard schedule (Administration > Return schedule > "Add a year's returns"; the demo).
# Partner returns are quarterly in the partnership's own year (``financial_year_start_month``),
# due by the end of the month after the quarter; the DfE's yearly returns (CIN census, SSDA903)
# cover April to March and are due when the DfE's collection closes, taken here as 31 July.
# Each counts only submissions made once its period has ended.  Ofsted's Annex A is asked for at
# an inspection, so it has no schedule.
QUARTERLY_DUE_MONTHS_AFTER = 1
YEARLY_DFE_RETURNS = ("cin_census", "ssda903")
YEARLY_DFE_DUE = (7, 31)  # (month, day) after the year ends on 31 March


@dataclass(frozen=True)
class Planned:
    """One return owed: its fields are ``ReturnDue``'s of the same names."""

    format: str
    period: str
    period_start: dt.date
    due_on: dt.date


def standard_year(start_year: int, start_month: int, formats: frozenset[str]) -> list[Planned]:
    """What an agency submitting ``formats`` owes for the partnership year starting in
    ``start_year`` (pure: the rule above, nothing stored)."""
    planned = []
    if "partner_return" in formats:
        for quarter in years.quarters(start_year, start_month):
            after = quarter.end + dt.timedelta(days=1)
            due = years.month_end_after(quarter.end, QUARTERLY_DUE_MONTHS_AFTER)
            planned.append(Planned("partner_return", quarter.label, after, due))
    dfe_year = years.year_starting(start_year, 4)
    for name in YEARLY_DFE_RETURNS:
        if name in formats:
            after = dfe_year.end + dt.timedelta(days=1)
            due = dt.date(after.year, *YEARLY_DFE_DUE)
            planned.append(Planned(name, dfe_year.label, after, due))
    return planned


def add_standard_year(*, actor: Any, partnership: Any, start_year: int) -> list[ReturnDue]:
    """Schedule every active agency's standard returns for the year starting in ``start_year``
    (audited, one row each): the returns it owes (``submitters.owed_formats``); what is already
    scheduled for a period is left as it is."""
    from lineofsight.datasets.submitters import owed_formats

    check_permission(actor, "partnership.manage")
    added = []
    with transaction.atomic():
        for agency in partnership.agencies.filter(retired_on__isnull=True).order_by("name"):
            for plan in standard_year(
                start_year, partnership.financial_year_start_month, owed_formats(agency)
            ):
                if ReturnDue.objects.filter(
                    agency=agency, format=plan.format, period=plan.period
                ).exists():
                    continue
                added.append(add_return_due(actor=actor, agency=agency, **asdict(plan)))
    return added
