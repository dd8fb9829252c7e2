"""Decisions, assurance reports and inspection findings raise actions (registered in
``actions.sources``, permission ``governance.manage``: the shared page ``actions:raise`` serves
the business manager)."""

from __future__ import annotations

from typing import Any

from lineofsight.actions.sources import found_by, register_action_source
from lineofsight.governance import selectors
from lineofsight.governance.models import AssuranceReport, Decision, InspectionFinding


def _finding_initial(finding: InspectionFinding) -> dict[str, Any]:
    return {"title": finding.text[:300], "themes": list(finding.themes.all())}


def register() -> None:
    register_action_source(
        "governance_decision",
        "Board or group decision",
        model=Decision,
        describe=lambda d: f"{d.meeting}: decision {d.number}",
        find=found_by(selectors.decision_for),
        initial=lambda d: {"title": d.text[:300]},
        partnership=lambda d: d.meeting.group.partnership,
        page_title="Raise an action from this decision",
        permission="governance.manage",
        view_permission="governance.view",
        order=82,
    )
    register_action_source(
        "governance_assurance",
        "Assurance report",
        model=AssuranceReport,
        describe=lambda r: f"Assurance report: {r.title}",
        find=found_by(selectors.managed_report),
        initial=lambda r: {"owner_agency": r.agency},
        partnership=lambda r: r.partnership,
        page_title="Raise an action from this assurance report",
        permission="governance.manage",
        view_permission="governance.view",
        order=84,
    )
    register_action_source(
        "governance_finding",
        "Inspection or review of the partnership",
        model=InspectionFinding,
        describe=lambda f: f"{f.inspection}: finding {f.number}",
        find=found_by(selectors.finding_for),
        initial=_finding_initial,
        partnership=lambda f: f.inspection.partnership,
        page_title="Raise an action from this finding",
        permission="governance.manage",
        view_permission="governance.view",
        order=86,
    )
