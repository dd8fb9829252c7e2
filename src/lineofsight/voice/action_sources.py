"""Scrutiny recommendations and feedback raise actions (registered in ``actions.sources``): the
shared page ``actions:raise`` serves the scrutineer (``scrutiny.manage``) and the business unit
(``voice.manage``)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from lineofsight.actions.sources import register_action_source
from lineofsight.voice import selectors
from lineofsight.voice.models import Feedback, Recommendation


def _recommendation(request: HttpRequest, pk: int) -> Recommendation:
    return selectors.recommendation_for(request.user, pk)


def _recommendation_initial(item: Recommendation) -> dict[str, Any]:
    initial: dict[str, Any] = {"title": item.text[:300], "themes": list(item.themes.all())}
    if item.agency is not None:
        initial["owner_agency"] = item.agency
    return initial


def _feedback(request: HttpRequest, pk: int) -> Feedback:
    return selectors.feedback_record(request.user, pk)


def _feedback_initial(item: Feedback) -> dict[str, Any]:
    initial: dict[str, Any] = {"themes": list(item.themes.all())}
    if item.agency is not None:
        initial["owner_agency"] = item.agency
    return initial


def register() -> None:
    register_action_source(
        "scrutiny",
        "Independent scrutiny",
        model=Recommendation,
        describe=lambda r: f"Scrutiny recommendation {r.activity_id}.{r.number}",
        find=_recommendation,
        initial=_recommendation_initial,
        partnership=lambda r: r.activity.partnership,
        page_title="Raise an action from this recommendation",
        permission="scrutiny.manage",
        view_permission="scrutiny.view",
        order=85,
    )
    register_action_source(
        "voice",
        "Feedback from children and families",
        model=Feedback,
        describe=lambda f: f"Feedback {f.pk} ({f.get_source_display().lower()})",
        find=_feedback,
        initial=_feedback_initial,
        partnership=lambda f: f.partnership,
        page_title="Raise an action from this feedback",
        permission="voice.manage",
        view_permission="voice.view",
        order=86,
    )
