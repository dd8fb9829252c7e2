import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from lineofsight.actions.models import Action, LearningTheme
from lineofsight.actions.services import raise_action
from lineofsight.actions.themes import sync_themes
from lineofsight.audit.models import AuditLog
from lineofsight.governance import selectors, services, verbs
from lineofsight.governance.models import AssuranceReport, Meeting
from lineofsight.partnership.actors import SYSTEM

from .conftest import A, P

pytestmark = pytest.mark.django_db
D = dt.date


def test_a_meeting_records_attendance_agenda_and_decisions_audited(board, agency, manager):
    meeting = services.create_meeting(
        actor=manager,
        group=board,
        held_on=D(2020, 6, 1),
        attendance={agency: "present"},
        agenda=["Apologies", "", " MASH assurance report "],
        decisions=["Agree the neglect strategy"],
    )
    assert [a.title for a in meeting.agenda.all()] == ["Apologies", "MASH assurance report"]
    assert meeting.decisions.get().number == 1
    log = AuditLog.objects.get(verb=verbs.MEETING_CREATE)
    assert log.object_id == str(meeting.pk)
    with pytest.raises(ValidationError):  # the same group on the same day
        services.create_meeting(
            actor=manager, group=board, held_on=D(2020, 6, 1), attendance={agency: "present"}
        )


def test_only_the_business_manager_writes(board, agency, board_member, agency_lead):
    for actor in (board_member, agency_lead):
        with pytest.raises(PermissionDenied):
            services.create_meeting(
                actor=actor, group=board, held_on=D(2020, 6, 1), attendance={agency: "present"}
            )
    assert not Meeting.objects.exists()


def test_statutory_partners_are_flagged_after_n_missed_in_a_row(
    board, record_meeting, partnership, manager, agency, council, hospital
):
    record_meeting(D(2020, 5, 1), police=P, council=P, acute=A)
    record_meeting(D(2020, 9, 1), police=A, council=P, acute=A)
    record_meeting(D(2021, 1, 1), police=A, council=A, acute=A)
    rows = {r.agency.code: r for r in selectors.attendance_rows(partnership, year=2020)}
    assert rows["police"].record.rate == Decimal("33.3")  # 1 of 3
    assert rows["council"].record.rate == Decimal("66.7")  # 2 of 3
    assert rows["acute"].record.rate == Decimal("0.0")
    # police: 2 in a row (statutory) -> flagged; council 1 -> not; acute 3 but not watched
    assert [r.agency.code for r in selectors.needs_attention(partnership)] == ["police"]

    services.update_settings(
        actor=manager, partnership=partnership, consecutive_misses=1, assurance_scale="A\nB"
    )
    flagged = {r.agency.code for r in selectors.needs_attention(partnership)}
    assert flagged == {"police", "council"}
    # watching the acute trust's attendance flags it too (the scrutineer's concern)
    board.memberships.filter(agency=hospital).update(attendance_required=True)
    assert {r.agency.code for r in selectors.needs_attention(partnership)} == {
        "police",
        "council",
        "acute",
    }


def test_a_year_filter_counts_only_that_years_meetings(board, record_meeting, partnership):
    record_meeting(D(2021, 3, 31), police=P, council=P, acute=P)  # 2020-21
    record_meeting(D(2021, 4, 1), police=A, council=P, acute=P)  # 2021-22
    rows = {r.agency.code: r for r in selectors.attendance_rows(partnership, year=2021)}
    assert (rows["police"].record.expected, rows["police"].record.attended) == (1, 0)
    rows = {r.agency.code: r for r in selectors.attendance_rows(partnership, year=2020)}
    assert rows["police"].record.rate == Decimal("100.0")


def test_assurance_grades_come_from_the_partnerships_scale(board, agency, partnership, manager):
    report = services.create_report(
        actor=manager,
        partnership=partnership,
        title="MASH assurance report",
        kind="mash",
        agency=agency,
        group=board,
        due_on=D(2020, 6, 1),
    )
    assert report.is_overdue(D(2020, 6, 2)) and not report.is_overdue(D(2020, 6, 1))
    with pytest.raises(ValidationError) as error:
        services.receive_report(
            actor=manager,
            report=report,
            expected_version=report.version,
            received_on=D(2020, 6, 5),
            grade="Excellent",
        )
    assert "grade" in error.value.message_dict
    services.receive_report(
        actor=manager,
        report=report,
        expected_version=report.version,
        received_on=D(2020, 6, 5),
        grade="Limited assurance",
        questions="Why are re-referrals rising?",
    )
    report.refresh_from_db()
    assert report.grade == "Limited assurance" and not report.is_overdue(D(2021, 1, 1))
    assert AuditLog.objects.filter(verb=verbs.REPORT_RECEIVE).count() == 1
    with pytest.raises(ValidationError):  # a grade before the report arrived
        services.create_report(
            actor=manager,
            partnership=partnership,
            title="IRO annual report",
            kind="iro",
            agency=agency,
            group=board,
            due_on=D(2020, 6, 1),
            grade="Limited assurance",
        )
    assert AssuranceReport.objects.count() == 1


