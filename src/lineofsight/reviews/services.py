"""Writes to case reviews, each audited in its own transaction (partnership administrators).

Recommendations become actions through ``lineofsight.actions.services.raise_action`` with the
recommendation as the record (source ``review``, registered in ``reviews/action_sources.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from lineofsight.actions.services import ThemeRef, set_themes, with_themes
from lineofsight.lib.audited import (
    audited_create,
    audited_edit,
    only,
)
from lineofsight.lib.numbering import next_number
from lineofsight.partnership.actors import user_of
from lineofsight.partnership.models import Agency, Partnership
from lineofsight.reviews import policies, verbs
from lineofsight.reviews.models import Recommendation, Review, ReviewChild, ReviewNote

EDITABLE = (
    "reference",
    "incident_type",
    "incident_summary",
    "la_aware_on",
    "notified_on",
    "rapid_review_on",
    "decision",
    "decision_on",
    "decision_rationale",
    "initiated_on",
    "reviewer",
    "completed_on",
    "published_on",
    "publication_url",
    "publication_note",
)


def _check(actor: Any) -> None:
    if not policies.may_manage(actor):
        raise PermissionDenied("learning.manage")


def create_review(
    *,
    actor: Any,
    partnership: Partnership,
    reference: str,
    incident_type: str,
    la_aware_on: dt.date,
    themes: Iterable[ThemeRef] = (),
    at: dt.datetime | None = None,
    **fields: Any,
) -> Review:
    """Record a serious incident (the start of every case review)."""
    _check(actor)
    only(fields, EDITABLE, "review")
    review = Review(
        partnership=partnership,
        reference=reference.strip(),
        incident_type=incident_type,
        la_aware_on=la_aware_on,
        created_at=at or timezone.now(),
        **fields,
    )
    return audited_create(
        actor=actor,
        instance=review,
        verb=verbs.REVIEW_CREATE,
        **with_themes(themes),
    )


def update_review(
    *,
    actor: Any,
    review: Review,
    expected_version: int,
    themes: Iterable[ThemeRef] | None = None,
    verb: str = "review.update",
    **fields: Any,
) -> Review:
    """Change any of the review's fields (``EDITABLE``); a stale version is an EditConflict."""
    _check(actor)
    only(fields, EDITABLE, "review")
    return audited_edit(
        actor,
        review,
        expected_version,
        fields,
        verb=verb,
        fields=EDITABLE,
        **with_themes(themes),
    )


def record_rapid_review(
    *,
    actor: Any,
    review: Review,
    expected_version: int,
    rapid_review_on: dt.date,
    decision: str = "",
    decision_on: dt.date | None = None,
    decision_rationale: str = "",
    initiated_on: dt.date | None = None,
) -> Review:
    """The rapid review, and the decision it led to (if made)."""
    if decision and decision_on is None:
        decision_on = rapid_review_on
    if decision in Review.DECISIONS_WITH_REVIEW and initiated_on is None:
        initiated_on = decision_on
    return update_review(
        actor=actor,
        review=review,
        expected_version=expected_version,
        verb=verbs.RAPID_REVIEW,
        rapid_review_on=rapid_review_on,
        decision=decision,
        decision_on=decision_on,
        decision_rationale=decision_rationale,
        initiated_on=initiated_on,
    )


def add_child(*, actor: Any, review: Review, reference: str, age_band: str) -> ReviewChild:
    _check(actor)
    child = ReviewChild(review=review, reference=reference.strip(), age_band=age_band)
    return audited_create(actor=actor, instance=child, verb=verbs.CHILD_ADD)


def add_recommendation(
    *,
    actor: Any,
    review: Review,
    text: str,
    agency: Agency | None = None,
    themes: Iterable[ThemeRef] = (),
    number: int | None = None,
) -> Recommendation:
    _check(actor)
    with transaction.atomic():
        if number is None:
            number = next_number(review.recommendations)
        recommendation = Recommendation(
            review=review, number=number, text=text.strip(), agency=agency
        )
        return audited_create(
            actor=actor,
            instance=recommendation,
            verb=verbs.RECOMMENDATION_ADD,
            after_save=set_themes(themes),
        )


def add_note(*, actor: Any, review: Review, text: str, at: dt.datetime | None = None) -> ReviewNote:
    _check(actor)
    if not text.strip():
        raise ValidationError({"text": "Enter the progress to record"})
    note = ReviewNote(
        review=review,
        author=user_of(actor),
        at=at or timezone.now(),
        text=text.strip(),
    )
    return audited_create(actor=actor, instance=note, verb=verbs.NOTE_ADD)
