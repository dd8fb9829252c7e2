"""The shared page shapes (``lib/pages.py``), through real pages that use them: a form page about
a record (captioned, back to the record, the message told there), one making a record (back to
its list, then to the new record), the methods a form page and a show-only page answer, and the
small helpers' rules."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from django.http import Http404
from django.test import RequestFactory
from django.urls import reverse

from lineofsight.actions.models import LearningTheme
from lineofsight.governance import selectors, services
from lineofsight.governance.models import Inspection
from lineofsight.lib.pages import (
    Records,
    initial_of,
    listed,
    one_of,
    saving,
    with_partnership,
    year_asked,
)
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.roles import Role
from lineofsight.testing.fixtures import client_for


@pytest.fixture
def inspection(partnership):
    return services.create_inspection(
        actor=SYSTEM,
        partnership=partnership,
        title="Peer review",
        kind="peer",
        started_on=dt.date(2020, 1, 6),
    )


@pytest.fixture
def manager(make_user):
    return client_for(make_user(Role.PARTNERSHIP_ADMIN))


@pytest.mark.django_db
def test_a_form_page_about_a_record_is_captioned_and_goes_back_to_it(inspection, manager):
    url = f"/governance/inspections/{inspection.pk}/findings/new/"
    page = manager.get(url).content.decode()
    assert '<span class="govuk-caption-l">Governance</span>' in page
    assert '<h1 class="govuk-heading-l">Add a finding</h1>' in page
    assert f'href="{inspection.get_absolute_url()}"' in page  # the back link
    assert "Add the finding" in page  # the button

    saved = manager.post(url, {"kind": "strength", "text": "Leaders know their services"})
    assert saved.status_code == 302 and saved.url == inspection.get_absolute_url()
    assert "Finding 1 added" in manager.get(saved.url).content.decode()


@pytest.mark.django_db
def test_an_invalid_form_about_a_record_answers_400_and_stores_nothing(inspection, manager):
    url = f"/governance/inspections/{inspection.pk}/findings/new/"
    response = manager.post(url, {"kind": "strength", "text": ""})
    assert response.status_code == 400
    assert "govuk-error-summary" in response.content.decode()
    assert not inspection.findings.exists()


@pytest.mark.django_db
def test_a_page_making_a_record_goes_back_to_its_list_then_to_the_new_record(manager):
    url = "/governance/inspections/new/"
    assert 'href="/governance/inspections/"' in manager.get(url).content.decode()
    saved = manager.post(
        url,
        {
            "title": "Joint targeted area inspection",
            "kind": "jtai",
            "started_on_day": "6",
            "started_on_month": "1",
            "started_on_year": "2020",
        },
    )
    created = Inspection.objects.get(title="Joint targeted area inspection")
    assert saved.status_code == 302 and saved.url == created.get_absolute_url()
    assert f"Recorded: {created}" in manager.get(saved.url).content.decode()


@pytest.mark.django_db
def test_a_form_page_answers_get_and_post_only_and_a_record_page_get_only(inspection, manager):
    assert manager.put(f"/governance/inspections/{inspection.pk}/findings/new/").status_code == 405
    assert manager.post(f"/governance/inspections/{inspection.pk}/").status_code == 405
    assert manager.get(f"/governance/inspections/{inspection.pk}/").status_code == 200


def test_initial_of_gives_the_version_of_a_stored_record_and_none_for_a_new_one():
    stored = SimpleNamespace(pk=3, version=4, weeks=6, months=2)
    assert initial_of(stored, ["weeks"]) == {"version": 4, "weeks": 6}
    unsaved = SimpleNamespace(pk=None, version=0, weeks=6)
    assert initial_of(unsaved, ("weeks",)) == {"version": None, "weeks": 6}


@pytest.mark.django_db
def test_listed_makes_querysets_lists_and_leaves_other_values():
    theme = LearningTheme.objects.create(name="Neglect test theme", slug="neglect-test-theme")
    themes = LearningTheme.objects.filter(pk=theme.pk)
    data = listed({"themes": themes, "text": "x", "agencies": []})
    assert data == {"themes": [theme], "text": "x", "agencies": []}
    assert type(data["themes"]) is list


def test_initial_of_gives_many_to_many_fields_as_lists_and_none_chosen_before_saving():
    themes = SimpleNamespace(all=lambda: iter(["neglect", "housing"]))
    stored = SimpleNamespace(pk=3, version=4, text="x", themes=themes)
    assert initial_of(stored, ["text"], many=["themes"]) == {
        "version": 4,
        "text": "x",
        "themes": ["neglect", "housing"],
    }
    unsaved = SimpleNamespace(pk=None, version=0, text="x", themes=None)  # .all() would fail
    assert initial_of(unsaved, ["text"], many=["themes"])["themes"] == []


@pytest.mark.django_db
def test_saving_calls_the_service_as_the_person_with_the_version_only_when_versioned():
    theme = LearningTheme.objects.create(name="Neglect test theme", slug="neglect-test-theme")
    calls = []

    def service(**kwargs):
        calls.append(kwargs)
        return "saved"

    request = SimpleNamespace(user="the person")
    data = {"themes": LearningTheme.objects.filter(pk=theme.pk), "text": "x"}
    assert saving(request, service, record="r")(dict(data), 7) == "saved"
    assert calls[-1] == {"actor": "the person", "record": "r", "themes": [theme], "text": "x"}
    saving(request, service, record="r", versioned=True)(dict(data), 7)
    assert calls[-1]["expected_version"] == 7


def test_year_asked_is_a_year_the_page_has_else_none():
    assert year_asked(RequestFactory().get("/", {"year": "2023"}), [2022, 2023]) == 2023
    assert year_asked(RequestFactory().get("/", {"year": "2019"}), [2022, 2023]) is None
    assert year_asked(RequestFactory().get("/", {"year": "soon"}), [2022, 2023]) is None
    assert year_asked(RequestFactory().get("/"), [2022, 2023]) is None


@pytest.mark.django_db
def test_a_button_answers_post_only(make_user):
    # workforce's "send the follow-ups" button is a @post_view
    training = client_for(make_user(Role.TRAINING_MANAGER))
    assert training.get(reverse("workforce:send_follow_ups")).status_code == 405


def test_a_records_view_keeps_its_permission_for_the_deny_by_default_middleware():
    from lineofsight.governance import views
    from lineofsight.partnership.access import access_of

    assert access_of(views.add_finding).permission == "governance.manage"
    assert access_of(views.create_inspection).permission == "governance.manage"
    assert access_of(views.inspection).permission == "governance.view"


@pytest.mark.django_db
def test_a_records_page_shows_the_record_with_its_policy_and_what_is_made_from_it(
    inspection, manager
):
    services.add_finding(actor=SYSTEM, inspection=inspection, kind="strength", text="Leaders")
    page = manager.get(f"/governance/inspections/{inspection.pk}/").content.decode()
    assert "Peer review" in page  # the record
    assert "Leaders" in page  # made from it: its findings with their progress
    add = reverse("governance:add_finding", args=[inspection.pk])
    assert f'href="{add}"' in page  # allowed.manage for this person and record


@pytest.mark.django_db
def test_one_of_finds_a_row_the_selector_gives_else_404(inspection, make_user):
    find = one_of(selectors.inspections_for)
    assert find(make_user(Role.PARTNERSHIP_ADMIN), inspection.pk) == inspection
    with pytest.raises(Http404):
        find(make_user(Role.PARTNERSHIP_ADMIN), inspection.pk + 1000)


def test_records_find_the_record_by_their_own_find_or_the_one_a_view_gives():
    kind = Records(lambda user, pk: pk, "thing")
    request = SimpleNamespace(user="the person")
    assert kind.found(request, 4) == 4
    assert kind.found(request, 4, find=lambda user, pk: pk * 2) == 8


def test_with_partnership_gives_the_form_the_records_partnership_or_the_partnership_itself():
    class Form:
        def __init__(self, data, partnership):
            self.data, self.partnership = data, partnership

    made = with_partnership(Form)
    assert made({"a": 1}, SimpleNamespace(partnership="P")).partnership == "P"
    partnership = SimpleNamespace(name="P")  # making a record: the partnership itself
    assert made(None, partnership).partnership is partnership
