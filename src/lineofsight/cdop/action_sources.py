"""CDOP learning points raise actions (registered in ``actions.sources``, permission
``cdop.manage``: the shared page ``actions:raise`` serves the coordinator)."""

from __future__ import annotations

from typing import Any

from lineofsight.actions.sources import found_by, register_action_source
from lineofsight.cdop import selectors
from lineofsight.cdop.models import LearningPoint


def _initial(point: LearningPoint) -> dict[str, Any]:
    return {
        "title": point.text[:300],
        "owner_agency": point.agency,
        "themes": list(point.themes.all()),
    }


def register() -> None:
    register_action_source(
        "cdop",
        "Child death review",
        model=LearningPoint,
        # no reference in the label: the action tracker is read by roles outside CDOP
        describe=lambda point: f"CDOP learning point {point.death_id}.{point.number}",
        find=found_by(selectors.learning_point_for),
        initial=_initial,
        partnership=lambda point: point.death.partnership,
        page_title="Raise an action from this learning point",
        permission="cdop.manage",
        order=80,
    )
