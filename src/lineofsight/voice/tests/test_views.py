"""Pages: every one refuses outsiders; forms answer 400 with the error summary and store nothing;
edit conflicts 409; each list downloads as CSV and Excel; roles see only what they may do."""

import datetime as dt

import pytest

from lineofsight.actions.models import Action
from lineofsight.partnership.actors import SYSTEM
from lineofsight.testing.access import assert_outsider_refused
from lineofsight.testing.fixtures import client_for
from lineofsight.voice import services
from lineofsight.voice.models import Feedback, ScrutinyActivity, Survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def note(partnership, manager):
    return services.record_forum(
        actor=manager,
        partnership=partnership,
        held_on=dt.date(2020, 11, 12),
        topic="Working under lockdown",
        attended=38,
        discussion="Virtual visits and what children could say on a screen",
    )


def date_fields(name, day):
    return {f"{name}_day": day.day, f"{name}_month": day.month, f"{name}_year": day.year}


def pages(activity, recommendation, feedback, survey):
    return [
        "/voice/",
        "/voice/scrutiny/",
        "/voice/scrutiny/new/",
        f"/voice/scrutiny/{activity.pk}/",
        f"/voice/scrutiny/{activity.pk}/edit/",
        f"/voice/scrutiny/{activity.pk}/recommendations/new/",
        f"/actions/raise/scrutiny/{recommendation.pk}/",
        "/voice/feedback/",
        "/voice/feedback/new/",
        f"/voice/feedback/{feedback.pk}/",
        f"/voice/feedback/{feedback.pk}/what-changed/",
        f"/actions/raise/voice/{feedback.pk}/",
        "/voice/you-said-we-did/",
        "/voice/surveys/",
        "/voice/surveys/new/",
        f"/voice/surveys/{survey.pk}/",
        "/voice/forum/",
        "/voice/forum/new/",
    ]


def test_every_voice_page_refuses_outsiders(outsider, activity, recommendation, feedback, survey):
    for url in pages(activity, recommendation, feedback, survey):
        assert_outsider_refused(outsider, url)
    for url in [
        "/voice/scrutiny/new/",
        f"/voice/scrutiny/{activity.pk}/recommendations/new/",
        "/voice/feedback/new/",
        f"/voice/feedback/{feedback.pk}/what-changed/",
        "/voice/surveys/new/",
        "/voice/forum/new/",
    ]:
        assert_outsider_refused(outsider, url, "post", {"title": "x"})


def test_another_partnerships_records_are_not_found(
    elsewhere, activity, recommendation, feedback, survey
):
    for who, urls in [
        ("scrutineer", [f"/voice/scrutiny/{activity.pk}/",
                        f"/actions/raise/scrutiny/{recommendation.pk}/"]),
        ("manager", [f"/voice/feedback/{feedback.pk}/", f"/voice/surveys/{survey.pk}/",
                     f"/actions/raise/voice/{feedback.pk}/"]),
    ]:  # fmt: skip
        client = client_for(elsewhere[who])
        for url in urls:
            assert client.get(url).status_code == 404, url


def test_the_board_reads_scrutiny_but_cannot_record_it(board, activity):
    client = client_for(board)
    assert client.get(f"/voice/scrutiny/{activity.pk}/").status_code == 200
    page = client.get("/voice/scrutiny/").content.decode()
    assert activity.title in page and "Record a scrutiny activity" not in page
    assert client.get("/voice/scrutiny/new/").status_code == 403


def test_an_agency_lead_reads_feedback_but_not_scrutiny(lead, feedback, activity):
    client = client_for(lead)
    assert client.get("/voice/feedback/").status_code == 200
    assert client.get("/voice/scrutiny/").status_code == 403
    assert "Independent scrutiny" not in client.get("/voice/").content.decode()


def test_the_scrutineer_records_an_activity_and_a_recommendation(scrutineer, agency, themes):
    client = client_for(scrutineer)
    response = client.post(
        "/voice/scrutiny/new/",
        {
            "title": "Observation of the board",
            "kind": "meeting",
            **date_fields("held_on", dt.date(2021, 9, 8)),
            "examined": "The board meeting of 8 September",
            "evidence": "",
            "findings": "Far too little time for the agenda",
        },
    )
    activity = ScrutinyActivity.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/voice/scrutiny/{activity.pk}/"
    response = client.post(
        f"/voice/scrutiny/{activity.pk}/recommendations/new/",
        {"text": "Allow three hours for board meetings", "agency": agency.pk},
    )
    assert response.status_code == 302
    page = client.get(f"/voice/scrutiny/{activity.pk}/").content.decode()
    assert "Allow three hours" in page and "/actions/raise/scrutiny/" in page
    recommendation = activity.recommendations.get()
    response = client.post(
        f"/actions/raise/scrutiny/{recommendation.pk}/",
        {"title": "Allow three hours", "owner_agency": agency.pk,
         **date_fields("due_date", dt.date(2022, 3, 31))},
    )  # fmt: skip
    action = Action.objects.get()
    assert response.status_code == 302 and action.source == "scrutiny"
    assert f"Action A{action.pk}" in client.get(f"/voice/scrutiny/{activity.pk}/").content.decode()


def test_an_invalid_activity_answers_400_and_stores_nothing(scrutineer):
    response = client_for(scrutineer).post("/voice/scrutiny/new/", {"title": ""})
    assert response.status_code == 400 and "govuk-error-summary" in response.content.decode()
    assert not ScrutinyActivity.objects.exists()


