"""Labels, buttons, tables and charts as they are laid out, on a desktop and on a 375 px phone.

The every-page sweep checks that no page is wider than the phone screen; these tests check what a
width check cannot: that status and variation tags stay on one line, that a record's buttons line
up, that a wide table scrolls inside its own labelled region and that chart labels are readable.
"""

import pytest
from playwright.sync_api import Page, expect

from lineofsight.actions.models import Action, LearningTheme
from lineofsight.assurance import demo as assurance_demo
from lineofsight.delivery import demo as delivery_demo
from lineofsight.delivery.models import PlanItem
from lineofsight.partnership.roles import Role
from lineofsight.reviews import demo as reviews_demo
from tests.browser.conftest import assert_no_axe_violations

WIDE = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}

# Each tag's rendered height against one line of its own text: 1 means it did not wrap.
TAG_LINES = """() => [...document.querySelectorAll('main .govuk-tag')].map(tag => {
  const style = getComputedStyle(tag);
  const padding = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
  const lines = (tag.getBoundingClientRect().height - padding) / parseFloat(style.lineHeight);
  return [tag.textContent.trim(), Math.round(lines * 10) / 10];
})"""


def page_fits(page: Page) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


def assert_tags_on_one_line(page: Page) -> None:
    tags = page.evaluate(TAG_LINES)
    assert tags, "no tags on the page"
    wrapped = [(text, lines) for text, lines in tags if lines > 1.2]
    assert not wrapped, f"tags wrapped onto more than one line: {wrapped}"


@pytest.fixture
def learning_history(demo_agencies):
    reviews_demo.load(seed=5)
    assurance_demo.load(seed=5)
    delivery_demo.load(seed=5)
    return demo_agencies


def test_status_tags_stay_on_one_line_and_the_actions_table_scrolls_in_its_region(
    signed_in_as, live_server, learning_history
):
    assert Action.objects.exists()
    page = signed_in_as(Role.PARTNERSHIP_ADMIN)
    page.goto(f"{live_server.url}/actions/")
    assert_tags_on_one_line(page)
    page.set_viewport_size(PHONE)
    assert_tags_on_one_line(page)
    assert page_fits(page)
    region = page.get_by_role("region", name="Actions")
    expect(region.get_by_role("table")).to_be_visible()
    # The table is wider than the phone, so its region scrolls, and the keyboard can reach it.
    assert region.evaluate("el => el.scrollWidth > el.clientWidth")
    region.focus()
    page.keyboard.press("ArrowRight")
    expect(region).to_be_focused()
    assert_no_axe_violations(page)


def test_pages_the_sweep_found_too_wide_now_fit_a_phone(
    signed_in_as, live_server, learning_history
):
    """A learning theme's year table, and Section 11 rounds for an agency lead, whose table holds
    visually hidden text that once escaped its scroll region (see site.css)."""
    theme = LearningTheme.objects.filter(actions__isnull=False).first()
    page = signed_in_as(Role.AGENCY_LEAD)
    page.set_viewport_size(PHONE)
    for path in (f"/learning/themes/{theme.slug}/", "/assurance/section-11/"):
        page.goto(f"{live_server.url}{path}")
        assert page_fits(page), path
        assert_no_axe_violations(page)


def test_a_delivery_items_buttons_line_up_on_a_desktop_and_stack_on_a_phone(
    signed_in_as, live_server, learning_history
):
    item = PlanItem.objects.order_by("pk").first()
    page = signed_in_as(Role.PARTNERSHIP_ADMIN)
    page.goto(f"{live_server.url}/delivery-plan/items/{item.pk}/")
    group = page.locator(".govuk-button-group")
    report = group.get_by_role("button", name="Report progress")
    action = group.get_by_role("button", name="Raise an action")
    change = group.get_by_role("link", name="Change what we will do")
    boxes = [x.bounding_box() for x in (report, action)]
    assert boxes[0]["y"] == boxes[1]["y"], f"buttons not on one line: {boxes}"
    assert boxes[0]["height"] == boxes[1]["height"]
    assert change.bounding_box()["x"] > boxes[1]["x"]
    page.set_viewport_size(PHONE)
    boxes = [x.bounding_box() for x in (report, action)]
    # stacked: one above the other, at the same left edge and the same width
    assert boxes[0]["x"] == boxes[1]["x"] and boxes[0]["width"] == boxes[1]["width"]
    assert abs(boxes[1]["y"] - boxes[0]["y"]) >= boxes[0]["height"]
    assert page_fits(page)
    assert_tags_on_one_line(page)
    assert_no_axe_violations(page)


def test_indicator_charts_scale_to_a_phone_with_readable_labels(
    signed_in_as, live_server, computed
):
    page = signed_in_as(Role.PERFORMANCE_ANALYST)
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/performance/")
    assert page_fits(page)
    assert_tags_on_one_line(page)
    page.get_by_role("region", name="All indicators").get_by_role("link").first.click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    charts = page.locator("svg.los-chart")
    assert charts.count() >= 1
    assert page_fits(page)
    for index in range(charts.count()):
        chart = charts.nth(index)
        width = chart.bounding_box()["width"]
        assert 300 <= width <= 375, f"chart {index} is {width} px wide on a 375 px screen"
        # Every label shown is at least 11 px high on screen, and none of them overlap.
        labels = chart.evaluate(
            """svg => [...svg.querySelectorAll('text')]
                 .filter(t => getComputedStyle(t).display !== 'none')
                 .map(t => { const b = t.getBoundingClientRect();
                             return {text: t.textContent, size: parseFloat(getComputedStyle(t)
                             .fontSize) * b.height / t.getBBox().height, left: b.left,
                             right: b.right, top: b.top, bottom: b.bottom}; })"""
        )
        small = [(label["text"], round(label["size"], 1)) for label in labels if label["size"] < 11]
        assert not small, f"chart {index} labels under 11 px: {small}"
        overlaps = [
            (a["text"], b["text"])
            for i, a in enumerate(labels)
            for b in labels[i + 1 :]
            if a["left"] < b["right"]
            and b["left"] < a["right"]
            and a["top"] < b["bottom"]
            and b["top"] < a["bottom"]
        ]
        assert not overlaps, f"chart {index} labels overlap: {overlaps}"
    assert_no_axe_violations(page)
