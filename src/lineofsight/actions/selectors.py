"""Reads of actions, scoped to who may see them (everyone holding ``learning.view``).

Actions are partnership-wide (no child-level data), so every role that may see learning sees
all of them; who may *change* one is ``policies.can_update_action``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.db.models import Q, QuerySet
from django.utils import timezone

from lineofsight.actions.models import Action, LearningTheme
from lineofsight.actions.sources import action_sources
from lineofsight.actions.theme_sources import OccurrenceFinder, tagged
from lineofsight.lib.filters import filtered
from lineofsight.partnership.access import check_permission
from lineofsight.partnership.models import Agency

DUE_SOON_DAYS = 28


def theme_finder(
    model: type[models.Model],
    kind: str,
    *,
    year: Callable[[Any], int],
    title: Callable[[Any], str],
    related: str = "",
    linked: bool = True,
) -> OccurrenceFinder:
    """A learning-theme source's finder: ``theme_sources.tagged`` records of ``model``, each
    linked to its own page (``linked=False``: no link, where the themes page's readers may not
    open the record)."""

    def url(record: Any) -> str:
        return str(record.get_absolute_url()) if linked else ""

    return lambda themes: tagged(
        model, themes, kind, year=year, title=title, url=url, related=related
    )


def _all(user: Any) -> QuerySet[Action]:
    check_permission(user, "learning.view")
    return Action.objects.select_related("owner_agency").prefetch_related("themes")


def _overdue_q(today: dt.date) -> Q:
    return Q(status__in=Action.ACTIVE, due_date__lt=today)


def _due_soon_q(today: dt.date, days: int) -> Q:
    return Q(
        status__in=Action.ACTIVE,
        due_date__gte=today,
        due_date__lte=today + dt.timedelta(days=days),
    )


def actions_for(
    user: Any,
    *,
    agency: Agency | int | None = None,
    status: str | None = None,
    source: str | None = None,
    theme: LearningTheme | str | None = None,
    overdue: bool | None = None,
    due_soon: bool | None = None,
    today: dt.date | None = None,
    search: str = "",
) -> QuerySet[Action]:
    """Actions the user may see, filtered.  ``status="active"`` means open or in progress."""
    today = today or timezone.localdate()
    rows = filtered(_all(user), owner_agency=agency, source=source)
    if status == "active":
        rows = rows.filter(status__in=Action.ACTIVE)
    elif status:
        rows = rows.filter(status=status)
    if theme:
        rows = rows.filter(
            themes=theme
            if isinstance(theme, LearningTheme)
            else LearningTheme.objects.filter(slug=theme).first()
        )
    if overdue is True:
        rows = rows.filter(_overdue_q(today))
    elif overdue is False:
        rows = rows.exclude(_overdue_q(today))
    if due_soon:
        rows = rows.filter(_due_soon_q(today, DUE_SOON_DAYS))
    if search:
        rows = rows.filter(
            Q(title__icontains=search)
            | Q(source_label__icontains=search)
            | Q(owner_person__icontains=search)
        )
    return rows.distinct()


def overdue(user: Any, today: dt.date | None = None) -> QuerySet[Action]:
    """Open or in-progress actions past their due date, most overdue first."""
    return _all(user).filter(_overdue_q(today or timezone.localdate())).order_by("due_date", "pk")


def due_soon(
    user: Any, days: int = DUE_SOON_DAYS, today: dt.date | None = None
) -> QuerySet[Action]:
    """Open or in-progress actions due within ``days`` days from today (inclusive)."""
    return _all(user).filter(_due_soon_q(today or timezone.localdate(), days)).order_by("due_date")


def actions_for_source(obj: models.Model) -> QuerySet[Action]:
    """The actions a record owns (no permission check: the caller has shown the record)."""
    return (
        Action.objects.filter(
            source_app_label=obj._meta.app_label,
            source_model=obj._meta.model_name,
            source_id=str(obj.pk),
        )
        .select_related("owner_agency")
        .order_by("pk")
    )


@dataclass
class AgencyLine:
    agency: Agency
    total: int = 0
    active: int = 0
    overdue: int = 0
    due_soon: int = 0
    closed: int = 0


@dataclass
class BoardSummary:
    today: dt.date
    total: int
    by_status: list[tuple[str, str, int]]  # value, label, count
    by_source: list[tuple[str, str, int, int]]  # value, label, count, overdue
    by_agency: list[AgencyLine]
    overdue: int
    due_soon: int
    closed_with_evidence: int
    oldest_overdue: list[Action] = field(default_factory=list)

    @property
    def percent_overdue_of_active(self) -> float | None:
        active = sum(c for v, _l, c in self.by_status if v in Action.ACTIVE)
        return None if not active else 100 * self.overdue / active


def board_summary(user: Any, today: dt.date | None = None) -> BoardSummary:
    """Counts by status, source and agency, with overdue and due-soon figures, for the board."""
    today = today or timezone.localdate()
    rows = list(_all(user).order_by("due_date", "pk"))
    status_counts = Counter(a.status for a in rows)
    source_counts = Counter(a.source for a in rows)
    source_overdue = Counter(a.source for a in rows if a.is_overdue(today))
    lines: dict[int, AgencyLine] = {}
    for action in rows:
        line = lines.setdefault(action.owner_agency_id, AgencyLine(action.owner_agency))
        line.total += 1
        line.active += action.is_active
        line.overdue += action.is_overdue(today)
        line.due_soon += action.is_due_soon(DUE_SOON_DAYS, today)
        line.closed += action.status == Action.Status.CLOSED
    overdue_rows = [a for a in rows if a.is_overdue(today)]
    return BoardSummary(
        today=today,
        total=len(rows),
        by_status=[(s.value, s.label, status_counts[s.value]) for s in Action.Status],
        by_source=[
            (s.key, s.label, source_counts[s.key], source_overdue[s.key])
            for s in action_sources()
            if source_counts[s.key]
        ],
        by_agency=sorted(lines.values(), key=lambda line: (-line.overdue, line.agency.name)),
        overdue=len(overdue_rows),
        due_soon=sum(a.is_due_soon(DUE_SOON_DAYS, today) for a in rows),
        closed_with_evidence=status_counts[Action.Status.CLOSED],
        oldest_overdue=overdue_rows[:10],
    )


def themes() -> QuerySet[LearningTheme]:
    return LearningTheme.objects.order_by("name")


def tally_by_source(partnership: Any, at: dt.date) -> list[tuple[str, list[int]]]:
    """For the annual report: per action source (its label), the actions of ``partnership``
    raised by ``at`` that are open, overdue at ``at``, closed with evidence of impact, and all."""
    actions = list(
        Action.objects.filter(owner_agency__partnership=partnership, created_at__date__lte=at)
    )
    rows = []
    for source in action_sources():
        mine = [a for a in actions if a.source == source.key]
        if mine:
            rows.append(
                (
                    source.label,
                    [
                        sum(a.status in Action.ACTIVE for a in mine),
                        sum(a.is_active and a.due_date < at for a in mine),
                        sum(a.status == Action.Status.CLOSED for a in mine),
                        len(mine),
                    ],
                )
            )
    return rows
