from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from lineofsight.audit.forms import AuditSearchForm
from lineofsight.audit.selectors import search_audit_log
from lineofsight.partnership.access import requires


@requires("audit.view")
@require_GET
def search(request: HttpRequest) -> HttpResponse:
    form = AuditSearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    rows = search_audit_log(request.user, **{k: v for k, v in filters.items() if v})
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(request, "audit/search.html", {"form": form, "page": page})
