"""LADO statistics as ``disclosure.Table``s (pure Python: facts in, tables out).

The selectors turn records into ``ReferralFact`` and ``ConsultationFact`` values (no names, no
references but the adult's, which is only compared, never shown); each function below builds one
table of the statistics page, the CSV/Excel download and the annual report, so every figure has
one definition, here.  Tables are never suppressed here: the page shows them exactly to the LADO
roles and through ``disclosure.protect`` to everyone else; the published report protects them.

Definitions (reporting year 1 April to 31 March; a period is any start and end date):

- *referrals* are those received in the period; *met threshold* those of them the LADO decided
  met the harm threshold (undecided ones count as referrals, not as met);
- *consultations* those held in the period; *became referrals* those of them linked to a
  referral;
- by category, outcome, sector, referring agency and criterion: the referrals received in the
  period that met the threshold (a referral may meet several criteria, so that table has no
  total); outcomes not yet reached are "not yet concluded";
- timeliness: the decision standard over referrals decided in the period; the meeting standard
  over met-threshold referrals whose first meeting was in the period; the conclusion standards
  over met-threshold referrals concluded in the period;
- open at the end of the period, by age: referrals received by then, not concluded by then,
  that met the threshold or await the decision;
- re-referrals: referrals received in the period about an adult already referred before.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from lineofsight import disclosure
from lineofsight.calendar.years import reporting_year as reporting_year
from lineofsight.calendar.years import reporting_year_bounds as year_bounds
from lineofsight.calendar.years import reporting_year_label as year_label
from lineofsight.disclosure import Cell, Table
from lineofsight.lado import reference as codes
from lineofsight.lado import timeliness
from lineofsight.lado.timeliness import Standards
from lineofsight.reviews.deadlines import add_months  # pure: calendar months

NOT_CONCLUDED = "Not yet concluded"


@dataclass(frozen=True)
class MeetingFact:
    held_on: dt.date
    agencies: frozenset[str] = frozenset()


@dataclass(frozen=True)
class ReferralFact:
    received_on: dt.date
    adult: str  # the adult's reference: compared for re-referrals, never shown
    sector: str
    referring_agency: str
    category: str
    context: str = codes.Context.WORK
    threshold_met: bool | None = None
    decided_on: dt.date | None = None
    criteria: frozenset[str] = frozenset()
    meetings: tuple[MeetingFact, ...] = ()
    police_investigation: bool = False
    suspended: bool = False
    social_care_involved: bool = False
    outcome: str = ""
    concluded_on: dt.date | None = None

    @property
    def first_meeting(self) -> dt.date | None:
        return min((m.held_on for m in self.meetings), default=None)


@dataclass(frozen=True)
class ConsultationFact:
    consulted_on: dt.date
    became_referral: bool


@dataclass(frozen=True)
class Labels:
    """The partnership's configured lists, in display order: (code, name)."""

    sectors: Sequence[tuple[str, str]] = tuple(codes.SECTORS)
    outcomes: Sequence[tuple[str, str]] = tuple(codes.OUTCOMES)


@dataclass
class Facts:
    referrals: list[ReferralFact] = field(default_factory=list)
    consultations: list[ConsultationFact] = field(default_factory=list)
    labels: Labels = field(default_factory=Labels)
    standards: Standards = field(default_factory=Standards)
    # figures entered for years before the records: year -> (referrals, met threshold)
    earlier: dict[int, tuple[int | None, int | None]] = field(default_factory=dict)
    _index: tuple[int, list[ReferralFact], list[dt.date], set[int]] | None = field(
        default=None, repr=False, compare=False
    )

    def index(self) -> tuple[list[ReferralFact], list[dt.date], set[int]]:
        """The referrals by date received, their dates (for bisecting) and the ``id``s of those
        about an adult referred before; rebuilt when referrals are added."""
        if self._index is None or self._index[0] != len(self.referrals):
            ordered = sorted(self.referrals, key=lambda r: r.received_on)
            seen: set[str] = set()
            again: set[int] = set()
            for r in ordered:
                if r.adult in seen:
                    again.add(id(r))
                seen.add(r.adult)
            days = [r.received_on for r in ordered]
            self._index = (len(self.referrals), ordered, days, again)
        return self._index[1], self._index[2], self._index[3]


def _within(day: dt.date | None, start: dt.date, end: dt.date) -> bool:
    return day is not None and start <= day <= end


def received(facts: Facts, start: dt.date, end: dt.date) -> list[ReferralFact]:
    ordered, days, _ = facts.index()
    return ordered[bisect_left(days, start) : bisect_right(days, end)]


def met(facts: Facts, start: dt.date, end: dt.date) -> list[ReferralFact]:
    return [r for r in received(facts, start, end) if r.threshold_met]


