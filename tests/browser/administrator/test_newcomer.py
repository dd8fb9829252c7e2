"""The newcomer's journey (issue 10 "Done when"): from an empty database, `lineofsight setup` by
flags, the administrator signs in through the printed one-time link, sets up two-factor, adds two
agencies and invites three users; each sets a password from their emailed link and two-factor;
the analyst uploads a synthetic return which is accepted and, after the worker's recompute, on
the dashboard.  Every new page is checked with axe at 1280 and 375 px."""

from __future__ import annotations

import base64
import re

from django.core import mail
from django_otp.oath import TOTP
from playwright.sync_api import Page, expect

from lineofsight.background.worker import RecoveringWorker
from lineofsight.cli import main
from lineofsight.datasets.models import Submission
from lineofsight.partnership.models import Agency, User
from lineofsight.synth import generate
from tests.browser.conftest import assert_no_axe_violations, sign_in

ADMIN_PASSWORD = "harbour-violet-compass-93"  # noqa: S105 - test-only
LINK = re.compile(r"https?://[^\s]+/accounts/password/set/[^\s]+/")


def _axe_both_widths(page: Page) -> None:
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        assert_no_axe_violations(page)
    page.set_viewport_size({"width": 1280, "height": 900})


def _set_password_and_two_factor(page: Page, link: str, username: str, password: str) -> None:
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Choose your password")
    _axe_both_widths(page)
    page.get_by_label("New password", exact=True).fill(password)
    page.get_by_label("New password confirmation").fill(password)
    page.get_by_role("button", name="Set password").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Your password is set")
    sign_in(page, page.url.split("/accounts/")[0], username, password)
    expect(page.get_by_role("heading", level=1)).to_contain_text("two-factor")
    secret = page.locator("main code").inner_text().strip()
    token = TOTP(base64.b32decode(secret)).token()
    page.get_by_label("Security code").fill(f"{token:06d}")
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_text("You are signed in as")).to_be_visible()


def _sign_out(page: Page) -> None:
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()


def _invite(page: Page, base: str, username: str, email: str, agency: str, role: str) -> str:
    before = len(mail.outbox)
    page.goto(f"{base}/administration/users/invite/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Agency", exact=True).select_option(label=agency)
    page.get_by_label(role, exact=True).check()
    page.get_by_role("button", name="Send invitation").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(f"{username} invited")
    assert len(mail.outbox) == before + 1 and mail.outbox[-1].to == [email]
    found = LINK.search(mail.outbox[-1].body)
    assert found, mail.outbox[-1].body
    return found.group(0)


def test_a_newcomer_sets_up_a_real_partnership(
    live_server, page, settings, tmp_path, capsys, monkeypatch
):
    base = live_server.url
    settings.SITE_URL = base
    settings.REQUIRE_TWO_FACTOR = True
    settings.SNAPSHOT_DIR = tmp_path / "snapshots"
    monkeypatch.delenv("LINEOFSIGHT_ADMIN_PASSWORD", raising=False)
    assert not User.objects.exists()

    # 1. Set-up by flags prints a one-time link for the administrator.
    assert main(["setup", "--no-input", "--la", "371", "--admin", "sam",
                 "--email", "sam@example.org"]) == 0  # fmt: skip
    out = capsys.readouterr().out
    admin_link = LINK.search(out)
    assert admin_link, out
    _set_password_and_two_factor(page, admin_link.group(0), "sam", ADMIN_PASSWORD)
    _axe_both_widths(page)  # the home page with the administrator's panels
    expect(page.get_by_role("heading", name="Returns from every agency")).to_be_visible()

    # 2. Two agencies.
    page.get_by_role("link", name="Administration").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Administration")
    _axe_both_widths(page)
    for name, code, kind in (("Northern Schools Trust", "schools", "Schools and education"),
                             ("Riverside Probation", "probation", "Probation")):  # fmt: skip
        page.goto(f"{base}/administration/agencies/add/")
        _axe_both_widths(page)
        page.get_by_label("Name").fill(name)
        page.get_by_label("Kind of agency").select_option(label=kind)
        page.get_by_label("Short code").fill(code)
        page.get_by_role("button", name="Add agency").click()
        expect(page.locator(".govuk-notification-banner")).to_contain_text(f"{name} added")
    expect(page.get_by_role("table")).to_contain_text("Riverside Probation")
    _axe_both_widths(page)  # the agencies list
    assert Agency.objects.filter(code__in=["schools", "probation"]).count() == 2
    for path in ("users/invite/", "population/", "financial-year/", "return-schedule/"):
        page.goto(f"{base}/administration/{path}")
        _axe_both_widths(page)

    # 3. Three users, invited by email.
    council = Agency.objects.get(code="council").name
    links = {
        "ana": _invite(page, base, "ana", "ana@example.org", council, "Performance analyst"),
        "lee": _invite(
            page, base, "lee", "lee@example.org", "Northern Schools Trust", "Agency lead"
        ),  # fmt: skip
        "bea": _invite(
            page,
            base,
            "bea",
            "bea@example.org",
            "Riverside Probation",
            "Board member",
        ),  # fmt: skip
    }
    page.goto(f"{base}/administration/users/")
    expect(page.get_by_role("table")).to_contain_text("Invited")
    _axe_both_widths(page)
    page.get_by_role("link", name="lee").click()
    _axe_both_widths(page)
    _sign_out(page)

    for username in ("lee", "bea", "ana"):  # the analyst last: stays signed in to upload
        _set_password_and_two_factor(page, links[username], username, f"{username}-long-2026-pass")
        if username != "ana":
            _axe_both_widths(page)  # the lead's and the board member's home pages
            _sign_out(page)
    assert all(u.totpdevice_set.filter(confirmed=True).exists() for u in User.objects.all())

    # 4. The analyst uploads a synthetic return: accepted, recomputed by the worker, shown.
    files = generate(tmp_path / "borough", seed=5, years=range(2021, 2022), scale=0.03)
    cin = next(f for f in files if f.suffix == ".xml")
    page.goto(f"{base}/data/upload/")
    page.get_by_label("Upload returns").set_input_files(str(cin))
    page.get_by_role("button", name="Upload and check").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Return accepted")
    assert Submission.objects.get().status == Submission.Status.ACCEPTED
    RecoveringWorker(
        queue_names=["*"], excluded_queue_names=[], interval=0, batch=True,
        backend_name="default", startup_delay=False, max_tasks=None, worker_id="newcomer",
    ).run()  # fmt: skip
    page.goto(f"{base}/performance/?period=2020-21")
    expect(page.get_by_role("heading", level=1)).to_have_text("Performance: 2020-21")
    expect(page.locator("main")).not_to_contain_text("No figures have been computed yet")
    expect(page.get_by_role("heading", name="All indicators")).to_be_visible()
    page.goto(f"{base}/accounts/password/change/")
    _axe_both_widths(page)
    page.goto(f"{base}/accounts/reminders/")
    _axe_both_widths(page)
    _sign_out(page)
    page.goto(f"{base}/accounts/password/forgotten/")
    _axe_both_widths(page)
