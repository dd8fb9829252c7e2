"""Reads of the assurance records, scoped to the user's partnership and, for Section 11 drafts,
to the user's own agency."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet

from lineofsight.assurance import standards
from lineofsight.assurance.comparison import ComparisonRow, compare
from lineofsight.assurance.models import (
    GOOD_OR_BETTER,
    Audit,
    AuditCase,
    Challenge,
    Grading,
    Rating,
    Section11Answer,
    Section11Return,
    Section11Round,
)
from lineofsight.lib.filters import filtered
from lineofsight.partnership.access import check_permission, has_permission
from lineofsight.partnership.models import Partnership
from lineofsight.partnership.selectors import partnership_id_for

# audits ---------------------------------------------------------------------------------------


def audits_for(
    user: Any, *, text: str = "", year: int | None = None, status: str = "", theme: str = ""
) -> QuerySet[Audit]:
    check_permission(user, "learning.view")
    rows = (
        Audit.objects.filter(partnership_id=partnership_id_for(user))
        .select_related("lead_agency", "original")
        .annotate(case_count=Count("cases", distinct=True))
        .order_by("-year", "-quarter", "title")
    )
    if text:
        rows = rows.filter(Q(title__icontains=text) | Q(theme__icontains=text))
    return filtered(rows, year=year, status=status, theme__iexact=theme)


def audit_years(user: Any) -> list[int]:
    return sorted(set(audits_for(user).values_list("year", flat=True)), reverse=True)


def cases_for(audit: Audit) -> list[AuditCase]:
    return list(audit.cases.prefetch_related("gradings__agency"))


def _triples(audit: Audit, by: str) -> list[tuple[str, str, str]]:
    rows = Grading.objects.filter(case__audit=audit).values_list(
        "case__case_type", "agency__name", "grade"
    )
    if by == "agency":
        return [(agency, agency, grade) for _, agency, grade in rows]
    return list(rows)


def comparison(re_audit: Audit, by: str = "case_type") -> list[ComparisonRow]:
    """The re-audit against its original: share of good or outstanding gradings, before/after."""
    if re_audit.original is None:
        return []
    labels = dict(AuditCase.CaseType.choices) if by == "case_type" else None
    return compare(_triples(re_audit.original, by), _triples(re_audit, by), labels)


# Section 11 -----------------------------------------------------------------------------------


def rounds_for(user: Any) -> QuerySet[Section11Round]:
    check_permission(user, "learning.view")
    return Section11Round.objects.filter(partnership_id=partnership_id_for(user))


def own_return(user: Any, round_: Section11Round) -> Section11Return | None:
    """The user's own agency's return in this round (drafts included), if it has one."""
    check_permission(user, "section11.respond")
    if user.agency_id is None:
        return None
    return Section11Return.objects.filter(round=round_, agency_id=user.agency_id).first()


def returns_for(user: Any, round_: Section11Round) -> QuerySet[Section11Return]:
    """Returns the user may read: every submitted return, plus their own agency's draft."""
    check_permission(user, "learning.view")
    visible = Q(status=Section11Return.Status.SUBMITTED)
    if user.agency_id and has_permission(user, "section11.respond"):
        visible |= Q(agency_id=user.agency_id)
    return (
        Section11Return.objects.filter(round=round_)
        .filter(visible)
        .select_related("agency", "submitted_by")
    )


def return_statuses(user: Any, round_: Section11Round) -> list[dict[str, Any]]:
    """Each agency's status in the round (no content: drafts stay with their agency)."""
    check_permission(user, "learning.view")
    by_agency = {r.agency_id: r for r in Section11Return.objects.filter(round=round_)}
    return [
        {
            "agency": agency,
            "status": by_agency[agency.pk].status if agency.pk in by_agency else "",
            "submitted_at": by_agency[agency.pk].submitted_at if agency.pk in by_agency else None,
        }
        for agency in round_.partnership.agencies.order_by("name")
    ]


def answers_by_standard(section11_return: Section11Return) -> dict[str, Section11Answer]:
    return {a.standard: a for a in section11_return.answers.all()}


@dataclass
class StandardSummary:
    standard: standards.Standard
    counts: Counter = field(default_factory=Counter)
    development_points: list[Section11Answer] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def fully_met_pct(self) -> float | None:
        return 100.0 * self.counts[Rating.FULLY_MET] / self.total if self.total else None


@dataclass
class RoundSummary:
    submitted: int
    rows: list[StandardSummary]

    @property
    def strengths(self) -> list[StandardSummary]:
        """Standards every submitting agency fully meets."""
        return [r for r in self.rows if r.total and r.counts[Rating.FULLY_MET] == r.total]

    @property
    def development_themes(self) -> list[StandardSummary]:
        """Standards some agency has not fully met, most often first."""
        needing = [r for r in self.rows if r.total and r.counts[Rating.FULLY_MET] < r.total]
        return sorted(
            needing, key=lambda r: (r.counts[Rating.FULLY_MET] - r.total, r.standard.number)
        )


