import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from lineofsight.audit.models import AuditLog
from lineofsight.partnership import services as partnership_services
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.roles import Role
from lineofsight.workforce import evaluation_links, services, verbs
from lineofsight.workforce.models import Booking, EvaluationLink, EvaluationResponse, Stage

pytestmark = pytest.mark.django_db


def test_a_full_session_puts_the_next_learner_on_the_waiting_list(make_booking):
    first, second = make_booking("Ann"), make_booking("Bob")
    third = make_booking("Cat")
    assert [first.status, second.status, third.status] == ["booked", "booked", "waiting"]
    assert AuditLog.objects.filter(verb=verbs.BOOKING_CREATE).count() == 3


def test_cancelling_a_place_promotes_the_longest_waiting(make_booking, manager, session):
    first, _ = make_booking("Ann"), make_booking("Bob")
    waiting_first, waiting_second = make_booking("Cat"), make_booking("Dan")
    promoted = services.cancel_booking(actor=manager, booking=first, on=dt.date(2021, 6, 1))
    assert promoted is not None and promoted.pk == waiting_first.pk
    first.refresh_from_db()
    waiting_second.refresh_from_db()
    assert first.status == "cancelled" and not first.late_cancellation  # 9 days before
    assert promoted.status == "booked" and waiting_second.status == "waiting"
    assert AuditLog.objects.get(verb=verbs.BOOKING_PROMOTE).object_id == str(waiting_first.pk)


def test_a_cancellation_inside_the_window_is_late_and_leaving_the_list_promotes_nobody(
    make_booking, manager
):
    ann = make_booking("Ann")
    make_booking("Bob")
    cat = make_booking("Cat")
    assert services.cancel_booking(actor=manager, booking=cat, on=dt.date(2021, 6, 9)) is None
    cat.refresh_from_db()
    assert not cat.late_cancellation  # it held no place
    services.cancel_booking(actor=manager, booking=ann, on=dt.date(2021, 6, 8))
    ann.refresh_from_db()
    assert ann.late_cancellation  # 2 days before, inside the default 5
    with pytest.raises(ValidationError):
        services.cancel_booking(actor=manager, booking=ann)


def test_attendance_issues_end_of_course_links_and_emails_them(make_booking, manager, session):
    ann = make_booking("Ann", learner_email="ann@example.org")
    bob = make_booking("Bob")
    links = services.record_attendance(
        actor=manager, session=session, attended={ann.pk: True, bob.pk: False}
    )
    assert [link.booking_id for link in links] == [ann.pk]
    assert links[0].stage == Stage.END
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["ann@example.org"]
    assert "/training/evaluate/" in mail.outbox[0].body
    bob.refresh_from_db()
    assert bob.did_not_attend
    assert AuditLog.objects.filter(verb=verbs.ATTENDANCE_RECORD).count() == 2
    assert AuditLog.objects.get(verb=verbs.EVALUATION_SEND).detail == {
        "links_issued": 1,
        "emailed": 1,
    }
    # again: no second link, no second email
    services.record_attendance(actor=manager, session=session, attended={ann.pk: True})
    assert EvaluationLink.objects.count() == 1 and len(mail.outbox) == 1


def test_answers_are_stored_against_a_pseudonym_and_pair_with_the_follow_up(
    make_booking, manager, session
):
    ann = make_booking("Ann Smith")
    [link] = services.record_attendance(actor=manager, session=session, attended={ann.pk: True})
    questions = {q.statement: q.pk for q in session.course.questions.all()}
    response = services.answer_evaluation(
        actor=SYSTEM,
        link=link,
        answers={"reaction": 5, "confidence_before": 2, "confidence_after": 4},
        knowledge={
            questions["Self-reports should be checked."]: True,
            questions["Consent is always needed."]: True,
        },
    )
    assert (response.knowledge_correct, response.knowledge_asked) == (1, 2)
    assert "Ann" not in response.learner_key and len(response.learner_key) == 32
    assert not hasattr(response, "booking")
    link.refresh_from_db()
    assert link.used_at is not None
    with pytest.raises(evaluation_links.LinkUsed):
        services.answer_evaluation(actor=SYSTEM, link=link, answers={"reaction": 1})
    # the follow-up 8 weeks later (the default) to the learner and the manager
    assert (
        services.send_due_follow_ups(
            actor=manager, partnership=session.course.partnership, today=dt.date(2021, 8, 4)
        )
        == 0
    )
    assert (
        services.send_due_follow_ups(
            actor=manager, partnership=session.course.partnership, today=dt.date(2021, 8, 5)
        )
        == 2
    )
    assert [m.to for m in mail.outbox] == [["boss@example.org"]]  # Ann gave no address
    follow_up = EvaluationLink.objects.get(stage=Stage.FOLLOW_UP)
    later = services.answer_evaluation(
        actor=SYSTEM,
        link=follow_up,
        answers={"support": 4, "use": 5, "impact_self": "strong", "practice_example": "Saw it"},
    )
    assert later.learner_key == response.learner_key  # pairs without naming
    assert (
        services.send_due_follow_ups(
            actor=manager, partnership=session.course.partnership, today=dt.date(2021, 9, 1)
        )
        == 0
    )


