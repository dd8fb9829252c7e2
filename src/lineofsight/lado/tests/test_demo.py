import datetime as dt

import pytest

from lineofsight.lado import demo, selectors
from lineofsight.lado.models import Consultation, Meeting, Referral
from lineofsight.lado.statistics import reporting_year, year_bounds
from lineofsight.partnership import demo as partnership_demo
from lineofsight.partnership.models import User
from lineofsight.partnership.selectors import current_partnership

TODAY = dt.date(2026, 11, 29)


@pytest.fixture
def demo_partnership(settings, tmp_path, db):
    settings.VAR_DIR = tmp_path
    partnership_demo.load()


def test_five_years_of_referrals_at_the_annual_reports_magnitudes(demo_partnership, client):
    demo.load(seed=2021, today=TODAY)
    imported = Referral.objects.exclude(reference__startswith="LADO-NOW")
    years = {reporting_year(r.received_on) for r in imported}
    assert years == {2016, 2017, 2018, 2019, 2020}
    facts = selectors.facts_of(current_partnership())
    for year in years:
        start, end = year_bounds(year)
        received = [r for r in facts.referrals if start <= r.received_on <= end]
        met = [r for r in received if r.threshold_met]
        assert 520 <= len(received) <= 680, year  # 602 in 2016-17
        assert 0.12 <= len(met) / len(received) <= 0.23, year  # 17%
    # consultations follow the year's referrals, about one to four, each year departing from
    # that by its own factor (log-normal, sd 0.15): not the same count every year
    consulted = []
    for year in years:
        start, end = year_bounds(year)
        received = [r for r in facts.referrals if start <= r.received_on <= end]
        consulted.append(Consultation.objects.filter(consulted_on__range=(start, end)).count())
        assert 0.15 <= consulted[-1] / len(received) <= 0.4, year
    assert len(set(consulted)) == len(consulted)
    assert 0.2 <= sum(consulted) / len(facts.referrals) <= 0.3
    assert Consultation.objects.filter(referral__isnull=False).exists()
    assert Referral.objects.filter(referred_dbs=True).exists()
    assert any("police" in m.agencies for m in Meeting.objects.all())
    client.force_login(User.objects.get(username="lado"))
    home = client.get("/").content.decode()
    assert "Your open LADO referrals" in home
    assert "Threshold decision overdue" in home  # LADO-NOW-002
    assert "Strategy meeting overdue" in home  # LADO-NOW-003
    assert "Open over 12 months" in home  # LADO-NOW-006
    page = client.get("/lado/statistics/?year=2016").content.decode()
    assert "2016-17" in page and "<svg" in page
    assert "2012-13" in page  # the year-on-year table goes back as the annual report's does
    # loaded once (the demo runs again on every `lineofsight demo`)
    first = sorted(
        Referral.objects.values_list("reference", "received_on", "threshold_met", "outcome__code")
    )
    count = Consultation.objects.count()
    demo.load(seed=2021, today=TODAY)
    assert Consultation.objects.count() == count
    assert (
        sorted(
            Referral.objects.values_list(
                "reference", "received_on", "threshold_met", "outcome__code"
            )
        )
        == first
    )
