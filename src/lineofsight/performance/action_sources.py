"""Indicators raise actions (``actions.sources`` key ``indicator``, ADR 0024): the shared page
``actions:raise`` serves a ``TrackedIndicator``, and the indicator's page lists its actions."""

from __future__ import annotations

from lineofsight.actions.sources import found_by, register_action_source, suggested
from lineofsight.indicators import catalogue
from lineofsight.performance import selectors
from lineofsight.performance.action_services import RAISE_PERMISSION
from lineofsight.performance.models import TrackedIndicator


def _title(tracked: TrackedIndicator) -> str:
    try:
        return catalogue.get(tracked.indicator_id).title
    except KeyError:  # an indicator since removed from the catalogue
        return tracked.indicator_id


def register() -> None:
    register_action_source(
        "indicator",
        "Indicator",
        model=TrackedIndicator,
        describe=lambda tracked: f"Indicator: {_title(tracked)}",
        find=found_by(selectors.tracked_indicator_for),
        initial=suggested(title=lambda tracked: f"Improve: {_title(tracked)}"),
        intro=lambda tracked: f"The action will be listed on the page of {_title(tracked)}.",
        page_title="Raise an action from this indicator",
        permission=RAISE_PERMISSION,
        view_permission="performance.view",
        order=70,
    )
