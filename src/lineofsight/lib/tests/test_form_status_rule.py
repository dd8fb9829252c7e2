"""Issue 9: one form-page rule (``lib.formviews``), in every app: an invalid form answers 400
with the GOV.UK error summary; an edit that someone else's save overtook answers 409, keeps what
the person typed and stores nothing.  The create and edit pages of each app are walked here; the
edit pages are submitted as a browser would, from the form the page itself renders."""

from __future__ import annotations

from collections.abc import Callable
from html.parser import HTMLParser
from typing import Any, NamedTuple

import pytest
from django.db.models import F, Model
from django.urls import reverse

from lineofsight.partnership.models import Agency, Partnership
from lineofsight.partnership.roles import Role
from lineofsight.testing import factories
from lineofsight.testing.fixtures import client_for

CREATE_PAGES = [
    "actions:create",
    "reviews:create",
    "delivery:plan_create",
    "assurance:audit_create",
    "assurance:section11_round_create",
    "assurance:challenge_create",
]


@pytest.mark.django_db
@pytest.mark.parametrize("name", CREATE_PAGES)
def test_an_invalid_post_answers_400_with_the_error_summary(name, partnership, make_user):
    client = client_for(make_user(Role.PARTNERSHIP_ADMIN))
    # a POST with every field blank (a wholly empty body leaves ``request.POST or None`` unbound)
    response = client.post(reverse(name), {"blank": ""})
    assert response.status_code == 400, name
    assert "govuk-error-summary" in response.content.decode(), name


class _EditForm(HTMLParser):
    """The fields of the page's form holding a ``version`` input, as a browser would send them."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[list[tuple[str, str]]] = []
        self._form: list[tuple[str, str]] | None = None
        self._select: str | None = None
        self._options: list[tuple[str, bool]] = []
        self._textarea: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self._form = []
        elif self._form is None:
            return
        elif tag == "input" and a.get("name"):
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind not in ("submit", "button", "file"):
                self._form.append((a["name"], a.get("value", "")))
        elif tag == "select":
            self._select, self._options = a.get("name"), []
        elif tag == "option" and self._select:
            self._options.append((a.get("value", ""), "selected" in a))
        elif tag == "textarea":
            self._textarea, self._text = a.get("name"), ""

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        if self._form is None:
            return
        if tag == "select" and self._select:
            chosen = [v for v, selected in self._options if selected] or [self._options[0][0]]
            self._form += [(self._select, v) for v in chosen]
            self._select = None
        elif tag == "textarea" and self._textarea:
            self._form.append((self._textarea, self._text.removeprefix("\n")))
            self._textarea = None
        elif tag == "form":
            self.forms.append(self._form)
            self._form = None


def _edit_form(html: str) -> dict[str, list[str]]:
    parser = _EditForm()
    parser.feed(html)
    found = [f for f in parser.forms if any(name == "version" for name, _ in f)]
    assert len(found) == 1, "one form with a version on the page"
    data: dict[str, list[str]] = {}
    for name, value in found[0]:
        data.setdefault(name, []).append(value)
    return data


Build = Callable[[Partnership, Agency, Agency], Model]


class Page(NamedTuple):
    name: str  # the edit page's URL name (one argument: the record's pk)
    build: Build  # the record, from (partnership, agency, other agency)
    typed_in: str  # a text field the person types in
    blank_is_invalid: bool = True
    typed: str = "Typed while someone else saved"
    extra: dict[str, str] = {}  # values the page needs to be valid besides what it shows


EDIT_PAGES = [
    Page("actions:edit", lambda p, a, o: factories.action(a), "title"),
    Page("actions:update", lambda p, a, o: factories.action(a), "text"),
    Page("actions:close", lambda p, a, o: factories.action(a), "impact_evidence"),
    Page("reviews:edit", lambda p, a, o: factories.review(p), "incident_summary"),
    Page(
        "reviews:rapid_review",
        lambda p, a, o: factories.review(p),
        "decision_rationale",
        extra={
            "rapid_review_on_day": "15",
            "rapid_review_on_month": "4",
            "rapid_review_on_year": "2021",
        },
    ),
    Page("delivery:plan_edit", lambda p, a, o: factories.plan(p), "title"),
    Page(
        "delivery:priority_edit",
        lambda p, a, o: factories.priority(factories.plan(p)),
        "title",
    ),
    Page(
        "delivery:item_edit",
        lambda p, a, o: factories.plan_item(factories.priority(factories.plan(p))),
        "text",
    ),
    Page(
        "delivery:measure_edit",
        lambda p, a, o: factories.measure(factories.priority(factories.plan(p))),
        "text",
    ),
    Page("assurance:audit_edit", lambda p, a, o: factories.audit(p), "title"),
    Page(
        "assurance:case_edit",
        lambda p, a, o: factories.audit_case(factories.audit(p)),
        "notes",
    ),
    Page(
        "assurance:finding_edit",
        lambda p, a, o: factories.finding(factories.audit(p)),
        "text",
    ),
    Page(
        "assurance:section11_round_edit",
        lambda p, a, o: factories.section11_round(p),
        "strengths",
    ),
    Page("assurance:challenge_edit", lambda p, a, o: factories.challenge(p, a, o), "subject"),
    # every field of the panel's review is optional (filled in over several meetings)
    Page("cdop:edit", lambda p, a, o: factories.child_death(p), "reference", typed="Child D 202"),
    Page(
        "cdop:review",
        lambda p, a, o: factories.child_death(p),
        "factors_family",
        blank_is_invalid=False,
        typed="2 Typed while someone else saved",  # a factor line: its grade, then the factor
    ),
]


def _editor(make_user: Any) -> Any:
    return client_for(make_user(Role.PARTNERSHIP_ADMIN, Role.CDOP_COORDINATOR))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "page", [p for p in EDIT_PAGES if p.blank_is_invalid], ids=lambda p: p.name
)
def test_an_invalid_edit_answers_400_with_the_error_summary(
    page, partnership, agency, other_agency, make_user
):
    record = page.build(partnership, agency, other_agency)
    client = _editor(make_user)
    url = reverse(page.name, args=[record.pk])
    data = _edit_form(client.get(url).content.decode())
    blank = {field: "" for field in data} | {"version": data["version"]}
    response = client.post(url, blank)
    assert response.status_code == 400, page.name
    assert "govuk-error-summary" in response.content.decode(), page.name


@pytest.mark.django_db
@pytest.mark.parametrize("page", EDIT_PAGES, ids=lambda p: p.name)
def test_an_overtaken_edit_answers_409_keeps_the_input_and_stores_nothing(
    page, partnership, agency, other_agency, make_user
):
    name = page.name
    record = page.build(partnership, agency, other_agency)
    client = _editor(make_user)
    url = reverse(name, args=[record.pk])
    data = _edit_form(client.get(url).content.decode())
    assert page.typed_in in data, f"{name} has no field {page.typed_in}"
    data |= {k: [v] for k, v in page.extra.items()}
    data[page.typed_in] = [page.typed]
    type(record)._default_manager.filter(pk=record.pk).update(version=F("version") + 1)

    response = client.post(url, data)

    assert response.status_code == 409, name
    html = response.content.decode()
    assert "govuk-error-summary" in html and "changed by someone else" in html, name
    assert page.typed in html, f"{name} lost what was typed"
    record.refresh_from_db()
    assert page.typed not in str(vars(record)), f"{name} stored the overtaken edit"
