"""The action-source registry: a module adds a source without a migration of ``actions``."""

import ast
import datetime as dt
import io
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.shortcuts import get_object_or_404

from lineofsight.actions import services, sources
from lineofsight.actions.models import Action, LearningTheme
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.roles import Role
from lineofsight.testing.access import assert_outsider_refused
from lineofsight.testing.fixtures import client_for


@pytest.fixture
def lado_like(partnership):
    """A stand-in for a new module's source (a learning theme plays the record); the real
    ``lado`` source, now that the module exists, is put back afterwards."""
    real = sources._SOURCES.get("lado")
    source = sources.register_action_source(
        "lado",
        "LADO allegation",
        model=LearningTheme,
        describe=lambda theme: f"Allegation about {theme.name}",
        find=lambda request, pk: get_object_or_404(LearningTheme, pk=pk),
        initial=lambda theme: {"title": f"Act on {theme.name}", "themes": [theme]},
        partnership=lambda theme: partnership,
        page_title="Raise an action from this allegation",
    )
    yield source
    sources._SOURCES.pop("lado")
    if real is not None:
        sources._SOURCES["lado"] = real


@pytest.fixture
def record(db):
    return LearningTheme.objects.create(name="Safer recruitment", slug="safer-recruitment-x")


def test_the_existing_sources_are_registered_in_their_old_order():
    keys = [s.key for s in sources.action_sources()]
    assert keys == [
        "review",
        "audit",
        "section11",
        "challenge",
        "inspection",
        "board",
        "delivery_plan",
        "indicator",
        "cdop",
        "governance_decision",
        "governance_assurance",
        "scrutiny",
        "lado",
        "voice",
        "governance_finding",
    ]
    assert sources.source_choices(manual_only=True) == [
        ("inspection", "Inspection"),
        ("board", "Board or executive"),
    ]


@pytest.mark.django_db
def test_an_unknown_source_is_refused_with_the_known_ones(agency):
    with pytest.raises(ValidationError, match="Unknown action source 'nope'.*board"):
        services.create_action(
            actor=SYSTEM,
            title="x",
            source="nope",
            owner_agency=agency,
            due_date=dt.date(2022, 1, 1),
        )
    assert not Action.objects.exists()


def test_a_new_source_needs_no_migration_of_actions(lado_like):
    out = io.StringIO()
    call_command("makemigrations", "actions", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


@pytest.mark.django_db
def test_raise_action_from_a_registered_record(lado_like, record, agency, make_user):
    manager = make_user(Role.PARTNERSHIP_ADMIN)
    action = services.raise_action(
        actor=manager, record=record, owner_agency=agency, due_date=dt.date(2022, 1, 1)
    )
    assert (action.source, action.source_name) == ("lado", "LADO allegation")
    assert action.source_label == "Allegation about Safer recruitment"
    assert action.title == "Act on Safer recruitment"  # the source's suggested title
    assert list(action.themes.all()) == [record]  # and its suggested themes
    assert action.source_object() == record
    lead = make_user(Role.AGENCY_LEAD)
    with pytest.raises(PermissionDenied):
        services.raise_action(
            actor=lead, record=record, owner_agency=agency, due_date=dt.date(2022, 1, 1)
        )


@pytest.mark.django_db
def test_a_record_of_an_unregistered_model_raises_no_action(agency, make_user):
    with pytest.raises(TypeError, match="no action source"):
        services.raise_action(
            actor=SYSTEM, record=agency, owner_agency=agency, due_date=dt.date(2022, 1, 1)
        )


@pytest.mark.django_db
def test_the_generic_page_raises_the_action_and_refuses_outsiders(
    lado_like, record, agency, make_user, outsider
):
    url = f"/actions/raise/lado/{record.pk}/"
    assert_outsider_refused(outsider, url)
    assert_outsider_refused(outsider, url, "post", {"title": "x"})
    client = client_for(make_user(Role.PARTNERSHIP_ADMIN))
    page = client.get(url)
    assert page.status_code == 200
    assert "Raise an action from this allegation" in page.content.decode()
    invalid = client.post(url, {"title": "x"})
    assert invalid.status_code == 400 and "govuk-error-summary" in invalid.content.decode()
    saved = client.post(
        url,
        {
            "title": "Check the recruitment file",
            "owner_agency": agency.pk,
            "due_date_day": "31",
            "due_date_month": "3",
            "due_date_year": "2022",
        },
    )
    action = Action.objects.get()
    assert saved["Location"] == f"/actions/{action.pk}/" and action.source == "lado"
    assert client.get("/actions/raise/nope/1/").status_code == 404
    assert client.get(f"/actions/raise/board/{record.pk}/").status_code == 404


def test_delivery_imports_no_view_or_form_of_assurance():
    package = Path(sources.__file__).resolve().parents[1] / "delivery"
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom):
                module = node.module or ""
                if module.startswith("lineofsight.assurance"):
                    assert module.split(".")[2] in {"services", "selectors", "policies"}, path


