"""The audit log shows who did what to which record in words, and never shows confidential
content to someone who may not read the record itself (issue 8 item 7, issue 18 item 15)."""

from __future__ import annotations

import csv
import datetime as dt
import importlib
import io
import pathlib
import re

import pytest
from django.db import models, transaction

from lineofsight.assurance.services import section11
from lineofsight.audit import disclosure, presentation
from lineofsight.audit.disclosure import NOT_RECORDED, WITHHELD, AuditPolicy
from lineofsight.audit.models import AuditLog
from lineofsight.audit.services import record
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.roles import Role
from lineofsight.testing.fixtures import client_for

SECRET = "Our safer recruitment checks lapsed in March"


@pytest.fixture
def police_draft(partnership, agency, admin_user, make_user):
    """The police lead saves a Section 11 draft that says something the partnership may not read
    yet; the admin (business unit) may read only submitted returns."""
    round_ = section11.create_round(
        actor=admin_user, partnership=partnership, year=2021, due_date=dt.date(2021, 6, 30)
    )
    lead = make_user(Role.AGENCY_LEAD, agency_=agency, username="police.lead")
    ret = section11.start_return(actor=lead, round_=round_, agency=agency)
    answers = {"safer_recruitment": {"rating": "not_met", "evidence": SECRET}}
    section11.save_return(actor=lead, section11_return=ret, expected_version=1, answers=answers)
    return lead


def _csv(response) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.mark.django_db
def test_admin_sees_that_a_draft_was_saved_not_what_it_says(police_draft, admin_user):
    client = client_for(admin_user)
    page = client.get("/audit/").content.decode()
    assert "Saved a Section 11 draft" in page
    assert SECRET not in page and "not_met" not in page
    assert WITHHELD in page
    exported = client.get("/audit/", {"format": "csv"})
    assert exported.status_code == 200
    rows = _csv(exported)
    assert SECRET not in exported.content.decode()
    draft = next(r for r in rows if r["Operation"] == "section11_return.save_draft")
    assert draft["Who"] == "police.lead" and WITHHELD in draft["After"]
    xlsx = client.get("/audit/", {"format": "xlsx"})
    assert xlsx.status_code == 200 and SECRET.encode() not in xlsx.content


@pytest.mark.django_db
def test_the_drafting_agency_may_read_its_own_draft_in_the_log(police_draft, admin_user):
    row = AuditLog.objects.get(verb="section11_return.save_draft")
    own = presentation.changes(row, police_draft)
    assert any(SECRET == change.after for change in own)
    theirs = presentation.changes(row, admin_user)
    assert all(SECRET != change.after for change in theirs)


@pytest.mark.django_db
def test_a_submitted_return_is_readable_in_the_log(police_draft, admin_user):
    from lineofsight.assurance.models import Section11Return
    from lineofsight.assurance.tests.test_section11 import complete_answers

    ret = Section11Return.objects.get()
    section11.save_return(
        actor=police_draft,
        section11_return=ret,
        expected_version=ret.version,
        answers=complete_answers(),
        submit=True,
    )
    row = AuditLog.objects.get(verb="section11_return.submit")
    shown = presentation.changes(row, admin_user)
    assert any(change.after == "Evidence 6" for change in shown)  # submitted: readable
    assert any(change.before == WITHHELD for change in shown)  # the draft it replaced: not


class Referral(models.Model):
    """A stand-in for a LADO referral: the adult's name must never reach the audit log."""

    adult_name = models.CharField(max_length=100)
    outcome = models.CharField(max_length=100)

    audit_policy = AuditPolicy(
        never_logged=frozenset({"adult_name"}), describe=lambda obj: f"Referral {obj.pk}"
    )

    class Meta:
        app_label = "audit"
        managed = False

    def __str__(self) -> str:
        return f"Referral about {self.adult_name}"


@pytest.mark.django_db
def test_never_logged_fields_are_not_written_to_the_log_at_all():
    referral = Referral(pk=7, adult_name="Adam Example", outcome="substantiated")
    with transaction.atomic():
        row = record(
            actor=SYSTEM,
            verb="referral.update",
            action=AuditLog.Action.UPDATE,
            obj=referral,
            before={"adult_name": "Adam Exampel", "outcome": ""},
            after={"adult_name": "Adam Example", "outcome": "substantiated"},
            detail={"changes": [{"adult_name": "Adam Example"}]},
        )
    stored = AuditLog.objects.values("before", "after", "detail", "object_repr").get(pk=row.pk)
    assert "Adam" not in str(stored)
    assert stored["after"] == {"adult_name": NOT_RECORDED, "outcome": "substantiated"}
    assert stored["object_repr"] == "Referral 7"


def test_a_model_without_a_policy_has_nothing_confidential():
    assert disclosure.policy_for("partnership.Agency") == disclosure.NO_POLICY
    assert disclosure.policy_for("no.SuchModel") == disclosure.NO_POLICY


@pytest.mark.django_db
def test_the_log_page_speaks_in_words_not_internal_names(admin_user, make_user, client):
    make_user(Role.BOARD_MEMBER, username="bernard")
    client.post("/accounts/sign-in/", {"username": "bernard", "password": "wrong"})
    page = client_for(admin_user).get("/audit/").content.decode()
    assert "Added a user" in page and "Failed to sign in" in page
    assert "User: bernard" in page  # the record, in words
    assert "partnership.User" not in page and "account.sign_in" not in page
    assert '{"' not in page  # no raw JSON: a summary list of fields
    assert "govuk-summary-list__key" in page and "Username" in page


@pytest.mark.django_db
def test_the_csv_export_is_complete(admin_user, partnership):
    exported = _csv(client_for(admin_user).get("/audit/", {"format": "csv"}))
    assert len(exported) == AuditLog.objects.count()
    assert set(exported[0]) == set(presentation.EXPORT_HEADER)
    population = next(r for r in exported if r["Operation"] == "population.set")
    assert population["Record type"] == "partnership.Population" and population["Record ID"]
    assert '"under_18": 66918' in population["After"]


def test_every_verb_written_in_the_code_has_a_plain_english_label():
    root = pathlib.Path(presentation.__file__).resolve().parent.parent
    written = set()
    for path in root.rglob("*.py"):
        if "tests" in path.parts:
            continue
        written.update(re.findall(r'verb="([a-z0-9_.]+)"', path.read_text()))
        written.update(re.findall(r'"([a-z0-9_]+\.[a-z0-9_.]+)" if \w+ else', path.read_text()))
    for path in root.glob("*/verbs.py"):  # each app's verb constants
        module = importlib.import_module(f"lineofsight.{path.parent.name}.verbs")
        written.update(v for k, v in vars(module).items() if k.isupper() and isinstance(v, str))
    missing = sorted(written - set(presentation.VERB_LABELS))
    assert len(written) > 40 and missing == []
