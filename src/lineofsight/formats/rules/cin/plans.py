"""CIN rules on CIN plans and child protection plans: dates, overlaps, open plans, death."""

from __future__ import annotations

from datetime import date

from lineofsight.formats.rules.cin.model import CinChild, CinEpisode, day
from lineofsight.formats.rules.cin.run import CinRun, at
from lineofsight.formats.rules.registry import rule

Row = dict[str, object]


def _cin_plans(child: CinChild) -> list[tuple[CinEpisode, int, Row]]:
    return [(e, k, p) for e in child.episodes for k, p in enumerate(e.plans, start=1)]


def _cp_plans(child: CinChild) -> list[tuple[CinEpisode, int, Row]]:
    return [(e, k, c.row) for e in child.episodes for k, c in enumerate(e.cpps, start=1)]


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


@rule("cin", "4004", "This child is showing more than one open CIN Plan, i.e. with no End Date")
def two_open_cin_plans(child: CinChild, run: CinRun) -> None:
    plans = _cin_plans(child)
    if sum(1 for _, _, p in plans if p["end_date"] is None) > 1:
        for episode, k, plan in plans:
            if plan["end_date"] is None:
                run.report("4004", child, at(child, episode, "CINPlanDates", k), "CINPlanEndDate")


@rule(
    "cin",
    "8935",
    "This child is showing more than one open Child Protection plan, i.e. with no End Date",
)
def two_open_cp_plans(child: CinChild, run: CinRun) -> None:
    plans = _cp_plans(child)
    if sum(1 for _, _, p in plans if p["end_date"] is None) > 1:
        for episode, k, plan in plans:
            if plan["end_date"] is None:
                where = at(child, episode, "ChildProtectionPlans", k)
                run.report("8935", child, where, "CPPendDate")


@rule("cin", "4014", "CIN Plan data contains overlapping dates")
def cin_plans_overlap(child: CinChild, run: CinRun) -> None:
    plans = _cin_plans(child)
    if len(plans) > 1:
        for i in _overlaps(plans, run.reference_date):
            episode, k, _ = plans[i]
            run.report("4014", child, at(child, episode, "CINPlanDates", k), "CINPlanStartDate")


@rule("cin", "8940", "Child Protection Plan data contains overlapping dates")
def cp_plans_overlap(child: CinChild, run: CinRun) -> None:
    plans = _cp_plans(child)
    if len(plans) > 1:
        for i in _overlaps(plans, run.reference_date):
            episode, k, _ = plans[i]
            where = at(child, episode, "ChildProtectionPlans", k)
            run.report("8940", child, where, "CPPstartDate")


@rule(
    "cin",
    "4012Q",
    "Please check and either amend or provide a reason: CIN Plan shown as "
    "starting and ending on the same day",
)
def cin_plan_one_day(child: CinChild, run: CinRun) -> None:
    for episode, k, plan in _cin_plans(child):
        if plan["start_date"] is not None and plan["start_date"] == plan["end_date"]:
            run.report("4012Q", child, at(child, episode, "CINPlanDates", k), "CINPlanEndDate")


@rule("cin", "8840", "Child Protection Plan cannot start and end on the same day")
def cp_plan_one_day(child: CinChild, run: CinRun) -> None:
    for episode, k, plan in _cp_plans(child):
        if plan["start_date"] is not None and plan["start_date"] == plan["end_date"]:
            where = at(child, episode, "ChildProtectionPlans", k)
            run.report("8840", child, where, "CPPendDate")


@rule("cin", "4013", "CIN Plan end date must fall within the census year")
def cin_plan_ended_before_year(child: CinChild, run: CinRun) -> None:
    """Ended before the census year began (after its end is the parser's date check)."""
    for episode, k, plan in _cin_plans(child):
        end = day(plan["end_date"])
        if end is not None and end < run.start:
            run.report("4013", child, at(child, episode, "CINPlanDates", k), "CINPlanEndDate", end)


