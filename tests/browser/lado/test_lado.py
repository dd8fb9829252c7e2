"""The LADO records a consultation, makes it a referral, decides the threshold is met, holds a
strategy meeting, records the outcome and sees the year's figures change; the board is refused
the record and sees suppressed figures; axe at 1280 and 375 px wide."""

import datetime as dt

import pytest
from playwright.sync_api import Page, expect

from lineofsight.lado import services
from lineofsight.lado.models import Referral
from lineofsight.lado.statistics import reporting_year, year_label
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.roles import Role
from tests.browser.conftest import assert_no_axe_violations


@pytest.fixture
def lists(transactional_db):
    services.sync_lists()  # a transactional test starts with empty tables


def fill_date(page: Page, legend: str, day: dt.date) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def cell(page: Page, table: str, row: str, column: int = 0):
    found = page.locator("table").filter(has=page.locator("caption", has_text=table))
    line = found.first.locator("tr").filter(has=page.get_by_role("rowheader", name=row, exact=True))
    return line.first.locator("td").nth(column)


def check_both_widths(page: Page) -> None:
    assert_no_axe_violations(page)
    page.set_viewport_size({"width": 375, "height": 800})
    assert_no_axe_violations(page)
    page.set_viewport_size({"width": 1280, "height": 900})


YEAR_ON_YEAR = "Referrals and those meeting the harm threshold, by year"


def test_consultation_to_referral_to_meeting_to_outcome_to_figures(
    signed_in_as, live_server, lists
):
    today = dt.date.today()
    label = year_label(reporting_year(today))
    page = signed_in_as(Role.LADO)
    base = live_server.url

    page.goto(f"{base}/lado/statistics/?year={reporting_year(today)}")
    expect(cell(page, YEAR_ON_YEAR, label, 0)).to_have_text("0")
    check_both_widths(page)

    page.goto(f"{base}/lado/consultations/")
    page.get_by_role("link", name="Record a consultation").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Record a consultation")
    fill_date(page, "Date of the consultation", today)
    page.get_by_label("Employer or organisation (optional)").fill("Demo Primary School")
    page.get_by_label("Employing sector").select_option(label="Education: schools and colleges")
    page.get_by_label("Physical").check()
    page.get_by_label("Advice given").fill("Gather the facts; the concern meets the threshold")
    check_both_widths(page)
    page.get_by_role("button", name="Record the consultation").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("CONS-")
    check_both_widths(page)

    page.get_by_role("link", name="Make this a referral").click()
    expect(page.get_by_label("Employer", exact=True)).to_have_value("Demo Primary School")
    page.get_by_label("Referrer's role").fill("Headteacher")
    page.get_by_label("Referring agency").select_option(label="The employer")
    page.get_by_label("The adult's reference").fill("A-2026-001")
    page.get_by_label("The adult's role").fill("Teaching assistant")
    page.get_by_label("The adult's name (optional, restricted)").fill("Sam Example")
    check_both_widths(page)
    page.get_by_role("button", name="Record the referral").click()
    referral = Referral.objects.get()
    expect(page.get_by_role("heading", level=1)).to_have_text(referral.reference)
    check_both_widths(page)

    page.get_by_role("link", name="Record the threshold decision").click()
    page.get_by_label("Yes, the threshold is met").check()
    fill_date(page, "Date of the decision", today)
    page.get_by_role("button", name="Record the decision").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Select which harm threshold criteria were met"
    )
    check_both_widths(page)
    page.get_by_label("Behaved in a way that has harmed, or may have harmed, a child").check()
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(referral.reference)

    page.get_by_role("link", name="Record a meeting").click()
    page.get_by_label("Strategy meeting").check()
    fill_date(page, "Date of the meeting", today)
    for agency in ("LADO", "Police", "Children's social care", "Employer"):
        page.get_by_label(agency, exact=True).check()
    check_both_widths(page)
    page.get_by_role("button", name="Record the meeting").click()
    expect(page.get_by_role("table").filter(has_text="Agencies present")).to_contain_text("Police")

    page.get_by_role("link", name="Record the outcome").click()
    page.get_by_label("Substantiated", exact=True).check()
    fill_date(page, "Date concluded", today)
    page.get_by_label("Disclosure and Barring Service").check()
    check_both_widths(page)
    page.get_by_role("button", name="Record the outcome").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(referral.reference)
    referral.refresh_from_db()
    assert referral.outcome.code == "substantiated" and referral.referred_dbs

    page.goto(f"{base}/lado/statistics/?year={reporting_year(today)}")
    expect(cell(page, YEAR_ON_YEAR, label, 0)).to_have_text("1")
    expect(cell(page, YEAR_ON_YEAR, label, 1)).to_have_text("1")
    expect(cell(page, YEAR_ON_YEAR, label, 2)).to_have_text("100.0")
    consultations = "Consultations and those that became referrals, by year"
    expect(cell(page, consultations, label, 1)).to_have_text("1")
    outcome = "Referrals meeting the threshold, by outcome"
    expect(cell(page, outcome, "Substantiated", 0)).to_have_text("1")
    joint = "Strategy meetings, police involvement and joint working"
    expect(cell(page, joint, "Meetings attended by Police", 0)).to_have_text("1")
    expect(page.locator("svg").first).to_be_visible()
    check_both_widths(page)


def test_the_board_is_refused_the_record_and_sees_suppressed_figures(
    signed_in_as, live_server, lists, partnership
):
    from lineofsight.lado.models import Sector

    today = dt.date.today()
    referral = services.create_referral(
        actor=SYSTEM,
        partnership=partnership,
        received_on=today,
        referrer="Manager",
        referring_agency="employer",
        adult_reference="A-1",
        adult_role="Coach",
        adult_name="Sam Example",
        employer="Demo Club",
        sector=Sector.objects.get(code="sport"),
        category="physical",
    )
    page = signed_in_as(Role.BOARD_MEMBER)
    response = page.goto(f"{live_server.url}/lado/{referral.pk}/")
    assert response is not None and response.status == 403
    page.goto(f"{live_server.url}/lado/statistics/?year={reporting_year(today)}")
    expect(cell(page, YEAR_ON_YEAR, year_label(reporting_year(today)), 0)).to_have_text("c")
    assert "Sam Example" not in page.content()
    check_both_widths(page)
