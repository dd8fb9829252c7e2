"""Reads of workforce development, scoped to the training manager's partnership.  Sessions with
their bookings name learners: reading one is audited (``audit.reads.audited_read``).  The
statistics, charges and gap analysis return figures, never learners."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from lineofsight.actions.theme_sources import Occurrence
from lineofsight.audit.reads import audited_read
from lineofsight.partnership.selectors import settings_row
from lineofsight.workforce import policies, statistics
from lineofsight.workforce.models import (
    Booking,
    Course,
    EvaluationLink,
    EvaluationResponse,
    Session,
    StaffRequirement,
    Stage,
    TrainingSettings,
)


def settings_of(partnership: Any) -> TrainingSettings:
    """The partnership's training settings (the defaults, unsaved, until someone saves them)."""
    return settings_row(TrainingSettings, partnership)


def courses_for(user: Any) -> QuerySet[Course]:
    return Course.objects.filter(partnership_id=policies.can_manage.scope(user)).annotate(
        session_count=Count("sessions", distinct=True)
    )


def course_for(user: Any, pk: int) -> Course:
    return get_object_or_404(courses_for(user).prefetch_related("themes", "questions"), pk=pk)


def sessions_for(user: Any) -> QuerySet[Session]:
    return (
        Session.objects.filter(course__partnership_id=policies.can_manage.scope(user))
        .select_related("course")
        .annotate(
            booked=Count("bookings", filter=Q(bookings__status=Booking.Status.BOOKED)),
            waiting=Count("bookings", filter=Q(bookings__status=Booking.Status.WAITING)),
        )
    )


@audited_read("workforce.session")
def session_for(user: Any, pk: int) -> Session:
    """A session with its bookings (learners' names): an audited read."""
    return get_object_or_404(sessions_for(user), pk=pk)


def booking_for(user: Any, session: Session, pk: int) -> Booking:
    return get_object_or_404(
        Booking.objects.filter(
            session=session, session__course__partnership_id=policies.can_manage.scope(user)
        ),
        pk=pk,
    )


def bookings_of(session: Session) -> dict[str, list[Booking]]:
    rows = session.bookings.select_related("agency").order_by("requested_at", "pk")
    grouped: dict[str, list[Booking]] = defaultdict(list)
    for booking in rows:
        grouped[booking.status].append(booking)
    return grouped


def links_of(session: Session) -> dict[int, dict[str, EvaluationLink]]:
    found: dict[int, dict[str, EvaluationLink]] = defaultdict(dict)
    for link in EvaluationLink.objects.filter(booking__session=session):
        found[link.booking_id][link.stage] = link
    return found


def upcoming_for(user: Any, today: dt.date | None = None) -> QuerySet[Session]:
    today = today or timezone.localdate()
    return sessions_for(user).filter(starts_on__gte=today).order_by("starts_on", "pk")


def reflective_logs_for(user: Any, *, unrated_only: bool = False) -> QuerySet[EvaluationResponse]:
    logs = EvaluationResponse.objects.filter(
        session__course__partnership_id=policies.can_manage.scope(user), stage=Stage.FOLLOW_UP
    ).select_related("session__course", "agency")
    if unrated_only:
        logs = logs.filter(impact_rating="")
    return logs


def reflective_log_for(user: Any, pk: int) -> EvaluationResponse:
    return get_object_or_404(reflective_logs_for(user), pk=pk)


def requirements_for(user: Any) -> QuerySet[StaffRequirement]:
    return StaffRequirement.objects.filter(
        partnership_id=policies.can_manage.scope(user)
    ).select_related("agency", "course")


# ---- facts for the statistics -------------------------------------------------------------


def _bookings(partnership_id: int, start: dt.date, end: dt.date) -> QuerySet[Booking]:
    return Booking.objects.filter(
        session__course__partnership_id=partnership_id,
        session__starts_on__gte=start,
        session__starts_on__lte=end,
    )


def places_of(
    partnership_id: int, start: dt.date, end: dt.date, course: Course | None = None
) -> list[statistics.Place]:
    rows = _bookings(partnership_id, start, end)
    if course is not None:
        rows = rows.filter(session__course=course)
    return [
        statistics.Place(
            course=title,
            mode=mode,
            agency=agency,
            session_id=session_id,
            status=status,
            attended=attended,
            late_cancellation=late,
        )
        for title, mode, agency, session_id, status, attended, late in rows.values_list(
            "session__course__title",
            "session__mode",
            "agency__name",
            "session_id",
            "status",
            "attended",
            "late_cancellation",
        )
    ]


def session_facts(
    partnership_id: int, start: dt.date, end: dt.date, course: Course | None = None
) -> list[tuple[str, str, int]]:
    rows = Session.objects.filter(
        course__partnership_id=partnership_id, starts_on__gte=start, starts_on__lte=end
    )
    if course is not None:
        rows = rows.filter(course=course)
    return list(rows.values_list("course__title", "mode", "pk"))


