"""The home page starts with what the person must do and know (``partnership.home_panels``)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from lineofsight.actions.models import Action
from lineofsight.assurance.models import Section11Return, Section11Round
from lineofsight.datasets.models import ReturnDue, Submission
from lineofsight.delivery.models import Plan, PlanItem, Priority, Rag
from lineofsight.partnership import home_panels
from lineofsight.partnership.roles import Role
from lineofsight.testing.access import assert_outsider_refused
from lineofsight.testing.fixtures import client_for

TODAY = timezone.localdate()


def _days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


def _action(agency, title, due):
    return Action.objects.create(title=title, source="manual", owner_agency=agency, due_date=due)


def _due(agency, fmt, period, due, start=None):
    return ReturnDue.objects.create(
        agency=agency, format=fmt, period=period, period_start=start or _days(-90), due_on=due
    )


@pytest.fixture
def work(partnership, agency, other_agency):
    """Things due: two of the lead's agency's returns (one late, one due in 3 days, one received),
    actions overdue and due soon in both agencies, an open Section 11 round, a red plan item."""
    late = _due(agency, "partner_return", "Q1 2026-27", _days(-5))
    _due(agency, "annex_a", "2026-27", _days(3))
    received = _due(other_agency, "partner_return", "Q1 2026-27", _days(-5))
    Submission.objects.create(
        partnership=partnership, agency=other_agency, format="partner_return",
        source_files=[], source_checksum="x", status=Submission.Status.ACCEPTED,
    )  # fmt: skip
    _action(agency, "Refresh the escalation policy", _days(-10))
    _action(agency, "Train front-line staff", _days(4))
    _action(agency, "Far-off action", _days(60))
    _action(other_agency, "Audit health referrals", _days(-2))
    Section11Round.objects.create(partnership=partnership, year=TODAY.year, due_date=_days(-1))
    plan = Plan.objects.create(
        partnership=partnership, title="Plan", starts=_days(-100), ends=_days(300)
    )
    priority = Priority.objects.create(plan=plan, number=1, title="Early help")
    PlanItem.objects.create(
        priority=priority, reference="a", text="Early help assessments on time", rag=Rag.RED
    )
    PlanItem.objects.create(priority=priority, reference="b", text="Going well", rag=Rag.GREEN)
    return {"late": late, "received": received}


def _page(user) -> str:
    response = client_for(user).get("/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_agency_lead_sees_returns_due_and_late_own_actions_and_section_11(make_user, work):
    page = _page(make_user(Role.AGENCY_LEAD))
    assert "Your agency&#39;s returns due" in page or "Your agency's returns due" in page
    assert "Partner return, Q1 2026-27" in page and ">Late<" in page
    assert "Ofsted Annex A, 2026-27" in page and ">Due soon<" in page
    assert "Refresh the escalation policy" in page and "Train front-line staff" in page
    assert "Far-off action" not in page
    assert "Audit health referrals" not in page  # another agency's action
    assert f"Section 11 return {TODAY.year}" in page and ">Late<" in page
    assert page.index("returns due") < page.index("What you can do")


@pytest.mark.django_db
def test_business_manager_sees_every_agencys_returns_and_overdue_actions(admin_user, work):
    page = _page(admin_user)
    assert "Returns from every agency" in page
    returns = page.split('id="panel-returns-all"')[1].split("</section>")[0]
    police = returns.split("Test Police")[1].split("</li>")[0]
    assert "Late: Partner return Q1 2026-27" in police and "Next:" not in police
    assert "Due in the next 7 days: Ofsted Annex A 2026-27" in police
    health = returns.split("Test Health")[1].split("</li>")[0]
    assert "Every scheduled return received" in health  # received: nothing open
    assert returns.index("1 late") < returns.index("Up to date")  # late agencies first
    assert "Overdue actions" in page
    assert "Audit health referrals (Test Health)" in page
    assert "Refresh the escalation policy (Test Police)" in page
    assert "Train front-line staff" not in page


@pytest.mark.django_db
def test_board_sees_overdue_actions_and_red_plan_items(make_user, work):
    page = _page(make_user(Role.BOARD_MEMBER))
    assert "Overdue actions" in page and "Audit health referrals" in page
    assert "Delivery plan: off track" in page
    assert "1a. Early help assessments on time" in page and "Going well" not in page
    assert "Returns from every agency" not in page


@pytest.mark.django_db
def test_the_scrutineer_sees_what_the_board_sees(make_user, work):
    page = _page(make_user(Role.SCRUTINEER))
    assert "Overdue actions" in page and "Audit health referrals" in page
    assert "Delivery plan: off track" in page and "1a. Early help assessments on time" in page


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.LADO, Role.CDOP_COORDINATOR, Role.TRAINING_MANAGER])
def test_specialist_roles_are_not_told_they_have_no_role(make_user, role):
    page = _page(make_user(role))
    assert "no role yet" not in page


@pytest.mark.django_db
def test_a_user_without_roles_is_told(make_user):
    assert "no role yet" in _page(make_user())


@pytest.mark.django_db
def test_panel_registry_checks_the_permission_and_skips_none(make_user, monkeypatch):
    monkeypatch.setattr(home_panels, "_PANELS", {})
    home_panels.register_home_panel(
        "lado-test", permission="lado.manage", template=home_panels.PANEL_TEMPLATE,
        context=lambda request: home_panels.panel("lado-test", "LADO things", [], empty="None."),
    )  # fmt: skip
    home_panels.register_home_panel(
        "hidden", permission="partnership.view", template=home_panels.PANEL_TEMPLATE,
        context=lambda request: None,
    )  # fmt: skip
    assert "LADO things" in _page(make_user(Role.LADO))
    assert "LADO things" not in _page(make_user(Role.BOARD_MEMBER))
    with pytest.raises(KeyError):
        home_panels.register_home_panel(
            "bad", permission="no.such", template="x", context=lambda request: None
        )


@pytest.mark.django_db
def test_the_return_schedule_page(admin_user, agency, outsider, work):
    admin = client_for(admin_user)
    page = admin.get("/administration/return-schedule/").content.decode()
    assert "Received" in page and "Late" in page
    bad = admin.post(
        "/administration/return-schedule/",
        {"agency": agency.pk, "format": "ssda903", "period": "2026-27",
         "period_start_day": "1", "period_start_month": "4", "period_start_year": "2026",
         "due_on_day": "1", "due_on_month": "3", "due_on_year": "2026"},
    )  # fmt: skip
    assert bad.status_code == 400
    assert "on or after the period starts" in bad.content.decode()
    ok = admin.post(
        "/administration/return-schedule/",
        {"agency": agency.pk, "format": "ssda903", "period": "2026-27",
         "period_start_day": "1", "period_start_month": "4", "period_start_year": "2026",
         "due_on_day": "30", "due_on_month": "6", "due_on_year": "2027"},
    )  # fmt: skip
    assert ok.status_code == 302
    assert ReturnDue.objects.filter(format="ssda903", period="2026-27").exists()
    from lineofsight.audit.models import AuditLog

    assert AuditLog.objects.filter(verb="return_due.create").exists()
    assert_outsider_refused(outsider, "/administration/return-schedule/")
    assert Section11Return.objects.count() == 0
