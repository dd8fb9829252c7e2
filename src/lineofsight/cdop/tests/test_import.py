"""Child death records in through ``lineofsight ingest`` / the Data upload page: validated, per-row
errors naming row, field and value, nothing stored on error, audited."""

import datetime as dt
import random

import pytest

from lineofsight.audit.models import AuditLog
from lineofsight.cdop import reference
from lineofsight.cdop.models import ChildDeath
from lineofsight.datasets.models import Submission
from lineofsight.datasets.services import ingest_paths
from lineofsight.formats import child_deaths, detect
from lineofsight.partnership.actors import SYSTEM
from lineofsight.synth.config import default_params
from lineofsight.synth.write_partnership import CDOP_HEADER, cdop_rows
from lineofsight.testing.fixtures import client_for

pytestmark = pytest.mark.django_db

HEADER = ",".join(CDOP_HEADER)
GOOD = [
    "CDOP-0001,2020-05-01,under_1,F,N,perinatal_neonatal_event,hospital,2021-01-15,Y",
    "CDOP-0002,2020-06-10,1-4,M,Y,,home,,",
]


def write(tmp_path, lines, name="child_deaths.csv"):
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return path


def test_the_format_is_detected_from_its_header(tmp_path):
    assert detect(write(tmp_path, GOOD)) == "child_deaths"


def test_the_codes_are_the_apps_choices():
    assert set(child_deaths.PLACES) == set(reference.PlaceOfDeath.values)
    assert set(child_deaths.AGE_BANDS.values()) <= set(reference.AgeBand.values)
    assert set(child_deaths.SEXES.values()) == set(reference.Sex.values)
    assert set(child_deaths.ETHNICITIES) == set(reference.Ethnicity.values)
    assert set(child_deaths.OUTCOMES.values()) == set(reference.Outcome.values)


def test_a_good_file_is_stored_as_records_and_audited(tmp_path, partnership, coordinator):
    [outcome] = ingest_paths(
        actor=coordinator,
        agency=coordinator.agency,
        partnership=partnership,
        paths=[write(tmp_path, GOOD)],
    )
    assert outcome.accepted and outcome.snapshot is None
    reviewed = ChildDeath.objects.get(reference="CDOP-0001")
    assert reviewed.reviewed_on == reviewed.closed_on == dt.date(2021, 1, 15)
    assert reviewed.outcome == "modifiable" and reviewed.category.code == "perinatal_neonatal_event"
    assert reviewed.notified_on == reviewed.died_on  # no date_notified column
    open_case = ChildDeath.objects.get(reference="CDOP-0002")
    assert open_case.is_open and open_case.age_band == "1_4" and open_case.expectation == "expected"
    assert AuditLog.objects.filter(verb="cdop.death.create").count() == 2
    assert AuditLog.objects.filter(verb="submission.accept").count() == 1
    # the same file again changes nothing
    [again] = ingest_paths(
        actor=coordinator,
        agency=coordinator.agency,
        partnership=partnership,
        paths=[write(tmp_path, GOOD)],
    )
    assert again.already_stored and ChildDeath.objects.count() == 2


def test_any_bad_row_rejects_the_file_and_names_row_field_and_value(
    tmp_path, partnership, coordinator
):
    lines = [
        *GOOD,
        "CDOP-0003,2020-13-01,1-4,M,Y,,home,,",
        "CDOP-0004,2020-06-10,1-4,M,Y,,garden,,",
        "CDOP-0005,2020-06-10,1-4,M,Y,,home,2020-07-01,",
        "CDOP-0001,2020-06-10,1-4,M,Y,,home,,",
    ]
    [outcome] = ingest_paths(
        actor=coordinator,
        agency=coordinator.agency,
        partnership=partnership,
        paths=[write(tmp_path, lines)],
    )
    assert not outcome.accepted
    found = {(p.location, p.field, p.value) for p in outcome.parsed.problems if p.is_error}
    assert ("row 4", "date_of_death", "2020-13-01") in found
    assert ("row 5", "place_of_death", "garden") in found
    assert ("row 6", "category", "") in found  # reviewed, but no category
    assert ("row 7", "death_ref", "CDOP-0001") in found
    assert not ChildDeath.objects.exists()
    assert Submission.objects.get().status == "rejected"


