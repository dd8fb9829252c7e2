"""Decisions, assurance reports and inspection findings raise actions (registered in
``actions.sources``, permission ``governance.manage``: the shared page ``actions:raise`` serves
the business manager; a link to the record needs ``governance.view``)."""

from __future__ import annotations

from lineofsight.actions.sources import found_by, register_action_source, suggested
from lineofsight.governance import selectors
from lineofsight.governance.models import AssuranceReport, Decision, InspectionFinding

PERMISSION = "governance.manage"


def register() -> None:
    register_action_source(
        "governance_decision",
        "Board or group decision",
        model=Decision,
        describe=lambda d: f"{d.meeting}: decision {d.number}",
        find=found_by(selectors.decision_for),
        initial=suggested(title="text"),
        partnership="meeting.group.partnership",
        permission=PERMISSION,
        order=82,
    )
    register_action_source(
        "governance_assurance",
        "Assurance report",
        model=AssuranceReport,
        describe=lambda r: f"Assurance report: {r.title}",
        find=found_by(selectors.managed_report),
        initial=suggested(owner_agency="agency"),
        permission=PERMISSION,
        order=84,
    )
    register_action_source(
        "governance_finding",
        "Inspection or review of the partnership",
        model=InspectionFinding,
        describe=lambda f: f"{f.inspection}: finding {f.number}",
        find=found_by(selectors.finding_for),
        initial=suggested(title="text", themes="themes"),
        partnership="inspection.partnership",
        page_title="Raise an action from this finding",
        permission=PERMISSION,
        order=86,
    )