def test_the_follow_up_weeks_come_from_the_settings(make_booking, manager, session, partnership):
    ann = make_booking("Ann")
    services.record_attendance(actor=manager, session=session, attended={ann.pk: True})
    services.update_settings(
        actor=manager,
        partnership=partnership,
        expected_version=None,
        paying_agencies=[],
        follow_up_weeks=4,
    )
    assert (
        services.send_due_follow_ups(
            actor=manager, partnership=partnership, today=dt.date(2021, 7, 8)
        )
        == 2
    )


def test_rating_a_reflective_log(make_booking, manager, session):
    ann = make_booking("Ann")
    services.record_attendance(actor=manager, session=session, attended={ann.pk: True})
    services.send_due_follow_ups(
        actor=manager, partnership=session.course.partnership, today=dt.date(2021, 9, 1)
    )
    link = EvaluationLink.objects.get(stage=Stage.FOLLOW_UP)
    log = services.answer_evaluation(
        actor=SYSTEM, link=link, answers={"support": 4, "use": 4, "impact_self": "some"}
    )
    services.rate_log(actor=manager, log=log, rating="strong", today=dt.date(2021, 9, 2))
    log.refresh_from_db()
    assert (log.impact_rating, log.rated_on) == ("strong", dt.date(2021, 9, 2))
    assert AuditLog.objects.get(verb=verbs.LOG_RATE).after["impact_rating"] == "strong"
    with pytest.raises(ValidationError):
        services.rate_log(actor=manager, log=log, rating="huge")


def test_another_partnership_and_other_roles_are_refused(course, session, make_user):
    other = partnership_services.create_partnership(actor=SYSTEM, name="Other", la_code="999")
    there = partnership_services.create_agency(
        actor=SYSTEM, partnership=other, name="Other Police", code="opolice", kind="police"
    )
    stranger = make_user(Role.TRAINING_MANAGER, agency_=there, username="stranger")
    analyst = make_user(Role.PERFORMANCE_ANALYST, username="analyst")
    for actor in (stranger, analyst):
        with pytest.raises(PermissionDenied):
            services.create_session(
                actor=actor,
                course=course,
                starts_on=dt.date(2021, 1, 1),
                mode="virtual",
                capacity=3,
            )
        with pytest.raises(PermissionDenied):
            services.book(actor=actor, session=session, learner="X", agency=there)


def test_a_booking_for_an_agency_of_another_partnership_is_refused(session, manager):
    other = partnership_services.create_partnership(actor=SYSTEM, name="Other", la_code="999")
    there = partnership_services.create_agency(
        actor=SYSTEM, partnership=other, name="Other Police", code="opolice", kind="police"
    )
    with pytest.raises(ValidationError):
        services.book(actor=manager, session=session, learner="X", agency=there)
    assert not Booking.objects.exists()


def test_the_learners_names_are_confidential_in_the_audit_log(make_booking):
    make_booking("Ann Smith")
    row = AuditLog.objects.get(verb=verbs.BOOKING_CREATE)
    assert row.object_repr == f"Training booking {Booking.objects.get().pk}"


def test_gap_analysis_from_requirements_and_attendance(
    make_booking, manager, session, partnership, agency, course
):
    ann, bob = make_booking("Ann"), make_booking("Bob")
    services.record_attendance(
        actor=manager, session=session, attended={ann.pk: True, bob.pk: False}
    )
    services.set_requirement(
        actor=manager, partnership=partnership, agency=agency, course=course, staff=10
    )
    services.set_requirement(
        actor=manager, partnership=partnership, agency=agency, course=course, staff=4
    )  # replaces
    from lineofsight.workforce import selectors

    [gap] = selectors.gaps_for(manager, today=dt.date(2022, 1, 1))
    assert (gap.staff, gap.trained, gap.still_to_train, gap.percent_trained) == (4, 1, 3, 25.0)
    [gap] = selectors.gaps_for(manager, today=dt.date(2024, 6, 11))  # beyond 3 years
    assert gap.trained == 0
    assert not EvaluationResponse.objects.exists()


def test_the_daily_reminders_command_and_task_issue_the_due_follow_ups(
    make_booking, manager, session, capsys, settings
):
    from lineofsight.cli import main
    from lineofsight.workforce.tasks import send_follow_ups_task

    ann = make_booking("Ann", learner_email="ann@example.org")
    services.record_attendance(actor=manager, session=session, attended={ann.pk: True})
    assert main(["reminders"]) == 0  # the session was in 2021: its follow-up is long due
    assert "Issued 2 training follow-up links." in capsys.readouterr().out
    assert {tuple(m.to) for m in mail.outbox} >= {("ann@example.org",), ("boss@example.org",)}
    from lineofsight.background.compat import IMMEDIATE_BACKEND

    settings.TASKS = {"default": {"BACKEND": IMMEDIATE_BACKEND}}
    assert send_follow_ups_task.enqueue().return_value == {"links": 0}  # nothing new
