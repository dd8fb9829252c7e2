"""The Reports page in the browser: an analyst generates the annual report (queued, then made by
the background worker); the page, the report detail (queued and ready) and the generated HTML
report itself pass axe; a narrative is written and submitted."""

import pytest
from playwright.sync_api import expect

from lineofsight.background.worker import RecoveringWorker
from lineofsight.partnership.roles import Role
from lineofsight.reports.models import Report
from lineofsight.reports.services import report_file
from tests.browser.conftest import assert_no_axe_violations


@pytest.fixture
def borough(computed, demo_agencies, settings, tmp_path):
    settings.VAR_DIR = tmp_path  # generated report files
    return demo_agencies


@pytest.mark.parametrize("edition", ["published", "internal"])
def test_generate_the_annual_report_and_its_html_is_accessible(
    signed_in_as, live_server, borough, edition
):
    page = signed_in_as(Role.PERFORMANCE_ANALYST)
    page.goto(f"{live_server.url}/reports/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Reports")
    assert_no_axe_violations(page)
    page.get_by_label("Annual report").check()
    page.get_by_label("Period").fill("2020-21")
    page.get_by_label(
        "Published (small numbers suppressed)"
        if edition == "published"
        else "Internal (full figures)"
    ).check()
    page.get_by_label("Web page (HTML)").check()
    page.get_by_role("button", name="Generate").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Annual report 2020-21")
    expect(page.get_by_text("This report is queued")).to_be_visible()
    assert_no_axe_violations(page)
    RecoveringWorker(
        queue_names=["*"],
        excluded_queue_names=[],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="browser-test-worker",
    ).run()  # the background worker generates it
    page.get_by_role("link", name="Check progress again").click()
    expect(page.get_by_text("Ready")).to_be_visible()
    assert_no_axe_violations(page)

    report = Report.objects.get()
    page.goto("about:blank")  # the downloaded file, opened on its own (not under the site's CSP)
    page.set_content(report_file(report).read_text())
    expect(page.get_by_role("heading", level=1)).to_contain_text("annual report 2020-21")
    expect(page.get_by_role("navigation", name="Contents")).to_be_visible()
    assert page.locator("svg[role=img] title").count() > 5  # charts with text alternatives
    assert page.locator("table th[scope=col]").count() > 20
    assert_no_axe_violations(page)
    levels = page.evaluate(
        "() => [...document.querySelectorAll('h1,h2,h3,h4')].map(h => +h.tagName[1])"
    )
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), "a heading level is skipped"


def test_narrative_written_and_submitted_in_the_browser(signed_in_as, live_server, borough):
    page = signed_in_as(Role.AGENCY_LEAD)
    page.goto(f"{live_server.url}/reports/narratives/?period=2020-21")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Early help").click()
    page.get_by_label("What has been done?").fill("Lead practitioner training for schools.")
    page.get_by_role("button", name="Save draft").click()
    row = page.get_by_role("row", name="Early help")
    expect(row).to_contain_text("Draft")
    row.get_by_role("link").click()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Submit for approval").click()
    expect(page.get_by_role("row", name="Early help")).to_contain_text("Submitted for approval")
