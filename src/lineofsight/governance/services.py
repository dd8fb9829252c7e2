"""Writes to partnership governance (the partnership administrator), each audited in the same
transaction (``lib.audited``).  The demo and the command line pass ``partnership.actors.SYSTEM``;
``None`` is refused.

Decisions, assurance reports and inspection findings become actions through
``actions.services.raise_action`` (sources registered in ``action_sources.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from lineofsight.actions.services import ThemeRef, set_themes
from lineofsight.audit.models import AuditLog
from lineofsight.audit.services import record, snapshot, snapshot_with
from lineofsight.governance import policies, verbs
from lineofsight.governance.models import (
    AgendaItem,
    AssuranceReport,
    Attendance,
    Contribution,
    Decision,
    FundingYear,
    GovernanceSettings,
    Group,
    Inspection,
    InspectionFinding,
    Meeting,
    Membership,
    Procedure,
    Spending,
    is_statutory,
)
from lineofsight.governance.selectors import settings_of
from lineofsight.lib.audited import (
    audited_create,
    audited_replace,
    audited_save,
    audited_update,
)
from lineofsight.lib.numbering import next_number
from lineofsight.partnership.models import Agency, Partnership


def _check(actor: Any, record: Any) -> None:
    if not policies.can_manage(actor, record):
        raise PermissionDenied("governance.manage")


def _same_partnership(partnership: Partnership, *agencies: Agency | None) -> None:
    for agency in agencies:
        if agency is not None and agency.partnership_id != partnership.pk:
            raise ValidationError({"agency": f"{agency} is not an agency of this partnership"})


def update_settings(
    *,
    actor: Any,
    partnership: Partnership,
    consecutive_misses: int,
    assurance_scale: str,
    expected_version: int | None = None,
) -> GovernanceSettings:
    current = settings_of(partnership)
    _check(actor, current)
    scale = "\n".join(line.strip() for line in assurance_scale.splitlines() if line.strip())
    return audited_save(
        actor=actor,
        record=current,
        changes={"consecutive_misses": consecutive_misses, "assurance_scale": scale},
        verb=verbs.SETTINGS_UPDATE,
        expected_version=expected_version,
    )


# ---- groups and meetings ----


def create_group(
    *, actor: Any, partnership: Partnership, name: str, kind: str, purpose: str = ""
) -> Group:
    group = Group(partnership=partnership, name=name.strip(), kind=kind, purpose=purpose.strip())
    _check(actor, group)
    if Group.objects.filter(partnership=partnership, name__iexact=group.name).exists():
        raise ValidationError({"name": "A group with this name already exists"})
    return audited_create(actor=actor, instance=group, verb=verbs.GROUP_CREATE)


def add_member(
    *, actor: Any, group: Group, agency: Agency, role: str, attendance_required: bool = False
) -> Membership:
    """A seat on ``group`` for ``agency``; a statutory partner's attendance is always watched."""
    _check(actor, group)
    _same_partnership(group.partnership, agency)
    member = Membership(
        group=group,
        agency=agency,
        role=role.strip(),
        attendance_required=attendance_required or is_statutory(agency),
    )
    if Membership.objects.filter(group=group, agency=agency, role__iexact=member.role).exists():
        raise ValidationError({"role": f"{agency} already holds this role on the group"})
    return audited_create(actor=actor, instance=member, verb=verbs.MEMBER_ADD)


def remove_member(*, actor: Any, member: Membership) -> None:
    """The seat ends; meetings already recorded keep the agency's attendance."""
    _check(actor, member.group)
    with transaction.atomic():
        before = snapshot(member)
        pk = member.pk
        member.delete()
        record(
            actor=actor,
            verb=verbs.MEMBER_REMOVE,
            action=AuditLog.Action.DELETE,
            object_type="governance.membership",
            object_id=pk,
            before=before,
        )


def member_agencies(group: Group) -> list[Agency]:
    """The agencies with a seat on ``group``, by name (an agency with two seats once)."""
    seen: dict[int, Agency] = {}
    for member in group.memberships.select_related("agency"):
        seen.setdefault(member.agency_id, member.agency)
    return sorted(seen.values(), key=lambda a: a.name)


