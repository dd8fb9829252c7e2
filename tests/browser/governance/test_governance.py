"""The business manager records a board meeting with attendance and a decision that raises an
action, adds an assurance report and grades it; a board member sees the attendance and overdue
assurance flags on the home page; axe at 1280 and 375 px wide."""

import datetime as dt
import re

import pytest
from playwright.sync_api import Page, expect

from lineofsight.actions.models import Action
from lineofsight.governance import services
from lineofsight.governance.models import AssuranceReport, Meeting
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.roles import Role
from tests.browser.conftest import assert_no_axe_violations


def fill_date(page: Page, legend: str, day: dt.date) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def check_both_widths(page: Page) -> None:
    assert_no_axe_violations(page)
    page.set_viewport_size({"width": 375, "height": 800})
    assert_no_axe_violations(page)
    page.set_viewport_size({"width": 1280, "height": 900})


@pytest.fixture
def board(transactional_db, partnership, agency, other_agency):
    """The board: Test Police and Test Health (both statutory partners); Test Health missed the
    last meeting."""
    group = services.create_group(
        actor=SYSTEM, partnership=partnership, name="Partnership Board", kind="board"
    )
    services.add_member(actor=SYSTEM, group=group, agency=agency, role="Chief Superintendent")
    services.add_member(actor=SYSTEM, group=group, agency=other_agency, role="Chief Nurse")
    services.create_meeting(
        actor=SYSTEM,
        group=group,
        held_on=dt.date.today() - dt.timedelta(days=60),
        attendance={agency: "present", other_agency: "absent"},
    )
    return group


def test_record_a_meeting_and_an_assurance_report(signed_in_as, live_server, board):
    today = dt.date.today()
    page = signed_in_as(Role.PARTNERSHIP_ADMIN)
    base = live_server.url

    page.goto(f"{base}/governance/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Governance")
    check_both_widths(page)
    page.get_by_role("link", name="Groups").click()
    check_both_widths(page)
    page.get_by_role("link", name="Partnership Board").click()
    check_both_widths(page)
    page.get_by_role("link", name="Record a meeting").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Record a meeting of the Partnership Board"
    )
    page.get_by_role("button", name="Record the meeting").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the date of the meeting")
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Select whether Test Health attended"
    )
    check_both_widths(page)
    fill_date(page, "Date of the meeting", today - dt.timedelta(days=1))
    page.get_by_label("Attendance: Test Police").select_option(label="Present")
    page.get_by_label("Attendance: Test Health").select_option(label="Apologies")
    page.get_by_label("Agenda items (optional)").fill("Apologies\nMASH assurance report")
    page.get_by_label("Decisions (optional)").fill("Ask health to name a deputy for the board")
    check_both_widths(page)
    page.get_by_role("button", name="Record the meeting").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Meeting on")
    expect(page.locator("#decision-1")).to_contain_text("Ask health to name a deputy")
    check_both_widths(page)

    page.get_by_role("link", name=re.compile("Raise an action")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Raise an action from this decision")
    page.get_by_label("Owner agency").select_option(label="Test Health")
    fill_date(page, "Due date", today + dt.timedelta(days=60))
    check_both_widths(page)
    page.get_by_role("button", name="Raise the action").click()
    action = Action.objects.get()
    assert action.source == "governance_decision" and action.owner_agency.name == "Test Health"
    page.goto(f"{base}{Meeting.objects.order_by('-held_on').first().get_absolute_url()}")
    expect(page.locator("#decision-1")).to_contain_text("Ask health to name a deputy")
    expect(page.locator("#decision-1")).to_contain_text("Open")

    page.goto(f"{base}/governance/attendance/")
    expect(page.get_by_role("table")).to_contain_text("Needs attention")
    check_both_widths(page)

    page.goto(f"{base}/governance/assurance/")
    check_both_widths(page)
    page.get_by_role("link", name="Add a report").click()
    page.get_by_label("Title").fill("MASH assurance report")
    page.get_by_label("Kind of report").select_option(label="Multi-agency safeguarding hub (MASH)")
    page.get_by_label("Agency reporting").select_option(label="Test Police")
    page.get_by_label("Received by").select_option(label="Partnership Board")
    fill_date(page, "Date due", today - dt.timedelta(days=10))
    check_both_widths(page)
    page.get_by_role("button", name="Add the report").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("MASH assurance report")
    expect(page.locator("main")).to_contain_text("Overdue")
    check_both_widths(page)
    page.get_by_role("link", name="Record as received").click()
    fill_date(page, "Date received", today)
    page.get_by_label("Assurance the board took from it (optional)").select_option(
        label="Limited assurance"
    )
    page.get_by_label("Questions the board raised (optional)").fill(
        "How do you know the re-referral rate is falling?"
    )
    check_both_widths(page)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("MASH assurance report")
    expect(page.locator(".govuk-summary-list")).to_contain_text("Limited assurance")
    report = AssuranceReport.objects.get()
    assert report.grade == "Limited assurance" and report.received_on == today


def test_the_board_sees_the_flags_on_its_home_page(
    signed_in_as, live_server, board, partnership, agency, other_agency
):
    services.create_meeting(
        actor=SYSTEM,
        group=board,
        held_on=dt.date.today() - dt.timedelta(days=5),
        attendance={agency: "deputy", other_agency: "apologies"},
    )
    services.create_report(
        actor=SYSTEM,
        partnership=partnership,
        title="CDOP annual report",
        kind="cdop",
        agency=other_agency,
        group=board,
        due_on=dt.date.today() - dt.timedelta(days=3),
    )
    page = signed_in_as(Role.BOARD_MEMBER)
    page.goto(f"{live_server.url}/")
    panel = page.locator("section").filter(
        has=page.get_by_role("heading", name="Board attendance and assurance")
    )
    expect(panel).to_contain_text(
        "Test Health has missed the last 2 meetings of the Partnership Board"
    )
    expect(panel).to_contain_text("CDOP annual report")
    expect(panel).not_to_contain_text("Test Police has missed")
    check_both_widths(page)
    page.goto(f"{live_server.url}/governance/assurance/?status=overdue")
    expect(page.get_by_role("table")).to_contain_text("CDOP annual report")
    assert page.get_by_role("link", name="Add a report").count() == 0
    check_both_widths(page)
