import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from lineofsight.actions import services as action_services
from lineofsight.actions.selectors import actions_for_source
from lineofsight.audit.models import AuditLog
from lineofsight.delivery import selectors, services, verbs
from lineofsight.delivery.models import Plan, PlanItem
from lineofsight.lib.versioning import EditConflict
from lineofsight.partnership.roles import Role
from lineofsight.performance.models import ComputeRun, IndicatorResult


@pytest.mark.django_db
def test_plan_structure_is_audited(plan, priority, item, manager):
    assert (
        AuditLog.objects.filter(
            verb__in=[verbs.PLAN_CREATE, verbs.PRIORITY_CREATE, verbs.ITEM_CREATE], actor=manager
        ).count()
        == 3
    )
    detail = selectors.plan_detail(manager, plan.pk)
    assert detail.priority_list == [priority]
    assert list(detail.priority_list[0].items.all()) == [item]


@pytest.mark.django_db
def test_a_plan_must_end_after_it_starts(partnership, manager):
    count = AuditLog.objects.count()
    with pytest.raises(ValidationError):
        services.create_plan(
            actor=manager,
            partnership=partnership,
            title="x",
            starts=dt.date(2021, 4, 1),
            ends=dt.date(2021, 1, 1),
        )
    assert not Plan.objects.exists() and AuditLog.objects.count() == count


@pytest.mark.django_db
def test_edits_are_locked(item, manager):
    stale = PlanItem.objects.get(pk=item.pk)
    services.update(actor=manager, instance=item, expected_version=1, text="Implement GCP2")
    row = AuditLog.objects.get(verb=verbs.ITEM_UPDATE)
    assert row.before["text"] == "Implement the Graded Care Profile"
    with pytest.raises(EditConflict):
        services.update(actor=manager, instance=stale, expected_version=1, text="Lost")
    assert PlanItem.objects.get(pk=item.pk).text == "Implement GCP2"


@pytest.mark.django_db
def test_progress_sets_the_latest_rag_and_only_the_lead_agency_or_managers_report(
    item, manager, make_user, agency, other_agency
):
    lead = make_user(Role.AGENCY_LEAD, agency_=agency)
    other = make_user(Role.AGENCY_LEAD, agency_=other_agency)
    services.add_progress(
        actor=lead,
        item=item,
        expected_version=1,
        rag="amber",
        note="Training booked",
        on=dt.date(2021, 7, 1),
    )
    item.refresh_from_db()
    assert (item.rag, item.version) == ("amber", 2)
    row = AuditLog.objects.get(verb="plan_item.progress")
    assert row.before["rag"] == "" and row.after["rag"] == "amber"
    with pytest.raises(PermissionDenied):
        services.add_progress(actor=other, item=item, expected_version=2, rag="red", note="x")
    with pytest.raises(EditConflict):
        services.add_progress(actor=manager, item=item, expected_version=1, rag="red", note="x")
    assert item.updates.count() == 1  # the conflicting update was rolled back
    services.add_progress(
        actor=manager,
        item=item,
        expected_version=2,
        rag="green",
        note="Embedded",
        on=dt.date(2021, 10, 1),
    )
    item.refresh_from_db()
    assert item.rag == "green"
    assert list(selectors.items_for(manager, rag="green")) == [item]
    assert list(selectors.items_for(manager, rag="red")) == []


@pytest.mark.django_db
def test_live_figure_reads_the_latest_stored_result(partnership):
    assert selectors.live_figure(partnership, "rereferral_pct") is None
    run = ComputeRun.objects.create(partnership=partnership)
    for start, value in ((dt.date(2019, 4, 1), 21.0), (dt.date(2020, 4, 1), 24.5)):
        IndicatorResult.objects.create(
            partnership=partnership,
            indicator_id="rereferral_pct",
            period_type="year",
            period_label=f"{start.year}-{start.year % 100 + 1}",
            period_start=start,
            period_end=start.replace(year=start.year + 1),
            value=value,
            run=run,
        )
    IndicatorResult.objects.create(
        partnership=partnership,
        indicator_id="rereferral_pct",
        period_type="year",
        period_label="2020-21",
        period_start=dt.date(2020, 4, 1),
        period_end=dt.date(2021, 4, 1),
        breakdown="police",
        value=99.0,
        run=run,
    )
    figure = selectors.live_figure(partnership, "rereferral_pct")
    assert (figure.value, figure.period_label) == (24.5, "2020-21")


@pytest.mark.django_db
def test_indicator_ids_are_validated(priority, manager):
    with pytest.raises(ValidationError):
        services.add_measure(actor=manager, priority=priority, text="x", indicator_id="Bad id!")
    measure = services.add_measure(
        actor=manager,
        priority=priority,
        text="Fewer re-referrals",
        indicator_id="rereferral_pct",
        target="below 22%",
    )
    assert measure.indicator_id == "rereferral_pct"


@pytest.mark.django_db
def test_an_item_becomes_an_action(item, manager, agency):
    action = action_services.raise_action(
        actor=manager,
        record=item,
        title="Train 200 staff in GCP2",
        owner_agency=agency,
        due_date=dt.date(2022, 3, 31),
    )
    assert action.source == "delivery_plan"
    assert list(actions_for_source(item)) == [action]
    assert action.source_object() == item
