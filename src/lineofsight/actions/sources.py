"""Where an action comes from: a registry that apps add their action sources to.

``Action.source`` holds a registered key (validated here, not by a database choice list), so a
new module adds a source without a migration of ``actions``.  An app registers in its
``AppConfig.ready()`` (its ``action_sources.register()``)::

    from lineofsight.actions.sources import found_by, register_action_source, suggested

    register_action_source(
        "lado", "LADO allegation",
        model=Allegation,                                  # records actions are raised from
        describe=lambda a: f"LADO {a.reference}",          # the action's source label
        find=found_by(selectors.allegation_for),           # the record, as the person may see it
        initial=suggested(owner_agency="employer_agency_id"),   # the form's starting values
        permission="lado.manage",
        order=85,
    )

What every source would repeat follows from conventions: the record's partnership is its
``partnership`` (else a dotted path, ``partnership="audit.partnership"``), the page's title
"Raise an action from this <the model's verbose name>", and who may follow a link to the
record the ``<app>.view`` of the permission's app (``governance.manage``: ``governance.view``;
none: the permission itself); each may be given where a source differs.

Then ``actions.services.raise_action(actor=..., record=allegation, ...)`` raises an action
linked back to it (``link`` defaults to the record's ``get_absolute_url``), and the page
``actions:raise`` (``/actions/raise/lado/<pk>/``) is the form for it.  A source without a model
(``board``, ``inspection``) is chosen by hand on the new-action form.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest

from lineofsight.lib.pages import one_of

# a value of the record: a dotted path to it ("audit.lead_agency_id") or a function of the record
Of = str | Callable[[Any], Any]

LEARNING_MANAGE = "learning.manage"  # the default permission: the learning apps' records
TITLE_LENGTH = 300  # an action's title


def _nothing_suggested(record: Any) -> dict[str, Any]:
    return {}


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
    initial: Callable[[Any], dict[str, Any]] = _nothing_suggested
    partnership: Callable[[Any], Any] = field(default=lambda record: None)
    intro: Callable[[Any], str] = field(default=lambda record: "")
    page_title: str = "Raise an action"
    permission: str = LEARNING_MANAGE
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
    """A ``find`` from a selector ``user -> queryset``: a record outside it is a 404 (the
    pages' ``lib.pages.one_of``)."""
    return found_by(one_of(records_for))


def _value(of: Of) -> Callable[[Any], Any]:
    return of if callable(of) else attrgetter(of)


def suggested(
    *,
    title: Of | None = None,
    owner_agency: Of | None = None,
    owner_person: Of | None = None,
    themes: str | tuple[str, ...] = (),
) -> Callable[[Any], dict[str, Any]]:
    """An ``initial`` taken from the record: each value a dotted path or a function of it.
    ``title`` is cut to an action title's length; ``themes`` is the first of its paths whose
    themes are not empty (``("themes", "review.themes")``); a value ``None`` is left out."""
    values = {
        name: _value(of)
        for name, of in (
            ("title", title),
            ("owner_agency", owner_agency),
            ("owner_person", owner_person),
        )
        if of is not None
    }
    theme_paths = (themes,) if isinstance(themes, str) else themes

    def initial(record: Any) -> dict[str, Any]:
        found = {name: value(record) for name, value in values.items()}
        if "title" in found:
            found["title"] = str(found["title"])[:TITLE_LENGTH]
        for path in theme_paths:
            found["themes"] = list(attrgetter(path)(record).all())
            if found["themes"]:
                break
        return {name: value for name, value in found.items() if value is not None}

    return initial


def view_permission_for(permission: str) -> str:
    """Who may open a source's records, by the roles table's naming: the ``view`` permission of
    ``permission``'s app (``governance.manage``: ``governance.view``), else ``permission``
    itself (``lado.manage``); for the default ``learning.manage``, anyone ("")."""
    from lineofsight.partnership.roles import PERMISSIONS

    if permission == LEARNING_MANAGE:
        return ""
    view = f"{permission.partition('.')[0]}.view"
    return view if view in PERMISSIONS else permission


def register_action_source(
    key: str,
    label: str,
    *,
    model: type[models.Model] | None = None,
    describe: Callable[[Any], str] = str,
    find: Callable[..., Any] | None = None,
    initial: Callable[[Any], dict[str, Any]] = _nothing_suggested,
    partnership: Of = "partnership",
    intro: str | Callable[[Any], str] = "",
    page_title: str = "",
    permission: str = LEARNING_MANAGE,
    view_permission: str | None = None,
    order: int = 50,
) -> ActionSource:
    """Add (or replace) the source ``key`` (at most 40 characters, stored on each action).
    ``partnership`` (a dotted path or a function of the record), ``page_title`` and
    ``view_permission`` follow the conventions above unless given; ``intro`` is the words over
    the form (or a function of the record giving them)."""
    if not key or len(key) > 40:
        raise ValueError(f"an action source key has 1 to 40 characters: {key!r}")
    if not page_title:
        what = model._meta.verbose_name if model is not None else ""
        page_title = f"Raise an action from this {what}" if what else "Raise an action"
    if view_permission is None:
        view_permission = view_permission_for(permission)
    source = ActionSource(
        key,
        label,
        model=model,
        describe=describe,
        find=find,
        initial=initial,
        partnership=_value(partnership),
        intro=intro if callable(intro) else (lambda record: intro),
        page_title=page_title,
        permission=permission,
        order=order,
        view_permission=view_permission,
    )
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