def round_summary(user: Any, round_: Section11Round) -> RoundSummary:
    """Across the agencies' SUBMITTED returns: ratings per standard and development points."""
    check_permission(user, "learning.view")
    answers = Section11Answer.objects.filter(
        section11_return__round=round_,
        section11_return__status=Section11Return.Status.SUBMITTED,
    ).select_related("section11_return__agency")
    rows = {s.code: StandardSummary(s) for s in standards.standards()}
    for answer in answers:
        row = rows.get(answer.standard)
        if row is None or not answer.rating:
            continue
        row.counts[answer.rating] += 1
        if answer.development_point.strip():
            row.development_points.append(answer)
    submitted = round_.returns.filter(status=Section11Return.Status.SUBMITTED).count()
    return RoundSummary(submitted=submitted, rows=list(rows.values()))


def development_point(user: Any, pk: int) -> Section11Answer:
    """A development point in a submitted return of the user's partnership (for raising actions)."""
    check_permission(user, "learning.view")
    return Section11Answer.objects.select_related("section11_return__agency").get(
        pk=pk,
        section11_return__status=Section11Return.Status.SUBMITTED,
        section11_return__round__partnership_id=partnership_id_for(user),
    )


# challenges -----------------------------------------------------------------------------------


def challenges_for(
    user: Any, *, text: str = "", status: str = "", agency: Any = None, year: int | None = None
) -> QuerySet[Challenge]:
    check_permission(user, "learning.view")
    rows = Challenge.objects.filter(partnership_id=partnership_id_for(user)).select_related(
        "raised_by_agency", "challenged_agency"
    )
    if text:
        rows = rows.filter(
            Q(subject__icontains=text) | Q(detail__icontains=text) | Q(outcome__icontains=text)
        )
    if agency:
        rows = rows.filter(Q(raised_by_agency=agency) | Q(challenged_agency=agency))
    return filtered(rows, status=status, raised_on__year=year)


# For the annual report (the partnership's assurance work as counts; no user scope: generated by
# the system and disclosure-controlled there; free text only for the internal edition).
@dataclass(frozen=True)
class AuditTally:
    title: str
    theme: str
    cases: int
    gradings: int
    good_or_better: int
    summary: str


def completed_audit_tallies(
    partnership: Any, year: int, quarter: int | None = None
) -> list[AuditTally]:
    """The multi-agency audits completed in financial year ``year`` (and ``quarter``)."""
    found = Audit.objects.filter(
        partnership=partnership, year=year, status=Audit.Status.COMPLETE
    ).prefetch_related("cases__gradings")
    if quarter is not None:
        found = found.filter(quarter=quarter)
    tallies = []
    for audit in found:
        grades = [g.grade for case in audit.cases.all() for g in case.gradings.all()]
        tallies.append(
            AuditTally(
                audit.title,
                audit.theme,
                len(audit.cases.all()),
                len(grades),
                sum(grade in GOOD_OR_BETTER for grade in grades),
                audit.summary,
            )
        )
    return tallies


@dataclass(frozen=True)
class Section11Tally:
    year: int
    ratings: list[str]  # the rating labels, in order (the columns)
    rows: list[tuple[str, list[int], bool]]  # agency, standards per rating, submitted
    development_themes: str


def section11_tallies(partnership: Any, years: Sequence[int]) -> list[Section11Tally]:
    """Each Section 11 round of ``years``: per agency, its standards by rating."""
    rounds = Section11Round.objects.filter(
        partnership=partnership, year__in=years
    ).prefetch_related("returns__agency", "returns__answers")
    tallies = []
    for round_ in rounds:
        rows = []
        for response in round_.returns.all():
            ratings = Counter(a.rating for a in response.answers.all() if a.rating)
            rows.append(
                (
                    str(response.agency),
                    [ratings.get(rating.value, 0) for rating in Rating],
                    response.status == "submitted",
                )
            )
        tallies.append(
            Section11Tally(round_.year, [r.label for r in Rating], rows, round_.development_themes)
        )
    return tallies


def challenges_by_status(partnership: Any, start: Any, end: Any) -> list[tuple[str, int]]:
    """Challenges raised between ``start`` and ``end`` by status (empty when none was)."""
    tally = Counter(
        Challenge.objects.filter(
            partnership=partnership, raised_on__range=(start, end)
        ).values_list("status", flat=True)
    )
    if not tally:
        return []
    return [(s.label, tally.get(s.value, 0)) for s in Challenge.Status]


def audits_for_indicator(partnership: Partnership, indicator_id: str) -> list[Audit]:
    """The partnership's audits linked to an indicator (``Audit.indicators``), latest first:
    what an indicator's page lists under what is being done (titles only, no case records)."""
    audits = Audit.objects.filter(partnership=partnership).order_by("-year", "-quarter", "title")
    return [audit for audit in audits if indicator_id in (audit.indicators or [])]
