"""Case review recommendations raise actions (registered in ``actions.sources``)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from lineofsight.actions.sources import register_action_source
from lineofsight.reviews import selectors
from lineofsight.reviews.models import Recommendation


def _recommendation(request: HttpRequest, pk: int, number: int) -> Recommendation:
    review = get_object_or_404(selectors.reviews_for(request.user), pk=pk)
    return get_object_or_404(Recommendation, review=review, number=number)


def _initial(rec: Recommendation) -> dict[str, Any]:
    """The action answers the recommendation: its text, agency and themes (else the review's)."""
    themes = list(rec.themes.all()) or list(rec.review.themes.all())
    return {"title": rec.text[:300], "owner_agency": rec.agency, "themes": themes}


def register() -> None:
    register_action_source(
        "review",
        "Case review",
        model=Recommendation,
        describe=lambda rec: f"{rec.review.name} rec {rec.number}",
        find=_recommendation,
        initial=_initial,
        partnership=lambda rec: rec.review.partnership,
        page_title="Turn a recommendation into an action",
        order=10,
    )
