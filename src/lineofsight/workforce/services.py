"""Writes to workforce development (the training manager), each audited in its transaction.

Bookings fill a session to its capacity, then join its waiting list; cancelling a place promotes
the longest-waiting learner.  Recording attendance issues the end-of-course evaluation links of
those who attended; ``send_due_follow_ups`` (``lineofsight reminders``, the daily timer, or the
button on the training page) issues the follow-up links ``follow_up_weeks`` after a session, to
the learner and their manager, and emails every link that has an address.  A learner's answers
(``answer_evaluation``) arrive through a signed link without an account: the actor is ``SYSTEM``
acting for the link, and the answers are stored against a keyed pseudonym, not the booking.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from lineofsight.actions.services import snapshot_with_themes
from lineofsight.audit.models import AuditLog
from lineofsight.audit.services import record, snapshot_with
from lineofsight.lib.audited import (
    audited_change,
    audited_create,
    audited_edit,
    audited_save,
    audited_update,
    stripped,
)
from lineofsight.lib.numbering import next_number
from lineofsight.partnership.actors import SYSTEM, require_actor
from lineofsight.partnership.models import Agency, Partnership
from lineofsight.workforce import evaluation_links, policies, verbs
from lineofsight.workforce.models import (
    Booking,
    Course,
    EvaluationLink,
    EvaluationResponse,
    Impact,
    KnowledgeQuestion,
    Session,
    StaffRequirement,
    Stage,
    TrainingSettings,
)
from lineofsight.workforce.selectors import settings_of
from lineofsight.workforce.statistics import is_late_cancellation


def _check(actor: Any, record_: Any = None) -> None:
    require_actor(actor)
    if not policies.can_manage(actor, record_):
        raise PermissionDenied("workforce.manage")


def _settings_snapshot(found: TrainingSettings) -> dict[str, Any] | None:
    return snapshot_with(found, {"paying_agencies": "code"})


def update_settings(
    *,
    actor: Any,
    partnership: Partnership,
    expected_version: int | None,
    paying_agencies: Iterable[Agency],
    **fields: Any,
) -> TrainingSettings:
    """The charging policy and evaluation timings (the first save creates them)."""
    _check(actor, TrainingSettings(partnership=partnership))
    chosen = list(paying_agencies)
    if any(a.partnership_id != partnership.pk for a in chosen):
        raise ValidationError({"paying_agencies": "Choose agencies of this partnership"})
    return audited_save(
        actor=actor,
        record=settings_of(partnership),
        changes=fields,
        verb=verbs.SETTINGS_UPDATE,
        expected_version=expected_version,
        after_save=lambda saved: saved.paying_agencies.set(chosen),
        snapshot_of=_settings_snapshot,
    )


_course_snapshot = snapshot_with_themes


def create_course(
    *, actor: Any, partnership: Partnership, themes: Iterable[Any] = (), **fields: Any
) -> Course:
    course = Course(partnership=partnership, **stripped(fields))
    _check(actor, course)
    if Course.objects.filter(partnership=partnership, code=course.code).exists():
        raise ValidationError({"code": f"A course with the code {course.code} already exists"})
    chosen = list(themes)
    return audited_create(
        actor=actor,
        instance=course,
        verb=verbs.COURSE_CREATE,
        after_save=lambda saved: saved.themes.set(chosen),
        snapshot_of=_course_snapshot,
    )


def update_course(
    *, actor: Any, course: Course, expected_version: int, themes: Iterable[Any], **fields: Any
) -> Course:
    _check(actor, course)
    chosen = list(themes)
    return audited_edit(
        actor,
        course,
        expected_version,
        fields,
        verb=verbs.COURSE_UPDATE,
        after_save=lambda saved: saved.themes.set(chosen),
        snapshot_of=_course_snapshot,
    )


def add_question(*, actor: Any, course: Course, statement: str, answer: bool) -> KnowledgeQuestion:
    _check(actor, course)
    question = KnowledgeQuestion(
        course=course,
        number=next_number(course.questions),
        statement=statement.strip(),
        answer=answer,
    )
    return audited_create(actor=actor, instance=question, verb=verbs.QUESTION_ADD)


def create_session(*, actor: Any, course: Course, **fields: Any) -> Session:
    _check(actor, course)
    session = Session(course=course, **stripped(fields))
    return audited_create(actor=actor, instance=session, verb=verbs.SESSION_CREATE)


def _places_taken(session: Session) -> int:
    return session.bookings.filter(status=Booking.Status.BOOKED).count()


def book(
    *,
    actor: Any,
    session: Session,
    learner: str,
    agency: Agency,
    job_role: str = "",
    learner_email: str = "",
    manager_email: str = "",
    at: dt.datetime | None = None,
    attended: bool | None = None,
    external_ref: str = "",
) -> Booking:
    """A place if one is left, else a place on the waiting list."""
    _check(actor, session)
    if agency.partnership_id != session.course.partnership_id:
        raise ValidationError({"agency": "Choose an agency of this partnership"})
    with transaction.atomic():
        Session.objects.select_for_update().filter(pk=session.pk).first()  # one booking at a time
        full = _places_taken(session) >= session.capacity
        booking = Booking(
            session=session,
            learner=" ".join(learner.split()),
            agency=agency,
            job_role=job_role.strip(),
            learner_email=learner_email.strip(),
            manager_email=manager_email.strip(),
            status=Booking.Status.WAITING if full else Booking.Status.BOOKED,
            requested_at=at or timezone.now(),
            attended=None if full else attended,
            external_ref=external_ref,
        )
        return audited_create(actor=actor, instance=booking, verb=verbs.BOOKING_CREATE)


def cancel_booking(*, actor: Any, booking: Booking, on: dt.date | None = None) -> Booking | None:
    """Cancel a booking; a place freed goes to the longest-waiting learner (returned)."""
    _check(actor, booking)
    on = on or timezone.localdate()
    if booking.status == Booking.Status.CANCELLED:
        raise ValidationError("This booking is already cancelled")
    if booking.attended is not None:
        raise ValidationError("Attendance is recorded for this booking: it cannot be cancelled")
    window = settings_of(booking.session.course.partnership).cancellation_window_days
    had_place = booking.status == Booking.Status.BOOKED
    with transaction.atomic():
        audited_update(
            actor=actor,
            instance=booking,
            expected_version=booking.version,
            changes={
                "status": Booking.Status.CANCELLED,
                "cancelled_on": on,
                "late_cancellation": had_place
                and is_late_cancellation(on, booking.session.starts_on, window),
            },
            verb=verbs.BOOKING_CANCEL,
        )
        if not had_place:
            return None
        waiting = (
            Booking.objects.select_for_update()
            .filter(session=booking.session, status=Booking.Status.WAITING)
            .order_by("requested_at", "pk")
            .first()
        )
        if waiting is None:
            return None
        return audited_update(
            actor=actor,
            instance=waiting,
            expected_version=waiting.version,
            changes={"status": Booking.Status.BOOKED},
            verb=verbs.BOOKING_PROMOTE,
        )


def _issue(booking: Booking, stage: str, now: dt.datetime, valid_days: int) -> EvaluationLink:
    link, _ = EvaluationLink.objects.get_or_create(
        booking=booking,
        stage=stage,
        defaults={
            "nonce": evaluation_links.new_nonce(),
            "created_at": now,
            "expires_at": now + dt.timedelta(days=valid_days),
            "emailed_to": booking.manager_email
            if stage == Stage.MANAGER
            else booking.learner_email,
        },
    )
    return link


SUBJECTS = {
    Stage.END: "Tell us about the course you attended",
    Stage.FOLLOW_UP: "Your reflective log: how has the course changed your practice?",
    Stage.MANAGER: "How has your colleague used what they learnt?",
}


def _email(link: EvaluationLink, now: dt.datetime) -> bool:
    """Email the link to its address (if it has one and it was not sent); True if sent."""
    if not link.emailed_to or link.sent_at is not None:
        return False
    session = link.booking.session
    url = f"{settings.SITE_URL}{evaluation_links.path_for(link)}"
    body = (
        f"{SUBJECTS[Stage(link.stage)]}\n\n"
        f"Course: {session.course.title}, {session.starts_on:%-d %B %Y}"
        f"\n\nAnswer here (no sign-in needed; the link works once, until "
        f"{timezone.localtime(link.expires_at):%-d %B %Y}):\n{url}\n\n"
        "Your answers are stored without your name.\n"
    )
    send_mail(SUBJECTS[Stage(link.stage)], body, settings.DEFAULT_FROM_EMAIL, [link.emailed_to])
    EvaluationLink.objects.filter(pk=link.pk).update(sent_at=now)
    link.sent_at = now
    return True


def record_attendance(
    *, actor: Any, session: Session, attended: Mapping[int, bool], now: dt.datetime | None = None
) -> list[EvaluationLink]:
    """Who came (booking id -> True/False); issues (and emails) the end-of-course links."""
    _check(actor, session)
    now = now or timezone.now()
    places = {b.pk: b for b in session.bookings.filter(status=Booking.Status.BOOKED)}
    unknown = set(attended) - set(places)
    if unknown:
        raise ValidationError("Attendance can be recorded only for booked places")
    valid = settings_of(session.course.partnership).link_valid_days
    links = []
    with transaction.atomic():
        for pk, came in attended.items():
            booking = places[pk]
            if booking.attended is not came:
                audited_update(
                    actor=actor,
                    instance=booking,
                    expected_version=booking.version,
                    changes={"attended": came},
                    verb=verbs.ATTENDANCE_RECORD,
                )
            if came:
                links.append(_issue(booking, Stage.END, now, valid))
        sent = sum(_email(link, now) for link in links)
        if links:
            _record_sent(actor, session, len(links), sent)
    return links


def _record_sent(actor: Any, session: Session, issued: int, emailed: int) -> None:
    record(
        actor=actor,
        verb=verbs.EVALUATION_SEND,
        action=AuditLog.Action.CREATE,
        obj=session,
        detail={"links_issued": issued, "emailed": emailed},
    )


def follow_up_due_on(session: Session, weeks: int) -> dt.date:
    return session.starts_on + dt.timedelta(weeks=weeks)


def send_due_follow_ups(
    *, actor: Any, partnership: Partnership, today: dt.date | None = None
) -> int:
    """Issue the follow-up links of every session whose follow-up is due (the learners who
    attended, and their managers where an address is known); email those with an address.
    Returns the number of links issued; running it again issues nothing new."""
    _check(actor, Session(course=Course(partnership=partnership)))
    today = today or timezone.localdate()
    found = settings_of(partnership)
    due_by = today - dt.timedelta(weeks=found.follow_up_weeks)
    now = timezone.now()
    bookings = (
        Booking.objects.filter(
            session__course__partnership=partnership,
            session__starts_on__lte=due_by,
            status=Booking.Status.BOOKED,
            attended=True,
            external_ref="",
        )
        .exclude(links__stage=Stage.FOLLOW_UP)
        .select_related("session__course")
    )
    issued = 0
    by_session: dict[int, tuple[Session, int, int]] = {}
    with transaction.atomic():
        for booking in bookings:
            links = [_issue(booking, Stage.FOLLOW_UP, now, found.link_valid_days)]
            if booking.manager_email:
                links.append(_issue(booking, Stage.MANAGER, now, found.link_valid_days))
            emailed = sum(_email(link, now) for link in links)
            session, count, sent = by_session.get(booking.session_id, (booking.session, 0, 0))
            by_session[booking.session_id] = (session, count + len(links), sent + emailed)
            issued += len(links)
        for session, count, sent in by_session.values():
            _record_sent(actor, session, count, sent)
    return issued


def send_all_due_follow_ups(today: dt.date | None = None) -> int:
    """Every partnership's due follow-ups (the daily timer, as ``SYSTEM``)."""
    return sum(
        send_due_follow_ups(actor=SYSTEM, partnership=p, today=today)
        for p in Partnership.objects.all()
    )


