"""Scrutiny recommendations and feedback raise actions (registered in ``actions.sources``): the
shared page ``actions:raise`` serves the scrutineer (``scrutiny.manage``) and the business unit
(``voice.manage``); a link to the record needs ``scrutiny.view`` or ``voice.view``.  The action
starts from the record's themes and agency (if it names one)."""

from __future__ import annotations

from lineofsight.actions.sources import found_by, register_action_source, suggested
from lineofsight.voice import selectors
from lineofsight.voice.models import Feedback, Recommendation


def register() -> None:
    register_action_source(
        "scrutiny",
        "Independent scrutiny",
        model=Recommendation,
        describe=lambda r: f"Scrutiny recommendation {r.activity_id}.{r.number}",
        find=found_by(selectors.recommendation_for),
        initial=suggested(title="text", owner_agency="agency", themes="themes"),
        partnership="activity.partnership",
        permission="scrutiny.manage",
        order=85,
    )
    register_action_source(
        "voice",
        "Feedback from children and families",
        model=Feedback,
        describe=lambda f: f"Feedback {f.pk} ({f.get_source_display().lower()})",
        find=found_by(selectors.feedback_record),
        initial=suggested(owner_agency="agency", themes="themes"),
        permission="voice.manage",
        order=86,
    )
