import datetime as dt

import pytest
from django.urls import reverse

from lineofsight.delivery import services
from lineofsight.delivery.models import PlanItem
from lineofsight.lib.routes import pages
from lineofsight.partnership.roles import Role
from lineofsight.performance.models import ComputeRun, IndicatorResult
from lineofsight.testing.access import assert_outsider_refused
from lineofsight.testing.fixtures import client_for


@pytest.fixture
def measure(priority, manager):
    return services.add_measure(
        actor=manager, priority=priority, text="Fewer re-referrals", indicator_id="rereferral_pct"
    )


def urls(plan, priority, item, measure):
    return [
        (reverse("delivery:plan"), "get"),
        (reverse("delivery:plan_create"), "post"),
        (reverse("delivery:plan_detail", args=[plan.pk]), "get"),
        (reverse("delivery:plan_edit", args=[plan.pk]), "post"),
        (reverse("delivery:priority_create", args=[plan.pk]), "post"),
        (reverse("delivery:priority_edit", args=[priority.pk]), "post"),
        (reverse("delivery:item_create", args=[priority.pk]), "post"),
        (reverse("delivery:measure_create", args=[priority.pk]), "post"),
        (reverse("delivery:measure_edit", args=[measure.pk]), "post"),
        (reverse("delivery:item", args=[item.pk]), "get"),
        (reverse("delivery:item_edit", args=[item.pk]), "post"),
        (reverse("delivery:item_progress", args=[item.pk]), "post"),
        (reverse("delivery:item_action", args=[item.pk]), "post"),
    ]


@pytest.mark.django_db
def test_every_delivery_page_refuses_outsiders_and_renders_for_managers(
    plan, priority, item, measure, outsider, manager
):
    from lineofsight.delivery import urls as delivery_urls

    listed = urls(plan, priority, item, measure)
    assert len(listed) == len(list(pages(delivery_urls.urlpatterns)))
    client = client_for(manager)
    for url, method in listed:
        assert_outsider_refused(outsider, url, method)
        assert client.get(url).status_code == 200, url


@pytest.mark.django_db
def test_plan_page_shows_the_live_figure(plan, measure, manager, partnership):
    url = reverse("delivery:plan_detail", args=[plan.pk])
    assert "no figure computed yet" in client_for(manager).get(url).content.decode()
    run = ComputeRun.objects.create(partnership=partnership)
    IndicatorResult.objects.create(
        partnership=partnership,
        indicator_id="rereferral_pct",
        period_type="year",
        period_label="2020-21",
        period_start=dt.date(2020, 4, 1),
        period_end=dt.date(2021, 3, 31),
        value=23.4,
        run=run,
    )
    page = client_for(manager).get(url).content.decode()
    assert "<strong>23.4</strong> in 2020-21" in page
    # the indicator by its title, linked to its page; never its id
    assert 'href="/performance/rereferral_pct/">Re-referrals within 12 months</a>' in page
    assert ">rereferral_pct" not in page and "Indicator rereferral_pct" not in page


@pytest.mark.django_db
def test_lead_agency_reports_progress_others_cannot(item, make_user, agency, other_agency):
    lead = make_user(Role.AGENCY_LEAD, agency_=agency)
    url = reverse("delivery:item_progress", args=[item.pk])
    data = {
        "rag": "amber",
        "note": "Started",
        "on_day": "1",
        "on_month": "7",
        "on_year": "2021",
        "version": "1",
    }
    assert client_for(lead).post(url, data).status_code == 302
    assert PlanItem.objects.get(pk=item.pk).rag == "amber"
    other = make_user(Role.AGENCY_LEAD, agency_=other_agency)
    assert client_for(other).post(url, {**data, "version": "2"}).status_code == 403
    stale = client_for(lead).post(url, {**data, "rag": "red"})
    assert stale.status_code == 409 and "changed by someone else" in stale.content.decode()
    assert PlanItem.objects.get(pk=item.pk).rag == "amber"


@pytest.mark.django_db
def test_items_filter_and_export(item, manager, plan):
    client = client_for(manager)
    assert (
        "Graded Care Profile"
        in client.get(reverse("delivery:plan"), {"rag": "none"}).content.decode()
    )
    assert (
        "Graded Care Profile"
        not in client.get(reverse("delivery:plan"), {"rag": "red"}).content.decode()
    )
    csv = client.get(reverse("delivery:plan"), {"format": "csv"}).content.decode("utf-8-sig")
    assert csv.splitlines()[0].startswith("Plan,Priority,Ref,What we will do")
    assert "Implement the Graded Care Profile" in csv


@pytest.mark.django_db
def test_plan_names_the_indicator_without_a_link_for_those_who_cannot_open_it(
    plan, measure, make_user
):
    from lineofsight.partnership.roles import Role

    training = client_for(make_user(Role.TRAINING_MANAGER))
    page = training.get(reverse("delivery:plan_detail", args=[plan.pk])).content.decode()
    assert "Re-referrals within 12 months" in page
    assert "/performance/rereferral_pct/" not in page
