"""List pages: filter form values, CSV/Excel export of the filtered rows, and pagination.

A list view selects its rows with ``active_filters(form)`` and hands them to ``list_response``,
which answers ``?<param>=csv|xlsx`` with a download (``lib.exports``) and otherwise renders the
template with the page of rows::

    form = AuditFilterForm(request.GET or None)
    rows = selectors.audits_for(request.user, **active_filters(form))
    return list_response(request, "assurance/audits.html", form=form, rows=rows,
                         export=Export("Multi-agency audits", HEADER, lambda: ...))
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from lineofsight.lib.exports import export_response

EXPORT_FORMATS = ("csv", "xlsx")
# the download links of a page whose download does not follow its query (the whole record)
PLAIN_EXPORT_LINKS = {f: f"?format={f}" for f in EXPORT_FORMATS}
PAGE_SIZE = 50


@dataclass(frozen=True)
class Export:
    """What a list downloads: the file name, the header row and (lazily) the rows."""

    name: str
    header: Sequence[str]
    rows: Callable[[], Iterable[Sequence[Any]]]


def active_filters(form: forms.Form) -> dict[str, Any]:
    """The filters a bound, valid filter form sets (empty values left out); else none."""
    if not (form.is_bound and form.is_valid()):
        return {}
    return {name: value for name, value in form.cleaned_data.items() if value}


def query_without(request: HttpRequest, *names: str) -> str:
    """The request's query string without ``names`` (to build page and export links on)."""
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()


def export_if_asked(
    request: HttpRequest, export: Export, *, param: str = "format"
) -> HttpResponse | None:
    """The download when ``?<param>=csv`` or ``xlsx`` is asked for, else ``None``."""
    export_format = request.GET.get(param, "")
    if export_format in EXPORT_FORMATS:
        return export_response(export_format, export.name, export.header, export.rows())
    return None


def export_links(request: HttpRequest, *, param: str = "format") -> dict[str, str]:
    """``{"csv": "?...&format=csv", "xlsx": ...}``: this list (any page) as a download."""
    params = request.GET.copy()
    params.pop("page", None)
    links = {}
    for export_format in EXPORT_FORMATS:
        params[param] = export_format
        links[export_format] = "?" + params.urlencode()
    return links


def govuk_pagination(page: Page, query: str) -> dict[str, Any] | None:
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


def list_response(
    request: HttpRequest,
    template: str,
    *,
    form: forms.Form,
    rows: Any,
    export: Export,
    param: str = "format",
    per_page: int | None = PAGE_SIZE,
    context: dict[str, Any] | None = None,
) -> HttpResponse:
    """The export if asked for; else ``template`` with ``form``, ``exports`` (download links),
    ``query`` (this query string without the page and export parameters) and, unless
    ``per_page`` is None, ``page``, ``count`` and ``pagination`` (govukPagination); ``context``
    adds to (or overrides) these."""
    exported = export_if_asked(request, export, param=param)
    if exported is not None:
        return exported
    dropped = (param, "page") if per_page else (param,)
    query = query_without(request, *dropped)
    values: dict[str, Any] = {
        "form": form,
        "exports": export_links(request, param=param),
        "query": query,
    }
    if per_page:
        page = Paginator(rows, per_page).get_page(request.GET.get("page"))
        values.update(
            page=page, count=page.paginator.count, pagination=govuk_pagination(page, query)
        )
    values.update(context or {})
    return render(request, template, values)