def change(now: int, before: int | None) -> Decimal | None:
    """The percentage change from ``before`` to ``now`` (one decimal place, half up)."""
    if not before:
        return None
    return disclosure.half_up(Decimal(100 * (now - before)) / Decimal(before))


def year_on_year(facts: Facts, years: Sequence[int]) -> Table:
    """Referrals and those meeting the threshold by reporting year, newest first, with the change
    on the year before (the 2016-17 annual report's table)."""
    rows: list[tuple[str, list[Cell]]] = []
    counts: dict[int, tuple[int | None, int | None]] = {}
    for year in years:
        start, end = year_bounds(year)
        chosen = received(facts, start, end)
        if not chosen and year in facts.earlier:
            counts[year] = facts.earlier[year]
        else:
            counts[year] = (len(chosen), sum(1 for r in chosen if r.threshold_met))
    for year in sorted(years, reverse=True):
        referrals, threshold = counts[year]
        previous = counts.get(year - 1, (None, None))
        r = len(rows)
        changes = [
            disclosure.number(change(now, before), depends_on=[(r, column)], places=1)
            if now is not None and before is not None
            else disclosure.missing()
            for column, (now, before) in enumerate(
                zip((referrals, threshold), previous, strict=True)
            )
        ]
        share = (
            disclosure.percent(threshold, referrals, depends_on=[(r, 1)])
            if referrals is not None and threshold is not None
            else disclosure.missing()
        )
        rows.append(
            (
                year_label(year),
                [
                    disclosure.missing() if referrals is None else disclosure.count(referrals),
                    disclosure.missing() if threshold is None else disclosure.count(threshold),
                    share,
                    *changes,
                ],
            )
        )
    return disclosure.grid(
        "Referrals and those meeting the harm threshold, by year",
        "Reporting year",
        [
            "Referrals",
            "Met threshold",
            "% met threshold",
            "Change in referrals (%)",
            "Change in met threshold (%)",
        ],
        rows,
        note="Referrals received in the reporting year (1 April to 31 March). Change: on the "
        "year before. Years before the records began are the figures of earlier annual reports "
        "(: where a figure was not kept).",
    )


def consultations(facts: Facts, years: Sequence[int]) -> Table:
    rows = []
    for year in sorted(years, reverse=True):
        start, end = year_bounds(year)
        held = [c for c in facts.consultations if _within(c.consulted_on, start, end)]
        became = sum(c.became_referral for c in held)
        rows.append(
            (
                year_label(year),
                [
                    disclosure.count(len(held)),
                    disclosure.count(became),
                    disclosure.percent(became, len(held)),
                ],
            )
        )
    return disclosure.grid(
        "Consultations and those that became referrals, by year",
        "Reporting year",
        ["Consultations", "Became referrals", "% became referrals"],
        rows,
        note="Advice given without naming anyone, in the reporting year.",
    )


def _breakdown(
    title: str,
    row_header: str,
    chosen: Sequence[ReferralFact],
    options: Sequence[tuple[str, object]],
    key: Callable[[ReferralFact], str],
    *,
    extra: tuple[str, str] | None = None,
    note: str = "",
) -> Table:
    """Met-threshold referrals by ``key``: count and share, with a total row."""
    tally = Counter(key(r) for r in chosen)
    listed = [(code, str(name)) for code, name in options] + ([extra] if extra else [])
    known = {code for code, _ in listed}
    others = sum(n for code, n in tally.items() if code not in known)
    if others:
        listed.append(("__other__", "Other (no longer listed)"))
        tally["__other__"] = others
    total = len(chosen)
    rows = [
        (
            name,
            [
                disclosure.count(tally.get(code, 0)),
                disclosure.percent(tally.get(code, 0), total, depends_on=[(i, 0)]),
            ],
        )
        for i, (code, name) in enumerate(listed)
    ]
    rows.append(("Total", [disclosure.count(total), disclosure.missing()]))
    return disclosure.grid(
        title, row_header, ["Met threshold", "%"], rows, total_row=True, note=note
    )


def by_category(facts: Facts, start: dt.date, end: dt.date) -> Table:
    return _breakdown(
        "Referrals meeting the threshold, by category of concern",
        "Category of concern",
        met(facts, start, end),
        codes.Category.choices,
        lambda r: r.category,
    )


def by_outcome(facts: Facts, start: dt.date, end: dt.date) -> Table:
    return _breakdown(
        "Referrals meeting the threshold, by outcome",
        "Outcome",
        met(facts, start, end),
        facts.labels.outcomes,
        lambda r: r.outcome or "",
        extra=("", NOT_CONCLUDED),
        note="Referrals received in the period; the outcome as recorded now.",
    )


