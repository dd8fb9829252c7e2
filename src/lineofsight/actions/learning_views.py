"""The learning-and-improvement landing page and the learning-theme pages ("learning" URLs)."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from lineofsight.actions import selectors
from lineofsight.actions.models import LearningTheme
from lineofsight.actions.recurrence import recurrence
from lineofsight.actions.theme_sources import theme_sources
from lineofsight.lib.pages import page_view
from lineofsight.partnership.access import SignedInRequest

# (URL name, title, description): a section is shown when its URL name exists (its app is
# installed); every page listed needs "learning.view", as this one does.
SECTIONS: list[tuple[str, str, str]] = [
    (
        "reviews:list",
        "Case reviews",
        "Serious incident notifications, rapid reviews, safeguarding practice reviews and their "
        "recommendations",
    ),
    (
        "assurance:audits",
        "Multi-agency audits",
        "The audit programme, agencies' gradings, findings and re-audits",
    ),
    (
        "assurance:section11",
        "Section 11 self-assessment",
        "Each agency's self-assessment against the 8 standards",
    ),
    (
        "assurance:challenges",
        "Challenge log",
        "Who challenged whom, about what, and the outcome",
    ),
    (
        "delivery:plan",
        "Delivery plan",
        "Priorities, what we will do and what success looks like",
    ),
    (
        "actions:list",
        "Actions",
        "One tracker for every action, whatever its source, with overdue and due-soon views",
    ),
    (
        "actions:summary",
        "Board summary of actions",
        "Counts by status, source and agency, and what is overdue",
    ),
    (
        "learning:themes",
        "Learning themes",
        "Each theme's recurrence across years and sources, with its actions",
    ),
]


def _url(name: str) -> str | None:
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


@page_view("learning.view")
def home(request: SignedInRequest) -> HttpResponse:
    sections = [
        {"title": title, "description": description, "href": href}
        for name, title, description in SECTIONS
        if (href := _url(name))
    ]
    summary = selectors.board_summary(request.user)
    return render(request, "learning/home.html", {"sections": sections, "summary": summary})


@page_view("learning.view")
def theme_list(request: SignedInRequest) -> HttpResponse:
    return render(
        request,
        "learning/themes.html",
        {"recurrences": recurrence(selectors.themes(), request.user), "sources": theme_sources()},
    )


@page_view("learning.view")
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