def create_meeting(
    *,
    actor: Any,
    group: Group,
    held_on: dt.date,
    attendance: Mapping[Agency, str],
    agenda: Sequence[str] = (),
    decisions: Sequence[str] = (),
    notes: str = "",
) -> Meeting:
    """A meeting of ``group`` with each member agency's attendance (``Attendance.Status``), its
    agenda items and decisions, numbered in the order given."""
    meeting = Meeting(group=group, held_on=held_on, notes=notes.strip())
    _check(actor, meeting)
    if not attendance:
        raise ValidationError({"held_on": "Add the group's member agencies before its meetings"})
    _same_partnership(group.partnership, *attendance)
    unknown = {s for s in attendance.values() if s not in Attendance.Status.values}
    if unknown:
        raise ValidationError(f"Unknown attendance {sorted(unknown)}")
    if Meeting.objects.filter(group=group, held_on=held_on).exists():
        raise ValidationError({"held_on": "A meeting of this group on this date is recorded"})
    agenda_items = [a.strip() for a in agenda if a.strip()]
    decision_texts = [d.strip() for d in decisions if d.strip()]

    def details(saved: Meeting) -> None:
        for agency, status in attendance.items():
            Attendance.objects.create(meeting=saved, agency=agency, status=status)
        for number, title in enumerate(agenda_items, start=1):
            item = AgendaItem(meeting=saved, number=number, title=title[:300])
            item.full_clean()
            item.save()
        for number, text in enumerate(decision_texts, start=1):
            decision = Decision(meeting=saved, number=number, text=text[:500])
            decision.full_clean()
            decision.save()

    return audited_create(
        actor=actor, instance=meeting, verb=verbs.MEETING_CREATE, after_save=details
    )


# ---- the assurance register ----


def create_report(
    *,
    actor: Any,
    partnership: Partnership,
    title: str,
    kind: str,
    agency: Agency,
    group: Group,
    due_on: dt.date,
    received_on: dt.date | None = None,
    grade: str = "",
    questions: str = "",
    at: dt.datetime | None = None,
) -> AssuranceReport:
    report = AssuranceReport(
        partnership=partnership,
        title=title.strip(),
        kind=kind,
        agency=agency,
        group=group,
        due_on=due_on,
        received_on=received_on,
        grade=grade.strip(),
        questions=questions.strip(),
    )
    if at is not None:
        report.created_at = at
    _check(actor, report)
    _same_partnership(partnership, agency)
    if group.partnership_id != partnership.pk:
        raise ValidationError({"group": "That group is not one of this partnership's"})
    _check_grade(partnership, report.grade)
    return audited_create(actor=actor, instance=report, verb=verbs.REPORT_CREATE)


def _check_grade(partnership: Partnership, grade: str) -> None:
    if grade and grade not in settings_of(partnership).grades():
        raise ValidationError({"grade": f"{grade!r} is not a grade on the partnership's scale"})


def receive_report(
    *,
    actor: Any,
    report: AssuranceReport,
    expected_version: int,
    received_on: dt.date,
    grade: str = "",
    questions: str = "",
) -> AssuranceReport:
    """The report arrived (and, once the board has discussed it, the assurance it gives)."""
    _check(actor, report)
    _check_grade(report.partnership, grade.strip())
    return audited_update(
        actor=actor,
        instance=report,
        expected_version=expected_version,
        changes={
            "received_on": received_on,
            "grade": grade.strip(),
            "questions": questions.strip(),
        },
        verb=verbs.REPORT_RECEIVE,
    )


# ---- inspections and reviews of the partnership ----


def create_inspection(
    *,
    actor: Any,
    partnership: Partnership,
    title: str,
    kind: str,
    started_on: dt.date,
    reported_on: dt.date | None = None,
    judgement: str = "",
) -> Inspection:
    inspection = Inspection(
        partnership=partnership,
        title=title.strip(),
        kind=kind,
        started_on=started_on,
        reported_on=reported_on,
        judgement=judgement.strip(),
    )
    _check(actor, inspection)
    return audited_create(actor=actor, instance=inspection, verb=verbs.INSPECTION_CREATE)


def add_finding(
    *,
    actor: Any,
    inspection: Inspection,
    kind: str,
    text: str,
    themes: Iterable[ThemeRef] = (),
) -> InspectionFinding:
    _check(actor, inspection)
    number = next_number(inspection.findings)
    finding = InspectionFinding(inspection=inspection, number=number, kind=kind, text=text.strip())
    return audited_create(
        actor=actor, instance=finding, verb=verbs.FINDING_ADD, after_save=set_themes(themes)
    )


# ---- funding ----


