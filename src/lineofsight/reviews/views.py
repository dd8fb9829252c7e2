"""Case review pages: list (with deadlines and overdue flags, filters, export), record a serious
incident, the review page, rapid review and decision, edit, children, recommendations -> actions,
progress notes."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from lineofsight.actions import services as action_services
from lineofsight.actions.selectors import actions_for_source
from lineofsight.lib.formviews import submit
from lineofsight.lib.listing import Export, list_response
from lineofsight.partnership.access import SignedInRequest, requires
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


@requires("learning.view")
@require_GET
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
    return list_response(
        request,
        "reviews/list.html",
        form=form,
        rows=rows,
        export=Export("case-reviews", EXPORT_HEADER, lambda: _export_rows(rows, today)),
        param="export",
        per_page=None,
        context={
            "rows": rows,
            "today": today,
            "filtered": any(filters.values()),
            "overdue_count": sum(1 for r in rows if r["overdue"]),
            "allowed": policies.allowed(request.user),
        },
    )


@requires("learning.manage")
@require_http_methods(["GET", "POST"])
def create(request: SignedInRequest) -> HttpResponse:
    form = IncidentForm(request.POST or None)
    outcome = submit(
        request,
        form,
        lambda data, _v: services.create_review(
            actor=request.user,
            partnership=request.partnership,
            reference=data["reference"],
            incident_type=data["incident_type"],
            la_aware_on=data["la_aware_on"],
            notified_on=data["notified_on"],
            incident_summary=data["incident_summary"],
            themes=list(data["themes"]),
        ),
    )
    if outcome.saved:
        review = outcome.result
        messages.success(request, f"Serious incident recorded: {review.reference}")
        return redirect("reviews:detail", pk=review.pk)
    return render(request, "reviews/create.html", {"form": form}, status=outcome.status)


@requires("learning.view")
@require_GET
def detail(request: SignedInRequest, pk: int) -> HttpResponse:
    review = get_object_or_404(selectors.reviews_for(request.user), pk=pk)
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


def _versioned_form_view(
    request: HttpRequest, review: Review, form: Any, template: str, save: Any
) -> HttpResponse:
    outcome = submit(request, form, save)
    if outcome.saved:
        messages.success(request, "Review updated")
        return redirect("reviews:detail", pk=review.pk)
    context = {"review": review, "form": form, "row": _row(review, timezone.localdate())}
    return render(request, template, context, status=outcome.status)


@requires("learning.manage")
@require_http_methods(["GET", "POST"])
def rapid_review(request: SignedInRequest, pk: int) -> HttpResponse:
    review = get_object_or_404(selectors.reviews_for(request.user), pk=pk)
    initial = {
        "version": review.version,
        "rapid_review_on": review.rapid_review_on,
        "decision": review.decision,
        "decision_on": review.decision_on,
        "decision_rationale": review.decision_rationale,
    }
    form = RapidReviewForm(request.POST or None, initial=initial)

    def save(data: dict[str, Any], version: int) -> None:
        services.record_rapid_review(
            actor=request.user,
            review=review,
            expected_version=version,
            rapid_review_on=data["rapid_review_on"],
            decision=data["decision"],
            decision_on=data["decision_on"],
            decision_rationale=data["decision_rationale"],
            initiated_on=review.initiated_on,
        )

    return _versioned_form_view(request, review, form, "reviews/rapid_review.html", save)


@requires("learning.manage")
@require_http_methods(["GET", "POST"])
def edit(request: SignedInRequest, pk: int) -> HttpResponse:
    review = get_object_or_404(selectors.reviews_for(request.user), pk=pk)
    initial = {name: getattr(review, name) for name in services.EDITABLE}
    initial.update(version=review.version, themes=list(review.themes.all()))
    form = ReviewForm(request.POST or None, initial=initial)

    def save(data: dict[str, Any], version: int) -> None:
        fields = {name: data[name] for name in services.EDITABLE}
        services.update_review(
            actor=request.user,
            review=review,
            expected_version=version,
            themes=list(data["themes"]),
            **fields,
        )

    return _versioned_form_view(request, review, form, "reviews/edit.html", save)


@requires("learning.manage")
@require_http_methods(["GET", "POST"])
def add_child(request: SignedInRequest, pk: int) -> HttpResponse:
    review = get_object_or_404(selectors.reviews_for(request.user), pk=pk)
    form = ChildForm(request.POST or None)
    outcome = submit(
        request,
        form,
        lambda data, _v: services.add_child(actor=request.user, review=review, **data),
    )
    if outcome.saved:
        messages.success(request, "Child added")
        return redirect("reviews:detail", pk=review.pk)
    return render(
        request, "reviews/child.html", {"review": review, "form": form}, status=outcome.status
    )


@requires("learning.manage")
@require_http_methods(["GET", "POST"])
def add_recommendation(request: SignedInRequest, pk: int) -> HttpResponse:
    review = get_object_or_404(selectors.reviews_for(request.user), pk=pk)
    form = RecommendationForm(request.POST or None, initial={"themes": list(review.themes.all())})
    outcome = submit(
        request,
        form,
        lambda data, _v: services.add_recommendation(
            actor=request.user,
            review=review,
            text=data["text"],
            agency=data["agency"],
            themes=list(data["themes"]),
        ),
    )
    if outcome.saved:
        messages.success(request, "Recommendation added")
        return redirect("reviews:detail", pk=review.pk)
    return render(
        request,
        "reviews/recommendation.html",
        {"review": review, "form": form},
        status=outcome.status,
    )


@requires("learning.manage")
@require_http_methods(["GET", "POST"])
def recommendation_action(request: SignedInRequest, pk: int, number: int) -> HttpResponse:
    review = get_object_or_404(selectors.reviews_for(request.user), pk=pk)
    rec = get_object_or_404(Recommendation, review=review, number=number)
    form = RecommendationActionForm(
        request.POST or None, initial={"title": rec.text[:300], "owner_agency": rec.agency}
    )
    outcome = submit(
        request,
        form,
        lambda data, _v: action_services.raise_action(
            actor=request.user,
            record=rec,
            owner_agency=data["owner_agency"],
            due_date=data["due_date"],
            title=data["title"],
            owner_person=data["owner_person"],
        ),
    )
    if outcome.saved:
        action = outcome.result
        messages.success(request, f"Action A{action.pk} created from recommendation {number}")
        return redirect("actions:detail", pk=action.pk)
    return render(
        request, "reviews/recommendation_action.html", {"review": review, "rec": rec, "form": form}
    )


@requires("learning.manage")
@require_http_methods(["GET", "POST"])
def add_note(request: SignedInRequest, pk: int) -> HttpResponse:
    review = get_object_or_404(selectors.reviews_for(request.user), pk=pk)
    form = NoteForm(request.POST or None)
    outcome = submit(
        request,
        form,
        lambda data, _v: services.add_note(actor=request.user, review=review, text=data["text"]),
    )
    if outcome.saved:
        messages.success(request, "Progress recorded")
        return redirect("reviews:detail", pk=review.pk)
    return render(
        request, "reviews/note.html", {"review": review, "form": form}, status=outcome.status
    )
