"""A CDOP coordinator records a death, adds agency reports, reviews it at a panel meeting with
contributory factors, raises an action from a learning point and sees the year's statistics
change; axe at 1280 and 375 px wide."""

import datetime as dt
import re

import pytest
from playwright.sync_api import Page, expect

from lineofsight.actions.models import Action, LearningTheme
from lineofsight.actions.themes import sync_themes
from lineofsight.cdop.models import ChildDeath
from lineofsight.cdop.services import sync_categories
from lineofsight.cdop.statistics import reporting_year
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.roles import Role
from tests.browser.conftest import assert_no_axe_violations


@pytest.fixture
def themes(transactional_db):
    sync_themes(LearningTheme)  # a transactional test starts with empty tables
    sync_categories()


def fill_date(page: Page, legend: str, day: dt.date) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def figure(page: Page, label: str):
    row = page.locator("tr").filter(has=page.get_by_role("rowheader", name=label, exact=True))
    return row.first.locator("td").first


def check_both_widths(page: Page) -> None:
    assert_no_axe_violations(page)
    page.set_viewport_size({"width": 375, "height": 800})
    assert_no_axe_violations(page)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_record_review_and_learn_from_a_death(
    signed_in_as, live_server, themes, agency, other_agency
):
    today = dt.date.today()
    died, notified = today - dt.timedelta(days=20), today - dt.timedelta(days=19)
    year = reporting_year(notified)
    page = signed_in_as(Role.CDOP_COORDINATOR)
    base = live_server.url

    page.goto(f"{base}/cdop/statistics/?year={year}")
    expect(figure(page, "Deaths notified")).to_have_text("0")
    expect(figure(page, "Reviews completed by the panel")).to_have_text("0")
    check_both_widths(page)

    page.goto(f"{base}/cdop/")
    check_both_widths(page)
    page.get_by_role("link", name="Record a death").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Record a child's death")
    page.get_by_label("Pseudonymous reference").fill("Child D 104")
    fill_date(page, "Date of death", died)
    fill_date(page, "Date the CDOP was notified", notified)
    page.get_by_label("Age at death").select_option(label="28 to 364 days")
    page.get_by_label("Female").check()
    page.get_by_label("Home", exact=True).check()
    page.get_by_label("Unexpected").check()
    check_both_widths(page)
    page.get_by_role("button", name="Record the death").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Child D 104")
    check_both_widths(page)

    for name, returned in (("Test Police", True), ("Test Health", False)):
        page.get_by_role("link", name="Add an agency report").click()
        page.get_by_label("Agency").select_option(label=name)
        fill_date(page, "Date the report was asked for", notified)
        if returned:
            fill_date(page, "Date the report was returned (optional)", today)
        page.get_by_role("button", name="Add the report").click()
    reports = page.get_by_role("table").filter(has_text="Test Police")
    expect(reports).to_contain_text("Not yet")
    assert ChildDeath.objects.get().agency_reports.count() == 2

    page.goto(f"{base}/cdop/meetings/")
    check_both_widths(page)
    page.get_by_role("link", name="Record a panel meeting").click()
    fill_date(page, "Date of the meeting", today - dt.timedelta(days=1))
    page.get_by_label("Members present from Test Police").fill("2")
    page.get_by_label("Members present from Test Health").fill("1")
    check_both_widths(page)
    page.get_by_role("button", name="Record the meeting").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Panel meeting")

    page.goto(f"{base}/cdop/{ChildDeath.objects.get().pk}/")
    page.get_by_role("link", name="Record the panel review").click()
    page.get_by_label("Panel meeting that reviewed the death").select_option(index=1)
    page.get_by_label("Category of death").select_option(
        label="10. Sudden unexpected, unexplained death"
    )
    page.get_by_label("Factors in the physical environment").fill("2 Unsafe sleeping arrangement")
    page.get_by_label("Factors intrinsic to the child").fill("unsure")
    page.get_by_label("The panel's conclusion").select_option(label="Modifiable factors identified")
    page.get_by_label("The review is complete: close the case").check()
    page.get_by_role("button", name="Save the review").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Line 1: start with the grade")
    check_both_widths(page)
    page.get_by_label("Factors intrinsic to the child").fill("1 Born at 30 weeks")
    page.get_by_role("button", name="Save the review").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Child D 104")
    expect(page.get_by_role("table").filter(has_text="Contributory")).to_contain_text(
        "Unsafe sleeping arrangement"
    )

    page.get_by_role("link", name="Add a learning point").click()
    page.get_by_label("Learning point").fill("Safer sleep advice is not repeated after discharge")
    page.get_by_label("Agency it is for (optional)").select_option(label="Test Health")
    page.get_by_label("Safe sleep").check()
    page.get_by_role("button", name="Add the learning point").click()
    page.get_by_role("link", name=re.compile("Raise an action")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Raise an action from this learning point"
    )
    check_both_widths(page)
    fill_date(page, "Due date", today + dt.timedelta(days=90))
    page.get_by_role("button", name="Raise the action").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Child D 104")
    action = Action.objects.get()
    assert action.source == "cdop" and action.owner_agency == other_agency
    expect(page.locator("#learning-1")).to_contain_text(f"Action A{action.pk}")
    check_both_widths(page)

    page.goto(f"{base}/cdop/statistics/?year={year}")
    expect(figure(page, "Deaths notified")).to_have_text("1")
    expect(figure(page, "Reviews completed by the panel")).to_have_text("1")
    expect(figure(page, "Reviews with modifiable factors")).to_have_text("1")
    expect(figure(page, "Panel meetings held")).to_have_text("1")
    expect(figure(page, "Actions raised in the year")).to_have_text("1")
    check_both_widths(page)


def test_others_are_refused_the_records_and_see_suppressed_figures(
    signed_in_as, live_server, transactional_db, partnership
):
    from lineofsight.cdop import services

    death = services.create_death(
        actor=SYSTEM,
        partnership=partnership,
        reference="Child D 1",
        age_band="1_4",
        sex="male",
        died_on=dt.date(2021, 5, 3),
        notified_on=dt.date(2021, 5, 4),
        place_of_death="home",
        expectation="unexpected",
    )
    page = signed_in_as(Role.BOARD_MEMBER)
    response = page.goto(f"{live_server.url}/cdop/{death.pk}/")
    assert response is not None and response.status == 403
    page.goto(f"{live_server.url}/cdop/statistics/?year=2021")
    expect(figure(page, "Deaths notified")).to_have_text("c")
    check_both_widths(page)
