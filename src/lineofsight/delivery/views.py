"""Delivery plan pages (thin: selectors read, services write)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone

from lineofsight.actions.selectors import actions_for_source
from lineofsight.delivery import forms, policies, selectors, services
from lineofsight.delivery.models import Plan, Priority, SuccessMeasure
from lineofsight.lib.formviews import form_page
from lineofsight.lib.listing import Export, active_filters, list_response
from lineofsight.lib.pages import (
    Records,
    allowed_page,
    form_view,
    initial_of,
    one_of,
    page_view,
    record_form,
    saving,
)
from lineofsight.partnership.access import SignedInRequest

EXPORT_HEADER = [
    "Plan",
    "Priority",
    "Ref",
    "What we will do",
    "Lead agency",
    "Lead person",
    "Due",
    "RAG",
    "Latest update",
]


@page_view("learning.view")
def plan(request: SignedInRequest) -> HttpResponse:
    """Every plan, and the items across them with filters (CSV/Excel export)."""
    plans = selectors.plans_for(request.user)
    form = forms.ItemFilterForm(request.GET or None, partnership=request.partnership, plans=plans)
    filters = active_filters(form)
    items = selectors.items_for(request.user, **filters)

    def rows() -> Any:
        for item in items.prefetch_related("updates"):
            latest = item.updates.all()[:1]
            yield [
                str(item.priority.plan),
                f"{item.priority.number}. {item.priority.title}",
                item.reference,
                item.text,
                str(item.lead_agency or ""),
                item.lead_person,
                item.due_date,
                item.get_rag_display(),
                latest[0].note if latest else "",
            ]

    return list_response(
        request,
        "delivery/plan.html",
        form=form,
        rows=items,
        export=Export("Delivery plan", EXPORT_HEADER, rows),
        per_page=None,
        context={
            "plans": plans,
            "items": items,
            "filtered": bool(filters),
            "allowed": policies.allowed(request.user),
        },
    )


@page_view("learning.view")
def plan_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    try:
        plan_ = selectors.plan_detail(request.user, pk)
    except Plan.DoesNotExist:
        raise Http404 from None
    figures = {}
    for priority in plan_.priority_list:  # type: ignore[attr-defined]  # a row decorated for the template
        for measure in priority.measures.all():
            figures[measure.pk] = selectors.live_figure(plan_.partnership, measure.indicator_id)
    return allowed_page(
        request,
        "delivery/plan_detail.html",
        policies.allowed,
        plan=plan_,
        figures=figures,
        indicator_title=selectors.indicator_title,
    )


@form_view("learning.manage")
def plan_create(request: SignedInRequest) -> HttpResponse:
    form = forms.PlanForm(request.POST or None)
    return form_page(
        request,
        form,
        saving(request, services.create_plan, partnership=request.partnership),
        title="Add a delivery plan",
        back_url=reverse("delivery:plan"),
    )


@form_view("learning.manage")
def plan_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    plan_ = get_object_or_404(selectors.plans_for(request.user), pk=pk)
    form = forms.EditPlanForm(
        request.POST or None,
        initial=initial_of(plan_, ("title", "starts", "ends")),
    )
    save = saving(request, services.update, instance=plan_, versioned=True)
    return record_form(request, plan_, form, save, title=f"Change {plan_.title}")


def _priority(request: HttpRequest, pk: int) -> Priority:
    return get_object_or_404(
        Priority.objects.filter(plan__in=selectors.plans_for(request.user)), pk=pk
    )


def _actions(record: Any) -> list[Any]:
    return list(actions_for_source(record))


@form_view("learning.manage")
def priority_create(request: SignedInRequest, pk: int) -> HttpResponse:
    plan_ = get_object_or_404(selectors.plans_for(request.user), pk=pk)
    next_number = (plan_.priorities.count() or 0) + 1
    form = forms.PriorityForm(request.POST or None, initial={"number": next_number})
    return form_page(
        request,
        form,
        saving(request, services.add_priority, plan=plan_),
        title="Add a priority",
        caption=plan_.title,
        back_url=plan_.get_absolute_url(),
    )


@form_view("learning.manage")
def priority_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    priority = _priority(request, pk)
    form = forms.EditPriorityForm(
        request.POST or None,
        initial=initial_of(priority, ("number", "title", "lead")),
    )
    save = saving(request, services.update, instance=priority, versioned=True)
    title = f"Change priority {priority.number}"
    return record_form(request, priority, form, save, title=title, caption=priority.plan.title)


@form_view("learning.manage")
def item_create(request: SignedInRequest, pk: int) -> HttpResponse:
    priority = _priority(request, pk)
    reference = "abcdefghijklmnopqrstuvwxyz"[min(priority.items.count(), 25)]
    form = forms.ItemForm(
        request.POST or None,
        partnership=priority.plan.partnership,
        initial={"reference": reference},
    )
    return form_page(
        request,
        form,
        saving(request, services.add_item, priority=priority),
        title="Add what we will do",
        caption=str(priority),
        back_url=priority.get_absolute_url(),
    )


ITEMS = Records(one_of(selectors.items_for), "item", policies.allowed)
item_detail = ITEMS.page(
    "learning.view", "delivery/item.html", updates=selectors.updates_for, actions=_actions
)


@form_view("learning.manage")
def item_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    item = ITEMS.found(request, pk)
    form = forms.EditItemForm(
        request.POST or None,
        partnership=item.priority.plan.partnership,
        initial={
            **initial_of(item, ("reference", "text", "lead_person", "due_date")),
            "lead_agency": item.lead_agency_id,
        },
    )
    save = saving(request, services.update, instance=item, versioned=True)
    title = "Change what we will do"
    return record_form(request, item, form, save, title=title, caption=str(item.priority))


@form_view("learning.view")
def item_progress(request: SignedInRequest, pk: int) -> HttpResponse:
    item = ITEMS.found(request, pk)
    if not policies.can_report_progress(request.user, item):
        raise PermissionDenied("Only the partnership or the item's lead agency report progress")
    form = forms.ProgressForm(
        request.POST or None,
        initial={"rag": item.rag, "on": timezone.localdate(), "version": item.version},
    )
    save = saving(request, services.add_progress, item=item, versioned=True)
    return record_form(request, item, form, save, title="Report progress", caption=str(item))


@form_view("learning.manage")
def measure_create(request: SignedInRequest, pk: int) -> HttpResponse:
    priority = _priority(request, pk)
    form = forms.MeasureForm(request.POST or None)
    save = saving(request, services.add_measure, priority=priority)
    title = "Add what success looks like"
    return record_form(request, priority, form, save, title=title, caption=str(priority))


@form_view("learning.manage")
def measure_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    measure = get_object_or_404(
        SuccessMeasure.objects.filter(priority__plan__in=selectors.plans_for(request.user)),
        pk=pk,
    )
    form = forms.EditMeasureForm(
        request.POST or None,
        initial=initial_of(measure, ("text", "indicator_id", "target")),
    )
    save = saving(request, services.update, instance=measure, versioned=True)
    priority = measure.priority
    title = "Change what success looks like"
    return record_form(request, priority, form, save, title=title, caption=str(priority))
