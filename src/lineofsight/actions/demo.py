"""Demo: open actions stay consistent with today (loaded after every other demo loader).

The demo histories end in 2021-22; an action they leave open would otherwise be "overdue by
1,800 days". Each open action due more than ``STALE_DAYS`` ago has its due date revised around
today (a few overdue, some due soon, the rest later), recorded as a dated progress update, as a
partnership reviewing its action plan would. Deterministic for a seed and a day; idempotent.
"""

from __future__ import annotations

import datetime as dt
import random

from django.utils import timezone

from lineofsight.actions import services
from lineofsight.actions.models import Action
from lineofsight.partnership.actors import SYSTEM

STALE_DAYS = 60
# (weight, days from today): overdue, due soon, due later
REVISED = ((3, (-45, -3)), (3, (2, 28)), (4, (35, 150)))


def load(seed: int, today: dt.date | None = None) -> None:
    """open actions' due dates revised around today"""
    today = today or timezone.localdate()
    rng = random.Random(f"actions-{seed}")
    stale = Action.objects.filter(
        status__in=Action.ACTIVE, due_date__lt=today - dt.timedelta(days=STALE_DAYS)
    ).order_by("pk")
    reviewed = timezone.make_aware(dt.datetime.combine(today - dt.timedelta(days=1), dt.time(10)))
    revised = 0
    for action in stale:
        low, high = rng.choices([r for _, r in REVISED], weights=[w for w, _ in REVISED])[0]
        new_due = today + dt.timedelta(days=rng.randint(low, high))
        Action.objects.filter(pk=action.pk).update(due_date=new_due)
        action.refresh_from_db()
        services.add_update(
            actor=SYSTEM,
            action=action,
            expected_version=action.version,
            text=f"Due date revised to {new_due:%-d %B %Y} at the review of the action plan",
            at=max(reviewed, action.created_at),
        )
        revised += 1
    print(f"  {revised} open actions' due dates revised around today")
