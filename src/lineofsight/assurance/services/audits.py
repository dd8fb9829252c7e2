"""Writes to the multi-agency audit programme: audits, re-audits, cases and gradings, findings."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError

from lineofsight.actions.services import resolve_themes
from lineofsight.assurance import verbs
from lineofsight.assurance.models import Audit, AuditCase, Finding, Grading
from lineofsight.assurance.services.base import require
from lineofsight.audit.services import snapshot
from lineofsight.indicators.catalogue import CATALOGUE
from lineofsight.lib.audited import audited_create, audited_edit, audited_update
from lineofsight.partnership.models import Agency, Partnership

AUDIT_FIELDS = (
    "title",
    "theme",
    "year",
    "quarter",
    "lead",
    "lead_agency",
    "expert",
    "purpose",
    "summary",
    "status",
    "original",
    "indicators",
)


def _check_indicators(audit: Audit) -> None:
    """Every linked indicator is one of the catalogue's (stored once each, in order)."""
    ids = list(dict.fromkeys(audit.indicators or []))
    unknown = [i for i in ids if i not in CATALOGUE]
    if unknown:
        raise ValidationError({"indicators": f"Not an indicator: {', '.join(unknown)}"})
    audit.indicators = ids


def _set_themes(themes: Iterable[Any] | None) -> Callable[[Any], None] | None:
    if themes is None:
        return None
    resolved = resolve_themes(themes)
    return lambda instance: instance.themes.set(resolved)


def create_audit(
    *, actor: Any, partnership: Partnership, themes: Iterable[Any] = (), **fields: Any
) -> Audit:
    require(actor, "learning.manage")
    unknown = set(fields) - set(AUDIT_FIELDS)
    if unknown:
        raise TypeError(f"Unknown audit fields: {sorted(unknown)}")
    audit = Audit(partnership=partnership, **fields)
    _check_original(audit)
    _check_indicators(audit)
    return audited_create(
        actor=actor, instance=audit, verb=verbs.AUDIT_CREATE, after_save=_set_themes(themes)
    )


def update_audit(
    *,
    actor: Any,
    audit: Audit,
    expected_version: int,
    themes: Iterable[Any] | None = None,
    **fields: Any,
) -> Audit:
    require(actor, "learning.manage")
    unknown = set(fields) - set(AUDIT_FIELDS)
    if unknown:
        raise TypeError(f"Unknown audit fields: {sorted(unknown)}")
    if "original" in fields:
        audit.original = fields["original"]
        _check_original(audit)
    if "indicators" in fields:
        audit.indicators = fields["indicators"]
        _check_indicators(audit)
        fields["indicators"] = audit.indicators
    return audited_edit(
        actor,
        audit,
        expected_version,
        fields,
        verb=verbs.AUDIT_UPDATE,
        after_save=_set_themes(themes),
    )


def _check_original(audit: Audit) -> None:
    original = audit.original
    if original is None:
        return
    if original.partnership_id != audit.partnership_id:
        raise ValidationError({"original": "The original audit belongs to another partnership"})
    seen = {audit.pk} if audit.pk else set()
    while original is not None:
        if original.pk in seen:
            raise ValidationError({"original": "A re-audit cannot follow up itself"})
        seen.add(original.pk)
        original = original.original


def _grading_snapshot(case: AuditCase) -> dict[str, str]:
    return {str(g.agency_id): g.grade for g in case.gradings.all()}


def _case_snapshot(case: AuditCase) -> dict[str, Any]:
    """The case and its gradings by agency, for the audit log."""
    return {**snapshot(case), "gradings": _grading_snapshot(case)}


def _set_gradings(case: AuditCase, gradings: Mapping[Agency, str]) -> None:
    partnership_id = case.audit.partnership_id
    wanted = {agency.pk: grade for agency, grade in gradings.items() if grade}
    for agency in gradings:
        if agency.partnership_id != partnership_id:
            raise ValidationError("Gradings can only come from the partnership's agencies")
    case.gradings.exclude(agency_id__in=wanted).delete()
    for agency_id, grade in wanted.items():
        grading = case.gradings.filter(agency_id=agency_id).first() or Grading(
            case=case, agency_id=agency_id
        )
        grading.grade = grade
        grading.full_clean()
        grading.save()


def add_case(
    *,
    actor: Any,
    audit: Audit,
    reference: str,
    case_type: str,
    gradings: Mapping[Agency, str],
    notes: str = "",
) -> AuditCase:
    require(actor, "learning.manage")
    return audited_create(
        actor=actor,
        instance=AuditCase(audit=audit, reference=reference, case_type=case_type, notes=notes),
        verb=verbs.AUDIT_CASE_CREATE,
        after_save=lambda case: _set_gradings(case, gradings),
        snapshot_of=_case_snapshot,
    )


def update_case(
    *,
    actor: Any,
    case: AuditCase,
    expected_version: int,
    reference: str,
    case_type: str,
    gradings: Mapping[Agency, str],
    notes: str = "",
) -> AuditCase:
    require(actor, "learning.manage")
    return audited_update(
        actor=actor,
        instance=case,
        expected_version=expected_version,
        changes={"reference": reference, "case_type": case_type, "notes": notes},
        verb=verbs.AUDIT_CASE_UPDATE,
        after_save=lambda saved: _set_gradings(saved, gradings),
        snapshot_of=_case_snapshot,
    )


def add_finding(
    *, actor: Any, audit: Audit, kind: str, text: str, themes: Iterable[Any] = ()
) -> Finding:
    require(actor, "learning.manage")
    return audited_create(
        actor=actor,
        instance=Finding(audit=audit, kind=kind, text=text),
        verb=verbs.FINDING_CREATE,
        after_save=_set_themes(themes),
    )


def update_finding(
    *,
    actor: Any,
    finding: Finding,
    expected_version: int,
    kind: str,
    text: str,
    themes: Iterable[Any] | None = None,
) -> Finding:
    require(actor, "learning.manage")
    return audited_update(
        actor=actor,
        instance=finding,
        expected_version=expected_version,
        changes={"kind": kind, "text": text},
        verb=verbs.FINDING_UPDATE,
        after_save=_set_themes(themes),
    )
