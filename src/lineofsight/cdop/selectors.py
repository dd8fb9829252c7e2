"""Reads of child death reviews: scoped to the user's partnership, CDOP roles only, every read of
a record audited (``audit.reads.audited_read``).

Statistics are read through ``statistics_for`` by anyone who may see them; it returns figures,
never records (``disclosure`` suppresses small numbers for those outside the CDOP roles).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from lineofsight.actions.models import Action
from lineofsight.actions.selectors import theme_finder
from lineofsight.audit.reads import audited_read
from lineofsight.cdop import policies, reference
from lineofsight.cdop.alerts import Alert, Thresholds, alerts_for
from lineofsight.cdop.models import (
    AlertSettings,
    ChildDeath,
    LearningPoint,
    NationalComparator,
    PanelMeeting,
)
from lineofsight.cdop.statistics import (
    ActionFact,
    Case,
    Meeting,
    YearStats,
    year_stats,
    years_covered,
)
from lineofsight.lib.filters import filtered, reporting_year_span
from lineofsight.partnership.selectors import settings_row


def _deaths(user: Any) -> QuerySet[ChildDeath]:
    return ChildDeath.objects.filter(
        partnership_id=policies.can_view_records.scope(user)
    ).select_related("category", "panel_meeting")


def alert_settings(partnership: Any) -> AlertSettings:
    """The partnership's thresholds (the defaults, unsaved, until someone changes them)."""
    return settings_row(AlertSettings, partnership)


def _alerts(
    death: ChildDeath, thresholds: Thresholds, today: dt.date, returned: int
) -> list[Alert]:
    return alerts_for(
        died_on=death.died_on,
        notified_on=death.notified_on,
        closed_on=death.closed_on,
        reports_returned=returned,
        thresholds=thresholds,
        today=today,
    )


@audited_read("cdop.death")
def case_rows(
    user: Any, *, status: str = "open", year: int | None = None, today: dt.date | None = None
) -> list[dict[str, Any]]:
    """Cases with their alerts: ``status`` "open", "closed", "overdue" (open with an alert) or
    "" (all); ``year`` the reporting year of the death."""
    today = today or timezone.localdate()
    rows = _deaths(user).annotate(
        returned=Count("agency_reports", filter=Q(agency_reports__returned_on__isnull=False)),
        asked=Count("agency_reports"),
    )
    if status in ("open", "overdue"):
        rows = rows.filter(closed_on__isnull=True)
    elif status == "closed":
        rows = rows.filter(closed_on__isnull=False)
    rows = filtered(rows, died_on__range=reporting_year_span(year))
    thresholds = Thresholds.of(alert_settings(user.agency.partnership))
    result = []
    for death in rows.order_by("died_on", "pk"):
        found = _alerts(death, thresholds, today, death.returned)
        if status == "overdue" and not found:
            continue
        result.append(
            {"death": death, "alerts": found, "returned": death.returned, "asked": death.asked}
        )
    return result


@audited_read("cdop.death")
def death_for(user: Any, pk: int) -> ChildDeath:
    return get_object_or_404(_deaths(user), pk=pk)


def death_alerts(death: ChildDeath, today: dt.date | None = None) -> list[Alert]:
    returned = death.agency_reports.filter(returned_on__isnull=False).count()
    thresholds = Thresholds.of(alert_settings(death.partnership))
    return _alerts(death, thresholds, today or timezone.localdate(), returned)


def meetings_for(user: Any) -> QuerySet[PanelMeeting]:
    return PanelMeeting.objects.filter(
        partnership_id=policies.can_view_records.scope(user)
    ).annotate(reviewed=Count("cases"))


@audited_read("cdop.meeting")
def meeting_for(user: Any, pk: int) -> PanelMeeting:
    return get_object_or_404(meetings_for(user), pk=pk)


def learning_point_for(user: Any, pk: int) -> LearningPoint:
    return get_object_or_404(
        LearningPoint.objects.filter(
            death__partnership_id=policies.can_view_records.scope(user), pk=pk
        ).select_related("death__partnership")
    )


# ---- statistics (figures, not records) ----


def _cases(partnership_id: int) -> list[Case]:
    deaths = ChildDeath.objects.filter(partnership_id=partnership_id).select_related("category")
    deaths = deaths.prefetch_related("factors")
    cases = []
    for death in deaths:
        factors = list(death.factors.all())
        cases.append(
            Case(
                died_on=death.died_on,
                notified_on=death.notified_on,
                under_one=death.under_one,
                expected=death.expectation == reference.Expectation.EXPECTED,
                place=death.place_of_death,
                reviewed_on=death.reviewed_on,
                category=death.category.code if death.category else None,
                outcome=death.outcome,
                modifiable_domains=frozenset(
                    f.domain for f in factors if f.grade == reference.MODIFIABLE_GRADE
                ),
                factors=tuple(f.description for f in factors if f.grade > 0),
            )
        )
    return cases


def _meetings(partnership_id: int) -> list[Meeting]:
    meetings = PanelMeeting.objects.filter(partnership_id=partnership_id)
    return [
        Meeting(
            m.held_on,
            frozenset(str(a.agency) for a in m.attendance.all() if a.members > 0),
        )
        for m in meetings.prefetch_related("attendance__agency")
    ]


def _actions(partnership_id: int) -> list[ActionFact]:
    ids = LearningPoint.objects.filter(death__partnership_id=partnership_id).values_list(
        "pk", flat=True
    )
    rows = Action.objects.filter(
        source="cdop", source_model="learningpoint", source_id__in=[str(i) for i in ids]
    )
    return [ActionFact(timezone.localtime(a.created_at).date(), a.status) for a in rows]


def statistics_for(user: Any, years: Iterable[int] | None = None) -> list[YearStats]:
    """Every reporting year's figures (``years``, default every year with something in it)."""
    if not policies.can_view_statistics(user) or user.agency is None:
        raise PermissionDenied("cdop.statistics")
    return statistics_of(user.agency.partnership, years)


def statistics_of(partnership: Any, years: Iterable[int] | None = None) -> list[YearStats]:
    """The figures of ``partnership`` (for the annual report, which suppresses them itself)."""
    cases = _cases(partnership.pk)
    meetings = _meetings(partnership.pk)
    actions = _actions(partnership.pk)
    settings = alert_settings(partnership)
    populations = dict(partnership.populations.values_list("year", "under_18"))
    if years is None:
        years = years_covered(cases, timezone.localdate(), meetings)
    return [
        year_stats(
            year,
            cases,
            meetings,
            actions,
            population=populations.get(year),
            warning_months=settings.open_warning_months,
            overdue_months=settings.open_overdue_months,
        )
        for year in years
    ]


def comparators() -> dict[int, dict[str, float]]:
    """National figures by reporting year and measure."""
    found: dict[int, dict[str, float]] = {}
    for row in NationalComparator.objects.all():
        found.setdefault(row.year, {})[row.measure] = float(row.value)
    return found


# For the learning-themes page: each CDOP learning point tagged with a theme (no link and no
# reference: the themes page is open to roles that may not read CDOP records).
theme_occurrences = theme_finder(
    LearningPoint,
    "cdop",
    related="death",
    year=lambda point: (point.death.reviewed_on or point.death.notified_on).year,
    title=lambda point: "Child death overview panel learning",
    linked=False,
)
