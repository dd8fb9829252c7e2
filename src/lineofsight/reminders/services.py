"""Reminder emails: returns due in the next 7 days or late, actions due in the next 7 days or
overdue, to the agency leads of the agency concerned who have not opted out
(``User.email_reminders``), and what other apps register (``reminders.sources``: the yearly
report not yet sent to the national panel and Foundations).  One email per person per run
listing what is new for them today; each item is logged (``Reminder``) and each email audited
(``reminder.sent``) in the same transaction as the send, so a failed send logs nothing and a
second run the same day sends nothing again.  Run by ``lineofsight reminders`` or the
``send_reminders`` task (a timer)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from lineofsight.actions.models import Action
from lineofsight.audit.models import AuditLog
from lineofsight.audit.services import record
from lineofsight.datasets import schedules
from lineofsight.datasets.models import ReturnDue
from lineofsight.govuk.formatting import date_uk
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.models import User
from lineofsight.partnership.roles import Role
from lineofsight.reminders.models import Reminder
from lineofsight.reminders.sources import reminder_sources

AHEAD_DAYS = 7


@dataclass(frozen=True)
class Item:
    agency_id: int
    kind: str
    item: str
    text: str


def _items(today: dt.date) -> list[Item]:
    items = []
    for status in schedules.statuses(ReturnDue.objects.all(), today, soon_days=AHEAD_DAYS):
        due = status.due
        name = f"{status.name} for {due.period}"
        key = f"datasets.returndue:{due.pk}"
        if status.status == "late":
            text = f"Late: the {name} was due {date_uk(due.due_on)}"
            items.append(Item(due.agency_id, Reminder.Kind.RETURN_LATE, key, text))
        elif status.status == "due soon":
            text = f"Due {date_uk(due.due_on)}: the {name}"
            items.append(Item(due.agency_id, Reminder.Kind.RETURN_DUE, key, text))
    soon = today + dt.timedelta(days=AHEAD_DAYS)
    actions = Action.objects.filter(status__in=Action.ACTIVE, due_date__lte=soon)
    for action in actions.order_by("due_date"):
        late = action.due_date < today
        items.append(
            Item(
                action.owner_agency_id,
                Reminder.Kind.ACTION_OVERDUE if late else Reminder.Kind.ACTION_DUE,
                f"actions.action:{action.pk}",
                f"{'Overdue' if late else 'Due'} {date_uk(action.due_date)}: action "
                f"'{action.title}' ({settings.SITE_URL}/actions/{action.pk}/)",
            )
        )
    return items


def _recipients() -> dict[int, list[User]]:
    by_agency: dict[int, list[User]] = defaultdict(list)
    leads = User.objects.filter(
        is_active=True, email_reminders=True, role_assignments__role=Role.AGENCY_LEAD
    ).exclude(email="")
    for user in leads.distinct():
        if user.agency_id is not None:
            by_agency[user.agency_id].append(user)
    return by_agency


def send_reminders(today: dt.date | None = None) -> int:
    """Send today's reminders; returns how many emails were sent."""
    today = today or timezone.localdate()
    per_user: dict[User, list[Item]] = defaultdict(list)
    recipients = _recipients()
    for item in _items(today):
        for user in recipients.get(item.agency_id, []):
            per_user[user].append(item)
    for find in reminder_sources().values():
        for due in find(today):
            for user in due.users:
                if user.is_active and user.email_reminders and user.email:
                    per_user[user].append(Item(user.agency_id, due.kind, due.item, due.text))
    sent = 0
    for user, items in per_user.items():
        with transaction.atomic():
            already = set(
                Reminder.objects.filter(user=user, sent_on=today).values_list("item", flat=True)
            )
            new = [i for i in items if i.item not in already]
            if not new:
                continue
            Reminder.objects.bulk_create(
                Reminder(user=user, kind=i.kind, item=i.item, text=i.text[:400], sent_on=today)
                for i in new
            )
            record(
                actor=SYSTEM,
                verb="reminder.sent",
                action=AuditLog.Action.CREATE,
                obj=user,
                after={"items": [i.item for i in new], "to": user.email},
            )
            send_mail(
                f"Line of Sight: {len(new)} thing{'s' if len(new) != 1 else ''} due or late",
                "Hello "
                + (user.get_full_name() or user.username)
                + ",\n\n"
                + "\n".join(f"- {i.text}" for i in new)
                + f"\n\nSee your home page: {settings.SITE_URL}/\n\nTo stop these emails, "
                f"untick 'email me reminders' at {settings.SITE_URL}/accounts/reminders/\n",
                None,
                [user.email],
            )  # raises on failure: the log rows and audit row roll back with it
        sent += 1
    return sent