def by_sector(facts: Facts, start: dt.date, end: dt.date) -> Table:
    return _two_level(
        "Referrals and those meeting the threshold, by employing sector",
        "Employing sector",
        facts,
        start,
        end,
        facts.labels.sectors,
        lambda r: r.sector,
    )


def by_referring_agency(facts: Facts, start: dt.date, end: dt.date) -> Table:
    return _two_level(
        "Referrals and those meeting the threshold, by referring agency",
        "Referring agency",
        facts,
        start,
        end,
        codes.ReferringAgency.choices,
        lambda r: r.referring_agency,
    )


def _two_level(
    title: str,
    row_header: str,
    facts: Facts,
    start: dt.date,
    end: dt.date,
    options: Sequence[tuple[str, object]],
    key: Callable[[ReferralFact], str],
) -> Table:
    chosen = received(facts, start, end)
    listed = [(code, str(name)) for code, name in options]
    known = {code for code, _ in listed}
    if any(key(r) not in known for r in chosen):
        listed.append(("__other__", "Other (no longer listed)"))
    rows = []
    for i, (code, name) in enumerate(listed):
        mine = [r for r in chosen if (key(r) if key(r) in known else "__other__") == code]
        threshold = sum(1 for r in mine if r.threshold_met)
        rows.append(
            (
                name,
                [
                    disclosure.count(len(mine)),
                    disclosure.count(threshold),
                    disclosure.percent(threshold, len(mine), depends_on=[(i, 1)]),
                ],
            )
        )
    threshold = sum(1 for r in chosen if r.threshold_met)
    rows.append(
        (
            "Total",
            [
                disclosure.count(len(chosen)),
                disclosure.count(threshold),
                disclosure.percent(threshold, len(chosen)),
            ],
        )
    )
    return disclosure.grid(
        title,
        row_header,
        ["Referrals", "Met threshold", "% met threshold"],
        rows,
        total_row=True,
    )


def by_criterion(facts: Facts, start: dt.date, end: dt.date) -> Table:
    chosen = met(facts, start, end)
    rows = []
    for i, (code, words) in enumerate(codes.CRITERIA):
        n = sum(1 for r in chosen if code in r.criteria)
        rows.append(
            (words, [disclosure.count(n), disclosure.percent(n, len(chosen), depends_on=[(i, 0)])])
        )
    return disclosure.grid(
        "Referrals meeting the threshold, by harm threshold criterion",
        "Criterion",
        ["Met threshold", "% of those meeting the threshold"],
        rows,
        note="A referral may meet more than one criterion, so the rows do not add up.",
    )


def working_together(facts: Facts, start: dt.date, end: dt.date) -> Table:
    chosen = met(facts, start, end)
    total = len(chosen)
    meetings = [m for r in facts.referrals for m in r.meetings if _within(m.held_on, start, end)]
    measures = [
        ("With a strategy or evaluation meeting", sum(1 for r in chosen if r.meetings)),
        ("Police investigation", sum(r.police_investigation for r in chosen)),
        ("Children's social care involved", sum(r.social_care_involved for r in chosen)),
        ("The adult was suspended", sum(r.suspended for r in chosen)),
        (
            "Conduct in private life (transferable risk)",
            sum(r.context == codes.Context.PRIVATE for r in chosen),
        ),
    ]
    rows = [("Referrals meeting the threshold", [disclosure.count(total), disclosure.missing()])]
    for i, (label, n) in enumerate(measures, start=1):
        rows.append(
            (label, [disclosure.count(n), disclosure.percent(n, total, depends_on=[(i, 0)])])
        )
    base = len(rows)
    rows.append(("Meetings held", [disclosure.count(len(meetings)), disclosure.missing()]))
    for i, (code, name) in enumerate(
        [("police", "Police"), ("social_care", "Children's social care")], start=base + 1
    ):
        n = sum(1 for m in meetings if code in m.agencies)
        rows.append(
            (
                f"Meetings attended by {name}",
                [disclosure.count(n), disclosure.percent(n, len(meetings), depends_on=[(i, 0)])],
            )
        )
    return disclosure.grid(
        "Strategy meetings, police involvement and joint working",
        "Measure",
        ["Number", "%"],
        rows,
        note="Of the referrals received in the period that met the threshold; meetings held in "
        "the period.",
    )


def _concluded_within(months: int) -> Callable[[ReferralFact], bool | None]:
    def test(r: ReferralFact) -> bool | None:
        return timeliness.concluded_within(r.received_on, r.concluded_on, months)

    return test


