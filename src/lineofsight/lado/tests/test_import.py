"""LADO referrals in through ``lineofsight ingest`` / the Data upload page: validated, per-row
errors naming row, field and value, nothing stored on error, audited, never a name."""

import datetime as dt
import random

import pytest

from lineofsight.audit.models import AuditLog
from lineofsight.datasets.models import Submission
from lineofsight.datasets.services import ingest_paths
from lineofsight.formats import detect, lado_referrals
from lineofsight.lado import reference
from lineofsight.lado.models import Referral
from lineofsight.partnership.actors import SYSTEM
from lineofsight.synth.config import default_params
from lineofsight.synth.write_partnership import LADO_HEADER, LADO_SECTORS, lado_rows
from lineofsight.testing.fixtures import client_for

pytestmark = pytest.mark.django_db

HEADER = ",".join(LADO_HEADER)
GOOD = [
    "L-1,2020-05-01,education,physical,harmed_child,Y,2020-05-04,2020-05-06,substantiated,"
    "2020-07-01,ADULT-1,employer,work,Y,N,Y",
    "L-2,2020-06-10,sport,suitability,,N,2020-06-11,,,2020-06-20,ADULT-1,parent,private,N,N,N",
    "L-3,2020-07-10,early_years,sexual,,,,,,,ADULT-2,police,work,N,N,N",
]


def write(tmp_path, lines, header=HEADER, name="lado_referrals.csv"):
    path = tmp_path / name
    path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    return path


def test_the_format_is_detected_from_its_header(tmp_path):
    assert detect(write(tmp_path, GOOD)) == "lado_referrals"


def test_the_codes_are_the_apps_choices():
    assert set(lado_referrals.CATEGORIES.values()) == set(reference.Category.values)
    assert set(lado_referrals.CRITERIA) == set(reference.CRITERION_CODES)
    assert set(lado_referrals.REFERRING_AGENCIES) == set(reference.ReferringAgency.values)
    assert set(lado_referrals.CONTEXTS) == set(reference.Context.values)
    assert set(LADO_SECTORS) <= {code for code, _ in reference.SECTORS}


def test_a_good_file_is_stored_as_records_and_audited(tmp_path, partnership, lado):
    [outcome] = ingest_paths(
        actor=lado, agency=lado.agency, partnership=partnership, paths=[write(tmp_path, GOOD)]
    )
    assert outcome.accepted and outcome.snapshot is None, outcome.parsed.problems
    met = Referral.objects.get(reference="L-1")
    assert met.threshold_met and met.criteria == ["harmed_child"]
    assert met.outcome.code == "substantiated" and met.concluded_on == dt.date(2020, 7, 1)
    assert met.meetings.get().held_on == dt.date(2020, 5, 6)
    assert met.police_investigation and met.social_care_involved and not met.suspended
    not_met = Referral.objects.get(reference="L-2")
    assert not_met.threshold_met is False and not_met.category == "other"
    assert not_met.context == "private" and not_met.adult_reference == "ADULT-1"
    waiting = Referral.objects.get(reference="L-3")
    assert waiting.threshold_met is None and waiting.is_open
    assert all(r.adult_name == "" for r in Referral.objects.all())
    assert AuditLog.objects.filter(verb="lado.referral.create").count() == 3
    [again] = ingest_paths(
        actor=lado, agency=lado.agency, partnership=partnership, paths=[write(tmp_path, GOOD)]
    )
    assert again.already_stored and Referral.objects.count() == 3


