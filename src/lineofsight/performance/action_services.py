"""Indicators as records that actions are raised from (ADR 0024): the partnership's
``TrackedIndicator`` of an indicator, made (audited) the first time it is needed."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from lineofsight.indicators import catalogue
from lineofsight.lib.audited import audited_create
from lineofsight.partnership.access import check_permission
from lineofsight.partnership.models import Partnership
from lineofsight.performance.models import TrackedIndicator

TRACK = "indicator.track"
RAISE_PERMISSION = "learning.manage"  # who raises actions from any record (actions.sources)


def track_indicator(*, actor: Any, partnership: Partnership, indicator_id: str) -> TrackedIndicator:
    """The partnership's record of ``indicator_id`` to raise actions from; made once (audited)."""
    check_permission(actor, RAISE_PERMISSION)
    catalogue.get(indicator_id)  # KeyError for an unknown indicator
    with transaction.atomic():
        found = (
            TrackedIndicator.objects.select_for_update()
            .filter(partnership=partnership, indicator_id=indicator_id)
            .first()
        )
        if found is not None:
            return found
        return audited_create(
            actor=actor,
            instance=TrackedIndicator(partnership=partnership, indicator_id=indicator_id),
            verb=TRACK,
        )
