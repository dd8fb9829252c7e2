"""CIN rules on CIN plans and child protection plans: dates, overlaps, open plans, death."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from lineofsight.formats.rules.cin.model import CinChild, CinEpisode, day
from lineofsight.formats.rules.cin.run import CinRun, at
from lineofsight.formats.rules.registry import rule

Row = dict[str, object]


@dataclass(frozen=True)
class Plans:
    """CIN plans or child protection plans: where the census holds them and their date fields,
    for the rules that check both kinds alike."""

    part: str  # the location's part: "CINPlanDates" or "ChildProtectionPlans"
    start_field: str
    end_field: str
    rows: Callable[[CinEpisode], list[Row]]  # an episode's plans of this kind

    def of(self, child: CinChild) -> list[tuple[CinEpisode, int, Row]]:
        """The child's plans of this kind across its episodes, numbered within each."""
        return [(e, k, p) for e in child.episodes for k, p in enumerate(self.rows(e), start=1)]

    def field(self, column: str) -> str:
        return self.start_field if column == "start_date" else self.end_field


CIN_PLANS = Plans("CINPlanDates", "CINPlanStartDate", "CINPlanEndDate", lambda e: e.plans)
CP_PLANS = Plans(
    "ChildProtectionPlans", "CPPstartDate", "CPPendDate", lambda e: [c.row for c in e.cpps]
)
PlanCheck = Callable[[CinChild, CinRun, str, Plans], None]


def plans_rule(code: str, text: str, plans: Plans, check: PlanCheck) -> None:
    """Register ``check`` on ``plans`` as rule ``code`` (its implementation: the check)."""

    def on_plans(child: CinChild, run: CinRun) -> None:
        check(child, run, code, plans)

    on_plans.__name__ = check.__name__.lstrip("_")
    rule("cin", code, text)(on_plans)


def _overlaps(plans: list[tuple[CinEpisode, int, Row]], reference: date) -> list[int]:
    """Plans (across the child's episodes) starting on or after another plan's start and on or
    before its end, or before the reference date when it is open."""
    found = []
    for i, (_, _, a) in enumerate(plans):
        start = day(a["start_date"])
        if start is None:
            continue
        for j, (_, _, b) in enumerate(plans):
            other = day(b["start_date"])
            if i == j or other is None:
                continue
            end = day(b["end_date"])
            if start >= other and (start <= end if end is not None else start <= reference):
                found.append(i)
                break
    return found


def _two_open(child: CinChild, run: CinRun, code: str, plans: Plans) -> None:
    items = plans.of(child)
    if sum(1 for _, _, p in items if p["end_date"] is None) > 1:
        for episode, k, plan in items:
            if plan["end_date"] is None:
                run.report(code, child, at(child, episode, plans.part, k), plans.end_field)


def _overlapping(child: CinChild, run: CinRun, code: str, plans: Plans) -> None:
    items = plans.of(child)
    if len(items) > 1:
        for i in _overlaps(items, run.reference_date):
            episode, k, _ = items[i]
            run.report(code, child, at(child, episode, plans.part, k), plans.start_field)


def _one_day(child: CinChild, run: CinRun, code: str, plans: Plans) -> None:
    for episode, k, plan in plans.of(child):
        if plan["start_date"] is not None and plan["start_date"] == plan["end_date"]:
            run.report(code, child, at(child, episode, plans.part, k), plans.end_field)


def _ended_before_year(child: CinChild, run: CinRun, code: str, plans: Plans) -> None:
    """Ended before the census year began (after its end is the parser's date check)."""
    for episode, k, plan in plans.of(child):
        end = day(plan["end_date"])
        if end is not None and end < run.start:
            run.report(code, child, at(child, episode, plans.part, k), plans.end_field, end)


def _after_death(child: CinChild, run: CinRun, code: str, plans: Plans, column: str) -> None:
    death = day(child.row["death_date"])
    if death is None:
        return
    for episode, k, plan in plans.of(child):
        value = day(plan[column])
        if value is not None and value > death:
            run.report(code, child, at(child, episode, plans.part, k), plans.field(column), value)


def _starts_after_death(child: CinChild, run: CinRun, code: str, plans: Plans) -> None:
    _after_death(child, run, code, plans, "start_date")


def _ends_after_death(child: CinChild, run: CinRun, code: str, plans: Plans) -> None:
    _after_death(child, run, code, plans, "end_date")


plans_rule(
    "4004",
    "This child is showing more than one open CIN Plan, i.e. with no End Date",
    CIN_PLANS,
    _two_open,
)
plans_rule(
    "8935",
    "This child is showing more than one open Child Protection plan, i.e. with no End Date",
    CP_PLANS,
    _two_open,
)
plans_rule("4014", "CIN Plan data contains overlapping dates", CIN_PLANS, _overlapping)
plans_rule("8940", "Child Protection Plan data contains overlapping dates", CP_PLANS, _overlapping)
plans_rule(
    "4012Q",
    "Please check and either amend or provide a reason: CIN Plan shown as "
    "starting and ending on the same day",
    CIN_PLANS,
    _one_day,
)
plans_rule("8840", "Child Protection Plan cannot start and end on the same day", CP_PLANS, _one_day)
plans_rule(
    "4013", "CIN Plan end date must fall within the census year", CIN_PLANS, _ended_before_year
)
plans_rule(
    "8930",
    "Child Protection Plan End Date must fall within the census year",
    CP_PLANS,
    _ended_before_year,
)
plans_rule(
    "4008",
    "CIN Plan shown as starting after the child’s Date of Death.",
    CIN_PLANS,
    _starts_after_death,
)
plans_rule(
    "4009Q", "CIN Plan cannot end after the child’s Date of Death", CIN_PLANS, _ends_after_death
)
plans_rule(
    "8915",
    "Child Protection Plan shown as starting after the child’s Date of Death",
    CP_PLANS,
    _starts_after_death,
)
plans_rule(
    "8920",
    "Child Protection Plan cannot end after the child’s Date of Death",
    CP_PLANS,
    _ends_after_death,
)


