"""Case review recommendations raise actions (registered in ``actions.sources``)."""

from __future__ import annotations

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from lineofsight.actions.sources import register_action_source, suggested
from lineofsight.reviews import selectors
from lineofsight.reviews.models import Recommendation


def _recommendation(request: HttpRequest, pk: int, number: int) -> Recommendation:
    review = get_object_or_404(selectors.reviews_for(request.user), pk=pk)
    return get_object_or_404(Recommendation, review=review, number=number)


def register() -> None:
    register_action_source(
        "review",
        "Case review",
        model=Recommendation,
        describe=lambda rec: f"{rec.review.name} rec {rec.number}",
        find=_recommendation,
        # the action answers the recommendation: its text, agency and themes (else the review's)
        initial=suggested(title="text", owner_agency="agency", themes=("themes", "review.themes")),
        partnership="review.partnership",
        page_title="Turn a recommendation into an action",
        order=10,
    )
