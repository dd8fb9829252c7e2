"""Browser tests: Playwright (Python) driving Debian's Chromium, with axe-core accessibility checks.

Chromium is Debian's package at /usr/bin/chromium (``make test`` installs it with apt when it is
missing); a downloaded browser is never used.  A missing browser FAILS the run, it is not skipped.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs a loop

from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402

from lineofsight.partnership import demo as partnership_demo  # noqa: E402
from lineofsight.partnership import services as partnership_services  # noqa: E402
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.models import Partnership, User  # noqa: E402
from lineofsight.partnership.roles import Role  # noqa: E402
from lineofsight.testing.fixtures import PASSWORD  # noqa: E402

AXE = Path(__file__).parent / "assets" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = str(Path(__file__).parent)
    for item in items:
        if str(item.fspath).startswith(here):
            item.add_marker(pytest.mark.browser)


def chromium_executable() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        pytest.fail(
            "Debian's chromium is not installed: run `make test` (installs it with apt) or "
            "`apt-get install chromium`. Browser tests are never skipped.",
            pytrace=False,
        )
    return path


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=chromium_executable(), headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def sign_in(page: Page, base_url: str, username: str, password: str = PASSWORD) -> None:
    page.goto(f"{base_url}/accounts/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


@pytest.fixture
def signed_in_as(
    live_server: object, page: Page, make_user: Callable[..., User]
) -> Callable[..., Page]:
    """``signed_in_as(Role.X)`` -> the page, signed in as a new user holding that role."""

    def sign_in_with(*roles: Role, **kwargs: object) -> Page:
        user = make_user(*roles, **kwargs)
        sign_in(page, live_server.url, user.username)  # type: ignore[attr-defined]
        return page

    return sign_in_with


@pytest.fixture
def demo_agencies(partnership: Partnership, agency: object) -> Partnership:
    """The demo partnership's agencies (by code) in the test partnership, which the demo loaders
    of the learning apps expect; ``agency`` (code "police") stands in for the demo's police."""
    known = set(partnership.agencies.values_list("code", flat=True))
    for name, code, kind in partnership_demo.AGENCIES:
        if code not in known:
            partnership_services.create_agency(
                actor=SYSTEM, partnership=partnership, name=name, code=code, kind=kind
            )
    return partnership


def axe_violations(page: Page) -> list[dict]:
    """Run axe-core in the page (evaluated through DevTools, so the page's CSP stays in force)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        AXE_TAGS,
    )
    return result["violations"]


def assert_no_axe_violations(page: Page) -> None:
    violations = axe_violations(page)
    summary = [
        f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:3]}"
        for v in violations
    ]
    assert violations == [], f"{page.url} has accessibility violations:\n" + "\n".join(summary)
