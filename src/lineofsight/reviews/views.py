"""Case review pages: list (with deadlines and overdue flags, filters, export), record a serious
incident, the review page, rapid review and decision, edit, children, recommendations -> actions,
progress notes."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from lineofsight.actions import services as action_services
from lineofsight.actions.selectors import actions_for_source
from lineofsight.lib.listing import Export
from lineofsight.lib.pages import (
    form_view,
    initial_of,
    own_form_page,
    page_view,
    saving,
    whole_list,
)
from lineofsight.partnership.access import SignedInRequest
from lineofsight.reviews import policies, selectors, services, status
from lineofsight.reviews.forms import (
    ChildForm,
    IncidentForm,
    NoteForm,
    RapidReviewForm,
    RecommendationActionForm,
    RecommendationForm,
    ReviewFilterForm,
    ReviewForm,
)
from lineofsight.reviews.models import Recommendation, Review

EXPORT_HEADER = [
    "Review",
    "Incident",
    "LA aware",
    "Notification due",
    "Notified",
    "Rapid review due",
    "Rapid review",
    "Decision",
    "Decision date",
    "Initiated",
    "Publication target",
    "Published",
    "Stage",
    "Overdue",
    "Learning themes",
    "Recommendations",
]


def _row(review: Review, today: Any) -> dict[str, Any]:
    items = {d.key: d for d in status.review_deadlines(review)}
    return {
        "review": review,
        "stage": status.stage(review),
        "next": status.next_deadline(review),
        "overdue": [d for d in items.values() if d.is_overdue(today)],
        "deadlines": items,
    }


def _export_rows(rows: list[dict[str, Any]], today: Any) -> Any:
    for row in rows:
        review, items = row["review"], row["deadlines"]
        publication = items.get("publication")
        yield [
            review.name,
            review.get_incident_type_display(),
            review.la_aware_on,
            items["notification"].due,
            review.notified_on or "",
            items["rapid_review"].due,
            review.rapid_review_on or "",
            review.get_decision_display() or "Not yet decided",
            review.decision_on or "",
            review.initiated_on or "",
            publication.due if publication else "",
            review.published_on or "",
            row["stage"],
            "; ".join(f"{d.label} ({d.days_overdue(today)} days)" for d in row["overdue"]),
            "; ".join(t.name for t in review.themes.all()),
            review.recommendations.count(),
        ]


def _review(request: HttpRequest, pk: int) -> Review:
    return get_object_or_404(selectors.reviews_for(request.user), pk=pk)


@page_view("learning.view")
def review_list(request: SignedInRequest) -> HttpResponse:
    today = timezone.localdate()
    form = ReviewFilterForm(request.GET or None, years=selectors.review_years(request.user))
    filters: dict[str, Any] = {}
    if request.GET and form.is_valid():
        data = form.cleaned_data
        filters = {
            "stage": data["stage"] or None,
            "decision": data["decision"] or None,
            "year": data["year"],
            "theme": data["theme"],
            "overdue": data["overdue"],
        }
    rows = [
        _row(r, today) for r in selectors.filtered_reviews(request.user, today=today, **filters)
    ]
    return whole_list(
        request,
        "reviews/list.html",
        form=form,
        rows=rows,
        export=Export("case-reviews", EXPORT_HEADER, lambda: _export_rows(rows, today)),
        param="export",
        today=today,
        filtered=any(filters.values()),
        overdue_count=sum(1 for r in rows if r["overdue"]),
        allowed=policies.allowed(request.user),
    )


@form_view("learning.manage")
def create(request: SignedInRequest) -> HttpResponse:
    return own_form_page(
        request,
        "reviews/create.html",
        IncidentForm(request.POST or None),
        saving(request, services.create_review, partnership=request.partnership),
        message=lambda review: f"Serious incident recorded: {review.reference}",
    )


@page_view("learning.view")
def detail(request: SignedInRequest, pk: int) -> HttpResponse:
    review = _review(request, pk)
    today = timezone.localdate()
    recommendations = [
        {"rec": rec, "actions": list(actions_for_source(rec))}
        for rec in selectors.recommendations_for(review)
    ]
    return render(
        request,
        "reviews/detail.html",
        {
            "review": review,
            "row": _row(review, today),
            "allowed": policies.allowed(request.user),
            "deadlines": status.review_deadlines(review),
            "children": selectors.children_of(request.user, review),
            "recommendations": recommendations,
            "notes": review.notes.select_related("author"),
            "today": today,
            "months": status.publication_target_months(),
        },
    )


def _review_form(
    request: HttpRequest,
    review: Review,
    template: str,
    form: Any,
    save: Any,
    *,
    message: str = "Review updated",
    **context: Any,
) -> HttpResponse:
    """A form page about ``review`` on its own ``template``: back to the review once saved."""
    return own_form_page(
        request, template, form, save, message=message, then=review, review=review, **context
    )


@form_view("learning.manage")
def rapid_review(request: SignedInRequest, pk: int) -> HttpResponse:
    review = _review(request, pk)
    names = ("rapid_review_on", "decision", "decision_on", "decision_rationale")
    form = RapidReviewForm(request.POST or None, initial=initial_of(review, names))
    save = saving(
        request,
        services.record_rapid_review,
        review=review,
        initiated_on=review.initiated_on,
        versioned=True,
    )
    row = _row(review, timezone.localdate())
    return _review_form(request, review, "reviews/rapid_review.html", form, save, row=row)


@form_view("learning.manage")
def edit(request: SignedInRequest, pk: int) -> HttpResponse:
    review = _review(request, pk)
    initial = initial_of(review, services.EDITABLE, many=["themes"])
    form = ReviewForm(request.POST or None, initial=initial)
    save = saving(request, services.update_review, review=review, versioned=True)
    row = _row(review, timezone.localdate())
    return _review_form(request, review, "reviews/edit.html", form, save, row=row)


@form_view("learning.manage")
def add_child(request: SignedInRequest, pk: int) -> HttpResponse:
    review = _review(request, pk)
    save = saving(request, services.add_child, review=review)
    form = ChildForm(request.POST or None)
    return _review_form(request, review, "reviews/child.html", form, save, message="Child added")


@form_view("learning.manage")
def add_recommendation(request: SignedInRequest, pk: int) -> HttpResponse:
    review = _review(request, pk)
    form = RecommendationForm(request.POST or None, initial={"themes": list(review.themes.all())})
    save = saving(request, services.add_recommendation, review=review)
    template = "reviews/recommendation.html"
    return _review_form(request, review, template, form, save, message="Recommendation added")


@form_view("learning.manage")
def recommendation_action(request: SignedInRequest, pk: int, number: int) -> HttpResponse:
    review = _review(request, pk)
    rec = get_object_or_404(Recommendation, review=review, number=number)
    form = RecommendationActionForm(
        request.POST or None, initial={"title": rec.text[:300], "owner_agency": rec.agency}
    )
    return own_form_page(
        request,
        "reviews/recommendation_action.html",
        form,
        saving(request, action_services.raise_action, record=rec),
        message=lambda action: f"Action A{action.pk} created from recommendation {number}",
        then=lambda action: reverse("actions:detail", args=[action.pk]),
        review=review,
        rec=rec,
    )


@form_view("learning.manage")
def add_note(request: SignedInRequest, pk: int) -> HttpResponse:
    review = _review(request, pk)
    save = saving(request, services.add_note, review=review)
    form = NoteForm(request.POST or None)
    return _review_form(
        request, review, "reviews/note.html", form, save, message="Progress recorded"
    )
