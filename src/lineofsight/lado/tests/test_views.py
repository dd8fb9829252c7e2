import datetime as dt

import pytest

from lineofsight.audit.models import AuditLog
from lineofsight.lado import services, verbs
from lineofsight.lado.models import Consultation, Referral
from lineofsight.lado.tests.conftest import ADULT_NAME, outcome, sector
from lineofsight.partnership.roles import Role
from lineofsight.testing.access import assert_outsider_refused
from lineofsight.testing.fixtures import client_for

pytestmark = pytest.mark.django_db


def record_urls(referral, consultation):
    return [
        f"/lado/{referral.pk}/",
        f"/lado/{referral.pk}/edit/",
        f"/lado/{referral.pk}/decision/",
        f"/lado/{referral.pk}/meetings/new/",
        f"/lado/{referral.pk}/progress/",
        f"/lado/{referral.pk}/outcome/",
        "/lado/new/",
        "/lado/consultations/",
        "/lado/consultations/new/",
        f"/lado/consultations/{consultation.pk}/",
        f"/lado/consultations/{consultation.pk}/refer/",
        f"/actions/raise/lado/{referral.pk}/",
    ]


def test_every_lado_page_refuses_outsiders(outsider, referral, consultation):
    for url in [
        "/lado/",
        "/lado/statistics/",
        "/lado/statistics/?format=csv",
        "/lado/standards/",
        "/lado/lists/",
        "/lado/statistics/earlier/",
        *record_urls(referral, consultation),
    ]:
        assert_outsider_refused(outsider, url)
    assert_outsider_refused(outsider, "/lado/new/", "post", {"employer": "x"})
    assert_outsider_refused(outsider, f"/lado/{referral.pk}/decision/", "post", {})


@pytest.mark.parametrize(
    "role", [Role.PARTNERSHIP_ADMIN, Role.BOARD_MEMBER, Role.PERFORMANCE_ANALYST]
)
def test_leaders_see_statistics_but_never_a_record(role, make_user, referral, consultation):
    client = client_for(make_user(role))
    assert client.get("/lado/").status_code == 302  # to the statistics
    response = client.get("/lado/statistics/")
    assert response.status_code == 200
    assert ADULT_NAME not in response.content.decode()
    for url in record_urls(referral, consultation) + ["/lado/?format=csv"]:
        status = client.get(url).status_code
        assert status in (302, 403), url
    assert client.get("/lado/standards/").status_code == 403
    assert not AuditLog.objects.filter(action="read", object_type="lado.referral").exists()


def test_even_an_administrator_holding_every_other_role_reads_no_record(make_user, referral):
    others = [r for r in Role if r not in (Role.LADO, Role.LADO_DEPUTY)]
    client = client_for(make_user(*others))
    assert client.get(f"/lado/{referral.pk}/").status_code == 403
    assert client.get("/lado/consultations/").status_code == 403


def test_the_deputy_reads_and_records_but_does_not_configure(deputy, referral):
    client = client_for(deputy)
    response = client.get(f"/lado/{referral.pk}/")
    assert response.status_code == 200 and ADULT_NAME in response.content.decode()
    assert client.get(f"/lado/{referral.pk}/decision/").status_code == 200
    assert client.get("/lado/standards/").status_code == 403
    assert client.get("/lado/lists/").status_code == 403


def test_every_read_of_a_record_is_audited(lado, referral, consultation):
    client = client_for(lado)
    assert client.get(f"/lado/{referral.pk}/").status_code == 200
    assert AuditLog.objects.filter(
        action="read", object_type="lado.referral", object_id=str(referral.pk), actor=lado
    ).exists()
    client.get("/lado/")
    assert AuditLog.objects.filter(
        action="read", object_type="lado.referral", detail__records=1
    ).exists()
    client.get(f"/lado/consultations/{consultation.pk}/")
    assert AuditLog.objects.filter(
        action="read", object_type="lado.consultation", object_id=str(consultation.pk)
    ).exists()


def test_the_export_is_audited_and_never_carries_the_name(lado, referral):
    response = client_for(lado).get("/lado/?status=all&format=csv")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode("utf-8-sig")
    assert "A-2021-001" in text and ADULT_NAME not in text
    row = AuditLog.objects.get(verb=verbs.REFERRAL_EXPORT)
    assert row.actor == lado and row.detail == {"export": "referrals", "rows": 1}


def test_the_statistics_download_is_audited(lado, board, referral):
    for user in (lado, board):
        response = client_for(user).get("/lado/statistics/?format=csv")
        assert response.status_code == 200
    assert AuditLog.objects.filter(verb=verbs.STATISTICS_EXPORT).count() == 2


def test_record_a_referral_then_decide_meet_and_conclude(lado, partnership):
    client = client_for(lado)
    response = client.post(
        "/lado/new/",
        {
            "received_on_day": "4",
            "received_on_month": "5",
            "received_on_year": "2021",
            "referrer": "Headteacher",
            "referring_agency": "employer",
            "adult_reference": "A-9",
            "adult_role": "Teacher",
            "adult_name": ADULT_NAME,
            "employer": "Demo School",
            "sector": sector().pk,
            "context": "work",
            "category": "physical",
        },
    )
    referral = Referral.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/lado/{referral.pk}/"
    response = client.post(
        f"/lado/{referral.pk}/decision/",
        {
            "version": referral.version,
            "threshold_met": "yes",
            "decided_on_day": "5",
            "decided_on_month": "5",
            "decided_on_year": "2021",
            "criteria": ["harmed_child"],
        },
    )
    assert response.status_code == 302
    response = client.post(
        f"/lado/{referral.pk}/meetings/new/",
        {
            "kind": "strategy",
            "held_on_day": "7",
            "held_on_month": "5",
            "held_on_year": "2021",
            "agencies": ["lado", "police"],
        },
    )
    assert response.status_code == 302
    referral.refresh_from_db()
    response = client.post(
        f"/lado/{referral.pk}/outcome/",
        {
            "version": referral.version,
            "outcome": outcome("substantiated").pk,
            "concluded_on_day": "1",
            "concluded_on_month": "7",
            "concluded_on_year": "2021",
            "onward": ["referred_dbs"],
        },
    )
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.outcome.code == "substantiated" and referral.referred_dbs
    assert referral.meetings.get().agencies == ["lado", "police"]


