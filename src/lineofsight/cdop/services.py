"""Writes to child death reviews (the CDOP coordinator), each audited in its own transaction.

Learning points become actions through ``actions.services.raise_action`` with the learning point
as the record (source ``cdop``, registered in ``cdop/action_sources.py``).  The demo and the
importer run on the command line pass ``partnership.actors.SYSTEM``; ``None`` is refused.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from lineofsight.actions.services import ThemeRef, set_themes
from lineofsight.audit.services import snapshot
from lineofsight.cdop import policies, reference, verbs
from lineofsight.cdop.models import (
    NOTIFICATION_FIELDS,
    AgencyReport,
    AlertSettings,
    Attendance,
    ChildDeath,
    ContributoryFactor,
    DeathCategory,
    LearningPoint,
    NationalComparator,
    PanelMeeting,
)
from lineofsight.cdop.selectors import alert_settings
from lineofsight.lib.audited import (
    audited_change,
    audited_create,
    audited_edit,
    audited_save,
    audited_update,
    only,
    stripped,
)
from lineofsight.lib.numbering import next_number
from lineofsight.partnership.models import Agency, Partnership

REVIEW_FIELDS = (
    "cdr_meeting_on",
    "panel_meeting",
    "reviewed_on",
    "category",
    "outcome",
    "closed_on",
)


def sync_categories() -> None:
    """The ten national categories of death (``reference.CATEGORIES``) as rows: adds any missing
    (the migration seeds them; a flushed test database or an import may need them again); one a
    partnership renamed or retired is left as it is."""
    for number, (code, name) in enumerate(reference.CATEGORIES, start=1):
        DeathCategory.objects.get_or_create(code=code, defaults={"number": number, "name": name})


def _check(actor: Any, record: Any = None) -> None:
    if not policies.can_manage(actor, record):
        raise PermissionDenied("cdop.manage")


def _death_snapshot(death: ChildDeath) -> dict[str, Any] | None:
    data = snapshot(death)
    if data is not None and death.pk:
        data["factors"] = [[f.domain, f.description, f.grade] for f in death.factors.order_by("pk")]
    return data


def create_death(*, actor: Any, partnership: Partnership, **fields: Any) -> ChildDeath:
    """Record a child's death from its notification (NCMD notification form)."""
    _check(actor, ChildDeath(partnership=partnership))
    only(fields, (*NOTIFICATION_FIELDS, *REVIEW_FIELDS), "child death")
    death = ChildDeath(partnership=partnership, **stripped(fields))
    return audited_create(
        actor=actor, instance=death, verb=verbs.DEATH_CREATE, snapshot_of=_death_snapshot
    )


def update_death(
    *, actor: Any, death: ChildDeath, expected_version: int, **fields: Any
) -> ChildDeath:
    _check(actor, death)
    only(fields, NOTIFICATION_FIELDS, "notification")
    return audited_edit(
        actor, death, expected_version, fields, verb=verbs.DEATH_UPDATE, snapshot_of=_death_snapshot
    )


def add_agency_report(
    *,
    actor: Any,
    death: ChildDeath,
    agency: Agency,
    requested_on: dt.date,
    returned_on: dt.date | None = None,
) -> AgencyReport:
    """An agency asked for its report (and, if given, when it returned it)."""
    _check(actor, death)
    if agency.partnership_id != death.partnership_id:
        raise ValidationError({"agency": "Choose an agency of this partnership"})
    if AgencyReport.objects.filter(death=death, agency=agency).exists():
        raise ValidationError({"agency": f"{agency} has already been asked for its report"})
    if requested_on < death.died_on:
        raise ValidationError({"requested_on": "A report cannot be asked for before the death"})
    report = AgencyReport(
        death=death, agency=agency, requested_on=requested_on, returned_on=returned_on
    )
    return audited_create(actor=actor, instance=report, verb=verbs.AGENCY_REPORT_ADD)


def record_report_returned(
    *, actor: Any, report: AgencyReport, returned_on: dt.date
) -> AgencyReport:
    _check(actor, report.death)
    return audited_change(
        actor=actor,
        instance=report,
        changes={"returned_on": returned_on},
        verb=verbs.AGENCY_REPORT_RETURN,
        fields=["returned_on"],
    )


def create_meeting(
    *,
    actor: Any,
    partnership: Partnership,
    held_on: dt.date,
    attendance: Mapping[Agency, int],
    notes: str = "",
) -> PanelMeeting:
    """A panel meeting and the members present from each agency."""
    _check(actor, PanelMeeting(partnership=partnership))
    if not any(n > 0 for n in attendance.values()):
        raise ValidationError({"attendance": "Enter the members present from at least one agency"})
    if PanelMeeting.objects.filter(partnership=partnership, held_on=held_on).exists():
        raise ValidationError({"held_on": "A panel meeting on this date is already recorded"})

    def attend(meeting: PanelMeeting) -> None:
        for agency, members in attendance.items():
            if members > 0:
                Attendance.objects.create(meeting=meeting, agency=agency, members=members)

    meeting = PanelMeeting(partnership=partnership, held_on=held_on, notes=notes.strip())
    return audited_create(
        actor=actor, instance=meeting, verb=verbs.MEETING_CREATE, after_save=attend
    )


