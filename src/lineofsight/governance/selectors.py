"""Reads of partnership governance, scoped to the user's partnership (``governance.view``).

Nothing here is a child-level record, so reads are not audited.  The figures the board home
page, the lists and the annual report share are computed here once: attendance by agency
(``attendance.records``), overdue assurance reports, funding totals and procedures overdue for
review.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from lineofsight.actions.selectors import actions_for_source, theme_finder
from lineofsight.calendar import years
from lineofsight.governance import attendance, policies
from lineofsight.governance.models import (
    AssuranceReport,
    Attendance,
    Decision,
    FundingYear,
    GovernanceSettings,
    Group,
    Inspection,
    InspectionFinding,
    Meeting,
    Membership,
    Procedure,
    is_statutory,
)
from lineofsight.partnership.models import Agency, Partnership
from lineofsight.partnership.selectors import settings_row


def _one(rows: QuerySet[Any], pk: int, what: str) -> Any:
    found = rows.filter(pk=pk).first()
    if found is None:
        raise Http404(f"No such {what}")
    return found


def _managed_part(model: type[Any], holder: str, user: Any, pk: int) -> Any:
    """A part (a decision, a finding) of a record (``holder``, the path to it) of the partnership
    ``user`` manages, with the record and its partnership selected (else a 404)."""
    rows = model.objects.filter(**{f"{holder}__partnership_id": policies.can_manage.scope(user)})
    return get_object_or_404(rows.select_related(f"{holder}__partnership"), pk=pk)


def settings_of(partnership: Partnership) -> GovernanceSettings:
    """The partnership's settings (the defaults, unsaved, until someone changes them)."""
    return settings_row(GovernanceSettings, partnership)


def financial_year_of(partnership: Partnership, day: dt.date) -> int:
    """The partnership's own year holding ``day`` (``calendar.years``), by its start year."""
    return years.start_year_of(day, partnership.financial_year_start_month)


def year_bounds(partnership: Partnership, year: int) -> tuple[dt.date, dt.date]:
    span = years.year_starting(year, partnership.financial_year_start_month)
    return span.start, span.end


def year_name(partnership: Partnership, year: int) -> str:
    """ "2020-21" (or "2020" for a year starting in January)."""
    return years.year_label(year, partnership.financial_year_start_month)


# ---- groups, meetings, attendance ----


def groups_for(user: Any) -> QuerySet[Group]:
    return Group.objects.filter(partnership_id=policies.can_view.scope(user)).annotate(
        meeting_count=Count("meetings", distinct=True),
        member_count=Count("memberships", distinct=True),
    )


def group_for(user: Any, pk: int) -> Group:
    return _one(groups_for(user), pk, "group")


def managed_group(user: Any, pk: int) -> Group:
    return _one(Group.objects.filter(partnership_id=policies.can_manage.scope(user)), pk, "group")


def member_for(user: Any, group: Group, pk: int) -> Membership:
    found = group.memberships.filter(pk=pk).select_related("agency", "group").first()
    if found is None or not policies.can_manage(user, group):
        raise Http404("No such member")
    return found


def meetings_for(
    user: Any, *, group: int | None = None, year: int | None = None
) -> QuerySet[Meeting]:
    rows = Meeting.objects.filter(
        group__partnership_id=policies.can_view.scope(user)
    ).select_related("group")
    if group:
        rows = rows.filter(group_id=group)
    if year:
        start, end = year_bounds(user.agency.partnership, year)
        rows = rows.filter(held_on__gte=start, held_on__lte=end)
    return (
        rows.annotate(
            decision_count=Count("decisions", distinct=True),
            present=Count("attendance", distinct=True),
        )
        .prefetch_related(
            Prefetch("attendance", queryset=Attendance.objects.select_related("agency"))
        )
        .order_by("-held_on", "-pk")
    )


def meeting_for(user: Any, pk: int) -> Meeting:
    return _one(meetings_for(user), pk, "meeting")


def decision_for(user: Any, pk: int) -> Decision:
    return _managed_part(Decision, "meeting__group", user, pk)


@dataclass(frozen=True)
class AttendanceRow:
    """One agency's attendance at one group's meetings."""

    group: Group
    agency: Agency
    record: attendance.AgencyRecord[int]  # over the period asked for
    missed_in_a_row: int  # over every meeting of the group, to the latest
    needs_attention: bool
    statutory: bool


def _watched(group: Group) -> set[int]:
    return {m.agency_id for m in group.memberships.all() if m.attendance_required}


