"""Administration pages: agencies, users (invitation links), population, financial year, which
agency submits which return; own password change and forgotten password by email."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client

from lineofsight.audit.models import AuditLog
from lineofsight.datasets.submitters import formats_for
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.models import Agency, User
from lineofsight.partnership.roles import Role
from lineofsight.testing.access import assert_outsider_refused
from lineofsight.testing.fixtures import PASSWORD, client_for

ADMIN_PAGES = [
    "/administration/",
    "/administration/agencies/",
    "/administration/agencies/add/",
    "/administration/users/",
    "/administration/users/invite/",
    "/administration/population/",
    "/administration/financial-year/",
    "/administration/return-schedule/",
    "/administration/return-schedule/year/",
]

NEW_PASSWORD = "a-very-long-new-passphrase"  # noqa: S105 - test-only


def _link(message: mail.EmailMessage) -> str:
    found = re.search(r"http://testserver(/accounts/password/set/[^\s]+/)", str(message.body))
    assert found, message.body
    return found.group(1)


@pytest.mark.parametrize("url", ADMIN_PAGES)
def test_only_the_administrator_reaches_the_administration_pages(
    url, admin_user, make_user, outsider
):
    assert client_for(admin_user).get(url).status_code == 200
    lead = make_user(Role.AGENCY_LEAD, Role.BOARD_MEMBER, Role.PERFORMANCE_ANALYST)
    assert client_for(lead).get(url).status_code == 403
    assert_outsider_refused(outsider, url)


def test_object_pages_refuse_outsiders(admin_user, agency, outsider):
    for url in (
        f"/administration/agencies/{agency.pk}/",
        f"/administration/agencies/{agency.pk}/returns/",
        f"/administration/users/{admin_user.pk}/",
    ):
        assert client_for(admin_user).get(url).status_code == 200
        assert_outsider_refused(outsider, url)
    for url in (
        f"/administration/agencies/{agency.pk}/retire/",
        f"/administration/users/{admin_user.pk}/resend/",
    ):
        assert_outsider_refused(outsider, url, method="post")


def test_administrator_adds_renames_and_retires_an_agency(admin_user):
    admin = client_for(admin_user)
    bad = admin.post("/administration/agencies/add/", {"name": "", "code": "Not A Slug"})
    assert bad.status_code == 400
    assert "Enter the agency&#x27;s name" in bad.content.decode() or "Enter the agency" in (
        bad.content.decode()
    )
    assert "Use only lower-case letters" in bad.content.decode()
    added = admin.post(
        "/administration/agencies/add/",
        {"name": "Acme Probation", "code": "probation", "kind": "probation"},
    )
    assert added.status_code == 302
    agency = Agency.objects.get(code="probation")
    duplicate = admin.post(
        "/administration/agencies/add/", {"name": "Other", "code": "probation", "kind": "probation"}
    )
    assert duplicate.status_code == 400
    assert "already an agency with the code" in duplicate.content.decode()
    admin.post(
        f"/administration/agencies/{agency.pk}/",
        {"name": "Acme Probation Service", "kind": "probation"},
    )
    agency.refresh_from_db()
    assert agency.name == "Acme Probation Service"
    admin.post(f"/administration/agencies/{agency.pk}/retire/")
    agency.refresh_from_db()
    assert agency.retired_on is not None
    again = admin.post(f"/administration/agencies/{agency.pk}/retire/", follow=True)
    assert "already retired" in again.content.decode()
    verbs = list(AuditLog.objects.filter(object_id=str(agency.pk)).values_list("verb", flat=True))
    assert {"agency.create", "agency.rename", "agency.retire"} <= set(verbs)
    # A retired agency is offered to nobody new.
    page = admin.get("/administration/users/invite/").content.decode()
    assert "Acme Probation Service" not in page


def test_which_returns_an_agency_submits_is_editable_with_the_setting_as_default(
    admin_user, agency, settings
):
    assert formats_for(agency) == {"partner_return"}
    settings.SUBMISSION_FORMATS_BY_AGENCY_KIND = {Agency.Kind.POLICE: {"annex_a"}}
    assert formats_for(agency) == {"annex_a"}
    admin = client_for(admin_user)
    saved = admin.post(
        f"/administration/agencies/{agency.pk}/returns/", {"formats": ["partner_return", "ssda903"]}
    )
    assert saved.status_code == 302
    assert formats_for(agency) == {"partner_return", "ssda903"}
    row = AuditLog.objects.get(verb="agency.returns")
    assert row.after == {"returns": ["partner_return", "ssda903"]}
    admin.post(f"/administration/agencies/{agency.pk}/returns/", {})
    assert formats_for(agency) == {"annex_a"}  # back to the default for its kind


def test_invitation_sends_a_one_time_link_and_the_password_validators_apply(
    admin_user, agency, django_capture_on_commit_callbacks
):
    admin = client_for(admin_user)
    missing = admin.post("/administration/users/invite/", {"username": "jo"})
    assert missing.status_code == 400
    assert "Enter their email address" in missing.content.decode()
    assert "Choose at least one role" in missing.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(
            "/administration/users/invite/",
            {
                "username": "jo",
                "first_name": "Jo",
                "last_name": "Bloggs",
                "email": "jo@example.org",
                "agency": agency.pk,
                "roles": [Role.AGENCY_LEAD],
            },
        )
    assert response.status_code == 302
    jo = User.objects.get(username="jo")
    assert not jo.has_usable_password() and jo.role_set() == {Role.AGENCY_LEAD}
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["jo@example.org"]
    link = _link(mail.outbox[0])
    visitor = Client()
    assert visitor.get(link).status_code == 200
    weak = visitor.post(link, {"new_password1": "short", "new_password2": "short"})
    assert weak.status_code == 400
    assert "too short" in weak.content.decode()
    done = visitor.post(link, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done.status_code == 302
    jo.refresh_from_db()
    assert jo.check_password(NEW_PASSWORD)
    spent = Client().get(link)
    assert spent.status_code == 404
    assert "expired or has been used" in spent.content.decode()
    assert AuditLog.objects.filter(verb="user.invite", object_id=str(jo.pk)).exists()
    assert AuditLog.objects.filter(verb="user.password_set", object_id=str(jo.pk)).exists()


def test_administrator_changes_roles_agency_and_deactivates(admin_user, make_user, other_agency):
    person = make_user(Role.AGENCY_LEAD, username="sam")
    admin = client_for(admin_user)
    page = admin.get(f"/administration/users/{person.pk}/").content.decode()
    assert "/accounts/two-factor/reset/?username=sam" in page
    response = admin.post(
        f"/administration/users/{person.pk}/",
        {
            "email": "sam@example.org",
            "agency": other_agency.pk,
            "roles": [Role.BOARD_MEMBER],
            "is_active": "",
        },
    )
    assert response.status_code == 302
    person = User.objects.get(pk=person.pk)
    assert not person.is_active and person.agency == other_agency
    assert person.role_set() == {Role.BOARD_MEMBER}
    assert AuditLog.objects.filter(verb="user.deactivate", object_id=str(person.pk)).exists()
    row = AuditLog.objects.get(verb="user.deactivate", object_id=str(person.pk))
    assert "password" not in row.before and "password" not in row.after
    # The administrator cannot lock themself out.
    own = admin.post(
        f"/administration/users/{admin_user.pk}/",
        {
            "email": "a@example.org",
            "agency": other_agency.pk,
            "roles": [Role.BOARD_MEMBER],
            "is_active": "",
        },
    )
    assert own.status_code == 400
    assert "cannot deactivate your own account" in own.content.decode()


def test_population_and_financial_year(admin_user, partnership):
    admin = client_for(admin_user)
    assert admin.post("/administration/population/", {"year": "2021"}).status_code == 400
    admin.post("/administration/population/", {"year": "2021", "under_18": "67001"})
    assert partnership.populations.get(year=2021).under_18 == 67001
    assert "67,001" in admin.get("/administration/population/").content.decode()
    assert admin.post("/administration/financial-year/", {"month": "13"}).status_code == 400
    admin.post("/administration/financial-year/", {"month": "1"})
    partnership.refresh_from_db()
    assert partnership.financial_year_start_month == 1
    assert AuditLog.objects.filter(verb="partnership.financial_year").exists()


def test_a_user_changes_their_own_password(make_user):
    person = make_user(Role.BOARD_MEMBER)
    client = client_for(person)
    wrong = client.post(
        "/accounts/password/change/",
        {"old_password": "nope", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert wrong.status_code == 400
    ok = client.post(
        "/accounts/password/change/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert ok.status_code == 302
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)
    assert client.get("/").status_code == 200  # still signed in
    assert AuditLog.objects.filter(verb="user.password_change").exists()
    assert Client().get("/accounts/password/change/").status_code == 302


def test_a_forgotten_password_is_reset_by_email_without_telling_who_has_an_account(make_user):
    person = make_user(Role.BOARD_MEMBER, username="kim")
    person.email = "kim@example.org"
    person.save()
    visitor = Client()
    unknown = visitor.post("/accounts/password/forgotten/", {"email": "nobody@example.org"})
    known = visitor.post("/accounts/password/forgotten/", {"email": "KIM@example.org"})
    assert unknown.status_code == known.status_code == 200
    assert "Check your email" in unknown.content.decode()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["kim@example.org"]
    link = _link(mail.outbox[0])
    visitor.post(link, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)
    assert Client().get(link).status_code == 404
    assert "Forgotten your password?" in Client().get("/accounts/sign-in/").content.decode()


def test_a_year_of_standard_returns_follows_the_partnerships_year(admin_user, partnership, agency):
    from lineofsight.datasets.models import ReturnDue

    admin = client_for(admin_user)
    url = "/administration/return-schedule/year/"
    assert admin.post(url, {"start_year": "26"}).status_code == 400
    assert not ReturnDue.objects.exists()
    admin.post("/administration/financial-year/", {"month": "1"})  # a calendar-year partnership
    response = admin.post("/administration/return-schedule/year/", {"start_year": "2026"})
    assert response.status_code == 302
    quarters = ReturnDue.objects.filter(agency=agency, format="partner_return").order_by("due_on")
    assert [(q.period, str(q.period_start), str(q.due_on)) for q in quarters] == [
        ("Q1 2026", "2026-04-01", "2026-04-30"),
        ("Q2 2026", "2026-07-01", "2026-07-31"),
        ("Q3 2026", "2026-10-01", "2026-10-31"),
        ("Q4 2026", "2027-01-01", "2027-01-31"),
    ]
    audited = AuditLog.objects.filter(verb="return_due.create").count()
    assert audited == ReturnDue.objects.count() > 0
    # Asking again adds nothing: what is scheduled stays as it is.
    admin.post("/administration/return-schedule/year/", {"start_year": "2026"})
    assert AuditLog.objects.filter(verb="return_due.create").count() == audited


@pytest.mark.django_db
def test_a_year_of_returns_chases_only_agencies_that_owe_them(admin_user, partnership, agency):
    """Statutory partners owe their kind's returns by default; a school forum or the business unit
    owes nothing until the administrator says which returns it sends (``owed_formats``)."""
    from lineofsight.datasets.models import ReturnDue
    from lineofsight.partnership import services

    schools = services.create_agency(
        actor=SYSTEM, partnership=partnership, name="Schools", code="schools", kind="education"
    )
    unit = services.create_agency(
        actor=SYSTEM, partnership=partnership, name="Unit", code="unit", kind="partnership_team"
    )
    admin = client_for(admin_user)
    assert (
        admin.post("/administration/return-schedule/year/", {"start_year": "2026"}).status_code
        == 302
    )
    owing = set(ReturnDue.objects.values_list("agency__code", flat=True))
    assert agency.code in owing and not owing & {"schools", "unit"}
    services.set_agency_returns(actor=SYSTEM, agency=schools, formats=["partner_return"])
    admin.post("/administration/return-schedule/year/", {"start_year": "2026"})
    assert ReturnDue.objects.filter(agency=schools, format="partner_return").count() == 4
    assert not ReturnDue.objects.filter(agency=unit).exists()