def learner_key(booking: Booking) -> str:
    """A keyed pseudonym of the learner (same person, agency and partnership: same key), so
    that end-of-course and follow-up answers pair without storing who gave them."""
    person = " ".join(booking.learner.casefold().split())
    value = f"{booking.session.course.partnership_id}:{booking.agency_id}:{person}"
    return salted_hmac("lineofsight.workforce.learner", value).hexdigest()[:32]


ANSWER_FIELDS = {
    Stage.END: ("reaction", "confidence_before", "confidence_after"),
    Stage.FOLLOW_UP: ("support", "use", "impact_self", "practice_example"),
    Stage.MANAGER: ("support", "use", "practice_example"),
}


def answer_evaluation(
    *,
    actor: Any,
    link: EvaluationLink,
    answers: Mapping[str, Any],
    knowledge: Mapping[int, bool] | None = None,
    today: dt.date | None = None,
) -> EvaluationResponse:
    """Store one evaluation through its link (used once); ``knowledge``: question id -> the
    learner's true/false answer (end of course)."""
    require_actor(actor)
    with transaction.atomic():
        locked = EvaluationLink.objects.select_for_update().get(pk=link.pk)
        if locked.used_at is not None:
            raise evaluation_links.LinkUsed
        booking = link.booking
        fields = {name: answers.get(name) for name in ANSWER_FIELDS[Stage(link.stage)]}
        if "practice_example" in fields:
            fields["practice_example"] = (fields["practice_example"] or "").strip()
        if "impact_self" in fields:
            fields["impact_self"] = fields["impact_self"] or ""
        if link.stage == Stage.END:
            questions = {q.pk: q.answer for q in booking.session.course.questions.all()}
            given = knowledge or {}
            fields["knowledge_asked"] = len(questions) or None
            fields["knowledge_correct"] = (
                sum(1 for pk, right in questions.items() if given.get(pk) is right)
                if questions
                else None
            )
        response = EvaluationResponse(
            session=booking.session,
            agency=booking.agency,
            stage=link.stage,
            learner_key=learner_key(booking),
            submitted_on=today or timezone.localdate(),
            **fields,
        )
        if EvaluationResponse.objects.filter(
            session=response.session, stage=response.stage, learner_key=response.learner_key
        ).exists():
            raise evaluation_links.LinkUsed
        audited_create(actor=actor, instance=response, verb=verbs.EVALUATION_ANSWER)
        EvaluationLink.objects.filter(pk=link.pk).update(used_at=timezone.now())
        return response


