"""Training records in through ``lineofsight ingest`` / the Data upload page: validated, errors
naming row, field and value, nothing stored on error; the synth's file is read as it is."""

import datetime as dt
import random

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from lineofsight.datasets.models import Submission
from lineofsight.datasets.services import ingest_paths
from lineofsight.formats import detect
from lineofsight.partnership.roles import Role
from lineofsight.synth.config import default_params
from lineofsight.synth.write_partnership import TRAINING_HEADER, training_rows
from lineofsight.testing.fixtures import client_for
from lineofsight.workforce import selectors
from lineofsight.workforce.models import Booking, Course, EvaluationResponse, Session

pytestmark = pytest.mark.django_db

HEADER = ",".join(TRAINING_HEADER)
GOOD = [
    "TR-000001,NEG1,Neglect,face_to_face,2020-05-01,police,P00001,Y,Y,5,2,4",
    "TR-000002,NEG1,Neglect,face_to_face,2020-05-01,police,P00002,N,N,,,",
    "TR-000003,NEG1,Neglect,face_to_face,2020-05-01,health,P00003,Y,Y,4,3,3",
    "TR-000004,DA01,Domestic abuse,virtual,2020-06-10,health,P00004,Y,N,,,",
]


def write(tmp_path, lines, name="training_records.csv"):
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def agencies(agency, other_agency):
    return agency, other_agency


def test_the_format_is_detected_from_its_header(tmp_path):
    assert detect(write(tmp_path, GOOD)) == "training_records"


def test_a_good_file_makes_courses_sessions_bookings_and_evaluations(
    tmp_path, partnership, manager, agencies
):
    [outcome] = ingest_paths(
        actor=manager, agency=manager.agency, partnership=partnership, paths=[write(tmp_path, GOOD)]
    )
    assert outcome.accepted, outcome.parsed.problems
    assert sorted(Course.objects.values_list("code", flat=True)) == ["DA01", "NEG1"]
    neglect = Session.objects.get(course__code="NEG1")
    assert (neglect.starts_on, neglect.mode, neglect.capacity) == (
        dt.date(2020, 5, 1),
        "face_to_face",
        3,
    )
    assert Booking.objects.filter(status="booked").count() == 4
    assert Booking.objects.get(external_ref="TR-000002").did_not_attend
    assert EvaluationResponse.objects.count() == 2
    stats = selectors.statistics_for(manager, dt.date(2020, 4, 1), dt.date(2021, 3, 31))
    # confidence pairs (2, 4) and (3, 3): changes 2 and 0, mean 1, sd 1.41421, d 0.70711
    assert stats["effect"].effect_size == pytest.approx(0.70711, abs=1e-5)
    assert stats["total"].did_not_attend == 1 and stats["total"].non_attendance_rate == 25.0
    # the same file again changes nothing; a new file with the same rows warns
    [again] = ingest_paths(
        actor=manager, agency=manager.agency, partnership=partnership, paths=[write(tmp_path, GOOD)]
    )
    assert again.already_stored
    [renamed] = ingest_paths(
        actor=manager,
        agency=manager.agency,
        partnership=partnership,
        paths=[write(tmp_path, [*GOOD, ""], name="again.csv")],
    )
    assert Booking.objects.count() == 4


def test_an_unknown_agency_refuses_the_file_and_stores_nothing(
    tmp_path, partnership, manager, agencies
):
    bad = [*GOOD, "TR-000005,NEG1,Neglect,face_to_face,2020-05-01,fire,P00005,Y,N,,,"]
    [outcome] = ingest_paths(
        actor=manager, agency=manager.agency, partnership=partnership, paths=[write(tmp_path, bad)]
    )
    assert not outcome.accepted
    [problem] = [p for p in outcome.submission.problems if p["severity"] == "error"]
    assert (problem["location"], problem["field"], problem["value"]) == ("row 6", "agency", "fire")
    assert not Course.objects.exists() and not Booking.objects.exists()


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("TR-9,NEG1,Neglect,classroom,2020-05-01,police,P9,Y,N,,,", "delivery"),
        ("TR-9,NEG1,Neglect,virtual,2020-13-01,police,P9,Y,N,,,", "course_date"),
        ("TR-9,NEG1,Neglect,virtual,2020-05-01,police,P9,maybe,N,,,", "attended"),
        ("TR-9,NEG1,Neglect,virtual,2020-05-01,police,P9,Y,Y,6,2,3", "reaction_score"),
        ("TR-9,NEG1,Neglect,virtual,2020-05-01,police,P9,Y,Y,4,,3", "learning_before"),
        ("TR-9,NEG1,Neglect,virtual,2020-05-01,police,P9,N,Y,4,2,3", "feedback_given"),
    ],
)
def test_a_bad_value_is_named_and_nothing_is_stored(
    tmp_path, partnership, manager, agencies, line, field
):
    [outcome] = ingest_paths(
        actor=manager,
        agency=manager.agency,
        partnership=partnership,
        paths=[write(tmp_path, [*GOOD, line])],
    )
    assert not outcome.accepted
    assert field in {p.field for p in outcome.parsed.problems if p.is_error}
    assert not Booking.objects.exists()


def test_only_the_training_manager_may_import(tmp_path, partnership, make_user, agencies):
    lead = make_user(Role.AGENCY_LEAD)
    [outcome] = ingest_paths(
        actor=lead, agency=lead.agency, partnership=partnership, paths=[write(tmp_path, GOOD)]
    )
    assert not outcome.accepted and not Booking.objects.exists()


def test_the_data_upload_page_accepts_the_file(partnership, manager, agencies):
    content = ("\n".join([HEADER, *GOOD]) + "\n").encode()
    response = client_for(manager).post(
        "/data/upload/", {"returns": SimpleUploadedFile("training.csv", content)}
    )
    assert response.status_code in (200, 302)
    assert Submission.objects.get().status == Submission.Status.ACCEPTED
    assert Booking.objects.count() == 4


def test_the_synths_file_is_read_as_written(tmp_path, partnership, manager, agencies):
    from lineofsight.partnership import services as partnership_services
    from lineofsight.partnership.actors import SYSTEM

    for code in ("education", "council", "trust", "voluntary"):
        partnership_services.create_agency(
            actor=SYSTEM, partnership=partnership, name=code.title(), code=code, kind="voluntary"
        )
    rows = training_rows(default_params(), 0.05, range(2020, 2021), random.Random("t"))
    lines = [",".join(str(c) for c in row) for row in rows]
    [outcome] = ingest_paths(
        actor=manager,
        agency=manager.agency,
        partnership=partnership,
        paths=[write(tmp_path, lines)],
    )
    assert outcome.accepted, outcome.parsed.problems[:3]
    assert Booking.objects.count() == len(rows)
