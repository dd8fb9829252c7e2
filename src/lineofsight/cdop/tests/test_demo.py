import datetime as dt

import pytest

from lineofsight.actions.models import Action
from lineofsight.cdop import demo
from lineofsight.cdop.models import ChildDeath, PanelMeeting
from lineofsight.cdop.statistics import reporting_year
from lineofsight.partnership import demo as partnership_demo
from lineofsight.partnership.models import User

TODAY = dt.date(2026, 11, 29)


@pytest.fixture
def demo_partnership(settings, tmp_path, db):
    settings.VAR_DIR = tmp_path
    partnership_demo.load()


def history():
    deaths = [
        (
            d.reference,
            d.died_on,
            d.reviewed_on,
            d.outcome,
            sorted(d.factors.values_list("description", "grade")),
        )
        for d in ChildDeath.objects.order_by("reference")
    ]
    return deaths, sorted(Action.objects.values_list("title", "due_date", "status"))


def test_five_years_of_deaths_from_the_synth_csv_and_open_cases(demo_partnership, client):
    demo.load(seed=2021, today=TODAY)
    imported = ChildDeath.objects.exclude(reference__startswith="CDOP-9")
    years = {reporting_year(d.notified_on) for d in imported}
    assert years == {2016, 2017, 2018, 2019, 2020}
    assert 60 <= imported.count() <= 150  # about 21 a year
    assert all(d.closed_on for d in imported if d.reviewed_on)
    modifiable = imported.filter(outcome="modifiable")
    assert modifiable.exists()
    assert all(d.factors.filter(grade=2).exists() for d in modifiable)
    assert not any(
        d.factors.filter(grade=2).exists() for d in imported.exclude(outcome="modifiable")
    )
    assert PanelMeeting.objects.count() > 25
    assert Action.objects.filter(source="cdop").exists()
    open_now = ChildDeath.objects.filter(reference__startswith="CDOP-9", closed_on__isnull=True)
    assert open_now.count() == 6
    client.force_login(User.objects.get(username="cdop"))
    home = client.get("/").content.decode()
    assert "Your open child death cases" in home
    assert "Open more than 12 months after the death" in home  # CDOP-9001, 400 days ago
    assert "No agency report returned 6 weeks after notification" in home  # CDOP-9004


def test_the_demo_is_deterministic_and_loads_once(demo_partnership):
    demo.load(seed=2021, today=TODAY)
    first = history()
    demo.load(seed=2021, today=TODAY)  # already loaded: nothing changes
    assert history() == first
