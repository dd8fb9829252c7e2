"""The training manager's panel on the home page: the next sessions (places and waiting lists),
reflective logs waiting for an impact rating and follow-ups due to be sent."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from lineofsight.partnership.home_panels import register_home_panel
from lineofsight.workforce import selectors
from lineofsight.workforce.models import Booking, Stage


def _context(request: HttpRequest) -> dict[str, Any] | None:
    user: Any = request.user
    if getattr(user, "agency", None) is None:
        return None
    today = timezone.localdate()
    weeks = selectors.settings_of(user.agency.partnership).follow_up_weeks
    due = (
        Booking.objects.filter(
            session__course__partnership_id=user.agency.partnership_id,
            session__starts_on__lte=today - dt.timedelta(weeks=weeks),
            status=Booking.Status.BOOKED,
            attended=True,
            external_ref="",
        )
        .exclude(links__stage=Stage.FOLLOW_UP)
        .count()
    )
    return {
        "upcoming": list(selectors.upcoming_for(user, today)[:5]),
        "to_rate": selectors.reflective_logs_for(user, unrated_only=True).count(),
        "follow_ups_due": due,
    }


def register() -> None:
    register_home_panel(
        "workforce",
        permission="workforce.manage",
        template="workforce/home_panel.html",
        context=_context,
        order=30,
    )
