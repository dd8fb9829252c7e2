import datetime as dt
from decimal import Decimal

import pytest

from lineofsight.actions.models import Action
from lineofsight.governance import services
from lineofsight.governance.models import AssuranceReport, Meeting
from lineofsight.partnership.actors import SYSTEM
from lineofsight.testing.access import assert_outsider_refused
from lineofsight.testing.fixtures import client_for

from .conftest import A, P

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def records(board, record_meeting, partnership, agency):
    meeting = record_meeting(D(2020, 5, 1), police=P, council=P, acute=A)
    report = services.create_report(
        actor=SYSTEM,
        partnership=partnership,
        title="LADO annual report",
        kind="lado",
        agency=agency,
        group=board,
        due_on=D(2020, 7, 1),
    )
    inspection = services.create_inspection(
        actor=SYSTEM,
        partnership=partnership,
        title="Peer review",
        kind="peer",
        started_on=D(2020, 1, 6),
    )
    finding = services.add_finding(
        actor=SYSTEM, inspection=inspection, kind="strength", text="Good"
    )
    year = services.set_funding_year(
        actor=SYSTEM, partnership=partnership, year=2020, brought_forward=Decimal(0)
    )
    procedure = services.create_procedure(
        actor=SYSTEM,
        partnership=partnership,
        title="Escalation policy",
        owner_agency=agency,
        last_reviewed_on=D(2020, 1, 1),
        next_review_on=D(2021, 1, 1),
    )
    return {
        "meeting": meeting,
        "decision": meeting.decisions.get(),
        "member": board.memberships.first(),
        "report": report,
        "inspection": inspection,
        "finding": finding,
        "year": year,
        "procedure": procedure,
    }


def urls(board, r):
    return [
        "/governance/",
        "/governance/settings/",
        "/governance/groups/",
        "/governance/groups/new/",
        f"/governance/groups/{board.pk}/",
        f"/governance/groups/{board.pk}/members/new/",
        f"/governance/groups/{board.pk}/members/{r['member'].pk}/remove/",
        f"/governance/groups/{board.pk}/meetings/new/",
        "/governance/meetings/",
        f"/governance/meetings/{r['meeting'].pk}/",
        "/governance/attendance/",
        "/governance/assurance/",
        "/governance/assurance/new/",
        f"/governance/assurance/{r['report'].pk}/",
        f"/governance/assurance/{r['report'].pk}/received/",
        "/governance/inspections/",
        "/governance/inspections/new/",
        f"/governance/inspections/{r['inspection'].pk}/",
        f"/governance/inspections/{r['inspection'].pk}/findings/new/",
        "/governance/funding/",
        "/governance/funding/new/",
        "/governance/funding/2020/",
        "/governance/funding/2020/contributions/new/",
        "/governance/funding/2020/spending/new/",
        "/governance/procedures/",
        "/governance/procedures/new/",
        f"/governance/procedures/{r['procedure'].pk}/",
        f"/governance/procedures/{r['procedure'].pk}/review/",
        f"/actions/raise/governance_decision/{r['decision'].pk}/",
        f"/actions/raise/governance_assurance/{r['report'].pk}/",
        f"/actions/raise/governance_finding/{r['finding'].pk}/",
    ]


def test_every_governance_page_refuses_outsiders(outsider, board, records):
    for url in urls(board, records):
        assert_outsider_refused(outsider, url)
    assert_outsider_refused(outsider, "/governance/groups/new/", "post", {"name": "X"})
    assert_outsider_refused(
        outsider, f"/governance/groups/{board.pk}/members/{records['member'].pk}/remove/", "post"
    )


def test_board_members_read_everything_and_change_nothing(board_member, board, records):
    client = client_for(board_member)
    for url in urls(board, records):
        writes = url.endswith(("/new/", "/remove/", "/received/", "/review/", "/settings/"))
        writes = writes or url.startswith("/actions/raise/")
        expected = (403, 404) if writes else (200,)
        assert client.get(url).status_code in expected, url


