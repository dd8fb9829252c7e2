import pytest

from lineofsight.datasets import demo
from lineofsight.datasets.models import ReturnDue, Snapshot, Submission
from lineofsight.partnership.roles import Role


@pytest.mark.django_db
def test_demo_generates_and_ingests_every_return_once(partnership, settings, tmp_path, capsys):
    settings.VAR_DIR = tmp_path
    settings.SNAPSHOT_DIR = tmp_path / "snapshots"
    demo.load(seed=7, scale=0.03)
    formats = set(Submission.objects.values_list("format", flat=True))
    assert {"cin_census", "ssda903"} <= formats
    assert not Submission.objects.filter(status="rejected").exists(), capsys.readouterr().out
    snapshots = Snapshot.objects.count()
    scheduled = ReturnDue.objects.count()
    demo.load(seed=7, scale=0.03)  # idempotent: the same files are already stored
    assert Snapshot.objects.count() == snapshots
    assert ReturnDue.objects.count() == scheduled


@pytest.mark.django_db
def test_demo_schedules_last_and_this_years_returns(partnership, agency, settings, tmp_path):
    from lineofsight.datasets.schedules import for_agency

    settings.VAR_DIR = tmp_path
    settings.SNAPSHOT_DIR = tmp_path / "snapshots"
    demo.load(seed=7, scale=0.03, years=range(2021, 2022))
    statuses = for_agency(agency.pk)
    assert len([s for s in statuses if s.due.format == "partner_return"]) == 8
    assert {s.status for s in statuses} >= {"received", "not yet due"}


@pytest.mark.django_db
def test_demo_stores_each_partner_return_as_its_agency(
    partnership, agency, other_agency, settings, tmp_path, make_user
):
    from lineofsight.datasets.selectors import submissions_for

    settings.VAR_DIR = tmp_path
    settings.SNAPSHOT_DIR = tmp_path / "snapshots"
    demo.load(seed=7, scale=0.03, years=range(2021, 2022))
    partner = Submission.objects.filter(format="partner_return")
    police = partner.filter(agency=agency)
    assert police.exists() and partner.filter(agency=other_agency).exists()
    for submission in police:
        assert submission.source_files[0]["name"].startswith("police_")
    # agencies the demo has no record of (here: the council) keep partnership-level returns
    assert not Submission.objects.filter(format="cin_census").exclude(agency=None).exists()
    lead = make_user(Role.AGENCY_LEAD, agency_=agency)
    assert set(submissions_for(lead)) == set(police)


@pytest.mark.django_db
def test_the_demo_trust_sends_the_social_care_returns_and_nothing_is_late(
    partnership, agency, settings, tmp_path
):
    from lineofsight.datasets.schedules import for_everyone
    from lineofsight.partnership import services
    from lineofsight.partnership.actors import SYSTEM

    trust = services.create_agency(
        actor=SYSTEM, partnership=partnership, name="Trust", code="trust", kind="childrens_trust"
    )
    settings.VAR_DIR = tmp_path
    settings.SNAPSHOT_DIR = tmp_path / "snapshots"
    demo.load(seed=7, scale=0.03, years=range(2021, 2022))
    assert set(Submission.objects.filter(format="cin_census").values_list("agency", flat=True)) == {
        trust.pk
    }
    trust_rows = [s for s in for_everyone(SYSTEM) if s.due.agency_id == trust.pk]
    assert {s.due.format for s in trust_rows} >= {"cin_census", "ssda903"}
    assert all(s.status != "late" for s in trust_rows if s.due.format != "partner_return")
