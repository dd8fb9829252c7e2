import datetime as dt
from decimal import Decimal

import pytest

from lineofsight.actions.models import Action
from lineofsight.governance import demo, selectors
from lineofsight.governance.models import AssuranceReport, Group, Meeting
from lineofsight.partnership import demo as partnership_demo
from lineofsight.partnership.models import User
from lineofsight.partnership.selectors import current_partnership

TODAY = dt.date(2026, 11, 29)


@pytest.fixture
def demo_partnership(settings, tmp_path, db):
    settings.VAR_DIR = tmp_path
    partnership_demo.load()


def test_a_year_of_governance_with_the_scrutineers_concerns(demo_partnership, client):
    demo.load(seed=2021, today=TODAY)
    partnership = current_partnership()
    assert Group.objects.count() == 5
    assert Meeting.objects.filter(held_on__year__in=(2020, 2021)).count() == 22
    flagged = {(r.group.name, r.agency.code) for r in selectors.needs_attention(partnership)}
    assert flagged == {
        ("Safeguarding Children Partnership Board", "acute"),
        ("Quality and Performance Sub-group", "health"),
    }
    rows = selectors.attendance_rows(partnership, year=2020)
    acute = next(r for r in rows if r.agency.code == "acute")
    assert (acute.record.attended, acute.record.expected) == (1, 6)
    assert acute.missed_in_a_row == 5
    overdue = {r.title for r in selectors.overdue_reports(partnership, TODAY)}
    assert overdue == {"MASH quarterly assurance"}  # nothing overdue by years (issue 10)
    acute = AssuranceReport.objects.get(title="Acute trust safeguarding annual report")
    assert acute.received_on is not None and acute.received_on > dt.date(2021, 3, 31)
    assert AssuranceReport.objects.filter(grade="Limited assurance").count() == 3
    assert Action.objects.filter(source="governance_decision").exists()
    assert Action.objects.filter(source="governance_finding").count() == 4
    assert Action.objects.filter(source="governance_assurance").count() == 3
    summary = selectors.funding_of(partnership, 2020)
    assert summary is not None
    assert summary.money == Decimal(570_000)  # 285 + 150 + 65 + 60 + 10 thousand
    assert summary.in_kind == Decimal(61_000)
    assert 400_000 < summary.spent < 700_000
    later = selectors.funding_of(partnership, 2021)
    assert later is not None and later.year.brought_forward == summary.balance
    assert selectors.overdue_procedures(partnership, TODAY).exists()

    client.force_login(User.objects.get(username="board"))
    home = client.get("/").content.decode()
    assert "Demo Acute Hospitals NHS Foundation Trust</a> has missed the last 5 meetings" in home
    assert "MASH quarterly assurance" in home


def test_the_demo_loads_once(demo_partnership, capsys):
    demo.load(seed=2021, today=TODAY)
    count = Meeting.objects.count()
    demo.load(seed=2021, today=TODAY)
    assert Meeting.objects.count() == count
    assert "already loaded" in capsys.readouterr().out