@rule("cin", "8930", "Child Protection Plan End Date must fall within the census year")
def cp_plan_ended_before_year(child: CinChild, run: CinRun) -> None:
    """Ended before the census year began (after its end is the parser's date check)."""
    for episode, k, plan in _cp_plans(child):
        end = day(plan["end_date"])
        if end is not None and end < run.start:
            where = at(child, episode, "ChildProtectionPlans", k)
            run.report("8930", child, where, "CPPendDate", end)


@rule("cin", "4015", "The CIN Plan start date cannot be before the referral date")
def cin_plan_before_referral(child: CinChild, run: CinRun) -> None:
    for episode, k, plan in _cin_plans(child):
        start, referral = day(plan["start_date"]), day(episode.row["referral_date"])
        if start is not None and referral is not None and start < referral:
            where = at(child, episode, "CINPlanDates", k)
            run.report("4015", child, where, "CINPlanStartDate", start)


def _after_death(child: CinChild, run: CinRun, code: str, plans: str, column: str) -> None:
    death = day(child.row["death_date"])
    if death is None:
        return
    items = _cin_plans(child) if plans == "CINPlanDates" else _cp_plans(child)
    field = {
        ("CINPlanDates", "start_date"): "CINPlanStartDate",
        ("CINPlanDates", "end_date"): "CINPlanEndDate",
        ("ChildProtectionPlans", "start_date"): "CPPstartDate",
        ("ChildProtectionPlans", "end_date"): "CPPendDate",
    }[(plans, column)]
    for episode, k, plan in items:
        value = day(plan[column])
        if value is not None and value > death:
            run.report(code, child, at(child, episode, plans, k), field, value)


@rule("cin", "4008", "CIN Plan shown as starting after the child’s Date of Death.")
def cin_plan_starts_after_death(child: CinChild, run: CinRun) -> None:
    _after_death(child, run, "4008", "CINPlanDates", "start_date")


@rule("cin", "4009Q", "CIN Plan cannot end after the child’s Date of Death")
def cin_plan_ends_after_death(child: CinChild, run: CinRun) -> None:
    _after_death(child, run, "4009Q", "CINPlanDates", "end_date")


@rule("cin", "8915", "Child Protection Plan shown as starting after the child’s Date of Death")
def cp_plan_starts_after_death(child: CinChild, run: CinRun) -> None:
    _after_death(child, run, "8915", "ChildProtectionPlans", "start_date")


@rule("cin", "8920", "Child Protection Plan cannot end after the child’s Date of Death")
def cp_plan_ends_after_death(child: CinChild, run: CinRun) -> None:
    _after_death(child, run, "8920", "ChildProtectionPlans", "end_date")


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


@rule(
    "cin",
    "4016",
    "A CIN Plan has been reported as open at the same time as a Child Protection Plan.",
)
def cin_plan_starts_in_cp_plan(child: CinChild, run: CinRun) -> None:
    """A CIN plan starts within a CP plan of its episode (unless on the CP plan's end date)."""
    for episode in child.episodes:
        cpps = [c.row for c in episode.cpps]
        for k in _starts_inside(episode.plans, cpps, run.reference_date):
            start = episode.plans[k]["start_date"]
            where = at(child, episode, "CINPlanDates", k + 1)
            run.report("4016", child, where, "CINPlanStartDate", start)


@rule(
    "cin",
    "4017",
    "A CIN Plan has been reported as open at the same time as a Child Protection Plan.",
)
def cp_plan_starts_in_cin_plan(child: CinChild, run: CinRun) -> None:
    """A CP plan starts within a CIN plan of its episode (unless on the CIN plan's end date)."""
    for episode in child.episodes:
        cpps = [c.row for c in episode.cpps]
        for k in _starts_inside(cpps, episode.plans, run.reference_date):
            where = at(child, episode, "ChildProtectionPlans", k + 1)
            run.report("4017", child, where, "CPPstartDate", cpps[k]["start_date"])


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
