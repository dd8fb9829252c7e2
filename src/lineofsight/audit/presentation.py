"""The audit log in words: who did what to which record, and the change as a readable list.

``VERB_LABELS`` turns a service's verb (``account.sign_in``; the apps' ``verbs.py`` constants)
into plain English; a verb missing here falls back to the action's label, and a test checks every
verb written in the code (literals and ``verbs.py``) has one.
Before/after values pass through the record's ``audit_policy`` (``audit.disclosure``) first, on
the page and in the export alike.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from django.apps import apps

from lineofsight.audit.disclosure import WITHHELD, policy_for, withhold
from lineofsight.audit.models import AuditLog

VERB_LABELS: dict[str, str] = {
    "account.sign_in": "Signed in",
    "account.sign_in_failed": "Failed to sign in",
    "account.sign_out": "Signed out",
    "two_factor.setup_started": "Started setting up two-factor authentication",
    "two_factor.confirmed": "Set up two-factor authentication",
    "two_factor.replaced": "Replaced their two-factor authenticator",
    "two_factor.reset": "Reset two-factor authentication",
    "partnership.create": "Created the partnership",
    "population.set": "Set the under-18 population",
    "agency.create": "Added an agency",
    "user.create": "Added a user",
    "user.set_roles": "Changed a user's roles",
    "agency.rename": "Renamed or changed an agency",
    "agency.retire": "Retired an agency",
    "agency.returns": "Set which returns an agency submits",
    "partnership.financial_year": "Set the financial year start",
    "user.invite": "Sent a user an invitation link",
    "user.update": "Changed a user",
    "user.deactivate": "Deactivated a user",
    "user.password_set": "Set their password from a one-time link",
    "user.password_change": "Changed their password",
    "user.password_reset_sent": "Was sent a password reset link",
    "user.email_reminders": "Changed their reminder emails",
    "return_due.create": "Added a return to the schedule",
    "reminder.sent": "Was sent reminders",
    "snapshot.create": "Stored a return",
    "submission.reject": "Rejected a return",
    "submission.accept": "Imported records from a file",
    "benchmarks.import": "Imported published benchmarks",
    "indicators.recompute": "Recomputed the indicators",
    "indicator_target.set": "Set an indicator target",
    "indicator.track": "Started tracking actions against an indicator",
    "reports.report.request": "Asked for a report",
    "reports.report.generate": "Generated a report",
    "reports.report.publish": "Recorded a report's publication",
    "reports.narrative.create": "Wrote a report narrative",
    "reports.narrative.update": "Changed a report narrative",
    "reports.narrative.submit": "Submitted a report narrative for approval",
    "reports.narrative.approve": "Approved a report narrative",
    "spc_change_point.set": "Set a change point for an indicator's control limits",
    "spc_change_point.remove": "Removed a change point from an indicator's control limits",
    "action.create": "Added an action",
    "action.edit": "Edited an action",
    "action.update": "Added an update to an action",
    "action.close": "Closed an action",
    "review.create": "Started a case review",
    "review.update": "Updated a case review",
    "review.rapid_review": "Recorded a rapid review",
    "review.child.add": "Added a child to a case review",
    "review.note.add": "Added a note to a case review",
    "review.recommendation.add": "Added a recommendation to a case review",
    "audit.create": "Planned a multi-agency audit",
    "audit.update": "Updated a multi-agency audit",
    "audit_case.create": "Added a case to an audit",
    "audit_case.update": "Updated an audited case",
    "finding.create": "Recorded an audit finding",
    "finding.update": "Updated an audit finding",
    "challenge.create": "Raised a challenge",
    "challenge.update": "Updated a challenge",
    "section11_round.create": "Opened a Section 11 round",
    "section11_round.update": "Updated a Section 11 round",
    "section11_return.create": "Started a Section 11 return",
    "section11_return.save_draft": "Saved a Section 11 draft",
    "section11_return.submit": "Submitted a Section 11 return",
    "section11_return.reopen": "Reopened a Section 11 return",
    "plan.create": "Created a delivery plan",
    "plan.update": "Updated a delivery plan",
    "plan_priority.create": "Added a delivery plan priority",
    "plan_priority.update": "Updated a delivery plan priority",
    "plan_item.create": "Added a delivery plan item",
    "plan_item.update": "Updated a delivery plan item",
    "plan_item.progress": "Recorded progress on a delivery plan item",
    "plan_measure.create": "Added a delivery plan measure",
    "plan_measure.update": "Updated a delivery plan measure",
    "cdop.agency_report.add": "Asked an agency for its child death report",
    "cdop.agency_report.return": "Recorded an agency's child death report as returned",
    "cdop.alerts.update": "Changed the child death timeliness alerts",
    "cdop.comparator.set": "Entered a national child death figure",
    "cdop.death.create": "Recorded a child's death",
    "cdop.death.review": "Recorded the panel's review of a child's death",
    "cdop.death.update": "Updated a child death notification",
    "cdop.learning.add": "Added a child death learning point",
    "cdop.meeting.create": "Recorded a child death overview panel meeting",
    "governance.settings.update": "Changed the governance settings",
    "governance.group.create": "Added a board, executive or sub-group",
    "governance.member.add": "Added a member agency to a group",
    "governance.member.remove": "Removed a member agency from a group",
    "governance.meeting.create": "Recorded a meeting with its attendance and decisions",
    "governance.report.create": "Added an assurance report to the register",
    "governance.report.receive": "Recorded an assurance report as received or graded",
    "governance.inspection.create": "Recorded an inspection or review of the partnership",
    "governance.finding.add": "Added an inspection finding",
    "governance.funding_year.set": "Set a year's budget",
    "governance.contribution.set": "Recorded a partner's contribution",
    "governance.spending.set": "Recorded spending",
    "governance.procedure.create": "Added a multi-agency procedure to the register",
    "governance.procedure.review": "Recorded the review of a multi-agency procedure",
    "voice.scrutiny.create": "Recorded a scrutiny activity",
    "voice.scrutiny.update": "Changed a scrutiny activity",
    "voice.recommendation.add": "Added a scrutiny recommendation",
    "voice.feedback.create": "Recorded feedback from children or families",
    "voice.feedback.changed": "Recorded what changed because of feedback",
    "voice.survey.create": "Set up a practitioner survey",
    "voice.survey.import": "Imported practitioner survey responses",
    "voice.forum.create": "Recorded a practitioner forum",
    "lado.consultation.create": "Recorded a LADO consultation",
    "lado.earlier_year.set": "Entered LADO figures from before the records",
    "lado.consultation.convert": "Made a LADO consultation a referral",
    "lado.consultation.read": "Viewed LADO consultations",
    "lado.meeting.add": "Recorded a LADO strategy or evaluation meeting",
    "lado.outcome.save": "Changed the list of LADO outcomes",
    "lado.referral.conclude": "Recorded the outcome of a LADO referral",
    "lado.referral.create": "Recorded a LADO referral",
    "lado.referral.decide": "Recorded a LADO threshold decision",
    "lado.referral.export": "Downloaded LADO referrals",
    "lado.referral.progress": "Recorded progress on a LADO referral",
    "lado.referral.read": "Viewed LADO referrals",
    "lado.referral.update": "Changed a LADO referral",
    "lado.sector.save": "Changed the list of LADO employing sectors",
    "lado.standards.update": "Changed the LADO timeliness standards",
    "lado.statistics.export": "Downloaded the LADO statistics",
    "workforce.attendance.record": "Recorded attendance at a training session",
    "workforce.booking.cancel": "Cancelled a training booking",
    "workforce.booking.create": "Booked a training place",
    "workforce.booking.promote": "Gave a training place to a learner on the waiting list",
    "workforce.course.create": "Added a training course",
    "workforce.course.update": "Changed a training course",
    "workforce.evaluation.answer": "Received a training evaluation through its link",
    "workforce.evaluation.send": "Issued training evaluation links",
    "workforce.log.rate": "Rated the impact of a reflective log",
    "workforce.question.add": "Added a knowledge question to a training course",
    "workforce.requirement.set": "Entered the staff needing a training course",
    "workforce.session.create": "Added a training session",
    "workforce.session.update": "Changed a training session",
    "workforce.settings.update": "Changed the training charging policy and evaluation settings",
}

BLANK = "(blank)"


def verb_label(row: AuditLog) -> str:
    if row.verb in VERB_LABELS:
        return VERB_LABELS[row.verb]
    if row.action == AuditLog.Action.READ:
        return "Viewed child-level records"
    return str(AuditLog.Action(row.action).label) if row.action in AuditLog.Action else row.verb


def _model(object_type: str) -> Any:
    try:
        return apps.get_model(object_type)
    except (LookupError, ValueError):
        return None


def record_label(row: AuditLog) -> str:
    """ "Section 11 return: Test Police: Section 11 2025", not "assurance.Section11Return 4"."""
    model = _model(row.object_type)
    kind = str(model._meta.verbose_name).capitalize() if model else row.object_type
    if row.object_repr:
        return f"{kind}: {row.object_repr}"
    return f"{kind} {row.object_id}".strip() if row.object_id else kind


def _field_label(model: Any, key: str) -> str:
    names = {f.name: f for f in model._meta.get_fields()} if model is not None else {}
    field = names.get(key)
    if field is not None and hasattr(field, "verbose_name"):
        return str(field.verbose_name).capitalize()
    return key.replace("_", " ").strip().capitalize()  # not a model field (e.g. "answers")


def _flatten(values: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in values.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and value:
            flat.update(_flatten(value, prefix=f"{name} › "))
        else:
            flat[name] = value
    return flat


def show(value: Any) -> str:
    if value is None or value == "" or value == []:
        return BLANK
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list):
        return ", ".join(show(v) for v in value)
    if isinstance(value, dict):
        return BLANK
    return str(value)


@dataclass(frozen=True)
class Change:
    field: str
    before: str | None  # None: no "before" (a new record, or a read)
    after: str | None


@dataclass(frozen=True)
class Entry:
    row: AuditLog
    what: str
    record: str
    changes: list[Change]


def disclosed(row: AuditLog, user: Any) -> tuple[Any, Any, Any]:
    """``before``, ``after`` and ``detail`` as ``user`` may see them."""
    policy = policy_for(row.object_type)
    return (
        withhold(policy, user, row.before),
        withhold(policy, user, row.after),
        withhold(policy, user, row.detail),
    )


def changes(row: AuditLog, user: Any) -> list[Change]:
    before, after, detail = disclosed(row, user)
    model = _model(row.object_type)
    old = _flatten(before) if isinstance(before, dict) else {}
    new = _flatten(after) if isinstance(after, dict) else {}
    listed: list[Change] = []
    for key in dict.fromkeys([*old, *new]):
        unchanged = before is not None and after is not None and old.get(key) == new.get(key)
        if unchanged and new.get(key) != WITHHELD:  # withheld: still say that it was saved
            continue
        head = key.split(" › ", 1)
        label = _field_label(model, head[0]) + (f" › {head[1]}" if len(head) > 1 else "")
        listed.append(
            Change(
                label,
                show(old.get(key)) if before is not None else None,
                show(new.get(key)) if after is not None else None,
            )
        )
    if isinstance(detail, dict):
        for key, value in _flatten(detail).items():
            listed.append(Change(_field_label(None, key), None, show(value)))
    return listed


def entry(row: AuditLog, user: Any) -> Entry:
    return Entry(row, verb_label(row), record_label(row), changes(row, user))


EXPORT_HEADER = [
    "When",
    "Who",
    "Agency",
    "What",
    "Operation",
    "Action",
    "Record",
    "Record type",
    "Record ID",
    "Before",
    "After",
    "Detail",
]


def _json(value: Any) -> str:
    return "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def export_rows(rows: Any, user: Any) -> Iterator[list[Any]]:
    """Every column of every row (the complete log), confidential values withheld as on the page."""
    for row in rows.iterator() if hasattr(rows, "iterator") else rows:
        before, after, detail = disclosed(row, user)
        yield [
            row.at,
            row.actor_label,
            row.agency_label,
            verb_label(row),
            row.verb,
            row.action,
            row.object_repr,
            row.object_type,
            row.object_id,
            _json(before),
            _json(after),
            _json(detail),
        ]
