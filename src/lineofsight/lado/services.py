"""Writes to the LADO's records (the LADO and the named deputy), each audited in its own
transaction (``lib.audited``): the adult's name never reaches the audit log (the model's policy
marks it ``never_logged``).  The demo, the importer and the command line pass
``partnership.actors.SYSTEM``; ``None`` is refused.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from lineofsight.audit.models import AuditLog
from lineofsight.audit.services import record
from lineofsight.lado import policies, reference, verbs
from lineofsight.lado.models import (
    CONSULTATION_FIELDS,
    DECISION_FIELDS,
    OUTCOME_FIELDS,
    PROGRESS_FIELDS,
    RECEIPT_FIELDS,
    Consultation,
    EarlierYear,
    Meeting,
    Outcome,
    Referral,
    Sector,
    Standards,
)
from lineofsight.lado.selectors import standards_of
from lineofsight.lib.audited import (
    audited_change,
    audited_create,
    audited_edit,
    audited_save,
    only,
    stripped,
)
from lineofsight.partnership.models import Partnership

R = TypeVar("R", Consultation, Referral)


def sync_lists() -> None:
    """The seed sectors and outcomes as rows: adds any missing (the migration seeds them; a
    flushed test database may need them again); one renamed or retired is left as it is."""
    for model, seeds in ((Sector, reference.SECTORS), (Outcome, reference.OUTCOMES)):
        for position, (code, name) in enumerate(seeds, start=1):
            model.objects.get_or_create(code=code, defaults={"name": name, "position": position})


def _check(actor: Any, record_: Any = None) -> None:
    if not policies.can_manage(actor, record_):
        raise PermissionDenied("lado.manage")


# each record's references: prefix, and the date whose year they carry
_NUMBERING: dict[type[Consultation | Referral], tuple[str, str]] = {
    Consultation: ("CONS", "consulted_on"),
    Referral: ("LADO", "received_on"),
}


def next_reference(record: Consultation | Referral, day: dt.date) -> str:
    """The next free reference of the year: "LADO-2021-007", "CONS-2021-012"."""
    model = type(record)
    stem = f"{_NUMBERING[model][0]}-{day.year}-"
    mine = model.objects.filter(partnership=record.partnership)
    number = mine.filter(reference__startswith=stem).count() + 1
    while mine.filter(reference=f"{stem}{number:03d}").exists():
        number += 1
    return f"{stem}{number:03d}"


def _create(actor: Any, record: R, fields: dict[str, Any], verb: str) -> R:
    """``record`` saved with ``fields`` (text stripped; without a reference, the next free one)."""
    values = stripped(fields)
    if not values.get("reference"):
        values["reference"] = next_reference(record, values[_NUMBERING[type(record)][1]])
    for name, value in values.items():
        setattr(record, name, value)
    return audited_create(actor=actor, instance=record, verb=verb)


def create_consultation(*, actor: Any, partnership: Partnership, **fields: Any) -> Consultation:
    """Advice given: employer, sector, concern, advice and date; nobody named."""
    consultation = Consultation(partnership=partnership)
    _check(actor, consultation)
    only(fields, CONSULTATION_FIELDS, "consultation")
    return _create(actor, consultation, fields, verbs.CONSULTATION_CREATE)


def create_referral(*, actor: Any, partnership: Partnership, **fields: Any) -> Referral:
    """A referral as received (and, from an import, what was decided and concluded since)."""
    referral = Referral(partnership=partnership)
    _check(actor, referral)
    only(fields, (*RECEIPT_FIELDS, *DECISION_FIELDS, *PROGRESS_FIELDS, *OUTCOME_FIELDS), "referral")
    return _create(actor, referral, fields, verbs.REFERRAL_CREATE)


def convert_consultation(
    *, actor: Any, consultation: Consultation, received_on: dt.date | None = None, **fields: Any
) -> Referral:
    """The consultation became a referral: the referral starts from its employer, sector and
    concern (``fields`` gives the rest: the referrer, the adult's reference and role...)."""
    _check(actor, consultation)
    if consultation.referral_id:
        raise ValidationError("This consultation has already become a referral")
    with transaction.atomic():
        values = {
            "employer": consultation.employer,
            "sector": consultation.sector,
            "category": consultation.category,
            **fields,
        }
        referral = create_referral(
            actor=actor,
            partnership=consultation.partnership,
            received_on=received_on or consultation.consulted_on,
            **values,
        )
        audited_save(
            actor=actor,
            record=consultation,
            changes={"referral": referral},
            verb=verbs.CONSULTATION_CONVERT,
            fields=["referral"],
        )
    return referral


def update_referral(
    *, actor: Any, referral: Referral, expected_version: int, **fields: Any
) -> Referral:
    _check(actor, referral)
    only(fields, RECEIPT_FIELDS, "receipt")
    return audited_edit(actor, referral, expected_version, fields, verb=verbs.REFERRAL_UPDATE)


def _ticks(
    chosen: Iterable[str], names: Sequence[str], field: str, refusal: Callable[[list[str]], str]
) -> dict[str, bool]:
    """One boolean column per name of ``names``, true if ``chosen``; a chosen name not among them
    is a ``ValidationError`` on ``field`` (``refusal`` of the unknown names, sorted)."""
    ticked = set(chosen)
    unknown = sorted(ticked - set(names))
    if unknown:
        raise ValidationError({field: refusal(unknown)})
    return {name: name in ticked for name in names}


def record_decision(
    *,
    actor: Any,
    referral: Referral,
    expected_version: int,
    threshold_met: bool,
    decided_on: dt.date,
    criteria: Iterable[str] = (),
) -> Referral:
    """Whether the harm threshold is met, when, and which criteria."""
    _check(actor, referral)
    ticked = _ticks(
        criteria,
        reference.CRITERION_CODES,
        "harmed_child",
        lambda unknown: f"Unknown criteria: {', '.join(unknown)}",
    )
    changes = {"threshold_met": threshold_met, "decided_on": decided_on, **ticked}
    return audited_edit(actor, referral, expected_version, changes, verb=verbs.REFERRAL_DECIDE)


def record_progress(
    *, actor: Any, referral: Referral, expected_version: int, **fields: Any
) -> Referral:
    """Police investigation, suspension, children's social care, reasons for delay."""
    _check(actor, referral)
    only(fields, PROGRESS_FIELDS, "progress")
    return audited_edit(actor, referral, expected_version, fields, verb=verbs.REFERRAL_PROGRESS)


def record_outcome(
    *,
    actor: Any,
    referral: Referral,
    expected_version: int,
    outcome: Outcome | None,
    concluded_on: dt.date,
    onward: Iterable[str] = (),
) -> Referral:
    """The outcome, the date concluded and the onward referrals (DBS, TRA, Ofsted, regulator)."""
    _check(actor, referral)
    ticked = _ticks(
        onward,
        [name for name, _ in reference.ONWARD],
        "outcome",
        lambda unknown: f"Unknown onward referrals: {unknown}",
    )
    if outcome is not None and not outcome.active:
        raise ValidationError({"outcome": "This outcome is no longer in use"})
    changes = {"outcome": outcome, "concluded_on": concluded_on, **ticked}
    return audited_edit(actor, referral, expected_version, changes, verb=verbs.REFERRAL_CONCLUDE)


def add_meeting(
    *,
    actor: Any,
    referral: Referral,
    held_on: dt.date,
    agencies: Iterable[str],
    kind: str = reference.MeetingKind.STRATEGY,
) -> Meeting:
    _check(actor, referral)
    if not referral.threshold_met:
        raise ValidationError(
            {
                "held_on": "Strategy and evaluation meetings follow a decision that the threshold "
                "is met: record the decision first"
            }
        )
    if referral.decided_on and held_on < referral.decided_on:
        raise ValidationError({"held_on": "The meeting cannot be before the decision"})
    meeting = Meeting(referral=referral, held_on=held_on, kind=kind, agencies=list(agencies))
    return audited_create(actor=actor, instance=meeting, verb=verbs.MEETING_ADD)


def record_export(*, actor: Any, what: str, rows: int, verb: str = verbs.REFERRAL_EXPORT) -> None:
    """A download of LADO records or figures, in the audit log (who, what, how many rows)."""
    with transaction.atomic():
        record(
            actor=actor,
            verb=verb,
            action=AuditLog.Action.OTHER,
            object_type="lado.referral",
            object_id="",
            detail={"export": what, "rows": rows},
        )


def save_list_item(
    *, actor: Any, model: type[Sector] | type[Outcome], code: str, name: str, active: bool = True
) -> Sector | Outcome:
    """Add or rename (or retire) a sector or an outcome."""
    if not policies.can_configure(actor):
        raise PermissionDenied("lado.configure")
    verb = verbs.SECTOR_SAVE if model is Sector else verbs.OUTCOME_SAVE
    with transaction.atomic():
        item = model.objects.filter(code=code).first()
        if item is None:
            position = (
                model.objects.order_by("-position").values_list("position", flat=True).first() or 0
            ) + 1
            item = model(code=code, name=name.strip(), active=active, position=position)
            return audited_create(actor=actor, instance=item, verb=verb)
        return audited_change(
            actor=actor,
            instance=item,
            changes={"name": name.strip(), "active": active},
            verb=verb,
            snapshot_of=lambda entry: {"name": entry.name, "active": entry.active},
        )


def update_standards(
    *, actor: Any, partnership: Partnership, expected_version: int | None, **values: int
) -> Standards:
    if not policies.can_configure(actor):
        raise PermissionDenied("lado.configure")
    only(
        values,
        ("decision_days", "meeting_days", "first_months", "target_months", "longest_months"),
        "standards",
    )
    return audited_save(
        actor=actor,
        record=standards_of(partnership),
        changes=dict(values),
        verb=verbs.STANDARDS_UPDATE,
        expected_version=expected_version,
        fields=list(values),
    )


def set_earlier_year(
    *,
    actor: Any,
    partnership: Partnership,
    year: int,
    referrals: int | None,
    met_threshold: int | None,
    source: str = "",
) -> EarlierYear:
    """Enter (or replace) a year's figures from before the records were kept here."""
    if not policies.can_configure(actor):
        raise PermissionDenied("lado.configure")
    with transaction.atomic():
        EarlierYear.objects.filter(partnership=partnership, year=year).delete()
        row = EarlierYear(
            partnership=partnership,
            year=year,
            referrals=referrals,
            met_threshold=met_threshold,
            source=source.strip(),
        )
        return audited_create(actor=actor, instance=row, verb=verbs.EARLIER_YEAR_SET)
