"""Learning and improvement in the browser: a rapid review and its deadline; a recommendation
turned into an action and closed with evidence by the owning agency's lead; accessibility."""

import datetime as dt

import pytest
from playwright.sync_api import Page, expect

from lineofsight.actions.models import Action, LearningTheme
from lineofsight.actions.themes import sync_themes
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.roles import Role
from lineofsight.reviews import services as reviews
from lineofsight.reviews.models import Review
from tests.browser.conftest import assert_no_axe_violations, sign_in


@pytest.fixture
def themes(transactional_db):
    sync_themes(LearningTheme)  # a transactional test starts with empty tables


def fill_date(page: Page, legend: str, day: dt.date) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def test_record_a_rapid_review_and_see_its_deadline(signed_in_as, live_server, themes):
    page = signed_in_as(Role.PARTNERSHIP_ADMIN)
    page.goto(f"{live_server.url}/reviews/")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Record a serious incident").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Record a serious incident")
    assert_no_axe_violations(page)

    # A name is refused, with an accessible error summary.
    page.get_by_label("Pseudonymous reference").fill("Jayden Smith")
    page.get_by_label("Serious harm to a child").check()
    fill_date(page, "When did the local authority become aware?", dt.date(2021, 4, 1))
    page.get_by_role("button", name="Record the incident").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("looks like a name")
    assert_no_axe_violations(page)

    page.get_by_label("Pseudonymous reference").fill("Child M")
    page.get_by_label("Neglect").check()
    page.get_by_role("button", name="Record the incident").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Rapid review Child M")
    # Thursday 1 April 2021: Good Friday and Easter Monday are not working days.
    notify = page.locator("tr[data-deadline=notification]")
    expect(notify).to_contain_text("12 April 2021")
    expect(notify).to_contain_text("Overdue by")
    rapid = page.locator("tr[data-deadline=rapid_review]")
    expect(rapid).to_contain_text("26 April 2021")
    expect(page.locator(".govuk-warning-text").first).to_contain_text("Notify the national panel")
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Record the rapid review").click()
    expect(page.get_by_text("expected by 26 April 2021")).to_be_visible()
    assert_no_axe_violations(page)
    fill_date(page, "When was the rapid review completed?", dt.date(2021, 4, 22))
    page.get_by_label("Local child safeguarding practice review").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("CSPR Child M")
    expect(page.locator("tr[data-deadline=rapid_review]")).to_contain_text("Done 22 April 2021")
    expect(page.locator("tr[data-deadline=publication]")).to_contain_text("22 October 2021")
    assert Review.objects.get().decision == "cspr"
    assert_no_axe_violations(page)


def test_recommendation_becomes_an_action_closed_with_evidence(
    live_server, page, make_user, agency, partnership, themes
):
    admin = make_user(Role.PARTNERSHIP_ADMIN, username="manager")
    lead = make_user(Role.AGENCY_LEAD, username="police.lead")  # lead of `agency` (police)
    review = reviews.create_review(
        actor=admin,
        partnership=partnership,
        reference="Child Q",
        incident_type="serious_harm",
        la_aware_on=dt.date(2020, 6, 1),
        themes=["domestic-abuse"],
    )
    reviews.add_recommendation(
        actor=admin,
        review=review,
        text="Police should use Risk to Children markers for known violent offenders",
    )

    sign_in(page, live_server.url, admin.username)
    page.goto(f"{live_server.url}/reviews/{review.pk}/")
    page.get_by_role("link", name="Turn into an action").click()
    assert_no_axe_violations(page)
    page.get_by_label("Owner agency").select_option(label="Test Police")
    fill_date(page, "Due date", dt.date.today() + dt.timedelta(days=90))
    page.get_by_role("button", name="Create the action").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Risk to Children markers")
    expect(page.locator(".govuk-summary-list")).to_contain_text("Rapid review Child Q rec 1")
    expect(page.locator(".govuk-summary-list")).to_contain_text("Domestic abuse")
    assert_no_axe_violations(page)
    action = Action.objects.get()
    assert action.source == "review" and action.owner_agency == agency

    # The police lead updates and closes it with evidence of impact.
    page.context.clear_cookies()
    sign_in(page, live_server.url, lead.username)
    page.goto(f"{live_server.url}/actions/{action.pk}/")
    page.get_by_role("link", name="Add an update").click()
    page.get_by_label("What has happened").fill("Guidance issued to all response officers")
    page.get_by_label("In progress").check()
    page.get_by_role("button", name="Save update").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Update added")
    page.get_by_role("link", name="Close with evidence of impact").click()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Close the action").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Enter the evidence that this action has made a difference"
    )
    assert_no_axe_violations(page)
    page.get_by_label("Evidence of impact").fill(
        "Dip sample of 30 records: the correct marker on 29"
    )
    page.get_by_role("button", name="Close the action").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("closed with evidence")
    expect(page.locator(".govuk-summary-list")).to_contain_text("the correct marker on 29")
    expect(page.locator("ol")).to_contain_text("Guidance issued to all response officers")
    assert_no_axe_violations(page)
    assert Action.objects.get().status == "closed"

    # The review shows the closed action against its recommendation.
    page.goto(f"{live_server.url}/reviews/{review.pk}/")
    expect(page.locator("#recommendation-1")).to_contain_text("Closed with evidence of impact")


def test_tracker_summary_and_themes_pages_are_accessible(signed_in_as, live_server, agency, themes):
    from lineofsight.actions import services

    for days, status in ((-10, None), (10, None), (200, "closed")):
        action = services.create_action(
            actor=SYSTEM,
            title=f"Action due in {days} days",
            source="board",
            owner_agency=agency,
            due_date=dt.date.today() + dt.timedelta(days=days),
            themes=["neglect"],
        )
        if status:
            services.close_action(
                actor=SYSTEM,
                action=action,
                expected_version=1,
                impact_evidence="Re-audit shows improvement",
            )
    page = signed_in_as(Role.BOARD_MEMBER)
    for path, heading in (
        ("/learning/", "Learning and improvement"),
        ("/actions/", "Actions"),
        ("/actions/?due=overdue&source=board", "Actions"),
        ("/actions/summary/", "Actions: board summary"),
        (f"/actions/agency/{agency.pk}/", "Overdue and due soon"),
        ("/learning/themes/", "Learning themes"),
        ("/learning/themes/neglect/", "Neglect"),
    ):
        page.goto(f"{live_server.url}{path}")
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        assert_no_axe_violations(page)
    expect(page.locator("body")).to_contain_text("3 actions since")
