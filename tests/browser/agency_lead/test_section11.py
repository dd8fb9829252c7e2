"""An agency lead completes their agency's Section 11 return in the browser (accessibly)."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from lineofsight.assurance import standards
from lineofsight.assurance.models import Section11Return
from lineofsight.assurance.services import section11
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.roles import Role
from tests.browser.conftest import assert_no_axe_violations

pytestmark = pytest.mark.browser


@pytest.fixture
def round_(partnership):
    return section11.create_round(
        actor=SYSTEM, partnership=partnership, year=2021, due_date=dt.date(2021, 6, 30)
    )


def test_agency_lead_saves_a_draft_then_submits_the_return(
    signed_in_as, live_server, round_, agency
):
    page = signed_in_as(Role.AGENCY_LEAD, agency_=agency)
    page.goto(f"{live_server.url}/assurance/section-11/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Section 11 self-assessment")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Start your return for 2021").click()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Start now").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Section 11 return 2021")
    assert_no_axe_violations(page)

    # rate one standard as partially met without a development point, and save a draft
    page.locator("input[name=training_rating][value=partially_met]").check()
    page.locator("textarea[name=training_evidence]").fill("Induction training only")
    page.get_by_role("button", name="Save as draft").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("draft has been saved")

    # submitting an incomplete return shows an accessible error summary
    page.get_by_role("button", name="Submit the return").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("say what your agency will develop")
    expect(page).to_have_title(re.compile(r"^Error: "))
    assert_no_axe_violations(page)

    for item in standards.standards():
        if item.code != "training":
            page.locator(f"input[name={item.code}_rating][value=fully_met]").check()
            page.locator(f"textarea[name={item.code}_evidence]").fill(f"Evidence {item.number}")
    page.locator("textarea[name=training_development_point]").fill(
        "Refresher training for all staff by March"
    )
    page.get_by_role("button", name="Submit the return").click()

    expect(page.locator(".govuk-notification-banner")).to_contain_text("has been submitted")
    expect(page.get_by_text("Refresher training for all staff by March")).to_be_visible()
    assert_no_axe_violations(page)
    stored = Section11Return.objects.get(round=round_, agency=agency)
    assert stored.status == "submitted"
    assert stored.answers.get(standard="training").rating == "partially_met"
