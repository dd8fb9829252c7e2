"""Where a learning theme recurs: a registry that other apps add their tagged records to.

The themes page counts, for each theme, the case reviews, audits, findings, actions (and, when
the workforce app registers one, training) tagged with it, by year.  An app registers a source in
its ``AppConfig.ready()``::

    from lineofsight.actions.theme_sources import Occurrence, register_theme_source

    def audit_occurrences(themes):          # themes: the LearningTheme queryset being shown
        for audit in Audit.objects.filter(themes__in=themes).prefetch_related("themes"):
            for theme in audit.themes.all():
                yield Occurrence(theme.pk, "audit", audit.completed_on.year, str(audit),
                                 audit.get_absolute_url())

    register_theme_source("audit", "multi-agency audit", "multi-agency audits",
                          audit_occurrences)

Training (Guskey-evaluated courses) registers with kind ``"training"`` the same way; the themes
page lists every registered kind, so nothing here changes when it arrives.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db.models import Model, QuerySet


@dataclass(frozen=True)
class Occurrence:
    """One tagged record: ``theme_id`` recurs in a ``kind`` of record in ``year``."""

    theme_id: int
    kind: str
    year: int
    title: str
    url: str = ""


OccurrenceFinder = Callable[[QuerySet[Any]], Iterable[Occurrence]]


@dataclass(frozen=True)
class ThemeSource:
    kind: str
    singular: str
    plural: str
    find: OccurrenceFinder
    order: int = 50
    # who may open the records' pages: others see the titles without links ("" = anyone)
    view_permission: str = ""

    def label(self, count: int) -> str:
        return self.singular if count == 1 else self.plural


_SOURCES: dict[str, ThemeSource] = {}


def tagged(
    model: type[Model],
    themes: QuerySet[Any],
    kind: str,
    *,
    year: Callable[[Any], int],
    title: Callable[[Any], str],
    url: Callable[[Any], str] = lambda record: "",
    related: str = "",
) -> Iterator[Occurrence]:
    """An ``Occurrence`` of ``kind`` for each record of ``model`` tagged with one of ``themes``
    (one per theme it carries); ``related`` is selected with the record (``"audit"``)."""
    name = model._meta.model_name or ""
    through = model.themes.through  # type: ignore[attr-defined]
    rows = through.objects.filter(learningtheme__in=themes).select_related(
        f"{name}__{related}" if related else name
    )
    for row in rows:
        record = getattr(row, name)
        yield Occurrence(
            theme_id=row.learningtheme_id,
            kind=kind,
            year=year(record),
            title=title(record),
            url=url(record),
        )


def register_theme_source(
    kind: str,
    singular: str,
    plural: str,
    find: OccurrenceFinder,
    order: int = 50,
    view_permission: str = "",
) -> None:
    """Add (or replace) the finder for ``kind``; ``order`` sorts kinds on the page;
    ``view_permission`` is what a reader needs to follow the links to the records."""
    _SOURCES[kind] = ThemeSource(kind, singular, plural, find, order, view_permission)


def theme_sources() -> list[ThemeSource]:
    return sorted(_SOURCES.values(), key=lambda s: (s.order, s.kind))


def _action_occurrences(themes: QuerySet[Any]) -> Iterable[Occurrence]:
    from django.urls import reverse
    from django.utils import timezone

    from lineofsight.actions.models import Action

    return tagged(
        Action,
        themes,
        "action",
        year=lambda action: timezone.localtime(action.created_at).year,
        title=lambda action: action.title,
        url=lambda action: reverse("actions:detail", args=[action.pk]),
    )


def register_builtin() -> None:
    register_theme_source("action", "action", "actions", _action_occurrences, order=90)
