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
