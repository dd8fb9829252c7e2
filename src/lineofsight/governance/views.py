"""Governance pages: the overview (attendance flags, overdue reports), groups with their members
and meetings, a meeting with attendance and decisions (-> actions through ``actions:raise``),
attendance rates by agency, the assurance register, inspections with findings, funding by year
and the procedures register.  Every list downloads as CSV or Excel (``lib.listing``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from functools import partial
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from lineofsight.actions.selectors import actions_for_source
from lineofsight.governance import policies, selectors, services
from lineofsight.governance.forms import (
    ContributionForm,
    FindingForm,
    FundingYearForm,
    GroupForm,
    InspectionForm,
    MeetingForm,
    MemberForm,
    ProcedureFilterForm,
    ProcedureForm,
    ReceiveForm,
    ReportFilterForm,
    ReportForm,
    SettingsForm,
    SpendingForm,
    YearFilterForm,
)
from lineofsight.governance.models import AssuranceReport as Report
from lineofsight.governance.models import Procedure
from lineofsight.lib.listing import Export, active_filters, list_response
from lineofsight.lib.pages import (
    Records,
    allowed_page,
    download_page,
    filtered_list,
    form_view,
    initial_of,
    new_record_form,
    page_view,
    record_form,
    record_page,
    return_form,
    rows_page,
    saving,
    with_partnership,
)
from lineofsight.partnership.models import Partnership
from lineofsight.reviews.selectors import reviews_for

CAPTION = "Governance"


def _partnership(request: HttpRequest) -> Partnership:
    agency = getattr(request.user, "agency", None)
    if agency is None:
        raise PermissionDenied("governance.view")
    return agency.partnership


def _governance(find: Any, name: str, listed: str) -> Records:
    """A kind of governance record: every form page captioned "Governance", a new one in the
    signed-in person's partnership."""
    return Records(find, name, policies.allowed, CAPTION, CAPTION, listed, _partnership)


GROUPS = _governance(selectors.managed_group, "group", "governance:groups")
REPORTS = _governance(selectors.report_for, "report", "governance:reports")
INSPECTIONS = _governance(selectors.inspection_for, "inspection", "governance:inspections")
FUNDING_YEARS = _governance(selectors.managed_funding_year, "year", "governance:funding")
PROCEDURES = _governance(selectors.procedure_for, "procedure", "governance:procedures")


def _actions(record: Any) -> list[Any]:
    return list(actions_for_source(record))


def _current_year(request: HttpRequest) -> int:
    return selectors.financial_year_of(_partnership(request), timezone.localdate())


def _years(request: HttpRequest) -> list[int]:
    current = _current_year(request)
    return list(range(current, current - 6, -1))


# ---- overview and settings ----


@page_view("governance.view")
def home(request: HttpRequest) -> HttpResponse:
    partnership = _partnership(request)
    return allowed_page(
        request,
        "governance/home.html",
        policies.allowed,
        flags=selectors.needs_attention(partnership),
        overdue=selectors.overdue_reports(partnership),
        overdue_procedures=selectors.overdue_procedures(partnership),
        settings=selectors.settings_of(partnership),
    )


@form_view("governance.manage")
def settings_page(request: HttpRequest) -> HttpResponse:
    partnership = _partnership(request)
    current = selectors.settings_of(partnership)
    initial = initial_of(current, ("consecutive_misses", "assurance_scale"))
    form = SettingsForm(request.POST or None, initial=initial)
    return return_form(
        request,
        form,
        saving(request, services.update_settings, partnership=partnership, versioned=True),
        message="Governance settings saved",
        back="governance:home",
        caption=CAPTION,
        title="Governance settings",
        intro="When a member agency's attendance needs attention, and the scale the board "
        "grades the assurance it takes from reports on.",
    )


# ---- groups ----

GROUP_HEADER = ["Group", "Kind", "Member seats", "Meetings recorded"]


def _group_row(g: Any) -> list[Any]:
    return [
        g.name,
        g.get_kind_display(),
        getattr(g, "member_count", 0),
        getattr(g, "meeting_count", 0),
    ]


@page_view("governance.view")
def groups(request: HttpRequest) -> HttpResponse:
    return rows_page(
        request,
        "governance/groups.html",
        list(selectors.groups_for(request.user)),
        export=("governance-groups", GROUP_HEADER, _group_row),
        allowed=policies.allowed(request.user),
    )


create_group = GROUPS.new(
    "governance.manage",
    GroupForm,
    services.create_group,
    message=lambda saved: f"{saved} added",
    title="Add a group",
    submit="Add the group",
)


