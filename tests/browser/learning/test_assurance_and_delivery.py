"""The audit programme, the challenge log and the delivery plan in the browser, on the demo
histories: open the list, open a record, check what matters on it, and check accessibility."""

import re

import pytest
from playwright.sync_api import Page, expect

from lineofsight.assurance import demo as assurance_demo
from lineofsight.assurance.models import Audit, Challenge
from lineofsight.delivery import demo as delivery_demo
from lineofsight.delivery.models import PlanItem
from lineofsight.partnership.roles import Role
from tests.browser.conftest import assert_no_axe_violations


@pytest.fixture
def assurance_history(demo_agencies):
    assurance_demo.load(seed=5)
    return demo_agencies


@pytest.fixture
def delivery_history(demo_agencies):
    delivery_demo.load(seed=5)
    return demo_agencies


def summary_value(page: Page, key: str):
    row = page.locator(".govuk-summary-list__row").filter(
        has=page.locator(".govuk-summary-list__key", has_text=key)
    )
    return row.locator(".govuk-summary-list__value")


def test_audit_programme_list_and_a_re_audit(signed_in_as, live_server, assurance_history):
    page = signed_in_as(Role.PARTNERSHIP_ADMIN)
    page.goto(f"{live_server.url}/assurance/audits/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Multi-agency audits")
    total = Audit.objects.count()
    expect(page.locator("table caption")).to_have_text(f"{total} audits")
    assert_no_axe_violations(page)

    page.get_by_label("Title or theme").fill("re-audit")
    page.get_by_role("button", name="Filter").click()
    expect(page.locator("table caption")).not_to_have_text(f"{total} audits")
    page.get_by_role("link", name="Children known to children's social care: re-audit").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Children known to children's social care: re-audit"
    )
    expect(summary_value(page, "Re-audit of")).to_contain_text(
        "Children known to children's social care (peer review)"
    )
    expect(summary_value(page, "Audit lead")).to_contain_text("Demo Children's Services Trust")
    comparison = page.get_by_role("table", name=re.compile("Gradings good or outstanding: by type"))
    expect(comparison.get_by_role("columnheader", name=re.compile("^Original"))).to_be_visible()
    expect(comparison.get_by_role("rowheader").first).to_be_visible()
    expect(
        page.get_by_role("table", name=re.compile("cases: each agency's grading"))
    ).to_be_visible()
    expect(page.get_by_role("heading", level=3, name="Strength")).to_be_visible()
    expect(page.locator(".govuk-summary-card")).to_contain_text(
        "Conference attendance by partner agencies improved"
    )
    assert_no_axe_violations(page)

    # Planning a re-audit starts from this audit; the form and its error state are accessible.
    page.get_by_role("link", name="Plan a re-audit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add an audit")
    expect(page.get_by_label("Theme", exact=True)).to_have_value("Quality of practice")
    assert_no_axe_violations(page)
    page.get_by_label("Title").fill("")
    page.get_by_role("button", name="Save").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    # each message in the summary links to its field
    first = summary.get_by_role("link").first
    target = first.get_attribute("href")
    assert target and page.locator(target).count() == 1
    expect(page).to_have_title(re.compile(r"^Error: Add an audit - "))
    assert Audit.objects.count() == total
    assert_no_axe_violations(page)


def test_challenge_log_list_and_a_challenge(signed_in_as, live_server, assurance_history):
    page = signed_in_as(Role.BOARD_MEMBER)
    page.goto(f"{live_server.url}/assurance/challenges/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Challenge log")
    expect(page.locator("table caption")).to_have_text(f"{Challenge.objects.count()} challenges")
    # a board member or scrutineer reads the log and logs challenges (issue 10)
    expect(page.get_by_role("link", name="Log a challenge")).to_have_count(1)
    assert_no_axe_violations(page)

    page.get_by_label("Agency (raising or challenged)").select_option(
        label="Demo Schools and Education"
    )
    page.get_by_role("button", name="Filter").click()
    rows = page.locator("table tbody tr")
    expect(rows.first).to_contain_text("Demo Schools and Education")
    page.get_by_role("link", name="Cancellation of the schools CSE education carousel").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Cancellation of the schools CSE education carousel"
    )
    expect(page).to_have_title(
        "Challenge: Cancellation of the schools CSE education carousel - Test Partnership"
    )
    expect(summary_value(page, "Raised")).to_have_text("14 June 2016")
    expect(summary_value(page, "Agency challenged")).to_have_text("Demo Schools and Education")
    expect(summary_value(page, "Challenged by")).to_have_text("Performance Accountability Board")
    expect(summary_value(page, "Outcome")).to_have_text("The carousel was reinstated")
    expect(summary_value(page, "Status")).to_have_text("Resolved")
    assert_no_axe_violations(page)


def test_delivery_plan_list_plan_and_item(signed_in_as, live_server, delivery_history, agency):
    page = signed_in_as(Role.AGENCY_LEAD, agency_=agency)
    page.goto(f"{live_server.url}/delivery-plan/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Delivery plan")
    expect(page.locator("table caption")).to_have_text(f"{PlanItem.objects.count()} items")
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Safeguarding strategic plan 2019-2021").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Safeguarding strategic plan 2019-2021"
    )
    expect(
        page.get_by_role("heading", level=2, name=re.compile("^2. Domestic abuse"))
    ).to_be_visible()
    expect(
        page.get_by_role("heading", level=3, name="What success will look like").first
    ).to_be_visible()
    assert_no_axe_violations(page)

    page.get_by_role("link", name="b) Review lower-risk cases through a daily triage").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "b) Review lower-risk cases through a daily triage"
    )
    expect(summary_value(page, "Lead")).to_have_text("Test Police")
    item = PlanItem.objects.get(text="Review lower-risk cases through a daily triage")
    expect(summary_value(page, "Progress")).to_have_text(item.get_rag_display())
    updates = page.locator(".govuk-inset-text")
    expect(updates).to_have_count(item.updates.count())
    # the police lead leads this item, so reports its progress; managing the plan is not theirs
    expect(page.get_by_role("button", name="Report progress")).to_be_visible()
    expect(page.get_by_role("button", name="Raise an action")).to_have_count(0)
    assert_no_axe_violations(page)

    page.get_by_role("button", name="Report progress").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_no_axe_violations(page)
