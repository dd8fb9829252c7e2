"""Writes to the Section 11 self-assessment: rounds, agency returns (draft, submit), summary.

An agency lead writes only their own agency's return, and only while it is a draft in an open
round; a submitted return is read by the partnership.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from lineofsight.assurance import policies, standards, verbs
from lineofsight.assurance.models import Rating, Section11Answer, Section11Return, Section11Round
from lineofsight.assurance.services.base import require
from lineofsight.audit.services import record_update, snapshot
from lineofsight.lib.audited import audited_create, audited_edit, audited_update
from lineofsight.lib.versioning import save_if_unchanged
from lineofsight.partnership.actors import user_of
from lineofsight.partnership.models import Agency, Partnership

NEEDS_DEVELOPMENT = frozenset({Rating.PARTIALLY_MET, Rating.NOT_MET})


def create_round(
    *, actor: Any, partnership: Partnership, year: int, due_date: dt.date
) -> Section11Round:
    require(actor, "learning.manage")
    return audited_create(
        actor=actor,
        instance=Section11Round(partnership=partnership, year=year, due_date=due_date),
        verb=verbs.SECTION11_ROUND_CREATE,
    )


def update_round(
    *,
    actor: Any,
    round_: Section11Round,
    expected_version: int,
    **fields: Any,
) -> Section11Round:
    require(actor, "learning.manage")
    allowed = {"due_date", "status", "strengths", "development_themes"}
    if set(fields) - allowed:
        raise TypeError(f"Unknown round fields: {sorted(set(fields) - allowed)}")
    return audited_edit(actor, round_, expected_version, fields, verb=verbs.SECTION11_ROUND_UPDATE)


def _check_own_agency(actor: Any, agency: Agency) -> None:
    policies.check_respond_for(actor, agency)


def start_return(*, actor: Any, round_: Section11Round, agency: Agency) -> Section11Return:
    """The agency's return in this round: created (a blank draft) if it has none yet."""
    _check_own_agency(actor, agency)
    if agency.partnership_id != round_.partnership_id:
        raise PermissionDenied("The agency is not in this partnership")
    existing = Section11Return.objects.filter(round=round_, agency=agency).first()
    if existing:
        return existing
    if round_.status != Section11Round.Status.OPEN:
        raise ValidationError("This Section 11 round is closed")

    def add_answers(created: Section11Return) -> None:
        Section11Answer.objects.bulk_create(
            Section11Answer(section11_return=created, standard=code) for code in standards.codes()
        )

    return audited_create(
        actor=actor,
        instance=Section11Return(round=round_, agency=agency),
        verb=verbs.SECTION11_RETURN_CREATE,
        after_save=add_answers,
    )


def _answers_snapshot(section11_return: Section11Return) -> dict[str, dict[str, str]]:
    return {
        a.standard: {
            "rating": a.rating,
            "evidence": a.evidence,
            "development_point": a.development_point,
        }
        for a in section11_return.answers.order_by("standard")
    }


def submission_problems(answers: Mapping[str, Mapping[str, str]]) -> dict[str, str]:
    """What stops a return being submitted, keyed ``<standard code>_<field>`` (the form's field
    names); empty when the return is complete."""
    problems: dict[str, str] = {}
    for item in standards.standards():
        answer = answers.get(item.code, {})
        if not answer.get("rating"):
            problems[f"{item.code}_rating"] = f"Rate standard {item.number}: {item.title.lower()}"
        elif not answer.get("evidence", "").strip():
            problems[f"{item.code}_evidence"] = f"Give the evidence for standard {item.number}"
        elif (
            answer["rating"] in NEEDS_DEVELOPMENT
            and not answer.get("development_point", "").strip()
        ):
            problems[f"{item.code}_development_point"] = (
                f"Standard {item.number} is not fully met: say what your agency will develop"
            )
    return problems


def save_return(
    *,
    actor: Any,
    section11_return: Section11Return,
    expected_version: int,
    answers: Mapping[str, Mapping[str, str]],
    submit: bool = False,
) -> Section11Return:
    """Save the agency's answers as a draft, or submit them (complete answers only)."""
    _check_own_agency(actor, section11_return.agency)
    unknown = set(answers) - set(standards.codes())
    if unknown:
        raise ValidationError(f"Unknown Section 11 standards: {sorted(unknown)}")
    with transaction.atomic():
        stored = Section11Return.objects.select_for_update().get(pk=section11_return.pk)
        if stored.status != Section11Return.Status.DRAFT:
            raise ValidationError("This return has been submitted and can no longer be changed")
        if stored.round.status != Section11Round.Status.OPEN:
            raise ValidationError("This Section 11 round is closed")
        before = snapshot(stored)
        before["answers"] = _answers_snapshot(stored)
        if submit:
            merged = {**before["answers"], **{k: dict(v) for k, v in answers.items()}}
            problems = submission_problems(merged)
            if problems:
                raise ValidationError(problems)
            section11_return.status = Section11Return.Status.SUBMITTED
            section11_return.submitted_at = timezone.now()
            section11_return.submitted_by = user_of(actor)
        save_if_unchanged(section11_return, expected_version)
        for code, values in answers.items():
            answer, _ = Section11Answer.objects.get_or_create(
                section11_return=section11_return, standard=code
            )
            answer.rating = values.get("rating", "") or ""
            answer.evidence = values.get("evidence", "") or ""
            answer.development_point = values.get("development_point", "") or ""
            answer.full_clean()
            answer.save()
        after = snapshot(section11_return)
        after["answers"] = _answers_snapshot(section11_return)
        record_update(
            actor,
            section11_return,
            verbs.SECTION11_RETURN_SUBMIT if submit else "section11_return.save_draft",
            before=before,
            after=after,
        )
        return section11_return


def reopen_return(
    *, actor: Any, section11_return: Section11Return, expected_version: int
) -> Section11Return:
    """The partnership sends a submitted return back to the agency as a draft."""
    require(actor, "learning.manage")
    return audited_update(
        actor=actor,
        instance=section11_return,
        expected_version=expected_version,
        changes={
            "status": Section11Return.Status.DRAFT,
            "submitted_at": None,
            "submitted_by": None,
        },
        verb=verbs.SECTION11_RETURN_REOPEN,
    )