@page_view("governance.view")
def group(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.group_for(request.user, pk)
    year = _current_year(request)
    return record_page(
        request,
        "governance/group.html",
        policies.allowed,
        group=found,
        members=found.memberships.select_related("agency"),
        meetings=selectors.meetings_for(request.user, group=found.pk)[:12],
        attendance=selectors.attendance_for(request.user, year=year, group=found.pk),
        year_label=selectors.year_name(found.partnership, year),
    )


add_member = GROUPS.form(
    "governance.manage",
    with_partnership(MemberForm),
    services.add_member,
    message=lambda saved: f"{saved.agency} added to {saved.group}",
    title=lambda group: f"Add a member to the {group}",
    submit="Add the member",
)


@form_view("governance.manage")
def remove_member(request: HttpRequest, pk: int, member: int) -> HttpResponse:
    found = selectors.managed_group(request.user, pk)
    seat = selectors.member_for(request.user, found, member)
    if request.method == "POST":
        services.remove_member(actor=request.user, member=seat)
        messages.success(request, f"{seat.agency} ({seat.role}) removed from {found}")
        return redirect(found)
    return render(request, "governance/remove_member.html", {"group": found, "member": seat})


@form_view("governance.manage")
def create_meeting(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.managed_group(request.user, pk)
    members = services.member_agencies(found)
    if not members:
        messages.info(request, "Add the group's member agencies before recording a meeting")
        return redirect(found)
    form = MeetingForm(request.POST or None, members=members)
    return new_record_form(
        request,
        form,
        lambda data, _v: services.create_meeting(
            actor=request.user, group=found, **form.meeting_data()
        ),
        message=lambda saved: f"Meeting recorded: {saved}",
        title=f"Record a meeting of the {found}",
        intro="Attendance for each member agency, then the agenda and what was decided.",
        back_url=found.get_absolute_url(),
        caption=CAPTION,
        submit="Record the meeting",
    )


# ---- meetings and attendance ----

MEETING_HEADER = ["Group", "Date", "Agencies attending", "Agencies expected", "Decisions"]


def _meeting_row(m: Any) -> list[Any]:
    marks = list(m.attendance.all())
    attended = sum(1 for a in marks if a.attended)
    return [m.group.name, m.held_on, attended, len(marks), getattr(m, "decision_count", 0)]


@page_view("governance.view")
def meetings(request: HttpRequest) -> HttpResponse:
    form = YearFilterForm(
        request.GET or None, years=_years(request), partnership=_partnership(request)
    )
    return filtered_list(
        request,
        "governance/meetings.html",
        form=form,
        selector=selectors.meetings_for,
        export=("governance-meetings", MEETING_HEADER, _meeting_row),
    )


@page_view("governance.view")
def meeting(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.meeting_for(request.user, pk)
    return record_page(
        request,
        "governance/meeting.html",
        policies.allowed,
        meeting=found,
        attendance=found.attendance.all(),
        agenda=found.agenda.all(),
        decisions=[
            {"decision": d, "actions": list(actions_for_source(d))} for d in found.decisions.all()
        ],
    )


ATTENDANCE_HEADER = [
    "Group",
    "Agency",
    "Statutory partner",
    "Meetings expected",
    "Meetings attended",
    "Attendance rate (%)",
    "Missed in a row (latest)",
    "Needs attention",
]


@page_view("governance.view")
def attendance_page(request: HttpRequest) -> HttpResponse:
    form = YearFilterForm(
        request.GET or None,
        years=_years(request),
        partnership=_partnership(request),
        any_year=False,
    )
    filters = active_filters(form)
    year = filters.get("year") or _current_year(request)
    rows = selectors.attendance_for(request.user, year=year, group=filters.get("group"))
    year_label = selectors.year_name(_partnership(request), year)
    return list_response(
        request,
        "governance/attendance.html",
        form=form,
        rows=rows,
        export=Export(
            f"attendance-{year_label}",
            ATTENDANCE_HEADER,
            lambda: [
                [
                    r.group.name,
                    r.agency.name,
                    "Yes" if r.statutory else "No",
                    r.record.expected,
                    r.record.attended,
                    r.record.rate if r.record.rate is not None else "",
                    r.missed_in_a_row,
                    "Yes" if r.needs_attention else "No",
                ]
                for r in rows
            ],
        ),
        per_page=None,
        context={
            "rows": rows,
            "year_label": year_label,
            "threshold": selectors.settings_of(_partnership(request)).consecutive_misses,
        },
    )


# ---- the assurance register ----

REPORT_HEADER = [
    "Title",
    "Kind",
    "Agency",
    "Received by",
    "Due",
    "Received",
    "Overdue",
    "Assurance",
    "Questions raised",
]


def _report_row(r: Any, today: dt.date) -> list[Any]:
    return [
        r.title,
        r.get_kind_display(),
        r.agency.name,
        r.group.name,
        r.due_on,
        r.received_on or "",
        "Yes" if r.is_overdue(today) else "No",
        r.grade,
        r.questions,
    ]


@page_view("governance.view")
def reports(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    return filtered_list(
        request,
        "governance/reports.html",
        form=ReportFilterForm(request.GET or None),
        selector=selectors.reports_for,
        export=("assurance-register", REPORT_HEADER, partial(_report_row, today=today)),
        today=today,
        allowed=policies.allowed(request.user),
    )


def _grades(partnership: Partnership) -> Any:
    return selectors.settings_of(partnership).grades()


create_report = REPORTS.new(
    "governance.manage",
    lambda data, partnership: ReportForm(
        data, partnership=partnership, grades=_grades(partnership)
    ),
    services.create_report,
    message=lambda saved: f"Added to the register: {saved}",
    title="Add a report to the assurance register",
    intro="A report the board or one of its groups has asked for. Record it when it is "
    "received and grade the assurance it gives once the board has discussed it.",
    submit="Add the report",
)
report = REPORTS.page(
    "governance.view", "governance/report.html", overdue=Report.is_overdue, actions=_actions
)


def _receive_form(data: Any, found: Report) -> ReceiveForm:
    received_on = found.received_on or timezone.localdate()
    initial = {**initial_of(found, ("grade", "questions")), "received_on": received_on}
    return ReceiveForm(data, grades=_grades(found.partnership), initial=initial)


receive_report = REPORTS.form(
    "governance.manage",
    _receive_form,
    services.receive_report,
    find=selectors.managed_report,
    versioned=True,
    message=lambda saved: f"Saved: {saved}",
    title=lambda found: f"Record {found} as received",
)


# ---- inspections ----

FINDING_HEADER = ["Inspection", "Kind", "Date", "Finding", "Kind of finding", "Themes", "Progress"]


def _finding_row(f: Any, progress: Any) -> list[Any]:
    inspection = f.inspection
    return [
        inspection.title,
        inspection.get_kind_display(),
        inspection.reported_on or inspection.started_on,
        f.text,
        f.get_kind_display(),
        "; ".join(t.name for t in f.themes.all()),
        progress.words,
    ]


@page_view("governance.view")
def inspections(request: HttpRequest) -> HttpResponse:
    findings = Export(
        "inspection-findings",
        FINDING_HEADER,
        lambda: [_finding_row(f, p) for f, p in selectors.finding_rows(request.user)],
    )
    return download_page(
        request,
        "governance/inspections.html",
        findings,
        rows=list(selectors.inspections_for(request.user)),
        allowed=policies.allowed(request.user),
    )


create_inspection = INSPECTIONS.new(
    "governance.manage",
    InspectionForm,
    services.create_inspection,
    message=lambda saved: f"Recorded: {saved}",
    title="Record an inspection or review",
    submit="Record it",
)
inspection = INSPECTIONS.page(
    "governance.view", "governance/inspection.html", findings=selectors.findings_with_progress
)
add_finding = INSPECTIONS.form(
    "governance.manage",
    FindingForm,
    services.add_finding,
    message=lambda saved: f"Finding {saved.number} added",
    title="Add a finding",
    submit="Add the finding",
)


# ---- funding ----

FUNDING_HEADER = [
    "Financial year",
    "Brought forward (£)",
    "Contributions (£)",
    "In kind (£)",
    "Spent (£)",
    "Balance (£)",
]
YEAR_HEADER = ["Line", "Partner or area", "Money (£)", "In kind (£)", "In kind: what"]


def _summary_row(s: Any) -> list[Any]:
    return [s.year.label, s.year.brought_forward, s.money, s.in_kind, s.spent, s.balance]


@page_view("governance.view")
def funding(request: HttpRequest) -> HttpResponse:
    summaries = [selectors.summary_of(y) for y in selectors.funding_years_for(request.user)]
    return download_page(
        request,
        "governance/funding.html",
        Export("partnership-funding", FUNDING_HEADER, lambda: [_summary_row(s) for s in summaries]),
        summaries=summaries,
        allowed=policies.allowed(request.user),
    )


set_funding_year = FUNDING_YEARS.new(
    "governance.manage",
    lambda data, partnership: FundingYearForm(
        data, initial={"year": selectors.financial_year_of(partnership, timezone.localdate())}
    ),
    services.set_funding_year,
    message=lambda saved: f"{saved} saved",
    title="Set up a year's budget",
    intro="Entering a year again changes its balance brought forward.",
)


@page_view("governance.view")
def funding_year(request: HttpRequest, year: int) -> HttpResponse:
    summary = selectors.funding_for(request.user, year)

    def export() -> Iterable[list[Any]]:
        yield ["Brought forward", "", summary.year.brought_forward, "", ""]
        for c in summary.contributions:
            yield ["Contribution", c.agency.name, c.money, c.in_kind, c.in_kind_description]
        for s in summary.spending:
            yield ["Spending", s.get_area_display(), s.amount, "", ""]
        yield ["Balance carried forward", "", summary.balance, "", ""]

    return download_page(
        request,
        "governance/funding_year.html",
        Export(f"budget-{summary.year.label}", YEAR_HEADER, export),
        summary=summary,
        allowed=policies.allowed(request.user, summary.year),
    )


@form_view("governance.manage")
def set_contribution(request: HttpRequest, year: int) -> HttpResponse:
    found = FUNDING_YEARS.found(request, year)
    return record_form(
        request,
        found,
        ContributionForm(request.POST or None, partnership=found.partnership),
        lambda data, _v: services.set_contribution(
            actor=request.user,
            year=found,
            agency=data["agency"],
            money=data["money"],
            in_kind=data.get("in_kind") or Decimal(0),
            in_kind_description=data.get("in_kind_description") or "",
        ),
        message=lambda saved: f"{saved.agency}'s contribution saved",
        title=f"Record a partner's contribution, {found.label}",
        caption=CAPTION,
        intro="Entering a partner again replaces its contribution for the year.",
    )


set_spending = FUNDING_YEARS.form(
    "governance.manage",
    SpendingForm,
    services.set_spending,
    message=lambda saved: f"Spending on {saved.get_area_display()} saved",
    title=lambda found: f"Record spending, {found.label}",
    intro="Entering an area again replaces its spending for the year.",
)


# ---- procedures ----

PROCEDURE_HEADER = [
    "Procedure",
    "Owner",
    "Owner's role",
    "Last reviewed",
    "Next review due",
    "Overdue",
    "Learning themes",
    "Prompted by case reviews",
]


def _reviews(request: HttpRequest) -> Any:
    return reviews_for(request.user).filter(partnership=_partnership(request))


def _procedure_row(p: Any, today: dt.date) -> list[Any]:
    return [
        p.title,
        p.owner_agency.name,
        p.owner_role,
        p.last_reviewed_on,
        p.next_review_on,
        "Yes" if p.is_overdue(today) else "No",
        "; ".join(t.name for t in p.themes.all()),
        "; ".join(r.reference for r in p.prompted_by.all()),
    ]


@page_view("governance.view")
def procedures(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    return filtered_list(
        request,
        "governance/procedures.html",
        form=ProcedureFilterForm(request.GET or None),
        selector=partial(selectors.procedures_for, today=today),
        export=("procedures-register", PROCEDURE_HEADER, partial(_procedure_row, today=today)),
        today=today,
        allowed=policies.allowed(request.user),
    )


@form_view("governance.manage")
def create_procedure(request: HttpRequest) -> HttpResponse:
    partnership = _partnership(request)
    return new_record_form(
        request,
        ProcedureForm(request.POST or None, partnership=partnership, reviews=_reviews(request)),
        saving(request, services.create_procedure, partnership=partnership),
        message=lambda saved: f"Added to the register: {saved}",
        title="Add a multi-agency procedure",
        back_url=reverse("governance:procedures"),
        caption=CAPTION,
        submit="Add the procedure",
    )


procedure = PROCEDURES.page(
    "governance.view", "governance/procedure.html", overdue=Procedure.is_overdue
)


@form_view("governance.manage")
def review_procedure(request: HttpRequest, pk: int) -> HttpResponse:
    found = PROCEDURES.found(request, pk)
    form = ProcedureForm(
        request.POST or None,
        reviews=_reviews(request),
        review_only=True,
        initial=initial_of(
            found, ("last_reviewed_on", "next_review_on", "changes"), many=["themes", "prompted_by"]
        ),
    )
    return record_form(
        request,
        found,
        form,
        lambda data, version: services.review_procedure(
            actor=request.user, procedure=found, expected_version=version or found.version, **data
        ),
        message=lambda saved: f"Review recorded: {saved}",
        title=f"Record a review of {found}",
        caption=CAPTION,
    )
