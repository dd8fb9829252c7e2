"""The independent scrutineer records an activity with a recommendation that becomes an action;
the business manager records feedback from children and then what changed; "You said, we did"
shows it; the survey results suppress small numbers; axe at 1280 and 375 px wide."""

import datetime as dt
import re

import pytest
from playwright.sync_api import Page, expect

from lineofsight.actions.models import Action, LearningTheme
from lineofsight.actions.themes import sync_themes
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.roles import Role
from lineofsight.voice import services
from lineofsight.voice.models import Feedback
from tests.browser.conftest import assert_no_axe_violations


@pytest.fixture
def themes(transactional_db):
    sync_themes(LearningTheme)  # a transactional test starts with empty tables


def fill_date(page: Page, legend: str, day: dt.date) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def check_both_widths(page: Page) -> None:
    assert_no_axe_violations(page)
    page.set_viewport_size({"width": 375, "height": 800})
    assert_no_axe_violations(page)
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 375, f"{page.url} is {width} px wide at 375 px"
    page.set_viewport_size({"width": 1280, "height": 900})


def test_scrutiny_recommendation_becomes_an_action_and_feedback_changes_something(
    signed_in_as, live_server, themes, agency, other_agency, partnership
):
    today = dt.date.today()
    base = live_server.url
    page = signed_in_as(Role.SCRUTINEER)

    page.get_by_role("link", name="Voice and scrutiny").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Voice and scrutiny")
    check_both_widths(page)
    page.get_by_role("link", name="Record a scrutiny activity").click()
    page.get_by_label("Title").fill("Observation of the partnership board")
    page.get_by_label("Kind of activity").select_option(
        label="Observation of a board or group meeting"
    )
    fill_date(page, "Date", today - dt.timedelta(days=3))
    page.get_by_label("What was examined").fill("The board's agenda, papers and time allowed")
    page.get_by_label("Findings").fill("")
    page.get_by_role("button", name="Record the activity").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter what the scrutiny found")
    check_both_widths(page)
    page.get_by_label("Findings").fill("Far too little time is allowed to hold agencies to account")
    page.get_by_role("button", name="Record the activity").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Observation of the partnership board"
    )
    check_both_widths(page)

    page.get_by_role("link", name="Add a recommendation").click()
    page.get_by_label("Recommendation").fill("Allow three hours for each board meeting")
    page.get_by_label("Agency it is for (optional)").select_option(label="Test Health")
    page.get_by_label("Information sharing").check()
    check_both_widths(page)
    page.get_by_role("button", name="Add the recommendation").click()
    expect(page.locator("#recommendation-1")).to_contain_text("No action raised yet")
    page.get_by_role("link", name=re.compile("Raise an action")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Raise an action from this recommendation"
    )
    check_both_widths(page)
    fill_date(page, "Due date", today + dt.timedelta(days=90))
    page.get_by_role("button", name="Raise the action").click()
    action = Action.objects.get()
    assert action.source == "scrutiny" and action.owner_agency == other_agency
    assert action.title == "Allow three hours for each board meeting"
    expect(page.get_by_role("heading", level=1)).to_have_text(action.title)
    page.goto(f"{base}/voice/scrutiny/")
    page.get_by_role("link", name="Observation of the partnership board").click()
    expect(page.locator("#recommendation-1")).to_contain_text(f"Action A{action.pk}")
    check_both_widths(page)
    page.get_by_role("button", name="Sign out").click()

    page = signed_in_as(Role.PARTNERSHIP_ADMIN)
    page.goto(f"{base}/voice/feedback/")
    check_both_widths(page)
    page.get_by_role("link", name="Record feedback").click()
    page.get_by_label("Where the feedback came from").select_option(label="Young advisors")
    page.get_by_label("Children and young people").check()
    fill_date(page, "Date received", today - dt.timedelta(days=30))
    page.get_by_label("What was said").fill(
        "Young people in lockdown did not know where to get help with their mental health"
    )
    page.get_by_role("button", name="Record the feedback").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Young advisors")
    expect(page.locator("main")).to_contain_text("Nothing recorded yet")
    check_both_widths(page)
    page.goto(f"{base}/voice/you-said-we-did/")
    expect(page.locator("main")).to_contain_text("No change because of feedback is recorded")

    item = Feedback.objects.get()
    page.goto(f"{base}/voice/feedback/{item.pk}/")
    page.get_by_role("link", name="Record what changed").click()
    page.get_by_label("What changed as a result").fill(
        "The young advisors made a video on where to get help, shared by every school"
    )
    fill_date(page, "Date of the change", today - dt.timedelta(days=2))
    page.get_by_label("Agreed for the published yearly report").check()
    page.get_by_label("Mental health").check()
    check_both_widths(page)
    page.get_by_role("button", name="Save").click()
    expect(page.locator("main")).to_contain_text("The young advisors made a video")

    page.goto(f"{base}/voice/you-said-we-did/")
    card = page.locator(f"#you-said-{item.pk}")
    expect(card).to_contain_text("did not know where to get help")
    expect(card).to_contain_text("We did")
    expect(card).to_contain_text("The young advisors made a video")
    check_both_widths(page)


def test_survey_results_by_agency_suppress_small_numbers(
    signed_in_as, live_server, transactional_db, partnership, agency, other_agency
):
    survey = services.create_survey(
        actor=SYSTEM, partnership=partnership, reference="ws", title="Workforce survey",
        opened_on=dt.date(2021, 2, 1), questions=["I know how to escalate a concern"],
    )  # fmt: skip
    services.import_responses(
        actor=SYSTEM,
        survey=survey,
        responses=[services.Answers(f"P{n}", agency, {1: "agree"}) for n in range(9)]
        + [services.Answers(f"H{n}", other_agency, {1: "disagree"}) for n in range(2)],
    )
    page = signed_in_as(Role.BOARD_MEMBER)
    page.goto(f"{live_server.url}/voice/surveys/")
    page.get_by_role("link", name="Workforce survey").click()
    table = page.locator("table[data-table='1']")
    health = table.locator("tr").filter(has=page.get_by_role("rowheader", name="Test Health"))
    expect(health.locator("td").first).to_have_text("c")
    total = table.locator("tr").filter(has=page.get_by_role("rowheader", name="All agencies"))
    expect(total.locator("td").first).to_have_text("11")
    check_both_widths(page)
