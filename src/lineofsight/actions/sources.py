"""Where an action comes from: a registry that apps add their action sources to.

``Action.source`` holds a registered key (validated here, not by a database choice list), so a
new module adds a source without a migration of ``actions``.  An app registers in its
``AppConfig.ready()``::

    from lineofsight.actions.sources import register_action_source

    register_action_source(
        "lado", "LADO allegation",
        model=Allegation,                                  # records actions are raised from
        describe=lambda a: f"LADO {a.reference}",          # the action's source label
        find=lambda request, pk: get_object_or_404(selectors.allegations_for(request.user), pk=pk),
        initial=lambda a: {"owner_agency": a.employer_agency_id},   # the form's starting values
        partnership=lambda a: a.partnership,
    )

Then ``actions.services.raise_action(actor=..., record=allegation, ...)`` raises an action
linked back to it (``link`` defaults to the record's ``get_absolute_url``), and the page
``actions:raise`` (``/actions/raise/lado/<pk>/``) is the form for it.  A source without a model
(``board``, ``inspection``) is chosen by hand on the new-action form.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest
from django.shortcuts import get_object_or_404


def _absolute_url(record: models.Model) -> str:
    getter = getattr(record, "get_absolute_url", None)
    return str(getter()) if getter else ""


@dataclass(frozen=True)
class ActionSource:
    key: str
    label: str
    model: type[models.Model] | None = None
    describe: Callable[[Any], str] = str
    link: Callable[[Any], str] = _absolute_url
    find: Callable[..., Any] | None = None
    initial: Callable[[Any], dict[str, Any]] = field(default=lambda record: {})
    partnership: Callable[[Any], Any] = field(default=lambda record: None)
    intro: Callable[[Any], str] = field(default=lambda record: "")
    page_title: str = "Raise an action"
    permission: str = "learning.manage"
    order: int = 50
    # who may open the source record's page: others see its label without a link ("" = anyone)
    view_permission: str = ""

    @property
    def manual(self) -> bool:
        """Chosen by hand on the new-action form (no record to raise it from)."""
        return self.model is None


_SOURCES: dict[str, ActionSource] = {}


def found_by(selector: Callable[[Any, int], Any]) -> Callable[..., Any]:
    """A ``find`` from a selector ``(user, pk) -> record`` (which refuses what the user may not
    read)."""
    return lambda request, pk: selector(request.user, pk)


def found_in(records_for: Callable[[Any], Any]) -> Callable[..., Any]:
    """A ``find`` from a selector ``user -> queryset``: a record outside it is a 404."""
    return lambda request, pk: get_object_or_404(records_for(request.user), pk=pk)


def register_action_source(key: str, label: str, **options: Any) -> ActionSource:
    """Add (or replace) the source ``key`` (at most 40 characters, stored on each action)."""
    if not key or len(key) > 40:
        raise ValueError(f"an action source key has 1 to 40 characters: {key!r}")
    source = ActionSource(key, label, **options)
    _SOURCES[key] = source
    return source


def action_sources() -> list[ActionSource]:
    return sorted(_SOURCES.values(), key=lambda s: (s.order, s.label))


def action_source(key: str) -> ActionSource:
    """The registered source ``key``; an unknown key is a ``ValidationError`` on ``source``."""
    try:
        return _SOURCES[key]
    except KeyError:
        known = ", ".join(sorted(_SOURCES))
        message = f"Unknown action source {key!r} (known: {known})"
        raise ValidationError({"source": message}) from None


def source_for(record: models.Model) -> ActionSource:
    """The source registered for ``record``'s model."""
    for source in _SOURCES.values():
        if source.model is not None and isinstance(record, source.model):
            return source
    raise TypeError(f"no action source is registered for {type(record).__name__}")


def link_to(record: models.Model | None, user: Any = None) -> str:
    """The page of ``record`` (the link back from its actions); "" if none is known, or if
    ``user`` is given and may not open it (the source's ``view_permission``)."""
    if record is None:
        return ""
    try:
        source = source_for(record)
    except TypeError:
        return _absolute_url(record)
    if user is not None and source.view_permission:
        from lineofsight.partnership.access import has_permission

        if not has_permission(user, source.view_permission):
            return ""
    return source.link(record)


def source_label(key: str) -> str:
    source = _SOURCES.get(key)
    return source.label if source else key


def source_choices(*, manual_only: bool = False) -> list[tuple[str, str]]:
    return [(s.key, s.label) for s in action_sources() if s.manual or not manual_only]


def register_builtin() -> None:
    """The sources without a record of their own (chosen on the new-action form)."""
    register_action_source("inspection", "Inspection", order=50)
    register_action_source("board", "Board or executive", order=60)


def find_record(request: HttpRequest, source: ActionSource, **lookup: Any) -> Any:
    if source.find is None:
        raise ValidationError(f"actions are not raised from a record for {source.label}")
    return source.find(request, **lookup)
