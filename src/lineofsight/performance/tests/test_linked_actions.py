"""Each indicator page lists the actions raised from it and the delivery plans' success
measures tied to it, and offers "raise an action" to those who may (ADR 0024)."""

import datetime as dt

import pytest

from lineofsight.actions.models import Action
from lineofsight.actions.services import raise_action
from lineofsight.audit.models import AuditLog
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.roles import Role
from lineofsight.performance.action_services import TRACK, track_indicator
from lineofsight.performance.models import TrackedIndicator
from lineofsight.testing.access import assert_outsider_refused
from lineofsight.testing.fixtures import client_for


@pytest.mark.django_db
def test_outsider_refused_raising_an_action_from_an_indicator(outsider, partnership):
    assert_outsider_refused(outsider, "/performance/rereferral_pct/raise-action/", method="post")
    tracked = track_indicator(actor=SYSTEM, partnership=partnership, indicator_id="rereferral_pct")
    assert_outsider_refused(outsider, f"/actions/raise/indicator/{tracked.pk}/")


@pytest.mark.django_db
def test_the_business_manager_raises_an_action_from_an_indicator(make_user, partnership, agency):
    manager = client_for(make_user(Role.PARTNERSHIP_ADMIN))
    page = manager.get("/performance/rereferral_pct/").content.decode()
    assert "What is being done" in page and "No action has been raised" in page
    assert "Raise an action" in page
    response = manager.post("/performance/rereferral_pct/raise-action/")
    tracked = TrackedIndicator.objects.get(partnership=partnership, indicator_id="rereferral_pct")
    assert response.status_code == 302
    assert response["Location"] == f"/actions/raise/indicator/{tracked.pk}/"
    assert AuditLog.objects.filter(verb=TRACK).count() == 1
    form = manager.get(response["Location"]).content.decode()
    assert "Raise an action from this indicator" in form
    assert "Improve: Re-referrals within 12 months" in form  # the suggested title
    raised = manager.post(
        response["Location"],
        {
            "title": "Audit re-referrals of children closed with no further action",
            "owner_agency": agency.pk,
            "due_date_day": "30",
            "due_date_month": "9",
            "due_date_year": str(dt.date.today().year + 1),
        },
    )
    assert raised.status_code == 302, raised.content.decode()[:2000]
    action = Action.objects.get()
    assert action.source == "indicator"
    assert action.source_label == "Indicator: Re-referrals within 12 months"
    # raising again reuses the same record: one per partnership and indicator, one audit row
    manager.post("/performance/rereferral_pct/raise-action/")
    assert (
        TrackedIndicator.objects.count() == 1 and AuditLog.objects.filter(verb=TRACK).count() == 1
    )


@pytest.mark.django_db
def test_a_board_member_reads_the_actions_of_an_indicator_but_raises_none(
    make_user, partnership, agency
):
    tracked = track_indicator(actor=SYSTEM, partnership=partnership, indicator_id="rereferral_pct")
    raise_action(
        actor=SYSTEM,
        record=tracked,
        owner_agency=agency,
        title="Review the front door's threshold decisions",
        due_date=dt.date(2030, 1, 31),
    )
    other = track_indicator(actor=SYSTEM, partnership=partnership, indicator_id="contacts")
    raise_action(
        actor=SYSTEM,
        record=other,
        owner_agency=agency,
        title="Not this one",
        due_date=dt.date(2030, 1, 31),
    )
    board = client_for(make_user(Role.BOARD_MEMBER))
    page = board.get("/performance/rereferral_pct/").content.decode()
    assert "Review the front door&#39;s threshold decisions" in page
    assert "Test Police" in page and "31 January 2030" in page
    assert "Not this one" not in page
    action = Action.objects.get(title__startswith="Review")
    assert f'href="/actions/{action.pk}/"' in page  # board members may open the tracker
    assert "Raise an action" not in page
    assert board.post("/performance/rereferral_pct/raise-action/").status_code == 403


@pytest.mark.django_db
def test_the_delivery_plans_success_measures_show_on_the_indicator_page(make_user, partnership):
    from lineofsight.delivery.models import Plan, Priority, SuccessMeasure

    plan = Plan.objects.create(
        partnership=partnership,
        title="Business plan 2021-23",
        starts=dt.date(2021, 4, 1),
        ends=dt.date(2023, 3, 31),
    )
    priority = Priority.objects.create(plan=plan, number=2, title="The front door")
    SuccessMeasure.objects.create(
        priority=priority,
        text="Fewer children referred again",
        indicator_id="rereferral_pct",
        target="below 22%",
    )
    SuccessMeasure.objects.create(priority=priority, text="Unrelated", indicator_id="contacts")
    agency_lead = client_for(make_user(Role.AGENCY_LEAD))
    page = agency_lead.get("/performance/rereferral_pct/").content.decode()
    assert "Business plan 2021-23, priority 2: Fewer children referred again" in page
    assert "(target: below 22%)" in page and "Unrelated" not in page
