"""A training manager creates a course and a session, books two learners, marks attendance; the
learners answer the end-of-course and follow-up evaluations through their links (no sign-in);
the course's statistics and the theme page change; axe at 1280 and 375 px wide."""

import datetime as dt

import pytest
from playwright.sync_api import Browser, Page, expect

from lineofsight.actions.models import LearningTheme
from lineofsight.actions.themes import sync_themes
from lineofsight.partnership.roles import Role
from lineofsight.workforce.models import EvaluationResponse
from tests.browser.conftest import assert_no_axe_violations


@pytest.fixture
def themes(transactional_db):
    sync_themes(LearningTheme)  # a transactional test starts with empty tables


def fill_date(page: Page, legend: str, day: dt.date) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def answer(page: Page, legend: str, choice: str) -> None:
    page.get_by_role("group", name=legend).get_by_label(choice, exact=True).check()


def figure(page: Page, label: str):
    row = page.locator("tr").filter(has=page.get_by_role("rowheader", name=label, exact=True))
    return row.first.locator("td").last


def check_both_widths(page: Page) -> None:
    assert_no_axe_violations(page)
    page.set_viewport_size({"width": 375, "height": 800})
    assert_no_axe_violations(page)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_train_evaluate_and_see_the_impact(
    signed_in_as, live_server, themes, agency, other_agency, browser: Browser
):
    held = dt.date.today() - dt.timedelta(weeks=9)  # the follow-up (8 weeks) is due
    page = signed_in_as(Role.TRAINING_MANAGER)
    base = live_server.url

    page.goto(f"{base}/training/")
    check_both_widths(page)
    page.get_by_role("link", name="Add a course").click()
    page.get_by_label("Course code").fill("ME01")
    page.get_by_label("Title").fill("Managing engagement and disguised compliance")
    page.get_by_label("Disguised compliance").check()
    page.get_by_label("Review or audit that prompted it (optional)").fill(
        "Serious case review: Child A"
    )
    check_both_widths(page)
    page.get_by_role("button", name="Add the course").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Managing engagement and disguised compliance"
    )
    check_both_widths(page)

    page.get_by_role("link", name="Add a knowledge question").click()
    page.get_by_label("Statement").fill("Parents' self-reports should be checked.")
    page.get_by_label("True", exact=True).check()
    page.get_by_role("button", name="Add the question").click()

    page.get_by_role("link", name="Add a session").click()
    fill_date(page, "Date", held)
    page.get_by_label("Face to face").check()
    page.get_by_label("Places").fill("2")
    page.get_by_role("button", name="Add the session").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Session on")

    for learner, agency_name in (("Ann Jones", "Test Police"), ("Bob Smith", "Test Health")):
        page.get_by_role("link", name="Book a place").click()
        page.get_by_label("Learner's name or reference").fill(learner)
        page.get_by_label("Agency").select_option(label=agency_name)
        page.get_by_label("Manager's email (optional)").fill("manager@example.org")
        page.get_by_role("button", name="Book the place").click()
        expect(page.locator(".govuk-notification-banner")).to_contain_text(
            f"Place booked for {learner}"
        )
    check_both_widths(page)

    page.get_by_role("link", name="Record attendance").click()
    answer(page, "Did Ann Jones (Test Police) attend?", "Attended")
    answer(page, "Did Bob Smith (Test Health) attend?", "Did not attend")
    check_both_widths(page)
    page.get_by_role("button", name="Save attendance").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "1 end-of-course evaluation link issued"
    )
    end_link = page.get_by_role("link", name="Evaluation link for Ann Jones: End of course")
    end_url = base + end_link.get_attribute("href")

    # the learner, not signed in, answers the end-of-course evaluation
    learner = browser.new_page(viewport={"width": 1280, "height": 900})
    learner.goto(end_url)
    expect(learner.get_by_role("heading", level=1)).to_have_text("Tell us about the course")
    check_both_widths(learner)
    learner.get_by_role("button", name="Send my answers").click()
    expect(learner.locator(".govuk-error-summary")).to_contain_text("Select how useful")
    check_both_widths(learner)
    answer(learner, "Overall, how useful was the course to your work?", "5 - very much")
    answer(learner, "Before the course, how confident were you in this area of practice?", "2")
    answer(learner, "Now, after the course, how confident are you?", "4")
    answer(learner, "True or false: Parents' self-reports should be checked.", "True")
    learner.get_by_role("button", name="Send my answers").click()
    expect(learner.get_by_role("heading", level=1)).to_have_text("Thank you")
    check_both_widths(learner)
    learner.goto(end_url)  # the link works once
    expect(learner.get_by_role("heading", level=1)).to_have_text(
        "This evaluation has already been answered"
    )

    # the follow-up, 8 weeks on, to the learner (and the manager)
    page.goto(f"{base}/training/")
    page.get_by_role("button", name="Send the follow-up evaluations that are due").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("2 follow-up links issued")
    page.get_by_role("link", name="Managing engagement and disguised compliance").first.click()
    page.get_by_role("link", name=held.strftime("%-d %B %Y")).click()
    follow_url = base + page.get_by_role(
        "link", name="Evaluation link for Ann Jones: Follow-up (learner's reflective log)"
    ).get_attribute("href")
    learner.goto(follow_url)
    expect(learner.get_by_role("heading", level=1)).to_have_text("Your reflective log")
    answer(learner, "How well has the organisation supported you to use what was learnt?", "4")
    answer(
        learner, "How much have you used the new knowledge and skills in practice?", "5 - very much"
    )
    answer(learner, "What impact has the training made to your practice?", "Strong impact")
    learner.get_by_label("An example of a difference it made for children (optional)").fill(
        "I now see children alone before agreeing a plan."
    )
    check_both_widths(learner)
    learner.get_by_role("button", name="Send my answers").click()
    expect(learner.get_by_role("heading", level=1)).to_have_text("Thank you")
    assert EvaluationResponse.objects.count() == 2
    assert not EvaluationResponse.objects.filter(practice_example__contains="Ann").exists()

    # the course's statistics changed
    page.get_by_role("link", name="Managing engagement and disguised compliance").click()
    expect(figure(page, "Places")).to_have_text("2")
    expect(figure(page, "Attended")).to_have_text("1")
    expect(figure(page, "Non-attendance rate")).to_have_text("50.0%")
    expect(figure(page, "Follow-ups answered")).to_have_text("1")
    expect(figure(page, "Strong impact")).to_have_text("0")  # not yet rated
    expect(figure(page, "Not yet rated")).to_have_text("1")
    levels = page.locator("table[data-section='levels']")
    expect(levels.locator("tr").filter(has_text="Level 1: Reaction")).to_contain_text("100.0%")
    check_both_widths(page)

    page.goto(f"{base}/training/reflective-logs/")
    check_both_widths(page)
    page.get_by_role("link", name="Rate").first.click()
    page.get_by_label("Strong impact").check()
    page.get_by_role("button", name="Save the rating").click()

    page.goto(f"{base}/training/statistics/?year={held.year if held.month >= 4 else held.year - 1}")
    expect(figure(page, "Strong impact")).to_have_text("1")
    check_both_widths(page)
    for url in (
        "/training/charges/",
        "/training/charging-policy/",
        "/training/gap-analysis/",
        "/training/gap-analysis/new/",
    ):
        page.goto(base + url)
        check_both_widths(page)

    # the theme page's Training section now lists the session
    page.goto(f"{base}/learning/themes/disguised-compliance/")
    expect(page.locator("main")).to_contain_text(
        f"Managing engagement and disguised compliance, {held.strftime('%-d %B %Y')} (1 attended)"
    )
    check_both_widths(page)
