"""The learning-and-improvement landing page and the learning-theme pages ("learning" URLs)."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from lineofsight.actions import selectors
from lineofsight.actions.models import LearningTheme
from lineofsight.actions.recurrence import recurrence
from lineofsight.actions.theme_sources import theme_sources
from lineofsight.partnership.access import SignedInRequest, has_permission, requires

# (title, description, candidate URL names, permission): a section is shown when one of its URL
# names exists (the app is installed) and the user holds the permission.
SECTIONS: list[tuple[str, str, tuple[str, ...], str]] = [
    (
        "Case reviews",
        "Serious incident notifications, rapid reviews, safeguarding practice "
        "reviews and their recommendations",
        ("reviews:list",),
        "learning.view",
    ),
    (
        "Multi-agency audits",
        "The audit programme, agencies' gradings, findings and re-audits",
        ("assurance:audit_list", "assurance:audits", "assurance:audit-list"),
        "learning.view",
    ),
    (
        "Section 11 self-assessment",
        "Each agency's self-assessment against the 8 standards",
        ("assurance:section11_list", "assurance:section11", "assurance:section11-list"),
        "learning.view",
    ),
    (
        "Challenge log",
        "Who challenged whom, about what, and the outcome",
        ("assurance:challenge_list", "assurance:challenges", "assurance:challenge-list"),
        "learning.view",
    ),
    (
        "Delivery plan",
        "Priorities, what we will do and what success looks like",
        ("delivery:plan", "delivery:list", "delivery:home"),
        "learning.view",
    ),
    (
        "Actions",
        "One tracker for every action, whatever its source, with overdue and due-soon views",
        ("actions:list",),
        "learning.view",
    ),
    (
        "Board summary of actions",
        "Counts by status, source and agency, and what is overdue",
        ("actions:summary",),
        "learning.view",
    ),
    (
        "Learning themes",
        "Each theme's recurrence across years and sources, with its actions",
        ("learning:themes",),
        "learning.view",
    ),
]


def first_url(names: tuple[str, ...]) -> str | None:
    for name in names:
        try:
            return reverse(name)
        except NoReverseMatch:
            continue
    return None


@requires("learning.view")
@require_GET
def home(request: SignedInRequest) -> HttpResponse:
    sections = []
    for title, description, names, permission in SECTIONS:
        href = first_url(names)
        if href and has_permission(request.user, permission):
            sections.append({"title": title, "description": description, "href": href})
    summary = selectors.board_summary(request.user)
    return render(request, "learning/home.html", {"sections": sections, "summary": summary})


@requires("learning.view")
@require_GET
def theme_list(request: SignedInRequest) -> HttpResponse:
    return render(
        request,
        "learning/themes.html",
        {"recurrences": recurrence(selectors.themes(), request.user), "sources": theme_sources()},
    )


@requires("learning.view")
@require_GET
def theme_detail(request: SignedInRequest, slug: str) -> HttpResponse:
    theme = get_object_or_404(LearningTheme, slug=slug)
    item = recurrence(LearningTheme.objects.filter(pk=theme.pk), request.user)[0]
    actions = selectors.actions_for(request.user, theme=theme).order_by("-created_at")
    return render(
        request,
        "learning/theme.html",
        {
            "theme": theme,
            "item": item,
            "actions": actions,
            "training": item.of_kind("training"),
            "training_installed": any(s.kind == "training" for s in theme_sources()),
            "today": timezone.localdate(),
        },
    )
