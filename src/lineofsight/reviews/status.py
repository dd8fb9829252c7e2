"""A review's deadlines and stage, derived from its dates (England working days)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from lineofsight.calendar.timescales import CSPR_PUBLICATION
from lineofsight.reviews import deadlines
from lineofsight.reviews.models import Review


def publication_target_months() -> int:
    return int(getattr(settings, "REVIEW_PUBLICATION_TARGET_MONTHS", CSPR_PUBLICATION.amount))


@dataclass(frozen=True)
class Deadline:
    key: str
    label: str
    rule: str
    due: dt.date
    done_on: dt.date | None

    def is_overdue(self, today: dt.date) -> bool:
        return self.done_on is None and today > self.due

    def was_late(self) -> bool:
        return self.done_on is not None and self.done_on > self.due

    def state(self, today: dt.date) -> str:
        """ "done", "late" (done after the deadline), "overdue", "due_soon" (7 days) or "due"."""
        if self.done_on is not None:
            return "late" if self.was_late() else "done"
        if today > self.due:
            return "overdue"
        return "due_soon" if (self.due - today).days <= 7 else "due"

    def days_overdue(self, today: dt.date) -> int:
        return (today - self.due).days if self.is_overdue(today) else 0


def review_deadlines(review: Review) -> list[Deadline]:
    items = [
        Deadline(
            "notification",
            "Notify the national panel",
            "within 5 working days of the local authority becoming aware",
            deadlines.notification_due(review.la_aware_on),
            review.notified_on,
        ),
        Deadline(
            "rapid_review",
            "Complete the rapid review",
            "within 15 working days of the local authority becoming aware",
            deadlines.rapid_review_due(review.la_aware_on),
            review.rapid_review_on,
        ),
    ]
    if review.decision in Review.DECISIONS_WITH_REVIEW:
        start = review.initiated_on or review.decision_on
        if start is not None:
            months = publication_target_months()
            due = deadlines.publication_target(start, months)
            if review.decision == Review.Decision.CSPR:
                items.append(
                    Deadline(
                        "publication",
                        "Publish the review",
                        f"within {months} months of initiation",
                        due,
                        review.published_on,
                    )
                )
            else:  # a local learning review is not always published: it should be finished
                items.append(
                    Deadline(
                        "completion",
                        "Complete the review",
                        f"within {months} months of initiation",
                        due,
                        review.completed_on,
                    )
                )
    return items


def overdue_deadlines(review: Review, today: dt.date | None = None) -> list[Deadline]:
    today = today or timezone.localdate()
    return [d for d in review_deadlines(review) if d.is_overdue(today)]


def next_deadline(review: Review) -> Deadline | None:
    return next((d for d in review_deadlines(review) if d.done_on is None), None)


class Stage:
    NOTIFICATION = "Notification due"
    RAPID_REVIEW = "Rapid review"
    AWAITING_DECISION = "Awaiting decision"
    NO_FURTHER_REVIEW = "No further review"
    IN_PROGRESS = "Review in progress"
    AWAITING_PUBLICATION = "Completed, awaiting publication"
    PUBLISHED = "Published"
    COMPLETED = "Completed"

    ORDER = [
        NOTIFICATION,
        RAPID_REVIEW,
        AWAITING_DECISION,
        IN_PROGRESS,
        AWAITING_PUBLICATION,
        PUBLISHED,
        COMPLETED,
        NO_FURTHER_REVIEW,
    ]


def stage(review: Review) -> str:
    if review.decision == Review.Decision.NO_FURTHER_REVIEW:
        return Stage.NO_FURTHER_REVIEW
    if review.decision:
        if review.published_on:
            return Stage.PUBLISHED
        if review.completed_on and review.decision == Review.Decision.LOCAL_LEARNING:
            return Stage.COMPLETED
        return Stage.AWAITING_PUBLICATION if review.completed_on else Stage.IN_PROGRESS
    if review.rapid_review_on:
        return Stage.AWAITING_DECISION
    return Stage.RAPID_REVIEW if review.notified_on else Stage.NOTIFICATION
