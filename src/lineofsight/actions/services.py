"""Writes to actions: create, update with evidence, close with evidence of impact (all audited).

An app raises an action from one of its records with ``raise_action(actor=, record=, ...)``
(the record's model registered in ``actions.sources``); ``create_action`` is the lower level.
Other apps create actions here (``source_object=`` links the action back to their record)::

    create_action(actor=user, title="...", source="audit", owner_agency=police,
                  due_date=date(2021, 9, 30), source_label="Neglect audit 2021 finding 2",
                  source_object=finding, themes=["neglect"])

``add_update`` and ``close_action`` take the version the person's form was loaded with and raise
``lineofsight.lib.versioning.EditConflict`` if someone else changed the action meanwhile.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone

from lineofsight.actions import verbs
from lineofsight.actions.models import Action, ActionUpdate, LearningTheme
from lineofsight.actions.policies import can_update_action
from lineofsight.actions.sources import action_source, source_for
from lineofsight.audit.services import record_update, snapshot_with
from lineofsight.lib.audited import audited_create, audited_update
from lineofsight.lib.versioning import save_if_unchanged
from lineofsight.partnership.access import check_permission, has_permission
from lineofsight.partnership.actors import user_of
from lineofsight.partnership.models import Agency
from lineofsight.partnership.roles import Role

ThemeRef = LearningTheme | str | int


def _check_can_update(actor: Any, action: Action) -> None:
    if not can_update_action(actor, action):
        raise PermissionDenied("Only the owning agency's lead or a partnership administrator")


def resolve_themes(themes: Iterable[ThemeRef]) -> list[LearningTheme]:
    """Themes given as objects, slugs or primary keys; an unknown one is a ValidationError."""
    resolved: list[LearningTheme] = []
    for ref in themes:
        if isinstance(ref, LearningTheme):
            resolved.append(ref)
            continue
        lookup = {"pk": ref} if isinstance(ref, int) else {"slug": ref}
        theme = LearningTheme.objects.filter(**lookup).first()
        if theme is None:
            raise ValidationError({"themes": f"Unknown learning theme {ref!r}"})
        resolved.append(theme)
    return resolved


def set_themes(themes: Iterable[ThemeRef] | None) -> Callable[[Any], None] | None:
    """An ``after_save`` for ``lib.audited``: give the saved record these learning themes
    (resolved inside the write's transaction); ``None`` leaves its themes alone."""
    if themes is None:
        return None
    return lambda saved: saved.themes.set(resolve_themes(themes))


def snapshot_with_themes(instance: Any, exclude: tuple[str, ...] = ()) -> dict[str, Any] | None:
    """A ``snapshot_of`` for ``lib.audited``: the record's fields (less ``exclude``) with its
    learning themes as their slugs."""
    return snapshot_with(instance, {"themes": "slug"}, exclude)


def with_themes(themes: Iterable[ThemeRef] | None) -> dict[str, Any]:
    """``lib.audited`` options for a record with learning themes: saved with ``themes`` (``None``:
    its themes left alone) and audited with them (``set_themes``, ``snapshot_with_themes``)."""
    return {
        "after_save": set_themes(None if themes is None else list(themes)),
        "snapshot_of": snapshot_with_themes,
    }


_action_snapshot = snapshot_with_themes


def create_action(
    *,
    actor: Any,
    title: str,
    source: str,
    owner_agency: Agency,
    due_date: dt.date,
    description: str = "",
    source_label: str = "",
    source_object: models.Model | None = None,
    owner_person: str = "",
    themes: Iterable[ThemeRef] = (),
    at: dt.datetime | None = None,
) -> Action:
    """A new open action.  ``at`` backdates creation (importing an existing tracker, demo).

    ``source`` is a key registered in ``actions.sources``; an unknown one is a ValidationError.
    """
    action_source(source)
    action = Action(
        title=title.strip(),
        description=description.strip(),
        source=source,
        source_label=source_label.strip(),
        owner_agency=owner_agency,
        owner_person=owner_person.strip(),
        due_date=due_date,
        created_at=at or timezone.now(),
    )
    if source_object is not None:
        if source_object.pk is None:
            raise ValueError("source_object must be saved before it can own actions")
        action.source_app_label = source_object._meta.app_label
        action.source_model = source_object._meta.model_name or ""
        action.source_id = str(source_object.pk)
    return audited_create(
        actor=actor,
        instance=action,
        verb=verbs.ACTION_CREATE,
        **with_themes(themes),
    )


def raise_action(
    *,
    actor: Any,
    record: models.Model,
    owner_agency: Agency,
    title: str = "",
    due_date: dt.date,
    description: str = "",
    owner_person: str = "",
    themes: Iterable[ThemeRef] | None = None,
    at: dt.datetime | None = None,
) -> Action:
    """An action raised from ``record`` (a finding, a recommendation, a plan item...), linked back
    to it, with the source and label its app registered in ``actions.sources``.  ``themes=None``
    takes the themes the source suggests for the record (``initial``), if any; a blank ``title``
    its suggested title."""
    source = source_for(record)
    suggested = source.initial(record)
    check_permission(actor, source.permission)
    return create_action(
        actor=actor,
        title=title.strip() or suggested.get("title", ""),
        source=source.key,
        source_label=source.describe(record)[:200],
        source_object=record,
        owner_agency=owner_agency,
        owner_person=owner_person,
        due_date=due_date,
        description=description,
        themes=suggested.get("themes", ()) if themes is None else themes,
        at=at,
    )


def add_update(
    *,
    actor: Any,
    action: Action,
    expected_version: int,
    text: str,
    evidence: str = "",
    status: str | None = None,
    at: dt.datetime | None = None,
) -> ActionUpdate:
    """A progress update; ``status`` may move the action (not to closed: use close_action)."""
    _check_can_update(actor, action)
    text = text.strip()
    if not text:
        raise ValidationError({"text": "Enter what has happened"})
    new_status = status or action.status
    if new_status not in Action.Status.values:
        raise ValidationError({"status": f"Unknown status {new_status!r}"})
    if new_status == Action.Status.CLOSED and action.status != Action.Status.CLOSED:
        raise ValidationError({"status": "To close an action, use Close with evidence of impact"})
    if action.status in Action.FINISHED and new_status not in Action.FINISHED:
        if not actor.has_role(Role.PARTNERSHIP_ADMIN):
            raise PermissionDenied("Only a partnership administrator can reopen an action")
    with transaction.atomic():
        before = _action_snapshot(action)
        when = at or timezone.now()
        action.status = new_status
        if new_status not in Action.FINISHED:
            action.closed_at = None
        elif new_status == Action.Status.CANCELLED and action.closed_at is None:
            action.closed_at = when
        save_if_unchanged(action, expected_version, fields=["status", "closed_at"])
        update = ActionUpdate.objects.create(
            action=action,
            author=user_of(actor),
            at=when,
            text=text,
            evidence=evidence.strip(),
            status_after=new_status,
        )
        record_update(
            actor,
            action,
            verbs.ACTION_UPDATE,
            before=before,
            after=_action_snapshot(action),
            detail={"update_id": update.pk, "text": text, "evidence": update.evidence},
        )
        return update


def close_action(
    *,
    actor: Any,
    action: Action,
    expected_version: int,
    impact_evidence: str,
    at: dt.datetime | None = None,
) -> Action:
    """Close the action, recording the evidence that it changed practice (required)."""
    _check_can_update(actor, action)
    impact_evidence = impact_evidence.strip()
    if not impact_evidence:
        raise ValidationError(
            {"impact_evidence": "Enter the evidence that this action has made a difference"}
        )
    if action.status in Action.FINISHED:
        raise ValidationError(f"This action is already {action.get_status_display().lower()}")
    with transaction.atomic():
        before = _action_snapshot(action)
        when = at or timezone.now()
        action.status = Action.Status.CLOSED
        action.closed_at = when
        action.impact_evidence = impact_evidence
        save_if_unchanged(
            action, expected_version, fields=["status", "closed_at", "impact_evidence"]
        )
        ActionUpdate.objects.create(
            action=action,
            author=user_of(actor),
            at=when,
            text="Closed with evidence of impact",
            evidence=impact_evidence,
            status_after=Action.Status.CLOSED,
        )
        record_update(
            actor, action, verbs.ACTION_CLOSE, before=before, after=_action_snapshot(action)
        )
        return action


def edit_action(
    *,
    actor: Any,
    action: Action,
    expected_version: int,
    title: str,
    description: str,
    owner_agency: Agency,
    owner_person: str,
    due_date: dt.date,
    themes: Iterable[ThemeRef],
) -> Action:
    """Change what the action is, who owns it and when it is due (partnership administrators)."""
    if not has_permission(actor, "learning.manage"):
        raise PermissionDenied("learning.manage")
    return audited_update(
        actor=actor,
        instance=action,
        expected_version=expected_version,
        changes={
            "title": title.strip(),
            "description": description.strip(),
            "owner_agency": owner_agency,
            "owner_person": owner_person.strip(),
            "due_date": due_date,
        },
        verb=verbs.ACTION_EDIT,
        fields=["title", "description", "owner_agency_id", "owner_person", "due_date"],
        **with_themes(themes),
    )
