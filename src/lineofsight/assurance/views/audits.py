from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from lineofsight.actions.selectors import actions_for_source
from lineofsight.assurance import forms, policies, selectors
from lineofsight.assurance.models import Audit, AuditCase, Finding
from lineofsight.assurance.services import audits
from lineofsight.lib.formviews import form_page
from lineofsight.lib.listing import Export, active_filters, list_response
from lineofsight.partnership.access import SignedInRequest, requires

EXPORT_HEADER = [
    "Title",
    "Theme",
    "Financial year",
    "Quarter",
    "Lead",
    "Lead agency",
    "Expert",
    "Status",
    "Re-audit of",
    "Cases audited",
    "Summary",
]


def _audit(request: HttpRequest, pk: int) -> Audit:
    return get_object_or_404(selectors.audits_for(request.user), pk=pk)


@requires("learning.view")
@require_GET
def audit_list(request: SignedInRequest) -> HttpResponse:
    form = forms.AuditFilterForm(request.GET or None, years=selectors.audit_years(request.user))
    rows = selectors.audits_for(request.user, **active_filters(form))
    export = Export(
        "Multi-agency audits",
        EXPORT_HEADER,
        lambda: (
            [
                a.title,
                a.theme,
                a.year,
                a.quarter,
                a.lead,
                str(a.lead_agency or ""),
                a.expert,
                a.get_status_display(),
                str(a.original or ""),
                a.case_count,  # type: ignore[attr-defined]  # a row decorated for the template
                a.summary,
            ]
            for a in rows
        ),
    )
    return list_response(
        request,
        "assurance/audits.html",
        form=form,
        rows=rows,
        export=export,
        context={"allowed": policies.allowed(request.user)},
    )


@requires("learning.view")
@require_GET
def audit_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    audit = _audit(request, pk)
    findings = list(audit.findings.prefetch_related("themes"))
    for finding in findings:
        finding.action_list = list(actions_for_source(finding))  # type: ignore[attr-defined]  # a row decorated for the template
    context = {
        "audit": audit,
        "cases": selectors.cases_for(audit),
        "agencies": list(audit.partnership.agencies.order_by("name")),
        "findings": findings,
        "re_audits": list(audit.re_audits.all()),
        "comparison": selectors.comparison(audit),
        "comparison_by_agency": selectors.comparison(audit, by="agency"),
        "allowed": policies.allowed(request.user),
    }
    return render(request, "assurance/audit.html", context)


@requires("learning.manage")
@require_http_methods(["GET", "POST"])
def audit_create(request: SignedInRequest) -> HttpResponse:
    partnership = request.partnership
    initial: dict[str, Any] = {"status": Audit.Status.PLANNED}
    if request.GET.get("original"):
        original = selectors.audits_for(request.user).filter(pk=request.GET["original"]).first()
        if original:
            initial.update(
                original=original.pk,
                theme=original.theme,
                title=f"{original.title} re-audit",
                expert=original.expert,
            )
    form = forms.AuditForm(request.POST or None, partnership=partnership, initial=initial)
    return form_page(
        request,
        form,
        lambda data, _v: audits.create_audit(actor=request.user, partnership=partnership, **data),
        title="Add an audit",
        back_url=reverse("assurance:audits"),
    )


@requires("learning.manage")
@require_http_methods(["GET", "POST"])
def audit_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    audit = _audit(request, pk)
    initial = {name: getattr(audit, name) for name in audits.AUDIT_FIELDS}
    initial.update(
        lead_agency=audit.lead_agency_id,
        original=audit.original_id,
        version=audit.version,
        themes=list(audit.themes.all()),
    )
    form = forms.EditAuditForm(
        request.POST or None, partnership=audit.partnership, exclude_pk=audit.pk, initial=initial
    )
    return form_page(
        request,
        form,
        lambda data, version: audits.update_audit(
            actor=request.user, audit=audit, expected_version=version, **data
        ),
        title=f"Change {audit.title}",
        back_url=audit.get_absolute_url(),
    )


@requires("learning.manage")
@require_http_methods(["GET", "POST"])
def case_create(request: SignedInRequest, pk: int) -> HttpResponse:
    audit = _audit(request, pk)
    form = forms.CaseForm(request.POST or None, partnership=audit.partnership)
    return form_page(
        request,
        form,
        lambda data, _v: audits.add_case(
            actor=request.user,
            audit=audit,
            reference=data["reference"],
            case_type=data["case_type"],
            notes=data["notes"],
            gradings=form.gradings(),
        ),
        title="Add an audited case",
        caption=str(audit),
        back_url=audit.get_absolute_url(),
        intro="Record each agency's grading of its practice in this case.",
        success_url=audit.get_absolute_url(),
    )


@requires("learning.manage")
@require_http_methods(["GET", "POST"])
def case_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    case = get_object_or_404(
        AuditCase.objects.filter(audit__in=selectors.audits_for(request.user)), pk=pk
    )
    initial = {
        "reference": case.reference,
        "case_type": case.case_type,
        "notes": case.notes,
        "version": case.version,
    }
    initial.update({f"grade_{g.agency_id}": g.grade for g in case.gradings.all()})
    form = forms.EditCaseForm(
        request.POST or None, partnership=case.audit.partnership, initial=initial
    )
    return form_page(
        request,
        form,
        lambda data, version: audits.update_case(
            actor=request.user,
            case=case,
            expected_version=version,
            reference=data["reference"],
            case_type=data["case_type"],
            notes=data["notes"],
            gradings=form.gradings(),
        ),
        title=f"Change case {case.reference}",
        caption=str(case.audit),
        back_url=case.audit.get_absolute_url(),
        success_url=case.audit.get_absolute_url(),
    )


@requires("learning.manage")
@require_http_methods(["GET", "POST"])
def finding_create(request: SignedInRequest, pk: int) -> HttpResponse:
    audit = _audit(request, pk)
    form = forms.FindingForm(
        request.POST or None,
        initial={"kind": Finding.Kind.IMPROVEMENT, "themes": list(audit.themes.all())},
    )
    return form_page(
        request,
        form,
        lambda data, _v: audits.add_finding(actor=request.user, audit=audit, **data),
        title="Add a finding",
        caption=str(audit),
        back_url=audit.get_absolute_url(),
        success_url=audit.get_absolute_url(),
    )


def _finding(request: HttpRequest, pk: int) -> Finding:
    return get_object_or_404(
        Finding.objects.filter(audit__in=selectors.audits_for(request.user)), pk=pk
    )


@requires("learning.manage")
@require_http_methods(["GET", "POST"])
def finding_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    finding = _finding(request, pk)
    form = forms.EditFindingForm(
        request.POST or None,
        initial={
            "kind": finding.kind,
            "text": finding.text,
            "themes": list(finding.themes.all()),
            "version": finding.version,
        },
    )
    return form_page(
        request,
        form,
        lambda data, version: audits.update_finding(
            actor=request.user, finding=finding, expected_version=version, **data
        ),
        title="Change a finding",
        caption=str(finding.audit),
        back_url=finding.audit.get_absolute_url(),
        success_url=finding.audit.get_absolute_url(),
    )
