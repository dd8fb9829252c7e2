"""Children's and parents' participation in child protection conferences, advocacy, compliments
and complaints: the children's services trust's monthly partner return (issue 17).

Yearly magnitudes are the 2020-21 annual report's (``params.json`` ``participation``): the
pandemic year (2020-21) has its own figures (fewer children invited and attending, more mothers
and fathers at initial conferences, fewer at reviews); every other year the year before's.
Attendance is drawn from the children invited (never more than were invited).
"""

from __future__ import annotations

import random
from datetime import date

from lineofsight.synth.config import BoroughParams
from lineofsight.synth.randomness import poisson

AGENCY = "trust"


def _month_end(year: int, month: int) -> date:
    following = date(year + (month == 12), month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def figures_for(params: BoroughParams, year: int, month: int) -> dict[str, float]:
    """The yearly figures that apply to a month (the pandemic year's or the usual ones)."""
    settings = params.participation
    financial_year = year if month >= 4 else year - 1
    chosen = "pandemic" if financial_year == int(settings["pandemic_year"]) else "usual"
    return {k: float(v) for k, v in settings[chosen].items()}


def participation_rows(
    params: BoroughParams, scale: float, year: int, month: int, rng: random.Random
) -> list[list[object]]:
    """One month's rows of the trust's return."""
    figures = figures_for(params, year, month)
    share = float(params.participation["initial_share"])
    start, end = date(year, month, 1).isoformat(), _month_end(year, month).isoformat()
    rows: list[list[object]] = []

    def row(measure: str, value: int, breakdown: str = "") -> None:
        rows.append([AGENCY, measure, start, end, value, breakdown])

    for kind, part in (("initial", share), ("review", 1 - share)):
        invited = poisson(rng, figures["children_invited"] * part * scale / 12)
        attended = sum(rng.random() < figures["attendance_rate"] for _ in range(invited))
        row("cp_conference_children_invited", invited, kind)
        row("cp_conference_children_attended", attended, kind)
    row("cp_advocacy_referrals", poisson(rng, figures["advocacy_referrals"] * scale / 12))
    for parent in ("mothers", "fathers"):
        for kind in ("initial", "review"):
            mean = figures[f"{parent}_{kind}"] * scale / 12
            row(f"cp_conference_{parent}_attended", poisson(rng, mean), kind)
    row("compliments_received", poisson(rng, figures["compliments"] * scale / 12))
    row("complaints_received", poisson(rng, figures["complaints"] * scale / 12))
    return rows
