"""CDOP statistics per reporting year (1 April to 31 March): pure Python, no Django.

The selectors turn records into ``Case``, ``Meeting`` and ``ActionFact`` values; ``year_stats``
computes every measure of a year from them, so each figure has one definition, here:

- *notified* deaths are those whose CDOP notification date falls in the year; the rate is per
  100,000 children aged 0-17 (the ONS mid-year estimate of the year the reporting year starts,
  DfE's convention); under one, expected/unexpected and place of death are shares of them;
- *reviewed* deaths are those whose panel review date falls in the year; the days from death to
  review (median), the share within 12 months (``CDOP_REVIEW``), the category of death and the
  share with modifiable factors (overall, by category and by domain) are of them, as NCMD does;
- *open at year end*: notified by 31 March and not yet reviewed by the panel then, banded by how
  long since the death (the alert settings' warning and overdue months);
- *factors most often recorded*: contributory factors graded 1 or 2 (0 is "information not
  available"), counted once per death, by their wording (case and spacing ignored);
- *panel meetings* held in the year and, per agency, how many of them it attended;
- *actions* raised in the year from CDOP learning points, by their current status.
"""

from __future__ import annotations

import datetime as dt
import statistics as pystats
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from lineofsight.calendar.timescales import CDOP_REVIEW
from lineofsight.calendar.years import reporting_year as reporting_year
from lineofsight.calendar.years import reporting_year_bounds as year_bounds
from lineofsight.calendar.years import reporting_year_label as year_label
from lineofsight.reviews.deadlines import add_months  # pure: calendar months

PER = 100_000
TOP_FACTORS = 10


@dataclass(frozen=True)
class Case:
    died_on: dt.date
    notified_on: dt.date
    under_one: bool
    expected: bool
    place: str
    reviewed_on: dt.date | None = None
    category: str | None = None
    outcome: str = ""
    modifiable_domains: frozenset[str] = frozenset()  # domains with a factor graded 2
    factors: tuple[str, ...] = ()  # wording of factors graded 1 or 2


@dataclass(frozen=True)
class Meeting:
    held_on: dt.date
    agencies: frozenset[str]  # agencies with at least one member present


@dataclass(frozen=True)
class ActionFact:
    raised_on: dt.date
    status: str


@dataclass
class YearStats:
    year: int
    notified: int = 0
    population: int | None = None
    under_one: int = 0
    expected: int = 0
    unexpected: int = 0
    places: dict[str, int] = field(default_factory=dict)
    reviewed: int = 0
    median_days_to_review: float | None = None
    within_12_months: int = 0
    open_at_year_end: int = 0
    open_bands: dict[str, int] = field(default_factory=dict)
    categories: dict[str, int] = field(default_factory=dict)
    modifiable: int = 0
    modifiable_by_category: dict[str, int] = field(default_factory=dict)
    modifiable_by_domain: dict[str, int] = field(default_factory=dict)
    top_factors: list[tuple[str, int]] = field(default_factory=list)
    meetings: int = 0
    attendance: dict[str, int] = field(default_factory=dict)
    actions: dict[str, int] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return year_label(self.year)

    @property
    def rate_per_100k(self) -> float | None:
        if not self.population:
            return None
        return round(self.notified * PER / self.population, 1)


def percent(part: int, whole: int) -> float | None:
    """``part`` of ``whole`` as a percentage to one decimal place (None when ``whole`` is 0)."""
    return round(100 * part / whole, 1) if whole else None


def _within(day: dt.date | None, start: dt.date, end: dt.date) -> bool:
    return day is not None and start <= day <= end


def _factor_key(text: str) -> str:
    return " ".join(text.split()).capitalize()


def open_band(
    days_open_from: dt.date, on: dt.date, warning_months: int, overdue_months: int
) -> str:
    """ "under_warning", "warning" or "overdue": how long since the death, at ``on``."""
    if on > add_months(days_open_from, overdue_months):
        return "overdue"
    if on > add_months(days_open_from, warning_months):
        return "warning"
    return "under_warning"


def year_stats(
    year: int,
    cases: Sequence[Case],
    meetings: Iterable[Meeting] = (),
    actions: Iterable[ActionFact] = (),
    *,
    population: int | None = None,
    review_months: int = CDOP_REVIEW.amount,
    warning_months: int = 6,
    overdue_months: int = CDOP_REVIEW.amount,
) -> YearStats:
    start, end = year_bounds(year)
    out = YearStats(year=year, population=population)
    places: Counter[str] = Counter()
    for case in cases:
        if _within(case.notified_on, start, end):
            out.notified += 1
            out.under_one += case.under_one
            out.expected += case.expected
            out.unexpected += not case.expected
            places[case.place] += 1
    out.places = dict(places)

    reviewed = [c for c in cases if _within(c.reviewed_on, start, end)]
    out.reviewed = len(reviewed)
    days = [(c.reviewed_on - c.died_on).days for c in reviewed if c.reviewed_on]
    out.median_days_to_review = float(pystats.median(days)) if days else None
    out.within_12_months = sum(
        1
        for c in reviewed
        if c.reviewed_on and c.reviewed_on <= add_months(c.died_on, review_months)
    )
    categories: Counter[str] = Counter()
    by_category: Counter[str] = Counter()
    by_domain: Counter[str] = Counter()
    factors: Counter[str] = Counter()
    for case in reviewed:
        category = case.category or "not_recorded"
        categories[category] += 1
        if case.outcome == "modifiable":
            out.modifiable += 1
            by_category[category] += 1
        for domain in case.modifiable_domains:
            by_domain[domain] += 1
        for key in {_factor_key(f) for f in case.factors if f.strip()}:
            factors[key] += 1
    out.categories = dict(categories)
    out.modifiable_by_category = dict(by_category)
    out.modifiable_by_domain = dict(by_domain)
    out.top_factors = sorted(factors.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_FACTORS]

    bands: Counter[str] = Counter()
    for case in cases:
        awaiting = case.reviewed_on is None or case.reviewed_on > end
        if case.notified_on <= end and awaiting:
            out.open_at_year_end += 1
            bands[open_band(case.died_on, end, warning_months, overdue_months)] += 1
    out.open_bands = dict(bands)

    attendance: Counter[str] = Counter()
    for meeting in meetings:
        if _within(meeting.held_on, start, end):
            out.meetings += 1
            for agency in meeting.agencies:
                attendance[agency] += 1
    out.attendance = dict(attendance)
    statuses: Counter[str] = Counter(a.status for a in actions if _within(a.raised_on, start, end))
    out.actions = dict(statuses)
    return out


def years_covered(
    cases: Iterable[Case], today: dt.date, meetings: Iterable[Meeting] = ()
) -> list[int]:
    """The reporting years in which a death was notified or reviewed or the panel met, and the
    current one (a year with none of these has nothing to show)."""
    years = {reporting_year(today)}
    for case in cases:
        years.add(reporting_year(case.notified_on))
        if case.reviewed_on:
            years.add(reporting_year(case.reviewed_on))
    years.update(reporting_year(m.held_on) for m in meetings)
    return sorted(years)