def set_funding_year(
    *, actor: Any, partnership: Partnership, year: int, brought_forward: Decimal
) -> FundingYear:
    """The year's budget (created, or its balance brought forward changed)."""
    found = FundingYear.objects.filter(partnership=partnership, year=year).first()
    funding_year = found or FundingYear(partnership=partnership, year=year)
    _check(actor, funding_year)
    return audited_save(
        actor=actor,
        record=funding_year,
        changes={"brought_forward": brought_forward},
        verb=verbs.FUNDING_YEAR_SET,
    )


def set_contribution(
    *,
    actor: Any,
    year: FundingYear,
    agency: Agency,
    money: Decimal,
    in_kind: Decimal = Decimal(0),
    in_kind_description: str = "",
) -> Contribution:
    """An agency's contribution for the year (entering it again replaces it)."""
    _check(actor, year)
    _same_partnership(year.partnership, agency)
    if in_kind > 0 and not in_kind_description.strip():
        raise ValidationError({"in_kind_description": "Say what was given in kind"})
    return audited_replace(
        actor=actor,
        find=lambda: Contribution.objects.filter(year=year, agency=agency).first(),
        new=lambda: Contribution(year=year, agency=agency),
        changes={
            "money": money,
            "in_kind": in_kind,
            "in_kind_description": in_kind_description.strip(),
        },
        verb=verbs.CONTRIBUTION_SET,
    )


def set_spending(*, actor: Any, year: FundingYear, area: str, amount: Decimal) -> Spending:
    """The year's spending in ``area`` (entering it again replaces it)."""
    _check(actor, year)
    return audited_replace(
        actor=actor,
        find=lambda: Spending.objects.filter(year=year, area=area).first(),
        new=lambda: Spending(year=year, area=area),
        changes={"amount": amount},
        verb=verbs.SPENDING_SET,
    )


# ---- multi-agency procedures ----


def _procedure_after(themes: Iterable[ThemeRef] | None, reviews: Iterable[Any] | None) -> Any:
    set_theme = set_themes(themes)

    def after(saved: Procedure) -> None:
        if set_theme is not None:
            set_theme(saved)
        if reviews is not None:
            chosen = list(reviews)
            if any(r.partnership_id != saved.partnership_id for r in chosen):
                raise ValidationError({"prompted_by": "Choose this partnership's case reviews"})
            saved.prompted_by.set(chosen)

    return after


def _procedure_snapshot(procedure: Procedure) -> dict[str, Any] | None:
    return snapshot_with(procedure, {"themes": "slug", "prompted_by": "pk"})


def create_procedure(
    *,
    actor: Any,
    partnership: Partnership,
    title: str,
    owner_agency: Agency,
    last_reviewed_on: dt.date,
    next_review_on: dt.date,
    owner_role: str = "",
    changes: str = "",
    themes: Iterable[ThemeRef] = (),
    prompted_by: Iterable[Any] = (),
) -> Procedure:
    procedure = Procedure(
        partnership=partnership,
        title=title.strip(),
        owner_agency=owner_agency,
        owner_role=owner_role.strip(),
        last_reviewed_on=last_reviewed_on,
        next_review_on=next_review_on,
        changes=changes.strip(),
    )
    _check(actor, procedure)
    _same_partnership(partnership, owner_agency)
    if Procedure.objects.filter(partnership=partnership, title__iexact=procedure.title).exists():
        raise ValidationError({"title": "A procedure with this title is already registered"})
    return audited_create(
        actor=actor,
        instance=procedure,
        verb=verbs.PROCEDURE_CREATE,
        after_save=_procedure_after(themes, prompted_by),
        snapshot_of=_procedure_snapshot,
    )


def review_procedure(
    *,
    actor: Any,
    procedure: Procedure,
    expected_version: int,
    last_reviewed_on: dt.date,
    next_review_on: dt.date,
    changes: str = "",
    themes: Iterable[ThemeRef] | None = None,
    prompted_by: Iterable[Any] | None = None,
) -> Procedure:
    """A review of the procedure: its dates, what changed and why."""
    _check(actor, procedure)
    if last_reviewed_on < procedure.last_reviewed_on:
        raise ValidationError(
            {"last_reviewed_on": "A review cannot be earlier than the last one recorded"}
        )
    return audited_update(
        actor=actor,
        instance=procedure,
        expected_version=expected_version,
        changes={
            "last_reviewed_on": last_reviewed_on,
            "next_review_on": next_review_on,
            "changes": changes.strip(),
        },
        verb=verbs.PROCEDURE_REVIEW,
        after_save=_procedure_after(themes, prompted_by),
        snapshot_of=_procedure_snapshot,
    )
