from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from lineofsight.actions.selectors import actions_for_source
from lineofsight.assurance import forms, policies, selectors
from lineofsight.assurance.models import Audit, AuditCase, Finding
from lineofsight.assurance.services import audits
from lineofsight.indicators.catalogue import CATALOGUE
from lineofsight.lib.formviews import form_page
from lineofsight.lib.pages import (
    Records,
    filtered_list,
    form_view,
    initial_of,
    one_of,
    page_view,
    record_form,
    saving,
)
from lineofsight.partnership.access import SignedInRequest, has_permission

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


AUDITS = Records(one_of(selectors.audits_for), "audit")


def _audit_row(a: Any) -> list[Any]:
    return [
        a.title,
        a.theme,
        a.year,
        a.quarter,
        a.lead,
        str(a.lead_agency or ""),
        a.expert,
        a.get_status_display(),
        str(a.original or ""),
        a.case_count,  # a row decorated for the template
        a.summary,
    ]


@page_view("learning.view")
def audit_list(request: SignedInRequest) -> HttpResponse:
    return filtered_list(
        request,
        "assurance/audits.html",
        form=forms.AuditFilterForm(request.GET or None, years=selectors.audit_years(request.user)),
        selector=selectors.audits_for,
        export=("Multi-agency audits", EXPORT_HEADER, _audit_row),
        allowed=policies.allowed(request.user),
    )


@page_view("learning.view")
def audit_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    audit = AUDITS.found(request, pk)
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
        "indicators": [
            {
                "title": CATALOGUE[code].title,
                "href": reverse("performance:indicator", args=[code])
                if has_permission(request.user, "performance.view")
                else None,
            }
            for code in audit.indicators or []
            if code in CATALOGUE
        ],
    }
    return render(request, "assurance/audit.html", context)


@form_view("learning.manage")
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
        saving(request, audits.create_audit, partnership=partnership),
        title="Add an audit",
        back_url=reverse("assurance:audits"),
    )


@form_view("learning.manage")
def audit_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    audit = AUDITS.found(request, pk)
    initial = initial_of(audit, audits.AUDIT_FIELDS, many=["themes"])
    initial.update(lead_agency=audit.lead_agency_id, original=audit.original_id)
    form = forms.EditAuditForm(
        request.POST or None, partnership=audit.partnership, exclude_pk=audit.pk, initial=initial
    )
    return form_page(
        request,
        form,
        saving(request, audits.update_audit, audit=audit, versioned=True),
        title=f"Change {audit.title}",
        back_url=audit.get_absolute_url(),
    )


@form_view("learning.manage")
def case_create(request: SignedInRequest, pk: int) -> HttpResponse:
    audit = AUDITS.found(request, pk)
    form = forms.CaseForm(request.POST or None, partnership=audit.partnership)
    return record_form(
        request,
        audit,
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
        intro="Record each agency's grading of its practice in this case.",
    )


@form_view("learning.manage")
def case_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    case = get_object_or_404(
        AuditCase.objects.filter(audit__in=selectors.audits_for(request.user)), pk=pk
    )
    initial = initial_of(case, ("reference", "case_type", "notes"))
    initial.update({f"grade_{g.agency_id}": g.grade for g in case.gradings.all()})
    form = forms.EditCaseForm(
        request.POST or None, partnership=case.audit.partnership, initial=initial
    )
    return record_form(
        request,
        case.audit,
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
    )


def _finding_form(data: Any, audit: Audit) -> forms.FindingForm:
    initial = {"kind": Finding.Kind.IMPROVEMENT, "themes": list(audit.themes.all())}
    return forms.FindingForm(data, initial=initial)


finding_create = AUDITS.form(
    "learning.manage", _finding_form, audits.add_finding, title="Add a finding"
)


def _finding(request: HttpRequest, pk: int) -> Finding:
    return get_object_or_404(
        Finding.objects.filter(audit__in=selectors.audits_for(request.user)), pk=pk
    )


@form_view("learning.manage")
def finding_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    finding = _finding(request, pk)
    initial = initial_of(finding, ("kind", "text"), many=["themes"])
    return record_form(
        request,
        finding.audit,
        forms.EditFindingForm(request.POST or None, initial=initial),
        saving(request, audits.update_finding, finding=finding, versioned=True),
        title="Change a finding",
        caption=str(finding.audit),
    )
