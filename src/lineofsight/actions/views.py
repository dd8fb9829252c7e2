"""Action tracker pages: list with filters and export, per-agency due views, board summary,
detail with its timeline, add-update, close-with-evidence, create and edit."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from lineofsight.actions import selectors, services
from lineofsight.actions.forms import (
    ActionFilterForm,
    ActionForm,
    ActionUpdateForm,
    CloseActionForm,
    EditActionForm,
)
from lineofsight.actions.models import Action
from lineofsight.lib.exports import export_response
from lineofsight.lib.versioning import EditConflict
from lineofsight.partnership.access import requires
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
            action.get_source_display(),
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


def _pagination(page: Any, query: str) -> dict[str, Any] | None:
    """govukPagination parameters for a Django page (None when there is only one page)."""
    if page.paginator.num_pages < 2:
        return None
    prefix = f"?{query}&page=" if query else "?page="
    params: dict[str, Any] = {
        "items": [
            {"number": n, "href": f"{prefix}{n}", "current": n == page.number}
            for n in page.paginator.page_range
        ]
    }
    if page.has_previous():
        params["previous"] = {"href": f"{prefix}{page.previous_page_number()}"}
    if page.has_next():
        params["next"] = {"href": f"{prefix}{page.next_page_number()}"}
    return params


def _form_error(form: Any, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for name, errors in exc.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


@requires("learning.view")
@require_GET
def action_list(request: HttpRequest) -> HttpResponse:
    form = ActionFilterForm(request.GET or None)
    filters = form.filters() if request.GET else {}
    rows = selectors.actions_for(request.user, **filters)
    export = request.GET.get("export")
    if export in ("csv", "xlsx"):
        return export_response(export, "actions", EXPORT_HEADER, _export_rows(rows))
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("export", None)
    return render(
        request,
        "actions/list.html",
        {
            "form": form,
            "page": page,
            "count": page.paginator.count,
            "query": query.urlencode(),
            "today": timezone.localdate(),
            "filtered": any(v for v in filters.values()),
            "pagination": _pagination(page, query.urlencode()),
        },
    )


@requires("learning.view")
@require_GET
def agency_due(request: HttpRequest, pk: int) -> HttpResponse:
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


@requires("learning.view")
@require_GET
def board_summary(request: HttpRequest) -> HttpResponse:
    summary = selectors.board_summary(request.user)
    return render(request, "actions/summary.html", {"summary": summary, "today": summary.today})


@requires("learning.view")
@require_GET
def action_detail(request: HttpRequest, pk: int) -> HttpResponse:
    action = get_object_or_404(selectors.actions_for(request.user), pk=pk)
    source = action.source_object()
    source_url = getattr(source, "get_absolute_url", None)
    return render(
        request,
        "actions/detail.html",
        {
            "action": action,
            "updates": action.updates.select_related("author").order_by("-at", "-pk"),
            "can_update": services.can_update(request.user, action),
            "source_url": source_url() if callable(source_url) else None,
            "today": timezone.localdate(),
        },
    )


def _conflict(request: HttpRequest, form: Any, exc: EditConflict) -> None:
    form.add_error(None, str(exc))


@requires("actions.update")
@require_http_methods(["GET", "POST"])
def add_update(request: HttpRequest, pk: int) -> HttpResponse:
    action = get_object_or_404(selectors.actions_for(request.user), pk=pk)
    if not services.can_update(request.user, action):
        raise PermissionDenied("Not this agency's action")
    initial = {"version": action.version, "status": action.status}
    if action.status == Action.Status.CLOSED:
        initial["status"] = Action.Status.COMPLETED
    form = ActionUpdateForm(request.POST or None, initial=initial)
    status_code = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.add_update(
                actor=request.user,
                action=action,
                expected_version=data["version"],
                text=data["text"],
                evidence=data["evidence"],
                status=data["status"],
            )
        except EditConflict as exc:
            _conflict(request, form, exc)
            status_code = 409
        except ValidationError as exc:
            _form_error(form, exc)
        else:
            messages.success(request, "Update added")
            return redirect("actions:detail", pk=action.pk)
    return render(
        request, "actions/update.html", {"action": action, "form": form}, status=status_code
    )


@requires("actions.update")
@require_http_methods(["GET", "POST"])
def close(request: HttpRequest, pk: int) -> HttpResponse:
    action = get_object_or_404(selectors.actions_for(request.user), pk=pk)
    if not services.can_update(request.user, action):
        raise PermissionDenied("Not this agency's action")
    if action.status in Action.FINISHED:
        messages.info(request, f"This action is already {action.get_status_display().lower()}.")
        return redirect("actions:detail", pk=action.pk)
    form = CloseActionForm(request.POST or None, initial={"version": action.version})
    status_code = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.close_action(
                actor=request.user,
                action=action,
                expected_version=form.cleaned_data["version"],
                impact_evidence=form.cleaned_data["impact_evidence"],
            )
        except EditConflict as exc:
            _conflict(request, form, exc)
            status_code = 409
        except ValidationError as exc:
            _form_error(form, exc)
        else:
            messages.success(request, "Action closed with evidence of impact")
            return redirect("actions:detail", pk=action.pk)
    return render(
        request, "actions/close.html", {"action": action, "form": form}, status=status_code
    )


@requires("learning.manage")
@require_http_methods(["GET", "POST"])
def create(request: HttpRequest) -> HttpResponse:
    form = ActionForm(request.POST or None, initial={"source": Action.Source.BOARD})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            action = services.create_action(
                actor=request.user,
                title=data["title"],
                description=data["description"],
                source=data["source"],
                source_label=data["source_label"],
                owner_agency=data["owner_agency"],
                owner_person=data["owner_person"],
                due_date=data["due_date"],
                themes=list(data["themes"]),
            )
        except ValidationError as exc:
            _form_error(form, exc)
        else:
            messages.success(request, "Action added")
            return redirect("actions:detail", pk=action.pk)
    return render(request, "actions/form.html", {"form": form, "action": None})


@requires("learning.manage")
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    action = get_object_or_404(selectors.actions_for(request.user), pk=pk)
    initial = {
        "version": action.version,
        "title": action.title,
        "description": action.description,
        "owner_agency": action.owner_agency,
        "owner_person": action.owner_person,
        "due_date": action.due_date,
        "themes": list(action.themes.all()),
    }
    form = EditActionForm(request.POST or None, initial=initial)
    status_code = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.edit_action(
                actor=request.user,
                action=action,
                expected_version=data["version"],
                title=data["title"],
                description=data["description"],
                owner_agency=data["owner_agency"],
                owner_person=data["owner_person"],
                due_date=data["due_date"],
                themes=list(data["themes"]),
            )
        except EditConflict as exc:
            _conflict(request, form, exc)
            status_code = 409
        except ValidationError as exc:
            _form_error(form, exc)
        else:
            messages.success(request, "Action changed")
            return redirect("actions:detail", pk=action.pk)
    return render(
        request, "actions/form.html", {"form": form, "action": action}, status=status_code
    )
