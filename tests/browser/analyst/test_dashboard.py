from playwright.sync_api import expect

from lineofsight.partnership.roles import Role
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
    page.get_by_label("Financial year").select_option("2019-20")
    page.get_by_role("button", name="Show year").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Performance: 2019-20")
    expect(
        page.get_by_role("button", name="Recompute indicators from the current returns")
    ).to_have_count(0)
