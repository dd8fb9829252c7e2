import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from lineofsight.assurance import selectors
from lineofsight.assurance.models import Challenge
from lineofsight.assurance.services import challenges
from lineofsight.audit.models import AuditLog
from lineofsight.lib.versioning import EditConflict


@pytest.fixture
def challenge(partnership, manager, agency, other_agency):
    return challenges.create_challenge(
        actor=manager,
        partnership=partnership,
        raised_on=dt.date(2017, 1, 10),
        raised_by_agency=agency,
        raised_by_person="Performance Accountability Board",
        challenged_agency=other_agency,
        subject="Health visitor attendance at conferences",
    )


@pytest.mark.django_db
def test_a_challenge_is_logged_responded_to_and_resolved(challenge, manager):
    assert AuditLog.objects.get(verb="challenge.create").after["status"] == "open"
    challenges.update_challenge(
        actor=manager,
        challenge=challenge,
        expected_version=1,
        response="Invitations now sent earlier",
        response_date=dt.date(2017, 2, 1),
        outcome="Attendance improved",
        status="resolved",
    )
    row = AuditLog.objects.get(verb="challenge.update")
    assert (row.before["status"], row.after["status"]) == ("open", "resolved")


@pytest.mark.django_db
def test_stale_edit_conflicts_and_keeps_the_first(challenge, manager):
    stale = Challenge.objects.get(pk=challenge.pk)
    challenges.update_challenge(
        actor=manager, challenge=challenge, expected_version=1, status="responded"
    )
    with pytest.raises(EditConflict):
        challenges.update_challenge(
            actor=manager, challenge=stale, expected_version=1, status="escalated"
        )
    assert Challenge.objects.get(pk=challenge.pk).status == "responded"


@pytest.mark.django_db
def test_response_cannot_predate_the_challenge(challenge, manager):
    with pytest.raises(ValidationError):
        challenges.update_challenge(
            actor=manager,
            challenge=challenge,
            expected_version=1,
            response_date=dt.date(2016, 1, 1),
        )
    assert AuditLog.objects.filter(verb="challenge.update").count() == 0


@pytest.mark.django_db
def test_agency_leads_read_but_do_not_write(challenge, lead, partnership, agency, other_agency):
    assert list(selectors.challenges_for(lead, agency=other_agency)) == [challenge]
    assert list(selectors.challenges_for(lead, status="resolved")) == []
    assert list(selectors.challenges_for(lead, text="attendance", year=2017)) == [challenge]
    with pytest.raises(PermissionDenied):
        challenges.create_challenge(
            actor=lead,
            partnership=partnership,
            raised_on=dt.date(2017, 1, 1),
            raised_by_agency=agency,
            raised_by_person="x",
            challenged_agency=other_agency,
            subject="x",
        )


@pytest.mark.django_db
def test_a_board_member_logs_a_challenge_on_the_page(make_user, partnership, agency, other_agency):
    from lineofsight.partnership.roles import Role
    from lineofsight.testing.fixtures import client_for

    board = make_user(Role.BOARD_MEMBER, username="scrutineer")
    client = client_for(board)
    listing = client.get("/assurance/challenges/").content.decode()
    assert 'href="/assurance/challenges/new/"' in listing
    assert client.get("/assurance/challenges/new/").status_code == 200
    response = client.post(
        "/assurance/challenges/new/",
        {
            "raised_on_day": "2",
            "raised_on_month": "11",
            "raised_on_year": "2026",
            "raised_by_agency": agency.pk,
            "raised_by_person": "Independent scrutineer",
            "challenged_agency": other_agency.pk,
            "subject": "Attendance at strategy discussions",
            "status": "open",
        },
    )
    page = response.content.decode()
    assert response.status_code == 302, page[page.find("error-summary__list") :][:800]
    created = Challenge.objects.get(subject="Attendance at strategy discussions")
    row = AuditLog.objects.get(verb="challenge.create", object_id=str(created.pk))
    assert row.actor_id == board.pk
    # Logging is all: updating a challenge stays with the administrator.
    assert client.get(f"/assurance/challenges/{created.pk}/edit/").status_code == 403
