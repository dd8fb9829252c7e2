"""An accessibility sweep: every role crawls the pages it can reach and each page is checked.

For each role a new user signs in and the crawler starts at "/", following the same-origin links
it finds (breadth first).  Every page visited must

* have no axe-core violations (WCAG 2.0, 2.1 and 2.2, A and AA, as the rest of the harness),
* have exactly one ``h1``,
* have a ``<title>`` ending in the service name,
* have no duplicate ids (axe 4.11 no longer reports them under the WCAG tags: 4.1.1 is obsolete,
  but a repeated id still breaks labels, error-summary links and aria references),
* have no skipped heading level (an h2 followed by an h4, say),
* log no console error and throw no uncaught exception,
* answer with a status below 400 (a link shown to a role must not lead to a refusal),
* fit a 375 px wide phone screen: once checked at 1,280 px, the same page is resized to 375 px
  (not reloaded, to keep the sweep quick) and must not be wider than the viewport (no sideways
  scrolling of the whole page: wide tables scroll inside their own region) and must still have no
  axe violations (an axe rule such as scrollable-region-focusable only applies when it scrolls).

Every failure is collected; the test asserts once, with a report of url, rule and targets.

The data are the small computed synthetic borough (``computed``) plus the demo histories of the
learning apps (reviews and actions, audits, Section 11, the challenge log and delivery plans),
child death reviews and training (a small history), so
that list pages have rows and detail pages exist.  Seeding takes a while, so the roles are looped
inside one test rather than parametrized.
"""

from __future__ import annotations

import time
from collections import Counter, deque
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import Resolver404, resolve
from playwright.sync_api import Browser, ConsoleMessage, Error, Page

from lineofsight.assurance import demo as assurance_demo
from lineofsight.cdop import demo as cdop_demo
from lineofsight.delivery import demo as delivery_demo
from lineofsight.governance import demo as governance_demo
from lineofsight.lado import demo as lado_demo
from lineofsight.partnership.models import Partnership
from lineofsight.partnership.roles import Role
from lineofsight.reviews import demo as reviews_demo
from lineofsight.voice import demo as voice_demo
from lineofsight.workforce import demo as workforce_demo
from tests.browser.conftest import axe_violations, sign_in

MAX_PAGES_PER_ROLE = 100
# Detail pages of the same kind share a template: a few of each kind are enough, and leave the
# page budget for the other kinds (there are dozens of indicators, reviews and actions).
MAX_PAGES_PER_ROUTE = 2
MAX_LIST_PAGE = 2
DOWNLOAD_SUFFIXES = (".csv", ".xlsx", ".json", ".pdf", ".zip", ".ods")
SKIPPED_ROUTES = {"accounts:logout"}
WIDE = {"width": 1280, "height": 900}
NARROW = {"width": 375, "height": 812}


@dataclass
class Failure:
    url: str
    rule: str
    detail: str = ""
    targets: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        line = f"{self.url}\n    {self.rule}"
        if self.detail:
            line += f": {self.detail}"
        for target in self.targets[:5]:
            line += f"\n      -> {target}"
        if len(self.targets) > 5:
            line += f"\n      ... and {len(self.targets) - 5} more"
        return line


@pytest.fixture
def seeded(computed, demo_agencies: Partnership) -> Partnership:
    """The computed borough, with the demo agencies and the learning apps' demo histories."""
    reviews_demo.load(seed=7)
    assurance_demo.load(seed=7)
    delivery_demo.load(seed=7)
    cdop_demo.load(seed=7)
    governance_demo.load(seed=7)
    voice_demo.load(seed=7)
    lado_demo.load(seed=7)
    workforce_demo.load(seed=7, years=range(2021, 2022), scale=0.1)
    return demo_agencies


def visit_key(path: str, query: str) -> tuple[str, int] | None:
    """What makes a visit new: the path, and the list page (1 or 2); None means do not visit."""
    pages = parse_qs(query).get("page", ["1"])
    try:
        number = int(pages[-1])  # as Django reads a repeated parameter
    except ValueError:
        return None
    if number > MAX_LIST_PAGE:
        return None
    return path, number


def route_of(path: str) -> str | None:
    try:
        return resolve(path).view_name
    except Resolver404:
        return None


# The elements that stick out past the right edge of the viewport, outermost first, to say which
# table or chart made the page wider than the phone screen.
TOO_WIDE = """() => {
  const width = window.innerWidth;
  const page = document.documentElement.scrollWidth;
  if (page <= width) return null;
  const culprits = [];
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    if (box.right <= width + 1 || box.width === 0) continue;
    if (culprits.some(c => c.el.contains(el))) continue;
    // A table scrolling inside its own region does not widen the page: not a culprit.
    if (el.parentElement && el.parentElement.closest('.los-scroll-region')) continue;
    const label = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
      (el.className && typeof el.className === 'string'
        ? '.' + el.className.trim().split(/\\s+/).slice(0, 2).join('.') : '');
    culprits.push({el, text: `${label} (right edge ${Math.round(box.right)} px)`});
  }
  return {page, width, culprits: culprits.slice(0, 5).map(c => c.text)};
}"""

DUPLICATE_IDS = """() => {
  const counts = {};
  for (const el of document.querySelectorAll('[id]')) counts[el.id] = (counts[el.id] || 0) + 1;
  return Object.entries(counts).filter(([, n]) => n > 1).map(([id, n]) => `#${id} x${n}`);
}"""

