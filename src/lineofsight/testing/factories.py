"""Small factories for the records tests need most: each makes one valid record through the app's
own service (so it is audited and validated as in use), as ``SYSTEM`` unless an actor is given,
with plain defaults that any keyword overrides.

    from lineofsight.testing import factories
    plan = factories.plan(partnership)
    item = factories.plan_item(factories.priority(plan), lead_agency=agency)
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from lineofsight.actions import services as action_services
from lineofsight.actions.models import Action, LearningTheme
from lineofsight.actions.themes import sync_themes
from lineofsight.assurance.models import Audit, AuditCase, Challenge, Finding, Section11Round
from lineofsight.assurance.services import audits, challenges, section11
from lineofsight.cdop import services as cdop_services
from lineofsight.cdop.models import ChildDeath
from lineofsight.delivery import services as delivery_services
from lineofsight.delivery.models import Plan, PlanItem, Priority, SuccessMeasure
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.models import Agency, Partnership
from lineofsight.reviews import services as review_services
from lineofsight.reviews.models import Review


def learning_themes() -> dict[str, LearningTheme]:
    """The shared learning themes (synchronised from ``actions.themes``), by slug."""
    sync_themes(LearningTheme)
    return {t.slug: t for t in LearningTheme.objects.all()}


def action(owner_agency: Agency, *, actor: Any = SYSTEM, **fields: Any) -> Action:
    values: dict[str, Any] = {
        "title": "Refresh the escalation policy",
        "source": "review",
        "owner_agency": owner_agency,
        "due_date": dt.date(2021, 7, 31),
    }
    return action_services.create_action(actor=actor, **{**values, **fields})


def review(partnership: Partnership, *, actor: Any = SYSTEM, **fields: Any) -> Review:
    learning_themes()
    values: dict[str, Any] = {
        "reference": "Child M",
        "incident_type": "serious_harm",
        "la_aware_on": dt.date(2021, 4, 1),
        "themes": ["neglect"],
    }
    return review_services.create_review(
        actor=actor, partnership=partnership, **{**values, **fields}
    )


def plan(partnership: Partnership, *, actor: Any = SYSTEM, **fields: Any) -> Plan:
    values: dict[str, Any] = {
        "title": "Delivery plan 2021-2022",
        "starts": dt.date(2021, 4, 1),
        "ends": dt.date(2022, 3, 31),
    }
    return delivery_services.create_plan(
        actor=actor, partnership=partnership, **{**values, **fields}
    )


def priority(plan: Plan, *, actor: Any = SYSTEM, **fields: Any) -> Priority:
    values: dict[str, Any] = {"number": 1, "title": "A more effective response to neglect"}
    return delivery_services.add_priority(actor=actor, plan=plan, **{**values, **fields})


def plan_item(priority: Priority, *, actor: Any = SYSTEM, **fields: Any) -> PlanItem:
    values: dict[str, Any] = {"reference": "a", "text": "Implement the Graded Care Profile"}
    return delivery_services.add_item(actor=actor, priority=priority, **{**values, **fields})


def measure(priority: Priority, *, actor: Any = SYSTEM, **fields: Any) -> SuccessMeasure:
    values: dict[str, Any] = {"text": "Fewer repeat child protection plans"}
    return delivery_services.add_measure(actor=actor, priority=priority, **{**values, **fields})


def audit(partnership: Partnership, *, actor: Any = SYSTEM, **fields: Any) -> Audit:
    values: dict[str, Any] = {
        "title": "Neglect",
        "theme": "Neglect",
        "year": 2021,
        "quarter": 2,
        "lead": "Jo Auditor",
    }
    return audits.create_audit(actor=actor, partnership=partnership, **{**values, **fields})


def audit_case(audit: Audit, *, actor: Any = SYSTEM, **fields: Any) -> AuditCase:
    values: dict[str, Any] = {"reference": "MAA-2021-01", "case_type": "cp", "gradings": {}}
    return audits.add_case(actor=actor, audit=audit, **{**values, **fields})


def finding(audit: Audit, *, actor: Any = SYSTEM, **fields: Any) -> Finding:
    values: dict[str, Any] = {"kind": "improvement", "text": "Voice of the child not evident"}
    return audits.add_finding(actor=actor, audit=audit, **{**values, **fields})


def section11_round(
    partnership: Partnership, *, actor: Any = SYSTEM, **fields: Any
) -> Section11Round:
    values: dict[str, Any] = {"year": 2021, "due_date": dt.date(2021, 6, 30)}
    return section11.create_round(actor=actor, partnership=partnership, **{**values, **fields})


def challenge(
    partnership: Partnership,
    raised_by: Agency,
    challenged: Agency,
    *,
    actor: Any = SYSTEM,
    **fields: Any,
) -> Challenge:
    values: dict[str, Any] = {
        "raised_on": dt.date(2021, 1, 10),
        "raised_by_agency": raised_by,
        "raised_by_person": "Performance Accountability Board",
        "challenged_agency": challenged,
        "subject": "Health visitor attendance at conferences",
    }
    return challenges.create_challenge(actor=actor, partnership=partnership, **{**values, **fields})


def child_death(partnership: Partnership, *, actor: Any = SYSTEM, **fields: Any) -> ChildDeath:
    values: dict[str, Any] = {
        "reference": "Child D 101",
        "age_band": "28_364d",
        "sex": "female",
        "died_on": dt.date(2021, 5, 3),
        "notified_on": dt.date(2021, 5, 4),
        "place_of_death": "hospital",
        "expectation": "unexpected",
    }
    return cdop_services.create_death(actor=actor, partnership=partnership, **{**values, **fields})
