"""The assurance records actions are raised from: audit findings, Section 11 development points
and challenges (registered in ``actions.sources`` by ``AssuranceConfig.ready``)."""

from __future__ import annotations

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from lineofsight.actions.sources import found_in, register_action_source, suggested
from lineofsight.assurance import selectors
from lineofsight.assurance.models import Challenge, Finding, Section11Answer
from lineofsight.assurance.standards import standard


def _finding(request: HttpRequest, pk: int) -> Finding:
    return get_object_or_404(
        Finding.objects.filter(audit__in=selectors.audits_for(request.user)), pk=pk
    )


def _point(request: HttpRequest, pk: int) -> Section11Answer:
    try:
        return selectors.development_point(request.user, pk)
    except Section11Answer.DoesNotExist:
        raise Http404 from None


def _point_label(point: Section11Answer) -> str:
    ret = point.section11_return
    item = standard(point.standard)
    return f"Section 11 {ret.round.year}, {ret.agency}: standard {item.number} ({item.title})"


def register() -> None:
    register_action_source(
        "audit",
        "Multi-agency audit",
        model=Finding,
        describe=lambda finding: f"{finding.audit}: finding",
        find=_finding,
        initial=suggested(owner_agency="audit.lead_agency_id", themes="themes"),
        partnership="audit.partnership",
        intro=lambda finding: finding.text,
        order=20,
    )
    register_action_source(
        "section11",
        "Section 11 self-assessment",
        model=Section11Answer,
        describe=_point_label,
        find=_point,
        initial=suggested(owner_agency="section11_return.agency_id", title="development_point"),
        partnership="section11_return.round.partnership",
        intro=lambda point: point.development_point,
        page_title="Raise an action from a development point",
        order=30,
    )
    register_action_source(
        "challenge",
        "Challenge log",
        model=Challenge,
        describe=lambda c: f"Challenge of {c.raised_on:%d/%m/%Y}: {c.subject}",
        find=found_in(selectors.challenges_for),
        initial=suggested(owner_agency="challenged_agency_id"),
        order=40,
    )
