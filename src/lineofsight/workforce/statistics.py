"""Training statistics from plain facts (pure: no Django), so that each one is hand-checked.

- places and attendance: a *place* is a booking that was not cancelled and not left on the
  waiting list; *non-attendance* is a place whose learner did not come (recorded as such); the
  non-attendance rate is non-attendances over places with attendance recorded.
- Guskey's five levels (positive answers are 4 or 5 on the five-point scales):
  1 reaction (end of course), 2 learning (confidence after above before; the knowledge score
  alongside, since confidence can rise where knowledge does not), 3 organisational support and
  4 use of new knowledge and skills (follow-up, learner and manager), 5 outcomes for children
  (follow-up answers giving a practice example).
- the paired effect size of the change in confidence: Cohen's d_z = mean(after - before) /
  sd(after - before) (sample standard deviation, n - 1), with a 95% confidence interval from its
  large-sample standard error sqrt(1/n + d_z^2 / (2n)) (Becker 1988): d_z +/- 1.96 SE.
- charges: a paying agency is charged for each non-attendance and each late cancellation
  (cancelled fewer than the window's days before the session).
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

Z_95 = 1.96
POSITIVE = 4  # of 5


@dataclass(frozen=True)
class Place:
    """One booking as the statistics see it."""

    course: str
    mode: str
    agency: str
    session_id: int
    status: str  # booked | waiting | cancelled
    attended: bool | None = None
    late_cancellation: bool = False

    @property
    def is_place(self) -> bool:
        return self.status == "booked"

    @property
    def did_not_attend(self) -> bool:
        return self.is_place and self.attended is False


@dataclass(frozen=True)
class Answer:
    """One evaluation response as the statistics see it."""

    stage: str  # end | follow_up | manager
    learner_key: str = ""
    course: str = ""
    reaction: int | None = None
    confidence_before: int | None = None
    confidence_after: int | None = None
    knowledge_correct: int | None = None
    knowledge_asked: int | None = None
    support: int | None = None
    use: int | None = None
    practice_example: bool = False
    impact_self: str = ""
    impact_rating: str = ""


@dataclass(frozen=True)
class LevelResult:
    level: int
    name: str
    measure: str
    answered: int
    positive: int

    @property
    def percent(self) -> float | None:
        return share(self.positive, self.answered)


@dataclass(frozen=True)
class PairedEffect:
    n: int
    mean_before: float
    mean_after: float
    mean_change: float
    sd_change: float
    effect_size: float | None
    ci_low: float | None
    ci_high: float | None


@dataclass
class AgencyPlaces:
    agency: str
    places: int = 0
    attended: int = 0
    did_not_attend: int = 0
    not_recorded: int = 0
    cancelled: int = 0

    @property
    def non_attendance_rate(self) -> float | None:
        return share(self.did_not_attend, self.attended + self.did_not_attend)


@dataclass
class CourseMode:
    course: str
    sessions: Counter[str] = field(default_factory=Counter)
    places: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True)
class Charge:
    agency: str
    non_attendances: int
    late_cancellations: int
    amount: Decimal


def share(part: int, whole: int) -> float | None:
    """``part`` of ``whole`` as a percentage to one decimal place (None when ``whole`` is 0)."""
    if whole <= 0:
        return None
    return float((Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), "ROUND_HALF_UP"))


def sessions_and_places(
    sessions: Iterable[tuple[str, str, int]], places: Iterable[Place]
) -> list[CourseMode]:
    """Per course: sessions and places by mode.  ``sessions``: (course, mode, session id)."""
    rows: dict[str, CourseMode] = {}
    for course, mode, _ in sessions:
        rows.setdefault(course, CourseMode(course)).sessions[mode] += 1
    for place in places:
        if place.is_place:
            rows.setdefault(place.course, CourseMode(place.course)).places[place.mode] += 1
    return sorted(rows.values(), key=lambda r: r.course)


def by_agency(places: Iterable[Place]) -> list[AgencyPlaces]:
    rows: dict[str, AgencyPlaces] = {}
    for place in places:
        row = rows.setdefault(place.agency, AgencyPlaces(place.agency))
        if place.status == "cancelled":
            row.cancelled += 1
        if not place.is_place:
            continue
        row.places += 1
        if place.attended is True:
            row.attended += 1
        elif place.attended is False:
            row.did_not_attend += 1
        else:
            row.not_recorded += 1
    return sorted(rows.values(), key=lambda r: r.agency)


def totals(rows: Sequence[AgencyPlaces]) -> AgencyPlaces:
    total = AgencyPlaces("All agencies")
    for row in rows:
        total.places += row.places
        total.attended += row.attended
        total.did_not_attend += row.did_not_attend
        total.not_recorded += row.not_recorded
        total.cancelled += row.cancelled
    return total


def _scale(values: Iterable[int | None]) -> tuple[int, int]:
    answered = [v for v in values if v is not None]
    return len(answered), sum(1 for v in answered if v >= POSITIVE)


def guskey_levels(answers: Sequence[Answer]) -> list[LevelResult]:
    end = [a for a in answers if a.stage == "end"]
    later = [a for a in answers if a.stage in ("follow_up", "manager")]
    reaction = _scale(a.reaction for a in end)
    paired = confidence_pairs(end)
    rose = sum(1 for before, after in paired if after > before)
    support = _scale(a.support for a in later)
    use = _scale(a.use for a in later)
    examples = sum(1 for a in later if a.practice_example)
    return [
        LevelResult(1, "Reaction", "Rated the course 4 or 5 out of 5", *reaction),
        LevelResult(2, "Learning", "Confidence higher after the course", len(paired), rose),
        LevelResult(3, "Organisational support", "Supported to use it (4 or 5)", *support),
        LevelResult(4, "Use of new knowledge and skills", "Used it in practice (4 or 5)", *use),
        LevelResult(
            5,
            "Outcomes for children",
            "Gave an example of a difference for children",
            len(later),
            examples,
        ),
    ]


def knowledge_score(answers: Iterable[Answer]) -> tuple[int, int, float | None]:
    """Knowledge questions answered correctly, asked, and the percentage correct."""
    correct = asked = 0
    for a in answers:
        if a.stage == "end" and a.knowledge_asked:
            correct += a.knowledge_correct or 0
            asked += a.knowledge_asked
    return correct, asked, share(correct, asked)


def paired_effect(pairs: Sequence[tuple[int, int]]) -> PairedEffect | None:
    """Cohen's d_z for (before, after) pairs with its 95% interval; None for fewer than 2 pairs.

    The effect size is None when every change is the same (no spread to scale by)."""
    n = len(pairs)
    if n < 2:
        return None
    changes = [after - before for before, after in pairs]
    mean_change = sum(changes) / n
    variance = sum((c - mean_change) ** 2 for c in changes) / (n - 1)
    sd = math.sqrt(variance)
    mean_before = sum(b for b, _ in pairs) / n
    mean_after = sum(a for _, a in pairs) / n
    if sd == 0:
        return PairedEffect(n, mean_before, mean_after, mean_change, 0.0, None, None, None)
    d = mean_change / sd
    se = math.sqrt(1 / n + d * d / (2 * n))
    return PairedEffect(
        n, mean_before, mean_after, mean_change, sd, d, d - Z_95 * se, d + Z_95 * se
    )


def confidence_pairs(answers: Iterable[Answer]) -> list[tuple[int, int]]:
    return [
        (a.confidence_before, a.confidence_after)
        for a in answers
        if a.stage == "end" and a.confidence_before is not None and a.confidence_after is not None
    ]


def impact_ratings(answers: Iterable[Answer]) -> dict[str, int]:
    """Reflective logs (learners' follow-ups) by the training manager's rating ("" unrated)."""
    counts: Counter[str] = Counter()
    for a in answers:
        if a.stage == "follow_up":
            counts[a.impact_rating] += 1
    return {key: counts.get(key, 0) for key in ("strong", "some", "none", "")}


def is_late_cancellation(cancelled_on: dt.date, starts_on: dt.date, window_days: int) -> bool:
    """Cancelled fewer than ``window_days`` calendar days before the session (or after it)."""
    return (starts_on - cancelled_on).days < window_days


def charges(
    places: Iterable[Place],
    *,
    paying: set[str],
    non_attendance: Decimal,
    late_cancellation: Decimal,
) -> list[Charge]:
    dna: Counter[str] = Counter()
    late: Counter[str] = Counter()
    for place in places:
        if place.agency not in paying:
            continue
        if place.did_not_attend:
            dna[place.agency] += 1
        elif place.status == "cancelled" and place.late_cancellation:
            late[place.agency] += 1
    rows = []
    for agency in sorted(paying):
        amount = non_attendance * dna[agency] + late_cancellation * late[agency]
        rows.append(Charge(agency, dna[agency], late[agency], amount))
    return rows


@dataclass(frozen=True)
class Gap:
    agency: str
    course: str
    staff: int
    trained: int

    @property
    def still_to_train(self) -> int:
        return max(self.staff - self.trained, 0)

    @property
    def percent_trained(self) -> float | None:
        return share(min(self.trained, self.staff), self.staff)


def gaps(
    needs: Iterable[tuple[str, str, int]], trained: dict[tuple[str, str], set[str]]
) -> list[Gap]:
    """``needs``: (agency, course, staff needing it); ``trained``: (agency, course) -> the
    distinct learners who attended it within the refresher period."""
    return [
        Gap(agency, course, staff, len(trained.get((agency, course), set())))
        for agency, course, staff in sorted(needs)
    ]


def by_course(answers: Iterable[Answer]) -> dict[str, list[Answer]]:
    grouped: dict[str, list[Answer]] = defaultdict(list)
    for a in answers:
        grouped[a.course].append(a)
    return dict(grouped)
