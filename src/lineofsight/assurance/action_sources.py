"""The assurance records actions are raised from: audit findings, Section 11 development points
and challenges (registered in ``actions.sources`` by ``AssuranceConfig.ready``)."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from lineofsight.actions.sources import found_in, register_action_source
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


def _finding_initial(finding: Finding) -> dict[str, Any]:
    return {"owner_agency": finding.audit.lead_agency_id, "themes": list(finding.themes.all())}


def register() -> None:
    register_action_source(
        "audit",
        "Multi-agency audit",
        model=Finding,
        describe=lambda finding: f"{finding.audit}: finding",
        find=_finding,
        initial=_finding_initial,
        partnership=lambda finding: finding.audit.partnership,
        intro=lambda finding: finding.text,
        page_title="Raise an action from this finding",
        order=20,
    )
    register_action_source(
        "section11",
        "Section 11 self-assessment",
        model=Section11Answer,
        describe=_point_label,
        find=_point,
        initial=lambda point: {
            "owner_agency": point.section11_return.agency_id,
            "title": point.development_point[:300],
        },
        partnership=lambda point: point.section11_return.round.partnership,
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
        initial=lambda challenge: {"owner_agency": challenge.challenged_agency_id},
        partnership=lambda challenge: challenge.partnership,
        page_title="Raise an action from this challenge",
        order=40,
    )