def attendance_rows(
    partnership: Partnership,
    *,
    year: int | None = None,
    group: int | None = None,
) -> list[AttendanceRow]:
    """Every (group, agency) with its attendance rate over ``year`` (all years when ``None``)
    and its "needs attention" flag (from the group's latest meetings, whatever the year)."""
    threshold = settings_of(partnership).consecutive_misses
    groups = Group.objects.filter(partnership=partnership).prefetch_related("memberships")
    if group:
        groups = groups.filter(pk=group)
    bounds = year_bounds(partnership, year) if year else None
    rows: list[AttendanceRow] = []
    agencies = {a.pk: a for a in partnership.agencies.all()}
    marks = Attendance.objects.filter(meeting__group__partnership=partnership).values_list(
        "meeting__group_id", "meeting_id", "meeting__held_on", "agency_id", "status"
    )
    by_group: dict[int, dict[int, tuple[dt.date, dict[int, bool]]]] = {}
    for group_id, meeting_id, held_on, agency_id, status in marks:
        meeting = by_group.setdefault(group_id, {}).setdefault(meeting_id, (held_on, {}))
        meeting[1][agency_id] = status in Attendance.ATTENDED
    for found in groups:
        meetings: list[attendance.MeetingAttendance[int]] = [
            attendance.MeetingAttendance(held_on, marks_of)
            for held_on, marks_of in by_group.get(found.pk, {}).values()
        ]
        watched = _watched(found) | {
            pk for m in meetings for pk in m.attended if is_statutory(agencies[pk])
        }
        overall = attendance.records(meetings, watched=watched, threshold=threshold)
        in_period = (
            [m for m in meetings if bounds[0] <= m.held_on <= bounds[1]] if bounds else meetings
        )
        period = attendance.records(in_period, watched=watched, threshold=threshold)
        for agency_id, record in sorted(period.items(), key=lambda i: agencies[i[0]].name):
            whole = overall[agency_id]
            rows.append(
                AttendanceRow(
                    group=found,
                    agency=agencies[agency_id],
                    record=record,
                    missed_in_a_row=whole.missed_in_a_row,
                    needs_attention=whole.needs_attention,
                    statutory=is_statutory(agencies[agency_id]),
                )
            )
        if bounds:  # an agency flagged now but not expected in the period still shows
            for agency_id, whole in overall.items():
                if whole.needs_attention and agency_id not in period:
                    rows.append(
                        AttendanceRow(
                            found,
                            agencies[agency_id],
                            attendance.AgencyRecord(agency_id, 0, 0, 0, None, False),
                            whole.missed_in_a_row,
                            True,
                            is_statutory(agencies[agency_id]),
                        )
                    )
    return rows


def attendance_for(
    user: Any, *, year: int | None = None, group: int | None = None
) -> list[AttendanceRow]:
    policies.can_view.scope(user)
    return attendance_rows(user.agency.partnership, year=year, group=group)


def needs_attention(partnership: Partnership) -> list[AttendanceRow]:
    return [r for r in attendance_rows(partnership) if r.needs_attention]


# ---- the assurance register ----


def reports_for(
    user: Any, *, status: str = "", kind: str = "", today: dt.date | None = None
) -> QuerySet[AssuranceReport]:
    """``status``: "overdue" (due, not received), "awaited" (not received), "received",
    "ungraded" (received, not graded) or "" (all)."""
    today = today or timezone.localdate()
    rows = AssuranceReport.objects.filter(
        partnership_id=policies.can_view.scope(user)
    ).select_related("agency", "group")
    if status == "overdue":
        rows = rows.filter(received_on__isnull=True, due_on__lt=today)
    elif status == "awaited":
        rows = rows.filter(received_on__isnull=True)
    elif status == "received":
        rows = rows.filter(received_on__isnull=False)
    elif status == "ungraded":
        rows = rows.filter(received_on__isnull=False, grade="")
    if kind:
        rows = rows.filter(kind=kind)
    return rows


def report_for(user: Any, pk: int) -> AssuranceReport:
    return _one(reports_for(user), pk, "assurance report")


def managed_report(user: Any, pk: int) -> AssuranceReport:
    rows = AssuranceReport.objects.filter(partnership_id=policies.can_manage.scope(user))
    return _one(rows.select_related("partnership", "agency", "group"), pk, "assurance report")


def overdue_reports(
    partnership: Partnership, today: dt.date | None = None
) -> QuerySet[AssuranceReport]:
    today = today or timezone.localdate()
    return (
        AssuranceReport.objects.filter(
            partnership=partnership, received_on__isnull=True, due_on__lt=today
        )
        .select_related("agency", "group")
        .order_by("due_on", "pk")
    )


def reports_in(partnership: Partnership, start: dt.date, end: dt.date) -> QuerySet[AssuranceReport]:
    """Reports due in the period (received or not), for the annual report."""
    return (
        AssuranceReport.objects.filter(partnership=partnership, due_on__gte=start, due_on__lte=end)
        .select_related("agency", "group")
        .order_by("due_on", "pk")
    )


# ---- inspections ----


def inspections_for(user: Any) -> QuerySet[Inspection]:
    return Inspection.objects.filter(partnership_id=policies.can_view.scope(user)).annotate(
        finding_count=Count("findings")
    )