def test_an_agency_lead_sees_no_governance_page(agency_lead, board, records):
    client = client_for(agency_lead)
    assert client.get("/governance/").status_code == 403
    assert client.get(f"/governance/meetings/{records['meeting'].pk}/").status_code == 403


def test_another_partnerships_manager_gets_404(board, records, make_user, other_agency):
    from lineofsight.partnership import services as partnership_services
    from lineofsight.partnership.roles import Role

    elsewhere = partnership_services.create_partnership(actor=SYSTEM, name="Other", la_code="372")
    theirs = partnership_services.create_agency(
        actor=SYSTEM, partnership=elsewhere, name="Their Council", code="c2", kind="council"
    )
    stranger = make_user(Role.PARTNERSHIP_ADMIN, agency_=theirs, username="stranger")
    client = client_for(stranger)
    for url in urls(board, records)[4:]:
        if "/new/" in url and "/groups/" not in url and "findings" not in url:
            continue  # creating in their own partnership
        if url.rstrip("/").endswith(("meetings", "attendance", "assurance", "inspections")):
            continue
        if url.rstrip("/").endswith(("funding", "procedures")):
            continue
        assert client.get(url).status_code == 404, url


def test_recording_a_meeting_then_raising_an_action_from_a_decision(
    manager, board, agency, council, hospital
):
    client = client_for(manager)
    url = f"/governance/groups/{board.pk}/meetings/new/"
    assert client.get(url).status_code == 200
    bad = client.post(url, {"held_on_day": "1", "held_on_month": "6", "held_on_year": "2020"})
    assert bad.status_code == 400 and "govuk-error-summary" in bad.content.decode()
    assert not Meeting.objects.exists()
    data = {
        "held_on_day": "1",
        "held_on_month": "6",
        "held_on_year": "2020",
        f"agency_{agency.pk}": "present",
        f"agency_{council.pk}": "deputy",
        f"agency_{hospital.pk}": "absent",
        "agenda": "Apologies\nLADO annual report",
        "decisions": "Ask the acute trust to attend\nAgree the LADO report",
    }
    response = client.post(url, data)
    meeting = Meeting.objects.get()
    assert response.status_code == 302 and response["Location"] == meeting.get_absolute_url()
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Ask the acute trust to attend" in page and "Deputy sent" in page
    decision = meeting.decisions.get(number=1)
    raise_url = f"/actions/raise/governance_decision/{decision.pk}/"
    assert raise_url in page
    response = client.post(
        raise_url,
        {
            "title": "Acute trust to name a board member",
            "owner_agency": hospital.pk,
            "due_date_day": "1",
            "due_date_month": "9",
            "due_date_year": "2020",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    action = Action.objects.get()
    assert action.source == "governance_decision" and action.owner_agency == hospital
    assert (
        "Acute trust to name a board member"
        in client.get(meeting.get_absolute_url()).content.decode()
    )


def test_the_register_exports_csv(manager, board, records):
    client = client_for(manager)
    response = client.get("/governance/assurance/?format=csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    text = response.content.decode()
    assert "LADO annual report" in text and "Overdue" in text.splitlines()[0]
    for url in [
        "/governance/groups/",
        "/governance/meetings/",
        "/governance/attendance/",
        "/governance/inspections/",
        "/governance/funding/",
        "/governance/funding/2020/",
        "/governance/procedures/",
    ]:
        for fmt in ("csv", "xlsx"):
            assert client.get(f"{url}?format={fmt}").status_code == 200, (url, fmt)


def test_receiving_and_grading_a_report(manager, records):
    report = records["report"]
    client = client_for(manager)
    url = f"/governance/assurance/{report.pk}/received/"
    bad = client.post(url, {"version": report.version, "grade": "Substantial assurance"})
    assert bad.status_code == 400
    response = client.post(
        url,
        {
            "version": report.version,
            "received_on_day": "2",
            "received_on_month": "7",
            "received_on_year": "2020",
            "grade": "Reasonable assurance",
            "questions": "How is the LADO's caseload managed?",
        },
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.grade == "Reasonable assurance" and report.received_on == D(2020, 7, 2)
    stale = client.post(
        url,
        {
            "version": 1,
            "received_on_day": "2",
            "received_on_month": "7",
            "received_on_year": "2020",
            "grade": "Limited assurance",
        },
    )
    assert stale.status_code == 409
    assert AssuranceReport.objects.get().grade == "Reasonable assurance"


def test_the_home_page_shows_the_boards_flags(board_member, board, record_meeting, records):
    record_meeting(D(2020, 9, 1), police=A, council=P, acute=A)
    record_meeting(D(2020, 11, 1), police=A, council=P, acute=A)
    page = client_for(board_member).get("/").content.decode()
    assert "Board attendance and assurance" in page
    assert "Test Police</a> has missed the last 2 meetings of the Partnership Board" in page
    assert "LADO annual report" in page  # overdue since July 2020


def test_the_agency_lead_home_page_has_no_governance_panel(agency_lead, records):
    page = client_for(agency_lead).get("/").content.decode()
    assert "Board attendance and assurance" not in page


def test_settings_change_the_threshold_and_refuse_a_one_grade_scale(
    manager, board, record_meeting, partnership
):
    from lineofsight.governance import selectors

    record_meeting(D(2020, 5, 1), police=A, council=P, acute=P)
    assert selectors.needs_attention(partnership) == []
    client = client_for(manager)
    assert client.get("/governance/settings/").status_code == 200
    bad = client.post(
        "/governance/settings/", {"consecutive_misses": "1", "assurance_scale": "Only one"}
    )
    assert bad.status_code == 400 and "Enter at least two grades" in bad.content.decode()
    response = client.post(
        "/governance/settings/",
        {"consecutive_misses": "1", "assurance_scale": "Green\nAmber\nRed"},
    )
    assert response.status_code == 302
    assert [r.agency.code for r in selectors.needs_attention(partnership)] == ["police"]
    form = client.get("/governance/assurance/new/").content.decode()
    assert ">Amber<" in form and "Substantial assurance" not in form


def test_groups_and_members(manager, board, agency):
    client = client_for(manager)
    duplicate = client.post(
        "/governance/groups/new/", {"name": "partnership board", "kind": "board"}
    )
    assert duplicate.status_code == 400
    response = client.post(
        "/governance/groups/new/", {"name": "Learning and Improvement", "kind": "subgroup"}
    )
    assert response.status_code == 302
    seat = board.memberships.get(agency=agency)
    url = f"/governance/groups/{board.pk}/members/{seat.pk}/remove/"
    assert "Remove Test Police" in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    assert not board.memberships.filter(agency=agency).exists()
    again = client.post(
        f"/governance/groups/{board.pk}/members/new/",
        {"agency": agency.pk, "role": "District Commander"},
    )
    assert again.status_code == 302
    assert board.memberships.get(agency=agency).attendance_required  # a statutory partner


def test_the_themes_pages_count_findings_and_procedures(manager, partnership, agency):
    from lineofsight.actions.models import LearningTheme
    from lineofsight.actions.themes import sync_themes

    sync_themes(LearningTheme)
    inspection = services.create_inspection(
        actor=SYSTEM, partnership=partnership, title="JTAI", kind="jtai", started_on=D(2020, 3, 2)
    )
    services.add_finding(
        actor=SYSTEM, inspection=inspection, kind="improve", text="Neglect", themes=["neglect"]
    )
    services.create_procedure(
        actor=SYSTEM,
        partnership=partnership,
        title="Neglect toolkit",
        owner_agency=agency,
        last_reviewed_on=D(2020, 1, 1),
        next_review_on=D(2022, 1, 1),
        themes=["neglect"],
    )
    client = client_for(manager)
    assert client.get("/learning/themes/").status_code == 200
    page = client.get("/learning/themes/neglect/").content.decode()
    assert "JTAI: finding 1" in page and "Neglect toolkit" in page