def timeliness_table(facts: Facts, start: dt.date, end: dt.date) -> Table:
    s = facts.standards
    decided = [r for r in facts.referrals if _within(r.decided_on, start, end)]
    met_any = [r for r in facts.referrals if r.threshold_met]
    meeting = [r for r in met_any if _within(r.first_meeting, start, end)]
    concluded = [r for r in met_any if _within(r.concluded_on, start, end)]
    measured: list[tuple[str, list[ReferralFact], Callable[[ReferralFact], bool | None]]] = [
        (
            f"Decision within {s.decision_days} working day{'s' * (s.decision_days != 1)} "
            "of receipt",
            decided,
            lambda r: timeliness.decided_in_time(r.received_on, r.decided_on, s),
        ),
        (
            f"Strategy meeting within {s.meeting_days} working days of the decision",
            meeting,
            lambda r: timeliness.meeting_in_time(r.decided_on, r.first_meeting, s),
        ),
    ]
    for months in (s.first_months, s.target_months, s.longest_months):
        measured.append(
            (
                f"Concluded within {months} month{'s' * (months != 1)} of the referral",
                concluded,
                _concluded_within(months),
            )
        )
    rows = []
    for i, (label, group, test) in enumerate(measured):
        n = sum(1 for r in group if test(r))
        rows.append(
            (
                label,
                [
                    disclosure.count(len(group)),
                    disclosure.count(n),
                    disclosure.percent(n, len(group), depends_on=[(i, 1)]),
                ],
            )
        )
    return disclosure.grid(
        "Timeliness against the standards",
        "Standard",
        ["Measured", "Within the standard", "%"],
        rows,
        note="Decisions made, first meetings held and allegations concluded in the period.",
    )


def open_by_age(facts: Facts, on: dt.date) -> Table:
    s = facts.standards
    bands = [
        f"Under {s.first_months} month{'s' * (s.first_months != 1)}",
        f"{s.first_months} to {s.target_months} months",
        f"{s.target_months} to {s.longest_months} months",
        f"Over {s.longest_months} months",
    ]
    tally: Counter[int] = Counter()
    for r in facts.referrals:
        still_open = r.concluded_on is None or r.concluded_on > on
        decided_by_then = r.decided_on is not None and r.decided_on <= on
        relevant = not decided_by_then or r.threshold_met
        if r.received_on <= on and still_open and relevant:
            if on > add_months(r.received_on, s.longest_months):
                tally[3] += 1
            elif on > add_months(r.received_on, s.target_months):
                tally[2] += 1
            elif on > add_months(r.received_on, s.first_months):
                tally[1] += 1
            else:
                tally[0] += 1
    rows = [(label, [disclosure.count(tally[i])]) for i, label in enumerate(bands)]
    rows.append(("Total", [disclosure.count(sum(tally.values()))]))
    return disclosure.grid(
        f"Open cases by age on {on:%-d %B %Y}",
        "Time since the referral",
        ["Open cases"],
        rows,
        total_row=True,
        note="Referrals not concluded that met the threshold or await the decision.",
    )


def re_referrals(facts: Facts, start: dt.date, end: dt.date) -> Table:
    """Referrals in the period about an adult referred before (any earlier referral)."""
    repeated = facts.index()[2]
    chosen = received(facts, start, end)
    again = [r for r in chosen if id(r) in repeated]
    threshold = [r for r in chosen if r.threshold_met]
    rows = [
        (
            "All referrals",
            [
                disclosure.count(len(chosen)),
                disclosure.count(len(again)),
                disclosure.percent(len(again), len(chosen), depends_on=[(0, 1)]),
            ],
        ),
        (
            "Referrals meeting the threshold",
            [
                disclosure.count(len(threshold)),
                disclosure.count(sum(1 for r in again if r.threshold_met)),
                disclosure.percent(
                    sum(1 for r in again if r.threshold_met), len(threshold), depends_on=[(1, 1)]
                ),
            ],
        ),
    ]
    return disclosure.grid(
        "Re-referrals about the same adult",
        "Referrals",
        ["Received", "About an adult referred before", "%"],
        rows,
        note="Matched on the adult's reference, over every referral recorded.",
    )


def period_tables(facts: Facts, start: dt.date, end: dt.date) -> list[Table]:
    """Every table of one period, in page order (after the year-on-year ones)."""
    return [
        by_category(facts, start, end),
        by_outcome(facts, start, end),
        by_sector(facts, start, end),
        by_referring_agency(facts, start, end),
        by_criterion(facts, start, end),
        working_together(facts, start, end),
        timeliness_table(facts, start, end),
        open_by_age(facts, end),
        re_referrals(facts, start, end),
    ]


def years_covered(facts: Facts, today: dt.date) -> list[int]:
    years = {reporting_year(today)}
    years.update(reporting_year(r.received_on) for r in facts.referrals)
    years.update(reporting_year(c.consulted_on) for c in facts.consultations)
    return sorted(years)


def trend_years(facts: Facts, today: dt.date) -> list[int]:
    """The years of the year-on-year table: those with records and those entered from before."""
    return sorted(set(years_covered(facts, today)) | set(facts.earlier))
