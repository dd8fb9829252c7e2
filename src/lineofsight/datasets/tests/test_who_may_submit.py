"""Issue 8 item 4: who may submit which returns, and one current version per return."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from lineofsight.datasets.models import Snapshot, Submission
from lineofsight.formats.tests.builders import child, cin_xml
from lineofsight.partnership import services as partnership_services
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.models import Agency
from lineofsight.partnership.roles import Role
from lineofsight.performance.compute import recompute
from lineofsight.performance.models import IndicatorResult
from lineofsight.testing.fixtures import client_for

CIN = cin_xml(*(child(f"SYN37100000{i:02d}") for i in range(1, 6))).encode()
POLICE_ROWS = (
    b"agency_code,measure_id,period_start,period_end,value,breakdown\n"
    b"police,police_da_incidents_children_present,2021-04-01,2021-04-30,9999,\n"
)


@pytest.fixture(autouse=True)
def var_dir(settings, tmp_path):
    settings.SNAPSHOT_DIR = tmp_path / "snapshots"
    settings.VAR_DIR = tmp_path


def _agency(partnership, kind):
    return partnership_services.create_agency(
        actor=SYSTEM, partnership=partnership, name=kind.label, code=kind.value, kind=kind
    )


@pytest.fixture
def council(partnership):
    return _agency(partnership, Agency.Kind.COUNCIL)


def _upload(user, name, content):
    client = client_for(user)
    response = client.post("/data/upload/", {"returns": SimpleUploadedFile(name, content)})
    return client, response


def _cin_rate(partnership) -> float:
    partnership_services.set_population(
        actor=SYSTEM, partnership=partnership, year=2023, under_18=50_000
    )
    recompute(actor=SYSTEM, partnership=partnership, indicator_ids=["cin_rate_per_10k"])
    row = IndicatorResult.objects.get(
        indicator_id="cin_rate_per_10k", period_label="2023-06", breakdown=""
    )
    assert row.value is not None
    return row.value


@pytest.mark.django_db
def test_a_police_lead_cannot_submit_the_cin_census(make_user, agency):
    police_lead = make_user(Role.AGENCY_LEAD, agency_=agency)
    client, response = _upload(police_lead, "cin.xml", CIN)
    submission = Submission.objects.get()
    assert submission.status == "rejected" and not Snapshot.objects.exists()
    assert [p["rule"] for p in submission.problems] == ["submission.not_permitted"]
    page = client.get(response["Location"]).content.decode()
    assert "may not submit the CIN census" in page


@pytest.mark.django_db
def test_a_health_lead_cannot_submit_police_figures(make_user, other_agency):
    health_lead = make_user(Role.AGENCY_LEAD, agency_=other_agency)
    _upload(health_lead, "police.csv", POLICE_ROWS)
    submission = Submission.objects.get()
    assert submission.status == "rejected" and not Snapshot.objects.exists()
    assert "agency_code police" in submission.problems[0]["message"]


@pytest.mark.django_db
def test_an_analyst_may_submit_for_any_agency(make_user, agency):
    analyst = make_user(Role.PERFORMANCE_ANALYST)
    _upload(analyst, "police.csv", POLICE_ROWS)
    assert Submission.objects.get().status == "accepted"


@pytest.mark.django_db
def test_one_return_has_one_current_version_whoever_sends_it(partnership, make_user, council):
    council_lead = make_user(Role.AGENCY_LEAD, agency_=council)
    analyst = make_user(Role.PERFORMANCE_ANALYST)
    _upload(council_lead, "cin.xml", CIN)
    rate = _cin_rate(partnership)
    assert rate > 0
    _upload(analyst, "cin-again.xml", CIN.replace(b"<Children>", b"<Children>\n"))
    first, second = Snapshot.objects.order_by("version")
    assert (first.version, second.version) == (1, 2) and first.return_key == second.return_key
    first.refresh_from_db()
    assert first.superseded_by == second
    assert _cin_rate(partnership) == rate  # superseded, never counted beside


@pytest.mark.django_db
def test_the_same_file_from_another_agency_is_never_redirected_to_its_submission(
    partnership, make_user, council
):
    trust = _agency(partnership, Agency.Kind.CHILDRENS_TRUST)
    _upload(make_user(Role.AGENCY_LEAD, agency_=council), "cin.xml", CIN)
    councils = Submission.objects.get()
    client, response = _upload(make_user(Role.AGENCY_LEAD, agency_=trust), "cin.xml", CIN)
    assert response["Location"] != f"/data/{councils.pk}/"
    assert client.get(response["Location"]).status_code == 200
    assert Snapshot.objects.filter(superseded_by__isnull=True).count() == 1