def import_response(
    *, actor: Any, booking: Booking, stage: str, submitted_on: dt.date, **fields: Any
) -> EvaluationResponse:
    """An evaluation from a survey tool's export (``imports``), stored like a link's answers."""
    _check(actor, booking)
    response = EvaluationResponse(
        session=booking.session,
        agency=booking.agency,
        stage=stage,
        learner_key=learner_key(booking),
        submitted_on=submitted_on,
        **fields,
    )
    return audited_create(actor=actor, instance=response, verb=verbs.EVALUATION_ANSWER)


def rate_log(
    *, actor: Any, log: EvaluationResponse, rating: str, today: dt.date | None = None
) -> EvaluationResponse:
    """The training manager's impact rating of a reflective log: strong, some or no impact."""
    _check(actor, log.session)
    if log.stage != Stage.FOLLOW_UP:
        raise ValidationError("Only a learner's reflective log is rated")
    if rating not in Impact.values:
        raise ValidationError({"rating": "Choose strong, some or no impact"})
    return audited_change(
        actor=actor,
        instance=log,
        changes={"impact_rating": rating, "rated_on": today or timezone.localdate()},
        verb=verbs.LOG_RATE,
        fields=["impact_rating", "rated_on"],
    )


def set_requirement(
    *,
    actor: Any,
    partnership: Partnership,
    agency: Agency,
    course: Course,
    staff: int,
    recorded_on: dt.date | None = None,
) -> StaffRequirement:
    """Staff of ``agency`` in roles that need ``course`` (entering it again replaces it)."""
    _check(actor, course)
    if course.partnership_id != partnership.pk or agency.partnership_id != partnership.pk:
        raise ValidationError("Choose an agency and a course of this partnership")
    recorded_on = recorded_on or timezone.localdate()
    current = StaffRequirement.objects.filter(agency=agency, course=course).first()
    return audited_save(
        actor=actor,
        record=current or StaffRequirement(partnership=partnership, agency=agency, course=course),
        changes={"staff": staff, "recorded_on": recorded_on},
        verb=verbs.REQUIREMENT_SET,
    )


def charge_total(rows: Sequence[Any]) -> Decimal:
    return sum((r.amount for r in rows), Decimal("0.00"))