@rule("cin", "4015", "The CIN Plan start date cannot be before the referral date")
def cin_plan_before_referral(child: CinChild, run: CinRun) -> None:
    for episode, k, plan in CIN_PLANS.of(child):
        start, referral = day(plan["start_date"]), day(episode.row["referral_date"])
        if start is not None and referral is not None and start < referral:
            where = at(child, episode, "CINPlanDates", k)
            run.report("4015", child, where, "CINPlanStartDate", start)


@rule(
    "cin",
    "8841",
    "The review date cannot be on the same day or before the Child protection Plan start date.",
)
def review_not_after_start(child: CinChild, run: CinRun) -> None:
    for episode in child.episodes:
        for k, cpp in enumerate(episode.cpps, start=1):
            start = day(cpp.row["start_date"])
            if start is None:
                continue
            for review in cpp.reviews:
                if review is not None and review <= start:
                    where = at(child, episode, "ChildProtectionPlans", k)
                    run.report("8841", child, where, "CPPreviewDate", review)


@rule("cin", "4001", "A CIN Plan cannot run concurrently with a Child Protection Plan")
def open_cin_and_cp_plans(child: CinChild, run: CinRun) -> None:
    for episode in child.episodes:
        if any(c.row["end_date"] is None for c in episode.cpps) and any(
            p["end_date"] is None for p in episode.plans
        ):
            run.report("4001", child, at(child, episode), "CINPlanEndDate")


def _within(day_: date, start: date, end: date | None, reference: date) -> bool:
    return start <= day_ <= (end if end is not None else reference)


@rule(
    "cin", "4003", "A CPP review date is shown as being held at the same time as an open CIN Plan."
)
def review_during_cin_plan(child: CinChild, run: CinRun) -> None:
    for episode in child.episodes:
        if not episode.plans:
            continue
        for k, cpp in enumerate(episode.cpps, start=1):
            for review in cpp.reviews:
                if review is None or review == cpp.row["end_date"]:
                    continue
                for plan in episode.plans:
                    start = day(plan["start_date"])
                    if start is not None and _within(
                        review, start, day(plan["end_date"]), run.reference_date
                    ):
                        where = at(child, episode, "ChildProtectionPlans", k)
                        run.report("4003", child, where, "CPPreviewDate", review)
                        break


def _starts_inside(starting: list[Row], containing: list[Row], reference: date) -> list[int]:
    """Indexes of ``starting`` plans whose start falls within one of ``containing`` (to its end,
    or the reference date when open), unless it starts on that plan's end date."""
    found = []
    for k, plan in enumerate(starting):
        start = day(plan["start_date"])
        if start is None:
            continue
        for other in containing:
            other_start, other_end = day(other["start_date"]), day(other["end_date"])
            if (
                other_start is not None
                and start != other_end
                and _within(start, other_start, other_end, reference)
            ):
                found.append(k)
                break
    return found


def _starts_in_other(child: CinChild, run: CinRun, code: str, plans: Plans) -> None:
    """A plan starts within a plan of the other kind in its episode (unless on that plan's end
    date)."""
    other = CP_PLANS if plans is CIN_PLANS else CIN_PLANS
    for episode in child.episodes:
        starting = plans.rows(episode)
        for k in _starts_inside(starting, other.rows(episode), run.reference_date):
            where = at(child, episode, plans.part, k + 1)
            run.report(code, child, where, plans.start_field, starting[k]["start_date"])


OPEN_WITH_CP_PLAN = (
    "A CIN Plan has been reported as open at the same time as a Child Protection Plan."
)
plans_rule("4016", OPEN_WITH_CP_PLAN, CIN_PLANS, _starts_in_other)  # a CIN plan in a CP plan
plans_rule("4017", OPEN_WITH_CP_PLAN, CP_PLANS, _starts_in_other)  # a CP plan in a CIN plan


@rule(
    "cin",
    "2885",
    "Child protection plan shown as starting a different day to the initial "
    "child protection conference.",
)
def plan_not_on_conference_day(child: CinChild, run: CinRun) -> None:
    """A plan starting in the census year, in an episode with a section 47 that needed a
    conference, must start on the day of one of the episode's conferences."""
    for episode in child.episodes:
        s47s = [s for s in episode.s47s if s["icpc_not_required"] is not True]
        if not s47s:
            continue
        conferences = {s["icpc_date"] for s in s47s}
        for k, cpp in enumerate(episode.cpps, start=1):
            start = day(cpp.row["start_date"])
            if start is not None and run.in_year(start) and start not in conferences:
                where = at(child, episode, "ChildProtectionPlans", k)
                run.report("2885", child, where, "CPPstartDate", start)