@pytest.mark.django_db
def test_a_reader_who_may_not_open_a_source_sees_no_link_to_it(make_user):
    """The themes page and an action's page link to a source record only for someone who may
    open it (the source's ``view_permission``): others would follow the link to a 403."""
    from lineofsight.actions.models import LearningTheme
    from lineofsight.actions.recurrence import recurrence
    from lineofsight.actions.theme_sources import (
        _SOURCES,
        Occurrence,
        register_theme_source,
    )

    theme = LearningTheme.objects.create(name="Test theme for links", slug="test-theme-links")
    saved = dict(_SOURCES)
    register_theme_source(
        "secret",
        "secret record",
        "secret records",
        lambda themes: [Occurrence(theme.pk, "secret", 2021, "Record 1", "/secret/1/")],
        view_permission="partnership.manage",
    )
    try:
        themes = LearningTheme.objects.filter(pk=theme.pk)
        admin = make_user(Role.PARTNERSHIP_ADMIN, username="admin.links")
        lead = make_user(Role.AGENCY_LEAD, username="lead.links")
        urls = {
            who: [o.url for o in recurrence(themes, user)[0].of_kind("secret")]
            for who, user in (("admin", admin), ("lead", lead))
        }
        assert urls == {"admin": ["/secret/1/"], "lead": [""]}
    finally:
        _SOURCES.clear()
        _SOURCES.update(saved)


def test_every_source_keeps_its_page_title_and_permissions():
    """The conventions (title from the model's name, view permission from the permission's app)
    give each source's page the words and links it had when each was written out."""
    registered = {
        s.key: (s.page_title, s.permission, s.view_permission)
        for s in sources.action_sources()
        if not s.manual
    }
    assert registered == {
        "review": ("Turn a recommendation into an action", "learning.manage", ""),
        "audit": ("Raise an action from this finding", "learning.manage", ""),
        "section11": ("Raise an action from a development point", "learning.manage", ""),
        "challenge": ("Raise an action from this challenge", "learning.manage", ""),
        "delivery_plan": ("Raise an action", "learning.manage", ""),
        "indicator": ("Raise an action from this indicator", "learning.manage", "performance.view"),
        "cdop": ("Raise an action from this learning point", "cdop.manage", "cdop.view"),
        "governance_decision": (
            "Raise an action from this decision",
            "governance.manage",
            "governance.view",
        ),
        "governance_assurance": (
            "Raise an action from this assurance report",
            "governance.manage",
            "governance.view",
        ),
        "governance_finding": (
            "Raise an action from this finding",
            "governance.manage",
            "governance.view",
        ),
        "lado": ("Raise an action from this referral", "lado.manage", "lado.manage"),
        "scrutiny": (
            "Raise an action from this recommendation",
            "scrutiny.manage",
            "scrutiny.view",
        ),
        "voice": ("Raise an action from this feedback", "voice.manage", "voice.view"),
    }


def test_view_permission_follows_the_roles_naming():
    assert sources.view_permission_for("governance.manage") == "governance.view"
    assert sources.view_permission_for("lado.manage") == "lado.manage"  # no lado.view
    assert sources.view_permission_for("learning.manage") == ""


class _Themes:
    def __init__(self, *names):
        self.names = list(names)

    def all(self):
        return self.names


def test_suggested_reads_the_record_along_dotted_paths():
    from types import SimpleNamespace as Record

    review = Record(themes=_Themes("neglect"))
    rec = Record(text="x" * 400, agency=None, review=review, themes=_Themes())
    initial = sources.suggested(
        title="text",
        owner_agency="agency",
        owner_person=lambda r: "Ann",
        themes=("themes", "review.themes"),
    )
    # the title cut to an action's, no agency (None), the review's themes as the record has none
    assert initial(rec) == {"title": "x" * 300, "owner_person": "Ann", "themes": ["neglect"]}
    assert sources.suggested(themes="themes")(rec) == {"themes": []}
    assert sources.suggested()(rec) == {}


def test_a_source_takes_its_title_and_partnership_by_convention():
    from types import SimpleNamespace as Record

    record = Record(partnership="P", owner=Record(partnership="Q"))
    try:
        source = sources.register_action_source(
            "convention_test", "Convention", model=LearningTheme, find=lambda request, pk: None
        )
        assert source.page_title == "Raise an action from this learning theme"
        assert source.partnership(record) == "P"
        assert source.intro(record) == "" and source.initial(record) == {}
        given = sources.register_action_source(
            "convention_test", "Convention", model=LearningTheme, partnership="owner.partnership",
            intro="Words", page_title="Own title", permission="cdop.manage",
        )  # fmt: skip
        assert given.partnership(record) == "Q" and given.intro(record) == "Words"
        assert (given.page_title, given.view_permission) == ("Own title", "cdop.view")
    finally:
        sources._SOURCES.pop("convention_test", None)
