"""Scrutiny recommendations and feedback raise actions (registered in ``actions.sources``): the
shared page ``actions:raise`` serves the scrutineer (``scrutiny.manage``) and the business unit
(``voice.manage``)."""

from __future__ import annotations

from typing import Any

from lineofsight.actions.sources import found_by, register_action_source
from lineofsight.voice import selectors
from lineofsight.voice.models import Feedback, Recommendation


def _initial(item: Recommendation | Feedback) -> dict[str, Any]:
    """The action starts from the record's themes and agency (if it names one)."""
    initial: dict[str, Any] = {"themes": list(item.themes.all())}
    if item.agency is not None:
        initial["owner_agency"] = item.agency
    return initial


def _recommendation_initial(item: Recommendation) -> dict[str, Any]:
    return {"title": item.text[:300], **_initial(item)}


def register() -> None:
    register_action_source(
        "scrutiny",
        "Independent scrutiny",
        model=Recommendation,
        describe=lambda r: f"Scrutiny recommendation {r.activity_id}.{r.number}",
        find=found_by(selectors.recommendation_for),
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
        find=found_by(selectors.feedback_record),
        initial=_initial,
        partnership=lambda f: f.partnership,
        page_title="Raise an action from this feedback",
        permission="voice.manage",
        view_permission="voice.view",
        order=86,
    )
