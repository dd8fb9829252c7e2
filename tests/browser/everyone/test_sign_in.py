import os
from pathlib import Path

from playwright.sync_api import expect

from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.roles import Role
from tests.browser.conftest import assert_no_axe_violations, sign_in


def test_sign_in_page_is_accessible(live_server, page, partnership):
    page.goto(f"{live_server.url}/accounts/sign-in/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sign in")
    assert_no_axe_violations(page)


def test_wrong_password_shows_an_accessible_error_summary(live_server, page, make_user):
    user = make_user(Role.BOARD_MEMBER)
    sign_in(page, live_server.url, user.username, password="not-the-password")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter a correct username and password")
    expect(page).to_have_title("Error: Sign in - Test Partnership")
    assert_no_axe_violations(page)


def test_sign_in_reaches_the_home_page(signed_in_as, live_server):
    page = signed_in_as(Role.PARTNERSHIP_ADMIN)
    expect(page.get_by_role("heading", level=1)).to_have_text("Test Partnership")
    expect(
        page.get_by_role("navigation", name="Menu").get_by_role("link", name="Audit log")
    ).to_be_visible()
    page.screenshot(
        path=str(Path(os.environ.get("LINEOFSIGHT_VAR_DIR", "/tmp")) / "home.png"), full_page=True
    )
    assert page.evaluate("document.body.classList.contains('govuk-frontend-supported')")
    assert_no_axe_violations(page)


def test_audit_log_page_is_accessible(signed_in_as, live_server):
    page = signed_in_as(Role.PARTNERSHIP_ADMIN)
    page.goto(f"{live_server.url}/audit/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Audit log")
    expect(page.locator("main")).to_contain_text("Signed in")
    expect(page.locator("main")).not_to_contain_text("account.sign_in")
    page.locator("details summary").first.click()
    assert_no_axe_violations(page)


def test_audit_log_details_fit_a_375_pixel_screen(signed_in_as, live_server):
    """Issue 18: the open details (long values, hashes, JSON-like text) must not widen the page."""
    from django.db import transaction

    from lineofsight.audit.models import AuditLog
    from lineofsight.audit.services import record

    page = signed_in_as(Role.PARTNERSHIP_ADMIN)
    with transaction.atomic():
        record(
            actor=SYSTEM,
            verb="benchmarks.import",
            action=AuditLog.Action.OTHER,
            object_type="performance.PublishedFigure",
            detail={"files": ["x" * 300], "sha256": "ab" * 64},
        )
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{live_server.url}/audit/")
    for summary in page.locator("details summary").all():
        summary.click()
    expect(page.locator("main")).to_contain_text("x" * 300)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the audit log is {width}px wide at 375px"
    assert_no_axe_violations(page)


def test_accessibility_checker_really_finds_problems(live_server, page, partnership):
    """Guard against a checker that passes everything: a broken page must fail."""
    from tests.browser.conftest import axe_violations

    page.goto(f"{live_server.url}/accounts/sign-in/")
    page.evaluate("document.querySelector('#id_username').removeAttribute('id')")
    page.evaluate("document.documentElement.removeAttribute('lang')")
    ids = {v["id"] for v in axe_violations(page)}
    assert "html-has-lang" in ids