def test_settings_refuse_a_scale_of_one_grade(partnership, manager):
    with pytest.raises(ValidationError):
        services.update_settings(
            actor=manager, partnership=partnership, consecutive_misses=2, assurance_scale="Only"
        )


def test_findings_raise_actions_with_themes_and_show_progress(partnership, agency, manager):
    sync_themes(LearningTheme)
    inspection = services.create_inspection(
        actor=manager,
        partnership=partnership,
        title="JTAI: children's mental health",
        kind="jtai",
        started_on=D(2020, 11, 2),
    )
    finding = services.add_finding(
        actor=manager,
        inspection=inspection,
        kind="improve",
        text="Health partners are not consistently invited to strategy discussions",
        themes=["information-sharing"],
    )
    assert finding.number == 1
    action = raise_action(
        actor=manager, record=finding, owner_agency=agency, due_date=D(2021, 3, 1)
    )
    assert action.source == "governance_finding"
    assert [t.slug for t in action.themes.all()] == ["information-sharing"]
    progress = selectors.progress_of(finding)
    assert progress.total == 1 and progress.finished == 0
    Action.objects.filter(pk=action.pk).update(status=Action.Status.COMPLETED)
    assert selectors.progress_of(finding).words == "1 of 1 actions completed"
    occurrences = list(selectors.finding_occurrences(LearningTheme.objects.all()))
    assert [(o.kind, o.year) for o in occurrences] == [("inspection_finding", 2020)]


def test_funding_balance_is_hand_checked(partnership, agency, council, manager):
    year = services.set_funding_year(
        actor=manager, partnership=partnership, year=2020, brought_forward=Decimal("10000")
    )
    services.set_contribution(actor=manager, year=year, agency=council, money=Decimal("150000"))
    services.set_contribution(
        actor=manager,
        year=year,
        agency=agency,
        money=Decimal("50000"),
        in_kind=Decimal("8000"),
        in_kind_description="Analyst one day a week",
    )
    # entering the council again replaces its contribution
    services.set_contribution(actor=manager, year=year, agency=council, money=Decimal("140000"))
    services.set_spending(actor=manager, year=year, area="staffing", amount=Decimal("120000"))
    services.set_spending(actor=manager, year=year, area="scrutiny", amount=Decimal("25000"))
    summary = selectors.funding_of(partnership, 2020)
    assert summary is not None
    assert summary.money == Decimal("190000")  # 140,000 + 50,000
    assert summary.in_kind == Decimal("8000")
    assert summary.spent == Decimal("145000")
    assert summary.balance == Decimal("55000")  # 10,000 + 190,000 - 145,000
    assert summary.share(Decimal("50000")) == Decimal("26.3")  # 50/190
    with pytest.raises(ValidationError):
        services.set_contribution(
            actor=manager, year=year, agency=agency, money=Decimal(0), in_kind=Decimal(5)
        )
    assert AuditLog.objects.filter(verb=verbs.CONTRIBUTION_SET).count() == 3


def test_procedures_are_overdue_after_their_review_date(partnership, agency, manager):
    sync_themes(LearningTheme)
    procedure = services.create_procedure(
        actor=manager,
        partnership=partnership,
        title="Neglect strategy and toolkit",
        owner_agency=agency,
        last_reviewed_on=D(2019, 1, 1),
        next_review_on=D(2021, 1, 1),
        themes=["neglect"],
    )
    assert procedure.is_overdue(D(2021, 1, 2)) and not procedure.is_overdue(D(2021, 1, 1))
    with pytest.raises(ValidationError):
        services.review_procedure(
            actor=manager,
            procedure=procedure,
            expected_version=procedure.version,
            last_reviewed_on=D(2021, 2, 1),
            next_review_on=D(2021, 1, 1),
        )
    services.review_procedure(
        actor=manager,
        procedure=procedure,
        expected_version=procedure.version,
        last_reviewed_on=D(2021, 2, 1),
        next_review_on=D(2023, 2, 1),
        changes="Adds the graded care profile",
    )
    procedure.refresh_from_db()
    assert procedure.next_review_on == D(2023, 2, 1)
    log = AuditLog.objects.get(verb=verbs.PROCEDURE_REVIEW)
    assert log.before["themes"] == ["neglect"]


def test_a_group_belongs_to_one_partnership(board, outsider, manager, partnership):
    from lineofsight.partnership import services as partnership_services

    elsewhere = partnership_services.create_partnership(actor=SYSTEM, name="Other", la_code="372")
    stranger = partnership_services.create_agency(
        actor=SYSTEM, partnership=elsewhere, name="Elsewhere Police", code="p2", kind="police"
    )
    with pytest.raises(ValidationError):
        services.add_member(actor=manager, group=board, agency=stranger, role="Chief")
