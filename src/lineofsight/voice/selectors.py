"""Reads of scrutiny and voice records, scoped to the person's partnership and role.

Nothing here is personal or child-level (feedback is anonymised on the way in, survey responses
carry an agency and a survey tool's number only), so reads are not audited; survey results are
figures, suppressed below 6 (``results``) for everyone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db.models import Count, QuerySet
from django.shortcuts import get_object_or_404

from lineofsight import disclosure
from lineofsight.actions.selectors import actions_for_source, theme_finder
from lineofsight.lib.filters import filtered, reporting_year_span
from lineofsight.voice import policies, results
from lineofsight.voice.models import (
    Feedback,
    ForumNote,
    Recommendation,
    ScrutinyActivity,
    Survey,
    SurveyAnswer,
)


def activities_for(
    user: Any, *, kind: str = "", year: int | None = None
) -> QuerySet[ScrutinyActivity]:
    """The partnership's scrutiny activities, newest first; ``year`` the reporting year (April
    to March) starting in it."""
    pid = policies.can_view_scrutiny.scope(user)
    rows = (
        ScrutinyActivity.objects.filter(partnership_id=pid)
        .annotate(recommendation_count=Count("recommendations"))
        .order_by("-held_on", "-pk")
    )
    return filtered(rows, kind=kind, held_on__range=reporting_year_span(year))


def activity_for(user: Any, pk: int) -> ScrutinyActivity:
    return get_object_or_404(activities_for(user), pk=pk)


def recommendation_for(user: Any, pk: int) -> Recommendation:
    pid = policies.can_view_scrutiny.scope(user)
    return get_object_or_404(
        Recommendation.objects.filter(activity__partnership_id=pid, pk=pk).select_related(
            "activity__partnership", "agency"
        )
    )


def recommendations_with_actions(activity: ScrutinyActivity) -> list[dict[str, Any]]:
    """Each recommendation of an activity the caller has shown, with its actions."""
    return [
        {"recommendation": r, "actions": list(actions_for_source(r))}
        for r in activity.recommendations.select_related("agency").prefetch_related("themes")
    ]


def feedback_for(
    user: Any,
    *,
    source: str = "",
    given_by: str = "",
    status: str = "",
    year: int | None = None,
) -> QuerySet[Feedback]:
    """``status``: "changed" (what changed is recorded) or "waiting" (not yet)."""
    pid = policies.can_view_voice.scope(user)
    rows = Feedback.objects.filter(partnership_id=pid).select_related("agency")
    if status == "changed":
        rows = rows.exclude(changed="")
    elif status == "waiting":
        rows = rows.filter(changed="")
    rows = filtered(
        rows, source=source, given_by=given_by, received_on__range=reporting_year_span(year)
    )
    return rows.prefetch_related("themes")


def one_feedback(user: Any, pk: int) -> Feedback:
    return get_object_or_404(feedback_for(user), pk=pk)


def feedback_record(user: Any, pk: int) -> Feedback:
    """For the actions registry: a feedback record the person may raise actions from."""
    return one_feedback(user, pk)


def you_said_we_did(user: Any, year: int | None = None) -> QuerySet[Feedback]:
    """Feedback with what changed as a result, the most recent change first."""
    return feedback_for(user, status="changed", year=year).order_by("-changed_on", "-pk")


def you_said_we_did_of(partnership: Any, start: dt.date, end: dt.date) -> QuerySet[Feedback]:
    """For the yearly report: the partnership's changes made in the period."""
    return (
        Feedback.objects.filter(partnership=partnership, changed_on__range=(start, end))
        .exclude(changed="")
        .select_related("agency")
        .order_by("changed_on", "pk")
    )


def feedback_counts_of(partnership: Any, start: dt.date, end: dt.date) -> dict[str, int]:
    """Feedback received in the period by source (for the yearly report)."""
    rows = Feedback.objects.filter(partnership=partnership, received_on__range=(start, end))
    return dict(rows.values_list("source").annotate(n=Count("pk")).values_list("source", "n"))


def activities_of(partnership: Any, start: dt.date, end: dt.date) -> QuerySet[ScrutinyActivity]:
    """For the yearly report: the scrutineer's activities in the period, oldest first."""
    return (
        ScrutinyActivity.objects.filter(partnership=partnership, held_on__range=(start, end))
        .prefetch_related("recommendations")
        .order_by("held_on", "pk")
    )


def recommendation_actions(recommendations: Iterable[Recommendation]) -> list[Any]:
    return [a for r in recommendations for a in actions_for_source(r)]


def surveys_for(user: Any) -> QuerySet[Survey]:
    pid = policies.can_view_voice.scope(user)
    return (
        Survey.objects.filter(partnership_id=pid)
        .annotate(
            response_count=Count("responses", distinct=True),
            question_count=Count("questions", distinct=True),
        )
        .order_by("-opened_on", "-pk")
    )


def survey_for(user: Any, pk: int) -> Survey:
    return get_object_or_404(surveys_for(user), pk=pk)


def survey_tables(survey: Survey) -> list[disclosure.Protected]:
    """The survey's results for a survey the caller has shown: the answers across the scale,
    then each statement by agency; small numbers suppressed whoever looks."""
    answers = [
        results.Answer(agency, number, answer)
        for agency, number, answer in SurveyAnswer.objects.filter(
            response__survey=survey
        ).values_list("response__agency__name", "question__number", "answer")
    ]
    agencies = sorted({a.agency for a in answers})
    questions = [(q.number, q.text) for q in survey.questions.order_by("number")]
    tables = [results.scale_table(questions, answers)]
    tables += [results.question_table(n, text, agencies, answers) for n, text in questions]
    return [disclosure.protect(table) for table in tables]


def forum_notes_for(user: Any, year: int | None = None) -> QuerySet[ForumNote]:
    pid = policies.can_view_voice.scope(user)
    rows = ForumNote.objects.filter(partnership_id=pid).prefetch_related("agencies", "themes")
    return filtered(rows, held_on__range=reporting_year_span(year))


# For the learning-themes page: feedback (no words of the feedback) and scrutiny
# recommendations tagged with a theme.
feedback_occurrences = theme_finder(
    Feedback,
    "voice",
    year=lambda item: item.received_on.year,
    title=lambda item: f"Feedback from {item.get_given_by_display().lower()}",
    linked=False,
)
recommendation_occurrences = theme_finder(
    Recommendation,
    "scrutiny",
    related="activity",
    year=lambda item: item.activity.held_on.year,
    title=lambda item: f"Scrutiny: {item.activity.title}",
    linked=False,
)
