"""Writes to the challenge log."""

from __future__ import annotations

from typing import Any

from lineofsight.assurance import verbs
from lineofsight.assurance.models import Challenge
from lineofsight.assurance.services.base import require
from lineofsight.lib.audited import audited_create, audited_edit
from lineofsight.partnership.models import Partnership

FIELDS = (
    "raised_on",
    "raised_by_agency",
    "raised_by_person",
    "challenged_agency",
    "subject",
    "detail",
    "response",
    "response_date",
    "outcome",
    "status",
)


def _check_fields(fields: dict[str, Any]) -> None:
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise TypeError(f"Unknown challenge fields: {sorted(unknown)}")


def create_challenge(*, actor: Any, partnership: Partnership, **fields: Any) -> Challenge:
    require(actor, "challenge.log")
    _check_fields(fields)
    return audited_create(
        actor=actor,
        instance=Challenge(partnership=partnership, **fields),
        verb=verbs.CHALLENGE_CREATE,
    )


def update_challenge(
    *, actor: Any, challenge: Challenge, expected_version: int, **fields: Any
) -> Challenge:
    require(actor, "learning.manage")
    _check_fields(fields)
    return audited_edit(actor, challenge, expected_version, fields, verb=verbs.CHALLENGE_UPDATE)
