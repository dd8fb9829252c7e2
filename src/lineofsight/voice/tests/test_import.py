"""Practitioner survey responses in through ``lineofsight ingest`` / the Data upload page:
stored through the services, errors naming row, column and value, nothing stored on error."""

import pytest

from lineofsight.audit.models import AuditLog
from lineofsight.datasets.models import Submission
from lineofsight.datasets.services import ingest_paths
from lineofsight.partnership.roles import Role
from lineofsight.voice import verbs
from lineofsight.voice.models import SurveyAnswer, SurveyResponse

pytestmark = pytest.mark.django_db

HEADER = "survey_ref,response_ref,agency_code,q1,q2"


def write(tmp_path, *lines, name="responses.csv"):
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def analyst(make_user):
    return make_user(Role.PERFORMANCE_ANALYST, username="analyst")


def ingest(actor, partnership, path):
    [outcome] = ingest_paths(actor=actor, partnership=partnership, paths=[path],
                             agency=actor.agency)  # fmt: skip
    return outcome


def test_an_analyst_imports_responses(tmp_path, partnership, analyst, survey, other_agency):
    path = write(
        tmp_path,
        "workforce-2021,SM-1,police,Strongly agree,agree",
        "workforce-2021,SM-2,health,2,",
    )
    outcome = ingest(analyst, partnership, path)
    assert outcome.accepted and outcome.submission.format == "practitioner_survey"
    assert SurveyResponse.objects.filter(survey=survey).count() == 2
    assert sorted(SurveyAnswer.objects.values_list("answer", flat=True)) == [
        "agree",
        "disagree",
        "strongly_agree",
    ]
    assert AuditLog.objects.get(verb=verbs.SURVEY_IMPORT).after == {"responses": 2}


def test_sending_the_export_again_adds_only_new_responses(tmp_path, partnership, analyst, survey):
    ingest(analyst, partnership, write(tmp_path, "workforce-2021,SM-1,police,agree,agree"))
    again = write(
        tmp_path,
        "workforce-2021,SM-1,police,agree,agree",
        "workforce-2021,SM-3,police,disagree,agree",
        name="later.csv",
    )
    outcome = ingest(analyst, partnership, again)
    assert outcome.accepted
    assert any(p.rule == "survey.already_imported" for p in outcome.parsed.problems)
    assert survey.responses.count() == 2


@pytest.mark.parametrize(
    ("line", "field", "message"),
    [
        ("unknown-survey,SM-1,police,agree,agree", "survey_ref", "No survey has this reference"),
        ("workforce-2021,SM-1,nobody,agree,agree", "agency_code", "not the code"),
    ],
)
def test_a_bad_row_rejects_the_file_and_stores_nothing(
    tmp_path, partnership, analyst, survey, line, field, message
):
    path = write(tmp_path, "workforce-2021,SM-9,police,agree,agree", line)
    outcome = ingest(analyst, partnership, path)
    assert not outcome.accepted
    problem = next(p for p in outcome.parsed.problems if p.is_error)
    assert (problem.location, problem.field) == ("row 3", field) and message in problem.message
    assert not SurveyResponse.objects.exists()
    assert Submission.objects.get().status == Submission.Status.REJECTED


def test_a_statement_the_survey_does_not_have_is_an_error(tmp_path, partnership, analyst, survey):
    path = tmp_path / "q3.csv"
    path.write_text(HEADER + ",q3\nworkforce-2021,SM-1,police,agree,agree,agree\n")
    outcome = ingest(analyst, partnership, path)
    assert not outcome.accepted
    assert any(
        p.field == "q3" and "statements 1 to 2" in p.message for p in outcome.parsed.problems
    )


def test_an_agency_lead_may_not_import_responses(tmp_path, partnership, lead, make_user, survey):
    uploader = make_user(Role.AGENCY_LEAD, username="uploader")
    outcome = ingest(uploader, partnership, write(tmp_path, "workforce-2021,SM-1,police,agree,"))
    assert not outcome.accepted
    assert "may not import" in outcome.parsed.problems[-1].message
    assert not SurveyResponse.objects.exists()
