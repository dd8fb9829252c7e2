"""Writes to case reviews, each audited in its own transaction (partnership administrators).

Recommendations become actions through ``lineofsight.actions.services.create_action`` with
``source=review`` and the recommendation as the source record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from lineofsight.actions.models import Action
from lineofsight.actions.services import ThemeRef, create_action, resolve_themes
from lineofsight.audit.models import AuditLog
from lineofsight.audit.services import record, snapshot
from lineofsight.lib.versioning import save_if_unchanged
from lineofsight.partnership.access import has_permission
from lineofsight.partnership.models import Agency, Partnership
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
    if actor is not None and not has_permission(actor, "learning.manage"):
        raise PermissionDenied("learning.manage")


def _review_snapshot(review: Review) -> dict[str, Any] | None:
    data = snapshot(review, exclude=("themes",))
    if data is not None and review.pk:
        data["themes"] = sorted(review.themes.values_list("slug", flat=True))
    return data


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
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise TypeError(f"Unknown review fields: {', '.join(sorted(unknown))}")
    with transaction.atomic():
        review = Review(
            partnership=partnership,
            reference=reference.strip(),
            incident_type=incident_type,
            la_aware_on=la_aware_on,
            created_at=at or timezone.now(),
            **fields,
        )
        review.full_clean()
        review.save()
        review.themes.set(resolve_themes(themes))
        record(
            actor=actor,
            verb="review.create",
            action=AuditLog.Action.CREATE,
            obj=review,
            after=_review_snapshot(review),
        )
        return review


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
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise TypeError(f"Unknown review fields: {', '.join(sorted(unknown))}")
    with transaction.atomic():
        before = _review_snapshot(review)
        for name, value in fields.items():
            setattr(review, name, value.strip() if isinstance(value, str) else value)
        review.full_clean()
        save_if_unchanged(review, expected_version, fields=list(EDITABLE))
        if themes is not None:
            review.themes.set(resolve_themes(themes))
        record(
            actor=actor,
            verb=verb,
            action=AuditLog.Action.UPDATE,
            obj=review,
            before=before,
            after=_review_snapshot(review),
        )
        return review


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
        verb="review.rapid_review",
        rapid_review_on=rapid_review_on,
        decision=decision,
        decision_on=decision_on,
        decision_rationale=decision_rationale,
        initiated_on=initiated_on,
    )


def add_child(*, actor: Any, review: Review, reference: str, age_band: str) -> ReviewChild:
    _check(actor)
    with transaction.atomic():
        child = ReviewChild(review=review, reference=reference.strip(), age_band=age_band)
        child.full_clean()
        child.save()
        record(
            actor=actor,
            verb="review.child.add",
            action=AuditLog.Action.CREATE,
            obj=child,
            after=snapshot(child),
        )
        return child


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
            last = review.recommendations.order_by("-number").first()
            number = (last.number if last else 0) + 1
        recommendation = Recommendation(
            review=review, number=number, text=text.strip(), agency=agency
        )
        recommendation.full_clean()
        recommendation.save()
        recommendation.themes.set(resolve_themes(themes))
        record(
            actor=actor,
            verb="review.recommendation.add",
            action=AuditLog.Action.CREATE,
            obj=recommendation,
            after=snapshot(recommendation),
        )
        return recommendation


def recommendation_to_action(
    *,
    actor: Any,
    recommendation: Recommendation,
    owner_agency: Agency,
    due_date: dt.date,
    title: str = "",
    owner_person: str = "",
    description: str = "",
    at: dt.datetime | None = None,
) -> Action:
    """An action for ``owner_agency`` answering the recommendation (one of possibly several)."""
    _check(actor)
    review = recommendation.review
    themes = list(recommendation.themes.all()) or list(review.themes.all())
    return create_action(
        actor=actor,
        title=title.strip() or recommendation.text[:300],
        description=description,
        source=Action.Source.REVIEW,
        source_label=f"{review.name} rec {recommendation.number}",
        source_object=recommendation,
        owner_agency=owner_agency,
        owner_person=owner_person,
        due_date=due_date,
        themes=themes,
        at=at,
    )


def add_note(*, actor: Any, review: Review, text: str, at: dt.datetime | None = None) -> ReviewNote:
    _check(actor)
    if not text.strip():
        raise ValidationError({"text": "Enter the progress to record"})
    with transaction.atomic():
        note = ReviewNote(
            review=review,
            author=actor if getattr(actor, "is_authenticated", False) else None,
            at=at or timezone.now(),
            text=text.strip(),
        )
        note.full_clean()
        note.save()
        record(
            actor=actor,
            verb="review.note.add",
            action=AuditLog.Action.CREATE,
            obj=note,
            after=snapshot(note),
        )
        return note
