"""Reminder emails: what is sent, to whom, logged, never twice for an item on a day, opt-out."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.test import Client

from lineofsight.actions.models import Action
from lineofsight.audit.models import AuditLog
from lineofsight.cli import main
from lineofsight.datasets.models import ReturnDue
from lineofsight.partnership.roles import Role
from lineofsight.reminders.models import Reminder
from lineofsight.reminders.services import send_reminders
from lineofsight.reminders.tasks import send_reminders_task
from lineofsight.testing.fixtures import client_for

TODAY = dt.date(2026, 11, 16)


def _days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


@pytest.fixture
def due(agency, other_agency):
    """Police: a late return, a return due in 7 days, one due in 8 (not yet), an overdue
    action, one due in 2 days, one done; health: an overdue action."""
    start = _days(-100)
    for period, days in (("Q1", -3), ("Q2", 7), ("Q3", 8)):
        ReturnDue.objects.create(agency=agency, format="partner_return", period=period,
                                 period_start=start, due_on=_days(days))  # fmt: skip
    for title, days, status in (
        ("Late policy", -1, "open"),
        ("Soon training", 2, "in_progress"),
        ("Done already", -5, "complete"),
    ):
        Action.objects.create(title=title, source="manual", owner_agency=agency,
                              due_date=_days(days), status=status)  # fmt: skip
    Action.objects.create(title="Health thing", source="manual", owner_agency=other_agency,
                          due_date=_days(-1))  # fmt: skip


def _lead(make_user, username, email="", agency=None):
    user = make_user(Role.AGENCY_LEAD, username=username, agency_=agency)
    user.email = email or f"{username}@example.org"
    user.save()
    return user


@pytest.mark.django_db
def test_leads_are_reminded_of_their_agencys_items_once_a_day(make_user, other_agency, due):
    lead = _lead(make_user, "lee")
    health = _lead(make_user, "hal", agency=other_agency)
    make_user(Role.BOARD_MEMBER, username="board")  # not a lead: no reminders
    assert send_reminders(TODAY) == 2
    by_to = {m.to[0]: m.body for m in mail.outbox}
    body = by_to["lee@example.org"]
    assert "Late: the Partner return for Q1 was due" in body
    assert "the Partner return for Q2" in body and "Q3" not in body
    assert "Overdue" in body and "Late policy" in body and "Soon training" in body
    assert "Done already" not in body and "Health thing" not in body
    assert "Health thing" in by_to["hal@example.org"]
    kinds = sorted(Reminder.objects.filter(user=lead).values_list("kind", flat=True))
    assert kinds == ["action_due", "action_overdue", "return_due", "return_late"]
    assert AuditLog.objects.filter(verb="reminder.sent", object_id=str(lead.pk)).count() == 1
    # The same day again: nothing new is sent.
    assert send_reminders(TODAY) == 0 and len(mail.outbox) == 2
    # A new item the same day is sent alone.
    Action.objects.create(title="New today", source="manual", owner_agency=lead.agency,
                          due_date=_days(1))  # fmt: skip
    assert send_reminders(TODAY) == 1
    assert "New today" in mail.outbox[-1].body and "Late policy" not in mail.outbox[-1].body
    # The next day the still-open items are reminded again.
    assert send_reminders(_days(1)) == 2
    assert health.reminders.count() == 2


@pytest.mark.django_db
def test_a_failed_send_logs_nothing(make_user, due, monkeypatch):
    _lead(make_user, "lee")

    def broken(self, messages):
        raise OSError("mail server down")

    monkeypatch.setattr(EmailBackend, "send_messages", broken)
    with pytest.raises(OSError):
        send_reminders(TODAY)
    assert Reminder.objects.count() == 0
    assert not AuditLog.objects.filter(verb="reminder.sent").exists()


@pytest.mark.django_db
def test_a_user_opts_out_on_their_reminders_page(make_user, due, outsider):
    lead = _lead(make_user, "lee")
    client = client_for(lead)
    assert client.get("/accounts/reminders/").status_code == 200
    assert client.post("/accounts/reminders/", {}).status_code == 302
    lead.refresh_from_db()
    assert lead.email_reminders is False
    assert AuditLog.objects.filter(verb="user.email_reminders").exists()
    assert send_reminders(TODAY) == 0
    client.post("/accounts/reminders/", {"email_reminders": "on"})
    assert send_reminders(TODAY) == 1
    # Everyone signed in sets their own (nobody else's); a visitor is sent to sign in.
    assert client_for(outsider).get("/accounts/reminders/").status_code == 200
    assert "/accounts/sign-in/" in Client().get("/accounts/reminders/")["Location"]


@pytest.mark.django_db
def test_command_and_task_send_them(make_user, due, capsys, settings):
    _lead(make_user, "lee")
    assert main(["reminders"]) == 0
    assert "Sent 1 reminder email." in capsys.readouterr().out
    from lineofsight.background.compat import IMMEDIATE_BACKEND

    settings.TASKS = {"default": {"BACKEND": IMMEDIATE_BACKEND}}
    Action.objects.create(title="Another", source="manual", owner_agency=Action.objects.first()
                          .owner_agency, due_date=dt.date.today())  # fmt: skip
    result = send_reminders_task.enqueue()
    assert result.return_value == {"emails": 1}
