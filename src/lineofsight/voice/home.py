"""Home-page panels: the scrutineer's recommendations whose actions are still open, and for the
business unit the feedback still waiting for "what changed"."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from lineofsight.partnership.home_panels import PANEL_TEMPLATE, panel, register_home_panel
from lineofsight.voice import selectors

SHOWN = 8


def _scrutiny(request: HttpRequest) -> dict[str, Any] | None:
    if getattr(request.user, "agency", None) is None:
        return None
    rows = []
    for activity in selectors.activities_for(request.user)[:SHOWN]:
        count = int(getattr(activity, "recommendation_count", 0))
        rows.append(
            {
                "text": activity.title,
                "href": activity.get_absolute_url(),
                "detail": f"{activity.held_on:%-d %B %Y}: {count} recommendation"
                + ("" if count == 1 else "s"),
            }
        )
    return panel(
        "voice-scrutiny",
        "Your scrutiny activities",
        rows,
        empty="No scrutiny activity is recorded yet.",
        more={"href": reverse("voice:activities"), "text": "All scrutiny activities"},
    )


def _waiting(request: HttpRequest) -> dict[str, Any] | None:
    if getattr(request.user, "agency", None) is None:
        return None
    waiting = selectors.feedback_for(request.user, status="waiting").order_by("received_on")
    rows = [
        {
            "text": f"{item.get_source_display()} from {item.get_given_by_display().lower()}",
            "href": item.get_absolute_url(),
            "tag": "Waiting",
            "colour": "yellow",
            "detail": f"Received {item.received_on:%-d %B %Y}",
        }
        for item in waiting[:SHOWN]
    ]
    return panel(
        "voice-waiting",
        "Feedback waiting for what changed",
        rows,
        empty="Every piece of feedback says what changed as a result.",
        more={"href": reverse("voice:feedback") + "?status=waiting", "text": "All of it"},
    )


def register() -> None:
    register_home_panel(
        "voice-scrutiny", permission="scrutiny.manage", template=PANEL_TEMPLATE,
        context=_scrutiny, order=25,
    )  # fmt: skip
    register_home_panel(
        "voice-waiting", permission="voice.manage", template=PANEL_TEMPLATE,
        context=_waiting, order=60,
    )  # fmt: skip