# Each heading with the level it skips to: the outline may go down one level at a time.
SKIPPED_HEADINGS = """() => {
  const skips = [];
  let previous = 1;
  for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    const level = Number(h.tagName[1]);
    if (level > previous + 1) skips.push(`h${previous} -> h${level} "${h.textContent.trim()}"`);
    previous = level;
  }
  return skips;
}"""


def links_in(page: Page) -> list[str]:
    return page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")


class Crawl:
    def __init__(self, page: Page, base_url: str, service_name: str, role: Role) -> None:
        self.page = page
        self.base_url = base_url.rstrip("/")
        self.origin = urlsplit(base_url)[:2]
        self.service_name = service_name
        self.role = role
        self.failures: list[Failure] = []
        self.visited: list[str] = []
        self.seen: set[tuple[str, int]] = set()
        self.per_route: Counter[str] = Counter()
        self.console: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", self._page_error)

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            source = message.location.get("url", "")
            self.console.append(f"console error: {message.text} ({source})")

    def _page_error(self, error: Error) -> None:
        self.console.append(f"uncaught exception: {error.message}")

    def enqueue(self, queue: deque[str], href: str) -> None:
        parts = urlsplit(href)
        if parts[:2] != self.origin or not parts.path:
            return
        if parts.path.lower().endswith(DOWNLOAD_SUFFIXES) or "/results." in parts.path:
            return
        route = route_of(parts.path)
        if route is None or route in SKIPPED_ROUTES:
            return
        key = visit_key(parts.path, parts.query)
        if key is None or key in self.seen:
            return
        if self.per_route[route] >= MAX_PAGES_PER_ROUTE:
            return
        self.seen.add(key)
        self.per_route[route] += 1
        url = parts.path + (f"?{parts.query}" if key[1] > 1 else "")
        queue.append(url)

    def run(self) -> None:
        queue: deque[str] = deque()
        self.enqueue(queue, f"{self.base_url}/")
        while queue and len(self.visited) < MAX_PAGES_PER_ROLE:
            path = queue.popleft()
            url = f"{self.base_url}{path}"
            self.visited.append(path)
            self.check(url, path)
            for href in links_in(self.page):
                self.enqueue(queue, href)

    def check(self, url: str, path: str) -> None:
        where = f"[{self.role.value}] {path}"
        self.console.clear()
        response = self.page.goto(url)
        self.page.wait_for_load_state("load")
        if response is None or response.status >= 400:
            status = response.status if response else "no response"
            self.failures.append(Failure(where, "http-status", f"answered {status}"))
        self.check_axe(where)
        duplicates = self.page.evaluate(DUPLICATE_IDS)
        if duplicates:
            self.failures.append(Failure(where, "duplicate-id", "ids used twice", duplicates))
        skips = self.page.evaluate(SKIPPED_HEADINGS)
        if skips:
            self.failures.append(Failure(where, "heading-order", "a heading level skipped", skips))
        h1s = self.page.locator("h1").all_inner_texts()
        if len(h1s) != 1:
            self.failures.append(Failure(where, "one-h1", f"found {len(h1s)} h1: {h1s}"))
        title = self.page.title()
        if not title.endswith(f" - {self.service_name}"):
            self.failures.append(
                Failure(where, "title", f"{title!r} does not end in {self.service_name!r}")
            )
        self.check_narrow(where)
        for message in self.console:
            self.failures.append(Failure(where, "console", message))

    def check_axe(self, where: str, width: str = "") -> None:
        for violation in axe_violations(self.page):
            self.failures.append(
                Failure(
                    where,
                    f"axe {violation['id']} ({violation['impact']}){width}",
                    violation["help"],
                    [" ".join(node["target"]) for node in violation["nodes"]],
                )
            )

    def check_narrow(self, where: str) -> None:
        """Resize the page to a phone's width: it must fit, and still pass axe; then restore."""
        self.page.set_viewport_size(NARROW)
        try:
            overflow = self.page.evaluate(TOO_WIDE)
            if overflow:
                self.failures.append(
                    Failure(
                        where,
                        "narrow-overflow",
                        f"{overflow['page']} px wide at {overflow['width']} px",
                        overflow["culprits"],
                    )
                )
            self.check_axe(where, " at 375 px")
        finally:
            self.page.set_viewport_size(WIDE)


def test_every_page_every_role(browser: Browser, live_server, make_user, seeded) -> None:
    started = time.monotonic()
    failures: list[Failure] = []
    coverage: dict[str, int] = {}
    routes: set[str] = set()
    for role in Role:
        user = make_user(role, username=f"sweep.{role.value}")
        context = browser.new_context(locale="en-GB", viewport=WIDE)
        page = context.new_page()
        page.set_default_timeout(15_000)
        try:
            sign_in(page, live_server.url, user.username)
            crawl = Crawl(page, live_server.url, seeded.name, role)
            crawl.run()
        finally:
            context.close()
        failures.extend(crawl.failures)
        coverage[role.value] = len(crawl.visited)
        routes.update(filter(None, (route_of(urlsplit(p).path) for p in crawl.visited)))
        # Every role reaches more than the home page: the navigation leads somewhere for all.
        assert len(crawl.visited) > 1, f"{role.value} reached only {crawl.visited}"
    elapsed = time.monotonic() - started
    print(f"sweep: {sum(coverage.values())} pages in {elapsed:.0f}s: {coverage}")
    print(f"sweep: {len(routes)} kinds of page: {sorted(routes)}")
    by_rule = Counter(f.rule for f in failures)
    report = "\n".join(str(f) for f in failures)
    assert not failures, (
        f"{len(failures)} problems on the pages crawled ({dict(by_rule)}):\n{report}"
    )
