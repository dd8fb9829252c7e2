"""Reads of the LADO's records: scoped to the user's partnership, the LADO roles only (not the
administrator, not the board), every read of a record audited (``audit.reads.audited_read``).

Statistics are read through ``facts_for`` by anyone who may see them: they are figures, never
records, and carry no name and no reference (the adult's reference is only compared).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Min, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from lineofsight.audit.reads import audited_read
from lineofsight.lado import policies, timeliness
from lineofsight.lado.models import (
    Consultation,
    EarlierYear,
    Outcome,
    Referral,
    Sector,
    Standards,
)
from lineofsight.lado.statistics import (
    ConsultationFact,
    Facts,
    Labels,
    MeetingFact,
    ReferralFact,
)
from lineofsight.lib.filters import filtered, reporting_year_span
from lineofsight.partnership.selectors import settings_row


def standards_of(partnership: Any) -> Standards:
    """The partnership's standards (the defaults, unsaved, until the LADO changes them)."""
    return settings_row(Standards, partnership)


def _referrals(user: Any) -> QuerySet[Referral]:
    return Referral.objects.filter(partnership_id=policies.can_manage.scope(user)).select_related(
        "sector", "outcome"
    )


def _with_flags(rows: QuerySet[Referral], partnership: Any, today: dt.date) -> list[dict[str, Any]]:
    standards = timeliness.Standards.of(standards_of(partnership))
    result = []
    for referral in rows.annotate(first_meeting=Min("meetings__held_on")):
        found = timeliness.flags(
            received_on=referral.received_on,
            threshold_met=referral.threshold_met,
            decided_on=referral.decided_on,
            first_meeting=referral.first_meeting,
            concluded_on=referral.concluded_on,
            standards=standards,
            today=today,
        )
        result.append({"referral": referral, "flags": found})
    return result


@audited_read("lado.referral")
def referral_rows(
    user: Any,
    *,
    status: str = "open",
    year: int | None = None,
    today: dt.date | None = None,
) -> list[dict[str, Any]]:
    """Referrals with their overdue flags: ``status`` "open", "overdue" (open with a flag),
    "concluded" or "" (all); ``year`` the reporting year received."""
    today = today or timezone.localdate()
    rows = _referrals(user)
    if status in ("open", "overdue"):
        rows = rows.filter(concluded_on__isnull=True)
    elif status == "concluded":
        rows = rows.filter(concluded_on__isnull=False)
    rows = filtered(rows, received_on__range=reporting_year_span(year))
    result = _with_flags(rows.order_by("received_on", "pk"), user.agency.partnership, today)
    if status == "overdue":
        result = [row for row in result if row["flags"]]
    return result


@audited_read("lado.referral")
def referral_for(user: Any, pk: int) -> Referral:
    return get_object_or_404(_referrals(user), pk=pk)


def referral_flags(referral: Referral, today: dt.date | None = None) -> list[timeliness.Flag]:
    first = referral.meetings.aggregate(first=Min("held_on"))["first"]
    return timeliness.flags(
        received_on=referral.received_on,
        threshold_met=referral.threshold_met,
        decided_on=referral.decided_on,
        first_meeting=first,
        concluded_on=referral.concluded_on,
        standards=timeliness.Standards.of(standards_of(referral.partnership)),
        today=today or timezone.localdate(),
    )


def referral_deadlines(referral: Referral) -> dict[str, dt.date | None]:
    standards = timeliness.Standards.of(standards_of(referral.partnership))
    return {
        "decision": timeliness.decision_due(referral.received_on, standards),
        "meeting": (
            timeliness.meeting_due(referral.decided_on, standards)
            if referral.threshold_met and referral.decided_on
            else None
        ),
    }


@audited_read("lado.consultation")
def consultations_for(user: Any, *, year: int | None = None) -> list[Consultation]:
    rows = Consultation.objects.filter(
        partnership_id=policies.can_manage.scope(user)
    ).select_related("sector", "referral")
    rows = filtered(rows, consulted_on__range=reporting_year_span(year))
    return list(rows)


@audited_read("lado.consultation")
def consultation_for(user: Any, pk: int) -> Consultation:
    return get_object_or_404(
        Consultation.objects.filter(
            partnership_id=policies.can_manage.scope(user), pk=pk
        ).select_related("sector", "referral")
    )


def sectors(active_only: bool = True) -> QuerySet[Sector]:
    rows = Sector.objects.all()
    return rows.filter(active=True) if active_only else rows


def outcomes(active_only: bool = True) -> QuerySet[Outcome]:
    rows = Outcome.objects.all()
    return rows.filter(active=True) if active_only else rows


# ---- statistics (figures, not records) ----


def facts_for(user: Any) -> Facts:
    if not policies.can_view_statistics(user) or getattr(user, "agency", None) is None:
        raise PermissionDenied("lado.statistics")
    return facts_of(user.agency.partnership)


def facts_of(partnership: Any) -> Facts:
    """The partnership's referrals and consultations as facts (for the page and the report)."""
    referrals = (
        Referral.objects.filter(partnership=partnership)
        .select_related("sector", "outcome")
        .prefetch_related("meetings")
    )
    facts = [
        ReferralFact(
            received_on=r.received_on,
            adult=r.adult_reference,
            sector=r.sector.code,
            referring_agency=r.referring_agency,
            category=r.category,
            context=r.context,
            threshold_met=r.threshold_met,
            decided_on=r.decided_on,
            criteria=frozenset(r.criteria),
            meetings=tuple(MeetingFact(m.held_on, frozenset(m.agencies)) for m in r.meetings.all()),
            police_investigation=r.police_investigation,
            suspended=r.suspended,
            social_care_involved=r.social_care_involved,
            outcome=r.outcome.code if r.outcome else "",
            concluded_on=r.concluded_on,
        )
        for r in referrals
    ]
    consultations = [
        ConsultationFact(c.consulted_on, c.referral_id is not None)
        for c in Consultation.objects.filter(partnership=partnership)
    ]
    labels = Labels(
        sectors=[(s.code, s.name) for s in Sector.objects.all()],
        outcomes=[(o.code, o.name) for o in Outcome.objects.all()],
    )
    earlier = {
        e.year: (e.referrals, e.met_threshold)
        for e in EarlierYear.objects.filter(partnership=partnership)
    }
    return Facts(
        facts,
        consultations,
        labels,
        timeliness.Standards.of(standards_of(partnership)),
        earlier,
    )