def answers_of(
    partnership_id: int, start: dt.date, end: dt.date, course: Course | None = None
) -> list[statistics.Answer]:
    rows = EvaluationResponse.objects.filter(
        session__course__partnership_id=partnership_id,
        session__starts_on__gte=start,
        session__starts_on__lte=end,
    ).select_related("session__course")
    if course is not None:
        rows = rows.filter(session__course=course)
    return [
        statistics.Answer(
            stage=r.stage,
            learner_key=r.learner_key,
            course=r.session.course.title,
            reaction=r.reaction,
            confidence_before=r.confidence_before,
            confidence_after=r.confidence_after,
            knowledge_correct=r.knowledge_correct,
            knowledge_asked=r.knowledge_asked,
            support=r.support,
            use=r.use,
            practice_example=bool(r.practice_example.strip()),
            impact_self=r.impact_self,
            impact_rating=r.impact_rating,
        )
        for r in rows
    ]


def follow_up_rate(
    partnership_id: int, start: dt.date, end: dt.date, course: Course | None = None
) -> tuple[int, int]:
    """Follow-up links issued (learners' and managers') and how many were answered."""
    links = EvaluationLink.objects.filter(
        booking__session__course__partnership_id=partnership_id,
        booking__session__starts_on__gte=start,
        booking__session__starts_on__lte=end,
        stage__in=[Stage.FOLLOW_UP, Stage.MANAGER],
    )
    if course is not None:
        links = links.filter(booking__session__course=course)
    return links.count(), links.filter(used_at__isnull=False).count()


def statistics_of(
    partnership_id: int, start: dt.date, end: dt.date, course: Course | None = None
) -> dict[str, Any]:
    places = places_of(partnership_id, start, end, course)
    answers = answers_of(partnership_id, start, end, course)
    agencies = statistics.by_agency(places)
    issued, answered = follow_up_rate(partnership_id, start, end, course)
    return {
        "courses": statistics.sessions_and_places(
            session_facts(partnership_id, start, end, course), places
        ),
        "agencies": agencies,
        "total": statistics.totals(agencies),
        "levels": statistics.guskey_levels(answers),
        "knowledge": statistics.knowledge_score(answers),
        "effect": statistics.paired_effect(statistics.confidence_pairs(answers)),
        "follow_up": (issued, answered, statistics.share(answered, issued)),
        "impact": statistics.impact_ratings(answers),
    }


def statistics_for(
    user: Any, start: dt.date, end: dt.date, course: Course | None = None
) -> dict[str, Any]:
    return statistics_of(policies.can_manage.scope(user), start, end, course)


def charges_for(user: Any, start: dt.date, end: dt.date) -> list[statistics.Charge]:
    partnership_id = policies.can_manage.scope(user)
    found = settings_of(user.agency.partnership)
    paying = {a.name for a in found.paying_agencies.all()} if found.pk else set()
    return statistics.charges(
        places_of(partnership_id, start, end),
        paying=paying,
        non_attendance=found.non_attendance_charge,
        late_cancellation=found.late_cancellation_charge,
    )


def trained_learners(
    partnership_id: int, since: dt.date, until: dt.date
) -> dict[tuple[str, str], set[str]]:
    """(agency, course) -> the distinct learners (name or reference, case-folded) who attended."""
    trained: dict[tuple[str, str], set[str]] = defaultdict(set)
    rows = Booking.objects.filter(
        session__course__partnership_id=partnership_id,
        session__starts_on__gte=since,
        session__starts_on__lte=until,
        status=Booking.Status.BOOKED,
        attended=True,
    ).values_list("agency__name", "session__course__title", "learner")
    for agency, course, learner in rows:
        trained[(agency, course)].add(" ".join(learner.casefold().split()))
    return trained


def gaps_for(user: Any, today: dt.date | None = None) -> list[statistics.Gap]:
    partnership_id = policies.can_manage.scope(user)
    today = today or timezone.localdate()
    years = settings_of(user.agency.partnership).refresher_years
    since = (
        today.replace(year=today.year - years)
        if not (today.month == 2 and today.day == 29)
        else today.replace(year=today.year - years, day=28)
    )
    needs = [
        (r.agency.name, r.course.title, r.staff)
        for r in StaffRequirement.objects.filter(partnership_id=partnership_id).select_related(
            "agency", "course"
        )
    ]
    return statistics.gaps(needs, trained_learners(partnership_id, since, today))


def theme_occurrences(themes: QuerySet[Any]) -> Iterable[Occurrence]:
    """Each session of a course tagged with a theme (the theme page's "Training" section)."""
    through = Course.themes.through
    links = through.objects.filter(learningtheme__in=themes).values_list(
        "learningtheme_id", "course_id"
    )
    by_course: dict[int, list[int]] = defaultdict(list)
    for theme_id, course_id in links:
        by_course[course_id].append(theme_id)
    sessions = Session.objects.filter(course_id__in=by_course).select_related("course")
    for session in sessions.annotate(attended=Count("bookings", filter=Q(bookings__attended=True))):
        for theme_id in by_course[session.course_id]:
            yield Occurrence(
                theme_id=theme_id,
                kind="training",
                year=session.starts_on.year,
                title=f"{session.course.title}, {session.starts_on:%-d %B %Y} "
                f"({session.attended} attended)",
                # no link: the theme page is read by roles the course page refuses (the sweep)
                url="",
            )