def inspection_for(user: Any, pk: int) -> Inspection:
    return _one(inspections_for(user), pk, "inspection")


def finding_for(user: Any, pk: int) -> InspectionFinding:
    return _managed_part(InspectionFinding, "inspection", user, pk)


@dataclass
class Progress:
    """The actions a record raised, by where they stand."""

    actions: list[Any] = field(default_factory=list)
    today: dt.date = field(default_factory=timezone.localdate)

    @property
    def total(self) -> int:
        return len(self.actions)

    @property
    def finished(self) -> int:
        return sum(1 for a in self.actions if not a.is_active)

    @property
    def overdue(self) -> int:
        return sum(1 for a in self.actions if a.is_overdue(self.today))

    @property
    def words(self) -> str:
        if not self.actions:
            return "No actions raised"
        text = f"{self.finished} of {self.total} actions completed"
        return text + (f", {self.overdue} overdue" if self.overdue else "")


def progress_of(record: Any) -> Progress:
    return Progress(list(actions_for_source(record)))


def findings_with_progress(inspection: Inspection) -> list[tuple[InspectionFinding, Progress]]:
    return [
        (finding, progress_of(finding))
        for finding in inspection.findings.prefetch_related("themes")
    ]


def finding_rows(user: Any) -> list[tuple[InspectionFinding, Progress]]:
    findings = (
        InspectionFinding.objects.filter(inspection__partnership_id=policies.can_view.scope(user))
        .select_related("inspection")
        .prefetch_related("themes")
    )
    return [(f, progress_of(f)) for f in findings.order_by("-inspection__started_on", "number")]


# ---- funding ----


@dataclass(frozen=True)
class FundingSummary:
    year: FundingYear
    contributions: list[Any]
    spending: list[Any]

    @property
    def money(self) -> Decimal:
        return sum((c.money for c in self.contributions), Decimal(0))

    @property
    def in_kind(self) -> Decimal:
        return sum((c.in_kind for c in self.contributions), Decimal(0))

    @property
    def spent(self) -> Decimal:
        return sum((s.amount for s in self.spending), Decimal(0))

    @property
    def available(self) -> Decimal:
        return self.year.brought_forward + self.money

    @property
    def balance(self) -> Decimal:
        """Carried forward: brought forward plus money contributed, less spending (in-kind
        contributions are given, not banked)."""
        return self.available - self.spent

    def share(self, amount: Decimal) -> Decimal | None:
        if not self.money:
            return None
        return (amount * 100 / self.money).quantize(Decimal("0.1"))


def funding_years_for(user: Any) -> QuerySet[FundingYear]:
    return FundingYear.objects.filter(partnership_id=policies.can_view.scope(user))


def summary_of(year: FundingYear) -> FundingSummary:
    return FundingSummary(
        year,
        list(year.contributions.select_related("agency")),
        list(year.spending.all()),
    )


def funding_for(user: Any, year: int) -> FundingSummary:
    found = funding_years_for(user).filter(year=year).first()
    if found is None:
        raise Http404("No budget recorded for that year")
    return summary_of(found)


def funding_of(partnership: Partnership, year: int) -> FundingSummary | None:
    found = FundingYear.objects.filter(partnership=partnership, year=year).first()
    return summary_of(found) if found else None


def managed_funding_year(user: Any, year: int) -> FundingYear:
    found = FundingYear.objects.filter(
        partnership_id=policies.can_manage.scope(user), year=year
    ).first()
    if found is None:
        raise Http404("No budget recorded for that year")
    return found


# ---- procedures ----


def procedures_for(
    user: Any, *, status: str = "", today: dt.date | None = None
) -> QuerySet[Procedure]:
    """``status``: "overdue" (review date passed) or "" (all)."""
    rows = (
        Procedure.objects.filter(partnership_id=policies.can_view.scope(user))
        .select_related("owner_agency")
        .prefetch_related("themes", "prompted_by")
    )
    if status == "overdue":
        rows = rows.filter(next_review_on__lt=today or timezone.localdate())
    return rows


def procedure_for(user: Any, pk: int) -> Procedure:
    return _one(procedures_for(user), pk, "procedure")


def overdue_procedures(
    partnership: Partnership, today: dt.date | None = None
) -> QuerySet[Procedure]:
    return Procedure.objects.filter(
        partnership=partnership, next_review_on__lt=today or timezone.localdate()
    )


# ---- learning themes ----


# Inspection findings and multi-agency procedures tagged with a theme (for the themes page).
finding_occurrences = theme_finder(
    InspectionFinding,
    "inspection_finding",
    related="inspection",
    year=lambda f: (f.inspection.reported_on or f.inspection.started_on).year,
    title=lambda f: f"{f.inspection.title}: finding {f.number}",
)
procedure_occurrences = theme_finder(
    Procedure,
    "procedure",
    year=lambda procedure: procedure.last_reviewed_on.year,
    title=lambda procedure: procedure.title,
)
