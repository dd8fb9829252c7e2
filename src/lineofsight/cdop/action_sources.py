"""CDOP learning points raise actions (registered in ``actions.sources``, permission
``cdop.manage``: the shared page ``actions:raise`` serves the coordinator)."""

from __future__ import annotations

from lineofsight.actions.sources import found_by, register_action_source, suggested
from lineofsight.cdop import selectors
from lineofsight.cdop.models import LearningPoint


def register() -> None:
    register_action_source(
        "cdop",
        "Child death review",
        model=LearningPoint,
        # no reference in the label: the action tracker is read by roles outside CDOP
        describe=lambda point: f"CDOP learning point {point.death_id}.{point.number}",
        find=found_by(selectors.learning_point_for),
        initial=suggested(title="text", owner_agency="agency", themes="themes"),
        partnership="death.partnership",
        permission="cdop.manage",
        order=80,
    )
