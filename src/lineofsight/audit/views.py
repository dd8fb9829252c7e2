from __future__ import annotations

from django.http import HttpResponse

from lineofsight.accounts.policies import may_reset_two_factor
from lineofsight.audit import presentation
from lineofsight.audit.forms import AuditSearchForm
from lineofsight.audit.selectors import search_audit_log
from lineofsight.lib.listing import Export, active_filters, list_response
from lineofsight.lib.pages import page_view
from lineofsight.partnership.access import SignedInRequest


@page_view("audit.view")
def search(request: SignedInRequest) -> HttpResponse:
    form = AuditSearchForm(request.GET or None)
    rows = search_audit_log(request.user, **active_filters(form))
    return list_response(
        request,
        "audit/search.html",
        form=form,
        rows=rows,
        export=Export(
            "Audit log",
            presentation.EXPORT_HEADER,
            lambda: presentation.export_rows(rows, request.user),
        ),
        context={
            "describe": lambda row: presentation.entry(row, request.user),
            "allowed": {"reset_two_factor": may_reset_two_factor(request.user)},
        },
    )
