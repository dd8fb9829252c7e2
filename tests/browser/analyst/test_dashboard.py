import datetime as dt

from playwright.sync_api import expect

from lineofsight.actions.services import raise_action
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.roles import Role
from lineofsight.performance.action_services import track_indicator
from tests.browser.conftest import assert_no_axe_violations


def test_dashboard_and_indicator_page_are_accessible(signed_in_as, live_server, computed):
    page = signed_in_as(Role.PERFORMANCE_ANALYST)
    page.goto(f"{live_server.url}/performance/?period=2020-21")
    expect(page.get_by_role("heading", level=1)).to_have_text("Performance: 2020-21")
    expect(page.get_by_role("heading", name="Needs attention")).to_be_visible()
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Re-referrals within 12 months").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Re-referrals within 12 months")
    chart = page.get_by_role(
        "img", name="Re-referrals within 12 months: statistical process control chart"
    )
    expect(chart).to_be_visible()
    expect(page.get_by_role("table").filter(has_text="Statistical neighbours")).to_contain_text(
        "21.8"
    )
    assert_no_axe_violations(page)


def test_board_member_changes_the_year(signed_in_as, live_server, computed):
    page = signed_in_as(Role.BOARD_MEMBER)
    page.goto(f"{live_server.url}/performance/")
    page.get_by_label("Period").select_option("2019-20")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Performance: 2019-20")
    expect(
        page.get_by_role("button", name="Recompute indicators from the current returns")
    ).to_have_count(0)


def test_board_member_reads_a_quarter_and_its_breakdowns_on_a_desktop_and_a_phone(
    signed_in_as, live_server, computed
):
    """The quarter view of the overview, then an indicator's page for the quarter with its
    breakdown tables: axe at 1280 and 375 px, and nothing wider than a 375 px phone."""
    page = signed_in_as(Role.BOARD_MEMBER)
    page.goto(f"{live_server.url}/performance/?period=2020-21")
    page.get_by_label("Period").select_option("2020-21 Q3")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Performance: 2020-21 Q3")
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 800})
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        assert_no_axe_violations(page)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.get_by_role("link", name="Referrals", exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Referrals")
    expect(page.get_by_role("heading", name="Breakdowns, 2020-21 Q3")).to_be_visible()
    expect(page.get_by_role("table", name="By age band")).to_contain_text("10 to 15")
    expect(page.get_by_role("table", name="By referral or contact source")).to_be_visible()
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 800})
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        assert_no_axe_violations(page)


def test_board_member_reads_needs_attention_in_words_at_375px(
    signed_in_as, live_server, computed, partnership, agency
):
    """The "Needs attention" box says why each indicator is there, in words (no codes), every
    finding says whether it is beyond chance, and the page fits a phone."""
    page = signed_in_as(Role.BOARD_MEMBER)
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{live_server.url}/performance/?period=2020-21")
    box = page.locator("main").locator(".los-tile")
    expect(box.first).to_be_visible()
    text = page.locator("main").inner_text()
    assert "special_cause" not in text and "_pct" not in text and "[" not in text
    first = box.first.inner_text()
    assert any(
        reason in first
        for reason in (
            "Special cause concern",
            "Unusual, look into it",
            "Missed the 2020-21 target",
            "Worse than England",
        )
    ), first
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_no_axe_violations(page)
    # follow the first exception to its page: findings say whether each difference is chance
    box.first.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    findings = page.locator("main").inner_text()
    assert "chance" in findings
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.get_by_text("How this is defined").click()
    details = page.locator("details").inner_text()
    assert "<p" not in details and "Source:" in details
    assert_no_axe_violations(page)
    # what is being done about it: an action raised from this indicator, followed to the tracker
    indicator_id = page.url.split("/performance/")[1].split("/")[0]
    tracked = track_indicator(actor=SYSTEM, partnership=partnership, indicator_id=indicator_id)
    raise_action(
        actor=SYSTEM,
        record=tracked,
        owner_agency=agency,
        title="Dip-sample the cases behind this figure",
        due_date=dt.date(2030, 6, 30),
    )
    page.reload()
    done = page.get_by_role("table", name="Actions raised from this indicator")
    expect(done).to_contain_text("Dip-sample the cases behind this figure")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_no_axe_violations(page)
    done.get_by_role("link", name="Dip-sample the cases behind this figure").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Dip-sample the cases")
    assert_no_axe_violations(page)
