import datetime as dt

import pytest
from django.core import signing
from django.test import Client
from django.utils import timezone

from lineofsight.actions.models import LearningTheme
from lineofsight.partnership.roles import Role
from lineofsight.testing.access import assert_outsider_refused
from lineofsight.testing.fixtures import client_for
from lineofsight.workforce import evaluation_links, services
from lineofsight.workforce.models import (
    Booking,
    Course,
    EvaluationLink,
    EvaluationResponse,
    Session,
    Stage,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def attended(make_booking, manager, session):
    ann, bob = make_booking("Ann"), make_booking("Bob")
    services.record_attendance(
        actor=manager, session=session, attended={ann.pk: True, bob.pk: False}
    )
    return ann


@pytest.fixture
def log(attended, manager, session):
    services.send_due_follow_ups(
        actor=manager, partnership=session.course.partnership, today=dt.date(2021, 9, 1)
    )
    link = EvaluationLink.objects.get(stage=Stage.FOLLOW_UP)
    return services.answer_evaluation(
        actor=manager, link=link, answers={"support": 4, "use": 4, "impact_self": "some"}
    )


def manager_pages(course, session, booking, log):
    return [
        "/training/",
        "/training/courses/new/",
        f"/training/courses/{course.pk}/",
        f"/training/courses/{course.pk}/edit/",
        f"/training/courses/{course.pk}/questions/new/",
        f"/training/courses/{course.pk}/sessions/new/",
        f"/training/sessions/{session.pk}/",
        f"/training/sessions/{session.pk}/book/",
        f"/training/sessions/{session.pk}/bookings/{booking.pk}/cancel/",
        f"/training/sessions/{session.pk}/attendance/",
        "/training/statistics/",
        "/training/statistics/?format=csv",
        "/training/charges/",
        "/training/charges/?format=xlsx",
        "/training/charging-policy/",
        "/training/gap-analysis/",
        "/training/gap-analysis/new/",
        "/training/reflective-logs/",
        f"/training/reflective-logs/{log.pk}/rate/",
    ]


def test_every_training_page_refuses_outsiders(outsider, course, session, attended, log, make_user):
    urls = manager_pages(course, session, attended, log)
    for url in urls:
        assert_outsider_refused(outsider, url)
    for url in ["/training/follow-ups/send/", "/training/courses/new/"]:
        assert_outsider_refused(outsider, url, "post", {"code": "X"})
    # roles other than the training manager are refused too (the board, an agency lead)
    for role in (Role.BOARD_MEMBER, Role.AGENCY_LEAD, Role.PARTNERSHIP_ADMIN):
        client = client_for(make_user(role))
        for url in urls:
            assert client.get(url).status_code in (403, 404), (role, url)


def test_every_training_page_opens_for_the_training_manager(
    manager, course, session, attended, log
):
    client = client_for(manager)
    for url in manager_pages(course, session, attended, log):
        response = client.get(url)
        assert response.status_code == 200, url


def test_a_training_manager_of_another_partnership_gets_404(
    course, session, attended, log, make_user
):
    from lineofsight.partnership import services as partnership_services
    from lineofsight.partnership.actors import SYSTEM

    other = partnership_services.create_partnership(actor=SYSTEM, name="Other", la_code="999")
    there = partnership_services.create_agency(
        actor=SYSTEM, partnership=other, name="Other Police", code="opolice", kind="police"
    )
    client = client_for(make_user(Role.TRAINING_MANAGER, agency_=there, username="stranger"))
    for url in manager_pages(course, session, attended, log)[2:10]:
        assert client.get(url).status_code == 404, url


def test_create_a_course_and_a_session_through_the_pages(manager, themes, partnership):
    client = client_for(manager)
    theme = LearningTheme.objects.get(slug="neglect")
    response = client.post(
        "/training/courses/new/",
        {"code": "NEG1", "title": "Neglect", "level": "3", "themes": [theme.pk]},
    )
    course = Course.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/training/courses/{course.pk}/"
    assert list(course.themes.all()) == [theme]
    response = client.post(
        f"/training/courses/{course.pk}/sessions/new/",
        {
            "starts_on_day": "3",
            "starts_on_month": "2",
            "starts_on_year": "2022",
            "mode": "virtual",
            "capacity": "20",
        },
    )
    assert response.status_code == 302
    assert Session.objects.get().starts_on == dt.date(2022, 2, 3)


def test_an_invalid_course_answers_400_and_stores_nothing(manager):
    response = client_for(manager).post("/training/courses/new/", {"code": "", "title": ""})
    assert response.status_code == 400 and "govuk-error-summary" in response.content.decode()
    assert not Course.objects.exists()


def test_a_childs_identifier_in_a_booking_is_refused(manager, session, agency):
    response = client_for(manager).post(
        f"/training/sessions/{session.pk}/book/",
        {"learner": "P00042", "job_role": "Worker for 9434765919", "agency": agency.pk},
    )
    assert response.status_code == 400
    assert not Booking.objects.exists()


def test_booking_and_cancelling_through_the_pages(manager, session, agency):
    client = client_for(manager)
    for name in ("Ann", "Bob", "Cat"):
        client.post(
            f"/training/sessions/{session.pk}/book/", {"learner": name, "agency": agency.pk}
        )
    page = client.get(f"/training/sessions/{session.pk}/").content.decode()
    assert "Cat" in page and "Nobody is waiting" not in page
    ann = Booking.objects.get(learner="Ann")
    response = client.post(
        f"/training/sessions/{session.pk}/bookings/{ann.pk}/cancel/",
        {"confirm": "on"},
        follow=True,
    )
    assert "Cat has the place from the waiting list" in response.content.decode()
    assert Booking.objects.get(learner="Cat").status == "booked"


def test_marking_attendance_through_the_page_issues_links(manager, session, make_booking):
    ann, bob = make_booking("Ann"), make_booking("Bob")
    response = client_for(manager).post(
        f"/training/sessions/{session.pk}/attendance/", {f"b{ann.pk}": "yes", f"b{bob.pk}": "no"}
    )
    assert response.status_code == 302
    assert EvaluationLink.objects.filter(stage=Stage.END).count() == 1
    page = client_for(manager).get(f"/training/sessions/{session.pk}/").content.decode()
    assert "/training/evaluate/" in page and "Did not attend" in page


# ---- the evaluation links (no sign-in) ------------------------------------------------------


def _end_link(attended):
    return EvaluationLink.objects.get(booking=attended, stage=Stage.END)


def test_a_learner_answers_once_without_signing_in(attended):
    link = _end_link(attended)
    url = evaluation_links.path_for(link)
    anonymous = Client()
    page = anonymous.get(url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "True or false: Self-reports should be checked." in text and "Ann" not in text
    invalid = anonymous.post(url, {"reaction": "5"})
    assert invalid.status_code == 400 and not EvaluationResponse.objects.exists()
    questions = list(link.booking.session.course.questions.all())
    answers = {"reaction": "4", "confidence_before": "2", "confidence_after": "4"}
    answers.update({f"q{q.pk}": "true" for q in questions})
    done = anonymous.post(url, answers)
    assert done.status_code == 302 and done["Location"] == "/training/evaluate/done/"
    assert anonymous.get("/training/evaluate/done/").status_code == 200
    stored = EvaluationResponse.objects.get()
    assert (stored.reaction, stored.confidence_before, stored.confidence_after) == (4, 2, 4)
    assert (stored.knowledge_correct, stored.knowledge_asked) == (1, 2)
    again = anonymous.get(url)
    assert again.status_code == 409
    assert anonymous.post(url, answers).status_code == 409
    assert EvaluationResponse.objects.count() == 1


def test_a_tampered_link_is_not_found(attended):
    token = evaluation_links.token_for(_end_link(attended))
    tampered = token[:-2] + ("AA" if token[-2:] != "AA" else "BB")
    assert Client().get(f"/training/evaluate/{tampered}/").status_code == 404
    forged = signing.dumps({"l": _end_link(attended).pk, "n": "guess"}, salt=evaluation_links.SALT)
    assert Client().get(f"/training/evaluate/{forged}/").status_code == 404
    other_salt = signing.dumps({"l": _end_link(attended).pk, "n": _end_link(attended).nonce})
    assert Client().get(f"/training/evaluate/{other_salt}/").status_code == 404


def test_an_expired_link_is_gone(attended):
    link = _end_link(attended)
    EvaluationLink.objects.filter(pk=link.pk).update(
        expires_at=timezone.now() - dt.timedelta(minutes=1)
    )
    url = evaluation_links.path_for(link)
    assert Client().get(url).status_code == 410
    assert Client().post(url, {"reaction": "5"}).status_code == 410
    assert not EvaluationResponse.objects.exists()


def test_a_manager_answers_the_follow_up(attended, manager, session):
    services.send_due_follow_ups(
        actor=manager, partnership=session.course.partnership, today=dt.date(2021, 9, 1)
    )
    link = EvaluationLink.objects.get(stage=Stage.MANAGER)
    url = evaluation_links.path_for(link)
    page = Client().get(url).content.decode()
    assert "How has your colleague used the course?" in page
    response = Client().post(
        url, {"support": "3", "use": "4", "practice_example": "Visits now include time alone"}
    )
    assert response.status_code == 302
    stored = EvaluationResponse.objects.get(stage=Stage.MANAGER)
    assert stored.practice_example == "Visits now include time alone"


def test_statistics_page_and_export_show_the_hand_checked_figures(attended, manager, session):
    link = _end_link(attended)
    services.answer_evaluation(
        actor=manager,
        link=link,
        answers={"reaction": 5, "confidence_before": 2, "confidence_after": 4},
    )
    client = client_for(manager)
    page = client.get("/training/statistics/?year=2021").content.decode()
    assert "Places and attendance by agency" in page and "<svg" in page
    csv = client.get("/training/statistics/?year=2021&format=csv").content.decode()
    assert "Places by agency,Test Police,Places,2" in csv
    assert "Places by agency,Test Police,Did not attend,1" in csv
    assert "Places by agency,Test Police,Non-attendance rate (%),50.0" in csv
    assert "Evaluation (Guskey),Level 1: Reaction,Answered,1" in csv
    course_page = client.get(f"/training/courses/{session.course.pk}/").content.decode()
    assert "Statistics of this course" in course_page


def test_charges_follow_the_policy(attended, manager, partnership, agency):
    client = client_for(manager)
    response = client.post(
        "/training/charging-policy/",
        {
            "paying_agencies": [agency.pk],
            "non_attendance_charge": "50",
            "late_cancellation_charge": "20",
            "cancellation_window_days": "5",
            "follow_up_weeks": "8",
            "link_valid_days": "28",
            "refresher_years": "3",
        },
    )
    assert response.status_code == 302
    csv = client.get("/training/charges/?year=2021&format=csv").content.decode()
    assert "Test Police,1,0,50.00" in csv


def test_rating_a_log_through_the_page(log, manager):
    client = client_for(manager)
    assert "Not rated" in client.get("/training/reflective-logs/").content.decode()
    response = client.post(f"/training/reflective-logs/{log.pk}/rate/", {"rating": "strong"})
    assert response.status_code == 302
    log.refresh_from_db()
    assert log.impact_rating == "strong"


def test_the_home_panel_shows_follow_ups_due(attended, manager):
    page = client_for(manager).get("/").content.decode()
    assert 'data-panel="workforce"' in page and "due a follow-up evaluation" in page


def test_the_theme_page_lists_the_training(attended, admin_user, session):
    page = client_for(admin_user).get("/learning/themes/disguised-compliance/").content.decode()
    assert "Managing engagement and disguised compliance, 10 June 2021 (1 attended)" in page