def test_a_name_as_reference_is_refused_by_the_record_rules(tmp_path, partnership, coordinator):
    lines = [GOOD[0], "Jayden Smith,2020-06-10,1-4,M,Y,,home,,"]
    [outcome] = ingest_paths(
        actor=coordinator,
        agency=coordinator.agency,
        partnership=partnership,
        paths=[write(tmp_path, lines)],
    )
    assert not outcome.accepted
    [problem] = [p for p in outcome.parsed.problems if p.is_error]
    assert (problem.location, problem.field) == ("row 3", "reference")
    assert "looks like a name" in problem.message
    assert not ChildDeath.objects.exists()  # not even the good first row


def test_only_the_cdop_coordinator_may_import_them(tmp_path, partnership, make_user):
    from lineofsight.partnership.roles import Role

    analyst = make_user(Role.PERFORMANCE_ANALYST)
    [outcome] = ingest_paths(actor=analyst, partnership=partnership, paths=[write(tmp_path, GOOD)])
    assert not outcome.accepted
    assert outcome.parsed.problems[-1].rule == "records.not_permitted"
    assert not ChildDeath.objects.exists()


def test_the_upload_page_takes_them_from_the_coordinator(tmp_path, partnership, coordinator):
    path = write(tmp_path, GOOD)
    with path.open("rb") as handle:
        response = client_for(coordinator).post("/data/upload/", {"returns": handle})
    assert response.status_code == 302, response.content.decode()[:3000]
    assert ChildDeath.objects.count() == 2
    detail = client_for(coordinator).get(response["Location"])
    assert "2 records stored" in detail.content.decode()


def test_the_synthetic_csv_imports_whole(tmp_path, partnership):
    params = default_params()
    rows = cdop_rows(params, 1.0, range(2016, 2022), random.Random("7:cdop"))
    lines = [",".join(str(v) for v in row) for row in rows]
    [outcome] = ingest_paths(actor=SYSTEM, partnership=partnership, paths=[write(tmp_path, lines)])
    assert outcome.accepted, outcome.parsed.problems[:3]
    assert ChildDeath.objects.count() == len(rows) > 50


@pytest.mark.django_db(transaction=True)
def test_synth_then_lineofsight_ingest_stores_the_child_deaths(
    partnership, settings, tmp_path, capsys
):
    from lineofsight.cli import main

    settings.VAR_DIR = tmp_path
    out = tmp_path / "borough"
    args = ["synth", "--out", str(out), "--seed", "11", "--years", "2020-2021", "--scale", "0.05"]
    assert main(args) == 0
    capsys.readouterr()
    csv_path = out / "371" / "cdop" / "child_deaths.csv"
    rows = csv_path.read_text().count("\n") - 1
    assert rows > 0
    assert main(["ingest", str(csv_path)]) == 0
    printed = capsys.readouterr().out
    assert f"stored: {rows} records" in printed
    assert ChildDeath.objects.count() == rows
    assert main(["ingest", str(csv_path)]) == 0  # the same file again: nothing changes
    assert "nothing changed" in capsys.readouterr().out
    assert ChildDeath.objects.count() == rows


def test_codes_in_use_leave_a_retired_entry_out():
    from lineofsight.cdop.models import DeathCategory
    from lineofsight.cdop.services import sync_categories
    from lineofsight.datasets.record_imports import codes_in_use

    sync_categories()
    retired = DeathCategory.objects.order_by("code").first()
    assert retired is not None
    retired.active = False
    retired.save()
    found = codes_in_use(DeathCategory)
    assert retired.code not in found
    assert sorted(found) == sorted(
        DeathCategory.objects.exclude(pk=retired.pk).values_list("code", flat=True)
    )