def test_feedback_holding_an_identifier_is_refused(manager):
    response = client_for(manager).post(
        "/voice/feedback/new/",
        {
            "source": "conference",
            "given_by": "children",
            **date_fields("received_on", dt.date(2021, 2, 3)),
            "said": "Child with NHS number 943 476 5919 said the conference was scary",
        },
    )
    assert response.status_code == 400
    assert not Feedback.objects.exists()


def test_recording_feedback_then_what_changed_shows_on_you_said_we_did(manager, themes):
    client = client_for(manager)
    response = client.post(
        "/voice/feedback/new/",
        {
            "source": "young_advisors",
            "given_by": "children",
            **date_fields("received_on", dt.date(2021, 1, 20)),
            "said": "Young people did not know who to talk to during lockdown",
        },
    )
    item = Feedback.objects.get()
    assert response.status_code == 302
    assert "Young people did not know" not in client.get("/voice/you-said-we-did/").content.decode()
    response = client.post(
        f"/voice/feedback/{item.pk}/what-changed/",
        {
            "version": item.version,
            "changed": "A text line staffed by youth workers opened in March",
            **date_fields("changed_on", dt.date(2021, 3, 1)),
        },
    )
    assert response.status_code == 302
    page = client.get("/voice/you-said-we-did/").content.decode()
    assert "Young people did not know" in page and "A text line staffed" in page


def test_a_stale_what_changed_answers_409_and_keeps_the_words(manager, feedback):
    stale = feedback.version
    services.record_what_changed(
        actor=SYSTEM, feedback=feedback, expected_version=stale, changed="First",
        changed_on=dt.date(2021, 3, 1),
    )  # fmt: skip
    response = client_for(manager).post(
        f"/voice/feedback/{feedback.pk}/what-changed/",
        {
            "version": stale,
            "changed": "Second words",
            **date_fields("changed_on", dt.date(2021, 3, 2)),
        },
    )
    assert response.status_code == 409 and "Second words" in response.content.decode()
    assert Feedback.objects.get().changed == "First"


def test_a_survey_is_set_up_with_its_statements(manager):
    response = client_for(manager).post(
        "/voice/surveys/new/",
        {
            "reference": "ws-2021",
            "title": "Workforce survey",
            **date_fields("opened_on", dt.date(2021, 3, 1)),
            "questions": "I feel supported\n\nI know the threshold document\n",
        },
    )
    survey = Survey.objects.get()
    assert response.status_code == 302
    assert list(survey.questions.values_list("number", "text")) == [
        (1, "I feel supported"),
        (2, "I know the threshold document"),
    ]


def test_survey_results_suppress_small_numbers(manager, survey, agency, other_agency):
    services.import_responses(
        actor=SYSTEM,
        survey=survey,
        responses=[services.Answers(f"R{n}", agency, {1: "agree"}) for n in range(7)]
        + [services.Answers("S1", other_agency, {1: "disagree"})],
    )
    page = client_for(manager).get(f"/voice/surveys/{survey.pk}/").content.decode()
    assert "Test Police" in page and "Test Health" in page
    assert '<abbr title="suppressed: a small number">c</abbr>' in page
    csv = client_for(manager).get(f"/voice/surveys/{survey.pk}/?format=csv").content.decode()
    assert "Test Health,Responses,c" in csv


@pytest.mark.parametrize(
    ("url", "header"),
    [
        ("/voice/scrutiny/", "Date,Title,Kind"),
        ("/voice/feedback/", "Reference,Received,Source"),
        ("/voice/you-said-we-did/", "You said,From,Source"),
        ("/voice/surveys/", "Reference,Title,Opened"),
        ("/voice/forum/", "Date,Topic,Practitioners attending"),
    ],
)
def test_every_list_downloads(admin_user, activity, feedback, survey, note, url, header):
    client = client_for(admin_user)
    csv = client.get(f"{url}?format=csv")
    assert csv.status_code == 200 and csv.content.decode().lstrip("\ufeff").startswith(header)
    xlsx = client.get(f"{url}?format=xlsx")
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"


def test_an_export_cell_like_a_formula_is_made_safe(manager, partnership):
    services.record_feedback(
        actor=manager, partnership=partnership, source="survey", given_by="parents",
        received_on=dt.date(2021, 2, 3), said="=HYPERLINK(\"http://x\")",
    )  # fmt: skip
    csv = client_for(manager).get("/voice/feedback/?format=csv").content.decode()
    assert ",'=HYPERLINK" in csv or ",\"'=HYPERLINK" in csv


def test_a_forum_is_recorded(manager, agency):
    response = client_for(manager).post(
        "/voice/forum/new/",
        {
            **date_fields("held_on", dt.date(2020, 11, 12)),
            "topic": "Working under lockdown",
            "attended": "38",
            "agencies": [agency.pk],
            "discussion": "Virtual visits",
        },
    )
    assert response.status_code == 302
    assert "Working under lockdown" in client_for(manager).get("/voice/forum/").content.decode()


def test_home_panels(scrutineer, manager, activity, feedback):
    assert activity.title in client_for(scrutineer).get("/").content.decode()
    home = client_for(manager).get("/").content.decode()
    assert "Feedback waiting for what changed" in home and "Child protection conference" in home