@dataclass(frozen=True)
class Factor:
    domain: str
    description: str
    grade: int


FACTOR_LINE = re.compile(r"^\s*([0-2])\s*[:.\-–]?\s*(\S.*)$")


def parse_factor_lines(domain: str, text: str) -> list[Factor]:
    """One factor a line, its grade first: "2 Unsafe sleeping arrangement"; a bad line is a
    ValidationError naming the line."""
    factors = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = FACTOR_LINE.match(line)
        if match is None:
            raise ValidationError(
                f"Line {number}: start with the grade 0, 1 or 2, then the factor, for example "
                f'"2 Parental smoking" (you entered "{line.strip()[:40]}")'
            )
        factors.append(Factor(domain, match.group(2).strip(), int(match.group(1))))
    return factors


def record_panel_review(
    *,
    actor: Any,
    death: ChildDeath,
    expected_version: int,
    panel_meeting: PanelMeeting | None,
    category: DeathCategory | None,
    outcome: str,
    factors: Sequence[Factor],
    cdr_meeting_on: dt.date | None = None,
    reviewed_on: dt.date | None = None,
    closed_on: dt.date | None = None,
) -> ChildDeath:
    """The panel's analysis: meeting, category, the contributory factors (replacing any recorded
    before) and the outcome, which must agree with the grades (modifiable if and only if a
    factor is graded 2, unless the panel had insufficient information)."""
    _check(actor, death)
    graded_two = any(f.grade == reference.MODIFIABLE_GRADE for f in factors)
    if outcome == reference.Outcome.MODIFIABLE and not graded_two:
        raise ValidationError(
            {"outcome": "Modifiable factors were identified: grade at least one factor 2"}
        )
    if outcome == reference.Outcome.NOT_MODIFIABLE and graded_two:
        raise ValidationError(
            {"outcome": "A factor is graded 2 (may have contributed): the outcome is modifiable"}
        )
    if panel_meeting is not None:
        if panel_meeting.partnership_id != death.partnership_id:
            raise ValidationError({"panel_meeting": "Choose a meeting of this partnership"})
        reviewed_on = reviewed_on or panel_meeting.held_on

    def replace_factors(saved: ChildDeath) -> None:
        saved.factors.all().delete()
        for factor in factors:
            item = ContributoryFactor(
                death=saved,
                domain=factor.domain,
                description=factor.description,
                grade=factor.grade,
            )
            item.full_clean()
            item.save()

    return audited_update(
        actor=actor,
        instance=death,
        expected_version=expected_version,
        changes={
            "panel_meeting": panel_meeting,
            "reviewed_on": reviewed_on,
            "cdr_meeting_on": cdr_meeting_on,
            "category": category,
            "outcome": outcome,
            "closed_on": closed_on,
        },
        verb=verbs.DEATH_REVIEW,
        after_save=replace_factors,
        snapshot_of=_death_snapshot,
    )


def add_learning_point(
    *,
    actor: Any,
    death: ChildDeath,
    text: str,
    agency: Agency | None = None,
    themes: Iterable[ThemeRef] = (),
) -> LearningPoint:
    _check(actor, death)
    with transaction.atomic():
        point = LearningPoint(
            death=death, number=next_number(death.learning_points), text=text.strip(), agency=agency
        )
        return audited_create(
            actor=actor, instance=point, verb=verbs.LEARNING_ADD, after_save=set_themes(themes)
        )


def set_comparator(
    *, actor: Any, year: int, measure: str, value: Decimal | float, source: str = ""
) -> NationalComparator:
    """Enter (or correct) a national figure for a reporting year."""
    from lineofsight.cdop.presentation import COMPARATOR_MEASURES

    _check(actor)
    if measure not in COMPARATOR_MEASURES:
        raise ValidationError({"measure": f"Unknown measure {measure!r}"})
    with transaction.atomic():
        existing = NationalComparator.objects.filter(year=year, measure=measure).first()
        if existing is not None:
            existing.delete()
        row = NationalComparator(year=year, measure=measure, value=value, source=source.strip())
        return audited_create(actor=actor, instance=row, verb=verbs.COMPARATOR_SET)


def update_alert_settings(
    *,
    actor: Any,
    partnership: Partnership,
    expected_version: int | None,
    agency_report_weeks: int,
    open_warning_months: int,
    open_overdue_months: int,
) -> AlertSettings:
    _check(actor, AlertSettings(partnership=partnership))
    values = {
        "agency_report_weeks": agency_report_weeks,
        "open_warning_months": open_warning_months,
        "open_overdue_months": open_overdue_months,
    }
    return audited_save(
        actor=actor,
        record=alert_settings(partnership),
        changes=values,
        verb=verbs.ALERTS_UPDATE,
        expected_version=expected_version,
        fields=list(values),
    )
