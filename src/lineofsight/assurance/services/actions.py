"""Turning an assurance record (a finding, a Section 11 development point, a challenge) into an
action in the one action tracker, linked back to it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import models

from lineofsight.actions.models import Action
from lineofsight.actions.services import create_action
from lineofsight.assurance.models import Challenge, Finding, Section11Answer
from lineofsight.assurance.services.base import require
from lineofsight.assurance.standards import standard
from lineofsight.partnership.models import Agency


def source_of(obj: models.Model) -> tuple[str, str]:
    """The action tracker's source kind and a readable label for ``obj``."""
    if isinstance(obj, Finding):
        return Action.Source.AUDIT, f"{obj.audit}: finding"
    if isinstance(obj, Section11Answer):
        ret = obj.section11_return
        item = standard(obj.standard)
        return (
            Action.Source.SECTION11,
            f"Section 11 {ret.round.year}, {ret.agency}: standard {item.number} ({item.title})",
        )
    if isinstance(obj, Challenge):
        return Action.Source.CHALLENGE, f"Challenge of {obj.raised_on:%d/%m/%Y}: {obj.subject}"
    raise TypeError(f"{type(obj).__name__} does not raise actions here")


def raise_action(
    *,
    actor: Any,
    source_object: models.Model,
    title: str,
    owner_agency: Agency,
    due_date: dt.date,
    description: str = "",
    owner_person: str = "",
    themes: Iterable[Any] = (),
) -> Action:
    require(actor, "learning.manage")
    source, label = source_of(source_object)
    return create_action(
        actor=actor,
        title=title,
        source=source,
        source_label=label[:200],
        source_object=source_object,
        owner_agency=owner_agency,
        owner_person=owner_person,
        due_date=due_date,
        description=description,
        themes=themes,
    )
