"""Reads of case reviews (pseudonymised: every role that may see learning may see them)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from lineofsight.actions.theme_sources import Occurrence
from lineofsight.audit.reads import audited_read
from lineofsight.partnership.access import check_permission
from lineofsight.reviews import status
from lineofsight.reviews.models import Recommendation, Review, ReviewChild


def reviews_for(user: Any) -> QuerySet[Review]:
    check_permission(user, "learning.view")
    return Review.objects.prefetch_related("themes")


def filtered_reviews(
    user: Any,
    *,
    stage: str | None = None,
    decision: str | None = None,
    year: int | None = None,
    theme: Any = None,
    overdue: bool = False,
    today: dt.date | None = None,
) -> list[Review]:
    """Reviews matching the filters (stage and overdue are derived, so filtered here)."""
    today = today or timezone.localdate()
    rows = reviews_for(user)
    if decision:
        rows = rows.filter(decision="" if decision == "pending" else decision)
    if year:
        rows = rows.filter(la_aware_on__year=year)
    if theme:
        rows = rows.filter(themes=theme)
    result = list(rows)
    if stage:
        result = [r for r in result if status.stage(r) == stage]
    if overdue:
        result = [r for r in result if status.overdue_deadlines(r, today)]
    return result


def review_years(user: Any) -> list[int]:
    return sorted({d.year for d in reviews_for(user).values_list("la_aware_on", flat=True)})


@audited_read("reviews.review_children")
def children_of(user: Any, of: Review) -> list[ReviewChild]:
    """The children of a case review (pseudonymous references and age bands)."""
    check_permission(user, "learning.view")
    return list(of.children.all())


def recommendations_for(review: Review) -> QuerySet[Recommendation]:
    return review.recommendations.select_related("agency").prefetch_related("themes")


def theme_occurrences(themes: QuerySet[Any]) -> Iterable[Occurrence]:
    """For the learning-themes page: each review tagged with a theme, in the year it arose."""
    through = Review.themes.through
    for row in through.objects.filter(learningtheme__in=themes).select_related("review"):
        review = row.review
        yield Occurrence(
            theme_id=row.learningtheme_id,
            kind="review",
            year=review.la_aware_on.year,
            title=review.name,
            url=review.get_absolute_url(),
        )
