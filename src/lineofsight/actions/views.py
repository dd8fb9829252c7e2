"""Action tracker pages: list with filters and export, per-agency due views, board summary,
detail with its timeline, add-update, close-with-evidence, create and edit."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from lineofsight.actions import policies, selectors, services
from lineofsight.actions.forms import (
    ActionFilterForm,
    ActionForm,
    ActionUpdateForm,
    CloseActionForm,
    EditActionForm,
    RaiseActionForm,
)
from lineofsight.actions.models import Action
from lineofsight.actions.sources import action_source, link_to
from lineofsight.lib.formviews import render_form_page, submit
from lineofsight.lib.listing import Export, list_response
from lineofsight.lib.pages import form_view, initial_of, own_form_page, page_view, saving
from lineofsight.partnership.access import SignedInRequest, has_permission, signed_in
from lineofsight.partnership.models import Agency

PAGE_SIZE = 50
EXPORT_HEADER = [
    "Reference",
    "Action",
    "Source",
    "Source reference",
    "Owner agency",
    "Owner",
    "Due date",
    "Status",
    "Days overdue",
    "Learning themes",
    "Created",
    "Closed",
    "Evidence of impact",
    "Latest update",
]


def _export_rows(rows: Any) -> Any:
    today = timezone.localdate()
    for action in rows.prefetch_related("updates"):
        updates = list(action.updates.all())
        yield [
            f"A{action.pk}",
            action.title,
            action.source_name,
            action.source_label,
            action.owner_agency.name,
            action.owner_person,
            action.due_date,
            action.get_status_display(),
            action.days_overdue(today) or "",
            "; ".join(t.name for t in action.themes.all()),
            timezone.localtime(action.created_at).date(),
            timezone.localtime(action.closed_at).date() if action.closed_at else "",
            action.impact_evidence,
            updates[-1].text if updates else "",
        ]


def _page(action: Action) -> str:
    return reverse("actions:detail", args=[action.pk])


def _updatable(request: SignedInRequest, pk: int) -> Action:
    """The action ``pk`` when the signed-in person may update it (its agency's), else refused."""
    action = get_object_or_404(selectors.actions_for(request.user), pk=pk)
    if not policies.can_update_action(request.user, action):
        raise PermissionDenied("Not this agency's action")
    return action


def _action_form(
    request: SignedInRequest, template: str, form: Any, save: Any, *, message: str, action: Action
) -> HttpResponse:
    """A form page about ``action`` on its own ``template``: back to the action once saved."""
    return own_form_page(
        request, template, form, save, message=message, then=_page(action), action=action
    )


@page_view("learning.view")
def action_list(request: SignedInRequest) -> HttpResponse:
    form = ActionFilterForm(request.GET or None)
    filters = form.filters() if request.GET else {}
    rows = selectors.actions_for(request.user, **filters)
    return list_response(
        request,
        "actions/list.html",
        form=form,
        rows=rows,
        export=Export("actions", EXPORT_HEADER, lambda: _export_rows(rows)),
        param="export",
        per_page=PAGE_SIZE,
        context={
            "today": timezone.localdate(),
            "filtered": any(v for v in filters.values()),
            "allowed": policies.allowed(request.user),
        },
    )


@page_view("learning.view")
def agency_due(request: SignedInRequest, pk: int) -> HttpResponse:
    agency = get_object_or_404(Agency, pk=pk)
    today = timezone.localdate()
    return render(
        request,
        "actions/agency.html",
        {
            "agency": agency,
            "overdue": selectors.overdue(request.user, today=today).filter(owner_agency=agency),
            "due_soon": selectors.due_soon(request.user, today=today).filter(owner_agency=agency),
            "days": selectors.DUE_SOON_DAYS,
            "today": today,
        },
    )


@page_view("learning.view")
def board_summary(request: SignedInRequest) -> HttpResponse:
    summary = selectors.board_summary(request.user)
    return render(request, "actions/summary.html", {"summary": summary, "today": summary.today})


@page_view("learning.view")
def action_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    action = get_object_or_404(selectors.actions_for(request.user), pk=pk)
    record = action.source_object()
    source_url = link_to(record, request.user)
    return render(
        request,
        "actions/detail.html",
        {
            "action": action,
            "updates": action.updates.select_related("author").order_by("-at", "-pk"),
            "allowed": policies.allowed(request.user, action),
            "source_url": source_url or None,
            "today": timezone.localdate(),
        },
    )


@form_view("actions.update")
def add_update(request: SignedInRequest, pk: int) -> HttpResponse:
    action = _updatable(request, pk)
    initial = {"version": action.version, "status": action.status}
    if action.status == Action.Status.CLOSED:
        initial["status"] = Action.Status.COMPLETED
    form = ActionUpdateForm(request.POST or None, initial=initial)
    save = saving(request, services.add_update, action=action, versioned=True)
    return _action_form(
        request, "actions/update.html", form, save, message="Update added", action=action
    )


@form_view("actions.update")
def close(request: SignedInRequest, pk: int) -> HttpResponse:
    action = _updatable(request, pk)
    if action.status in Action.FINISHED:
        messages.info(request, f"This action is already {action.get_status_display().lower()}.")
        return redirect("actions:detail", pk=action.pk)
    form = CloseActionForm(request.POST or None, initial={"version": action.version})
    save = saving(request, services.close_action, action=action, versioned=True)
    message = "Action closed with evidence of impact"
    return _action_form(request, "actions/close.html", form, save, message=message, action=action)


@form_view("learning.manage")
def create(request: SignedInRequest) -> HttpResponse:
    return own_form_page(
        request,
        "actions/form.html",
        ActionForm(request.POST or None, initial={"source": "board"}),
        saving(request, services.create_action),
        message="Action added",
        then=_page,
        action=None,
    )


@form_view("learning.manage")
def edit(request: SignedInRequest, pk: int) -> HttpResponse:
    action = get_object_or_404(selectors.actions_for(request.user), pk=pk)
    names = ("title", "description", "owner_agency", "owner_person", "due_date")
    initial = initial_of(action, names, many=["themes"])
    form = EditActionForm(request.POST or None, initial=initial)
    save = saving(request, services.edit_action, action=action, versioned=True)
    return _action_form(
        request, "actions/form.html", form, save, message="Action changed", action=action
    )


@signed_in
@require_http_methods(["GET", "POST"])
def raise_action(request: SignedInRequest, source: str, **lookup: Any) -> HttpResponse:
    """Raise an action from a record of any registered source (``actions.sources``).

    Who may reach the page is the source's ``permission`` (``learning.manage`` for the learning
    apps, ``cdop.manage`` for child death reviews...), refused with 403 before the record is
    looked up; ``source.find(request, **lookup)`` fetches the record through its app's scoped
    selector (404 for a record the person may not see); the service checks the permission too.
    Once raised, the person goes to the action, or back to the record if they may not open the
    action tracker.
    """
    try:
        registered = action_source(source)
    except ValidationError:
        raise Http404("Unknown action source") from None
    if not has_permission(request.user, registered.permission):
        raise PermissionDenied(registered.permission)
    if registered.find is None:
        raise Http404("Actions are not raised from a record of this source")
    record = registered.find(request, **lookup)
    form = RaiseActionForm(
        request.POST or None,
        partnership=registered.partnership(record),
        initial=registered.initial(record),
    )
    outcome = submit(
        request,
        form,
        saving(request, services.raise_action, record=record),
    )
    if outcome.saved:
        messages.success(request, f"Action A{outcome.result.pk} raised")
        if has_permission(request.user, "learning.view"):
            return redirect("actions:detail", outcome.result.pk)
        return redirect(registered.link(record))
    return render_form_page(
        request,
        form,
        title=registered.page_title,
        caption=registered.describe(record),
        intro=registered.intro(record),
        back_url=registered.link(record),
        status=outcome.status,
        submit="Raise the action",
    )