def test_an_invalid_referral_answers_400_and_stores_nothing(lado):
    response = client_for(lado).post("/lado/new/", {"referrer": ""})
    assert response.status_code == 400 and "govuk-error-summary" in response.content.decode()
    assert not Referral.objects.exists()


def test_a_decision_without_criteria_answers_400(lado, referral):
    response = client_for(lado).post(
        f"/lado/{referral.pk}/decision/",
        {
            "version": referral.version,
            "threshold_met": "yes",
            "decided_on_day": "5",
            "decided_on_month": "5",
            "decided_on_year": "2021",
        },
    )
    assert response.status_code == 400
    referral.refresh_from_db()
    assert referral.threshold_met is None


def test_a_stale_form_answers_409(lado, referral):
    version = referral.version
    services.record_progress(
        actor=lado, referral=referral, expected_version=version, suspended=True
    )
    response = client_for(lado).post(
        f"/lado/{referral.pk}/progress/", {"version": version, "police_investigation": "on"}
    )
    assert response.status_code == 409


def test_a_consultation_is_recorded_and_becomes_a_referral(lado):
    client = client_for(lado)
    response = client.post(
        "/lado/consultations/new/",
        {
            "consulted_on_day": "3",
            "consulted_on_month": "5",
            "consulted_on_year": "2021",
            "employer": "Demo Nursery",
            "sector": sector("early_years").pk,
            "category": "emotional",
            "advice": "Follow the low-level concerns policy",
        },
    )
    consultation = Consultation.objects.get()
    assert response.status_code == 302
    page = client.get(f"/lado/consultations/{consultation.pk}/refer/").content.decode()
    assert "Demo Nursery" in page
    response = client.post(
        f"/lado/consultations/{consultation.pk}/refer/",
        {
            "received_on_day": "4",
            "received_on_month": "5",
            "received_on_year": "2021",
            "referrer": "Manager",
            "referring_agency": "employer",
            "adult_reference": "A-5",
            "adult_role": "Practitioner",
            "employer": "Demo Nursery",
            "sector": sector("early_years").pk,
            "context": "work",
            "category": "emotional",
        },
    )
    consultation.refresh_from_db()
    assert response.status_code == 302 and consultation.referral is not None


def test_statistics_exact_for_the_lado_suppressed_for_the_board(lado, board, make_referral):
    make_referral(received_on=dt.date(2021, 5, 4))
    year = "?year=2021"
    exact = client_for(lado).get(f"/lado/statistics/{year}").content.decode()
    suppressed = client_for(board).get(f"/lado/statistics/{year}").content.decode()
    assert 'title="suppressed: a small number">c</abbr>' in suppressed
    assert 'title="suppressed: a small number">c</abbr>' not in exact
    assert "<svg" in exact and "2021-22" in exact


def test_the_lists_page_adds_an_outcome(lado):
    response = client_for(lado).post(
        "/lado/lists/", {"kind": "outcome", "code": "no_case", "name": "No case", "active": "on"}
    )
    assert response.status_code == 302
    assert outcome("no_case").name == "No case"
    response = client_for(lado).post("/lado/lists/", {"kind": "outcome", "code": "bad code!"})
    assert response.status_code == 400


def test_the_home_panel_lists_overdue_referrals(lado, make_referral):
    make_referral(received_on=dt.date(2021, 5, 4))
    body = client_for(lado).get("/").content.decode()
    assert "Your open LADO referrals" in body and "Threshold decision overdue" in body


def test_the_lado_raises_an_action_from_a_referral_without_copying_it(lado, referral):
    client = client_for(lado)
    page = client.get(f"/actions/raise/lado/{referral.pk}/").content.decode()
    assert "Raise an action from this referral" in page and ADULT_NAME not in page
    from lineofsight.actions.sources import action_source

    assert action_source("lado").describe(referral) == f"LADO referral {referral.pk}"


def test_the_lado_enters_figures_from_before_the_records(lado, deputy, board):
    assert client_for(deputy).get("/lado/statistics/earlier/").status_code == 403
    assert client_for(board).get("/lado/statistics/earlier/").status_code == 403
    client = client_for(lado)
    response = client.post(
        "/lado/statistics/earlier/", {"year": "2015", "referrals": "518", "met_threshold": "98"}
    )
    assert response.status_code == 302
    response = client.post("/lado/statistics/earlier/", {"year": "2014"})
    assert response.status_code == 400
    response = client.post(
        "/lado/statistics/earlier/", {"year": "2014", "referrals": "5", "met_threshold": "9"}
    )
    assert response.status_code == 400 and "More referrals met" in response.content.decode()
    page = client_for(board).get("/lado/statistics/").content.decode()
    assert "2015-16" in page and ">518<" in page
    assert AuditLog.objects.filter(verb=verbs.EARLIER_YEAR_SET).count() == 1