def test_any_bad_row_rejects_the_file_and_names_row_field_and_value(tmp_path, partnership, lado):
    lines = [
        *GOOD,
        "L-4,2020-13-01,education,physical,,N,2020-05-02,,,,,,,,,",
        "L-5,2020-05-01,circus,physical,,N,2020-05-02,,,,,,,,,",
        "L-6,2020-05-01,education,physical,harmed_child,Y,2020-05-02,,,2020-06-01,,,,,,",
        "L-7,2020-05-01,education,physical,,N,2020-05-02,,substantiated,2020-06-01,,,,,,",
        "L-8,2020-05-01,education,physical,,Y,,,,,,,,,,",
        "L-9,2020-05-01,education,physical,harmed_child,Y,2020-04-02,,,,,,,,,",
        "L-1,2020-05-01,education,physical,,N,2020-05-02,,,,,,,,,",
    ]
    [outcome] = ingest_paths(
        actor=lado, agency=lado.agency, partnership=partnership, paths=[write(tmp_path, lines)]
    )
    assert not outcome.accepted
    found = {(p.location, p.field, p.value) for p in outcome.parsed.problems if p.is_error}
    assert ("row 5", "received_date", "2020-13-01") in found
    assert ("row 7", "outcome", "") in found  # met and concluded, but no outcome
    assert ("row 8", "outcome", "substantiated") in found  # an outcome for a not-met referral
    assert ("row 9", "decision_date", "") in found
    assert ("row 10", "decision_date", "2020-04-02") in found
    assert ("row 11", "lado_ref", "L-1") in found
    assert not Referral.objects.exists()
    assert Submission.objects.get().status == "rejected"


def test_a_sector_not_in_the_partnerships_list_is_refused(tmp_path, partnership, lado):
    lines = [GOOD[0], "L-5,2020-05-01,circus,physical,,N,2020-05-02,,,,,,,,,"]
    [outcome] = ingest_paths(
        actor=lado, agency=lado.agency, partnership=partnership, paths=[write(tmp_path, lines)]
    )
    assert not outcome.accepted
    [problem] = [p for p in outcome.parsed.problems if p.is_error]
    assert (problem.location, problem.field, problem.value) == (
        "row 3",
        "employer_sector",
        "circus",
    )
    assert not Referral.objects.exists()  # not even the good first row


def test_a_file_with_a_name_column_is_refused_whole(tmp_path, partnership, lado):
    path = write(tmp_path, [GOOD[0] + ",Jo Bloggs"], header=HEADER + ",adult_name")
    [outcome] = ingest_paths(actor=lado, agency=lado.agency, partnership=partnership, paths=[path])
    assert not outcome.accepted
    assert any(p.rule == "lado.name_column" for p in outcome.parsed.problems)
    assert "Jo Bloggs" not in str(outcome.parsed.problems)
    assert not Referral.objects.exists()


def test_only_the_lado_may_import_them(tmp_path, partnership, make_user, lists):
    from lineofsight.partnership.roles import Role

    analyst = make_user(Role.PERFORMANCE_ANALYST)
    [outcome] = ingest_paths(actor=analyst, partnership=partnership, paths=[write(tmp_path, GOOD)])
    assert not outcome.accepted
    assert outcome.parsed.problems[-1].rule == "records.not_permitted"
    assert not Referral.objects.exists()


def test_the_upload_page_takes_them_from_the_lado(tmp_path, partnership, lado):
    path = write(tmp_path, GOOD)
    with path.open("rb") as handle:
        response = client_for(lado).post("/data/upload/", {"returns": handle})
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Referral.objects.count() == 3


def test_the_synthetic_csv_imports_whole(tmp_path, partnership, lists):
    rows = lado_rows(default_params(), 0.2, range(2019, 2021), random.Random("7:lado"))
    lines = [",".join(str(v) for v in row) for row in rows]
    [outcome] = ingest_paths(actor=SYSTEM, partnership=partnership, paths=[write(tmp_path, lines)])
    assert outcome.accepted, outcome.parsed.problems[:3]
    assert Referral.objects.count() == len(rows) > 100
    adults = list(Referral.objects.values_list("adult_reference", flat=True))
    assert len(set(adults)) < len(adults)  # some adults are referred again


@pytest.mark.django_db(transaction=True)
def test_synth_then_lineofsight_ingest_stores_the_referrals(
    partnership, settings, tmp_path, capsys
):
    from lineofsight.cli import main

    settings.VAR_DIR = tmp_path
    out = tmp_path / "borough"
    args = ["synth", "--out", str(out), "--seed", "11", "--years", "2020-2021", "--scale", "0.05"]
    assert main(args) == 0
    capsys.readouterr()
    csv_path = out / "371" / "lado" / "lado_referrals.csv"
    rows = csv_path.read_text().count("\n") - 1
    assert rows > 0
    assert main(["ingest", str(csv_path)]) == 0
    assert f"stored: {rows} records" in capsys.readouterr().out
    assert Referral.objects.count() == rows
