"""Aggregate partner returns and the partnership's own records (LADO, CDOP, training)."""

from __future__ import annotations

import csv
import io
import math
import random
from datetime import date, timedelta
from pathlib import Path

from lineofsight.calendar.timescales import LADO_DECISION
from lineofsight.calendar.workdays import add_working_days, is_working_day
from lineofsight.formats import child_deaths, lado_referrals, training_records
from lineofsight.synth.config import BoroughParams
from lineofsight.synth.demand import months
from lineofsight.synth.participation import AGENCY as PARTICIPATION_AGENCY
from lineofsight.synth.participation import participation_rows
from lineofsight.synth.randomness import Picker, poisson

PARTNER_HEADER = ["agency_code", "measure_id", "period_start", "period_end", "value", "breakdown"]
# measure_id -> (agency, the BoroughParams field holding its monthly magnitude)
PARTNER_MEASURES: dict[str, tuple[str, str]] = {
    "police_da_incidents_children_present": (
        "police",
        "police_da_incidents_children_present_per_month",
    ),
    "police_missing_child_episodes": ("police", "police_missing_child_episodes_per_month"),
    "ae_self_harm_attendances_u18": ("health", "ae_self_harm_attendances_u18_per_month"),
    "health_visitor_safeguarding_referrals": (
        "health",
        "health_visitor_safeguarding_referrals_per_month",
    ),
    "idva_referrals": ("domestic_abuse", "idva_referrals_per_month"),
}
LADO_HEADER = [
    *lado_referrals.REQUIRED,
    # added for the LADO module (drawn from a second generator: the required columns are unchanged)
    "adult_ref",
    "referring_agency",
    "context",
    "police_investigation",
    "suspended",
    "social_care_involved",
]
LADO_REFERRERS = {
    "employer": 0.55,
    "police": 0.12,
    "social_care": 0.12,
    "parent": 0.1,
    "health": 0.04,
    "ofsted": 0.03,
    "child": 0.02,
    "other": 0.02,
}
LADO_REREFERRED = 0.06  # share of referrals about an adult referred before
LADO_SECTORS = {
    "education": 0.45,
    "early_years": 0.1,
    "social_care": 0.15,
    "health": 0.07,
    "police": 0.03,
    "faith": 0.03,
    "sport": 0.05,
    "voluntary": 0.07,
    "other": 0.05,
}
LADO_TYPES = {
    "physical": 0.45,
    "sexual": 0.2,
    "emotional": 0.1,
    "neglect": 0.05,
    "suitability": 0.2,
}
HARM_TESTS = {
    "harmed_child": 0.5,
    "criminal_offence": 0.15,
    "risk_of_harm": 0.2,
    "not_suitable": 0.15,
}
LADO_OUTCOMES = {
    "substantiated": 0.3,
    "unsubstantiated": 0.35,
    "unfounded": 0.15,
    "false": 0.15,
    "malicious": 0.05,
}
CDOP_HEADER = list(child_deaths.REQUIRED)
CDOP_CATEGORIES = {
    "deliberately_inflicted_injury_abuse_or_neglect": 0.03,
    "suicide_or_self_harm": 0.06,
    "trauma_and_other_external_factors": 0.12,
    "malignancy": 0.08,
    "acute_medical_or_surgical": 0.07,
    "chronic_medical": 0.06,
    "chromosomal_genetic_congenital": 0.2,
    "perinatal_neonatal_event": 0.28,
    "infection": 0.05,
    "sudden_unexpected_unexplained": 0.05,
}
TRAINING_HEADER = [*training_records.REQUIRED, "feedback_given", *training_records.SCORES]
COURSES = {
    "MA01": "Working Together: multi-agency safeguarding",
    "NEG1": "Neglect and the Graded Care Profile",
    "DA01": "Domestic abuse and coercive control",
    "CE01": "Child exploitation",
    "EH01": "Introduction to Early Help",
    "ME01": "Managing engagement and disguised compliance",
    "LADO": "Managing allegations against staff",
}
TRAINING_AGENCIES = {
    "education": 0.35,
    "health": 0.2,
    "council": 0.12,
    "trust": 0.15,
    "police": 0.06,
    "voluntary": 0.12,
}
# Sessions: the places each delivery is advertised with (a training room; a virtual session
# with breakout rooms), the share of sessions fully booked (the demo adds waiting lists to some)
# and the fewest places a session that is not full runs with, as a fraction (3/5).  About 95
# sessions a year of 8 to 24 places before April 2020 (the 2016-17 report: 22 sessions on
# thresholds alone), about 73 fuller ones a year after, when 80% were virtual.
SESSION_SIZES: dict[str, tuple[int, ...]] = {
    "face_to_face": (12, 16, 20, 24),
    "virtual": (20, 25, 30),
}
SESSION_FULL = 0.15
SESSION_LOWEST_FILL = (3, 5)
TRAINING_VIRTUAL_SHARE = 0.8  # of sessions from April 2020
TRAINING_LEARNERS = 4000  # the pseudonymous learners of the booking tool


def _csv(header: list[str], rows: list[list[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def month_end(year: int, month: int) -> date:
    return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def _month_number(label: str) -> int:
    """'2020-06' -> a running month number."""
    year, month = label.split("-")
    return int(year) * 12 + int(month) - 1


def surge_multiplier(params: BoroughParams, year: int, month: int) -> float:
    """The partnership's special cause: 1, rising linearly from ``start`` to the peak
    multiplier at ``peak``, then easing back to 1 over ``settle_months``."""
    surge = params.partner_surge
    now, start, peak = (
        year * 12 + month - 1,
        _month_number(surge["start"]),
        _month_number(surge["peak"]),
    )
    top, settle = float(surge["peak_multiplier"]), int(surge["settle_months"])
    if now <= start:
        return 1.0
    if now <= peak:
        return 1 + (top - 1) * (now - start) / (peak - start)
    if now < peak + settle:
        return top - (top - 1) * (now - peak) / settle
    return 1.0


def partner_mean(
    params: BoroughParams, measure: str, year: int, month: int, shock: float, scale: float
) -> float:
    """Expected monthly value: magnitude x trend x seasonality x COVID-19 x the surge."""
    _, field = PARTNER_MEASURES[measure]
    pattern = params.partner_patterns.get(measure, {})
    years_from_reference = (year + (month - 4) / 12) - (params.reference_year - 0.25)
    trend = (1 + float(pattern.get("annual_growth", 0.0))) ** years_from_reference
    peak_month = int(pattern.get("peak_month", 1))
    season = 1 + float(pattern.get("seasonal_amplitude", 0.0)) * math.cos(
        2 * math.pi * (month - peak_month) / 12
    )
    covid = 2 - shock if pattern.get("covid") == "rise" else shock
    surge = (
        surge_multiplier(params, year, month)
        if measure in params.partner_surge["measures"]
        else 1.0
    )
    return float(getattr(params, field)) * scale * trend * season * covid * surge


def idva_repeat_rate(params: BoroughParams, year: int, month: int) -> float:
    """The repeat-victim rate, climbing with the surge (the report: more victims already known)."""
    top = float(params.partner_surge["peak_multiplier"])
    progress = (surge_multiplier(params, year, month) - 1) / (top - 1) if top != 1 else 0.0
    peak_rate = float(params.partner_surge["repeat_rate_at_peak"])
    return params.idva_repeat_rate + (peak_rate - params.idva_repeat_rate) * progress


def write_partner_returns(
    params: BoroughParams,
    scale: float,
    year: int,
    directory: Path,
    rng: random.Random,
    covid: dict[str, float],
    early_help_open: dict[tuple[int, int], int],
    front_door: dict[tuple[int, int], tuple[int, int]] | None = None,
) -> list[Path]:
    """Each agency's monthly return for the year; ``front_door`` gives the council's contacts
    received and passed to early help by month (no random draws: the others are unchanged)."""
    directory.mkdir(parents=True, exist_ok=True)
    by_agency: dict[str, list[list[object]]] = {}
    risk = Picker(params.exploitation_risk_weights)
    for y, m in months(year, year):
        start, end = date(y, m, 1).isoformat(), month_end(y, m).isoformat()
        shock = covid.get(f"{y}-{m:02d}", 1.0)
        for measure, (agency, _field) in PARTNER_MEASURES.items():
            value = poisson(rng, partner_mean(params, measure, y, m, shock, scale))
            by_agency.setdefault(agency, []).append([agency, measure, start, end, value, ""])
            if measure == "idva_referrals":
                rate = idva_repeat_rate(params, y, m)
                repeats = sum(rng.random() < rate for _ in range(value))
                by_agency[agency].append([agency, "idva_repeat_victims", start, end, repeats, ""])
        council = by_agency.setdefault("council", [])
        council.append(
            ["council", "early_help_cases_open", start, end, early_help_open.get((y, m), 0), ""]
        )
        tracked = poisson(rng, params.exploitation_tracked * scale)
        counts = {"high": 0, "medium": 0, "low": 0}
        for _ in range(tracked):
            counts[risk(rng)] += 1
        for level, count in counts.items():
            council.append(["council", "exploitation_tracked", start, end, count, level])
        if front_door is not None:
            received, passed = front_door.get((y, m), (0, 0))
            council.append(["council", "contacts_received", start, end, received, ""])
            council.append(["council", "contacts_to_early_help", start, end, passed, ""])
    for y, m in months(year, year):  # after every other draw: the other returns are unchanged
        by_agency.setdefault(PARTICIPATION_AGENCY, []).extend(
            participation_rows(params, scale, y, m, rng)
        )
    paths = []
    for agency in sorted(by_agency):
        path = directory / f"{agency}_{year}.csv"
        path.write_text(_csv(PARTNER_HEADER, by_agency[agency]), encoding="utf-8", newline="\n")
        paths.append(path)
    return paths


def lado_rows(
    params: BoroughParams, scale: float, years: range, rng: random.Random
) -> list[list[object]]:
    sector, kind, test, outcome = (
        Picker(w) for w in (LADO_SECTORS, LADO_TYPES, HARM_TESTS, LADO_OUTCOMES)
    )
    rows: list[list[object]] = []
    # the added columns come from their own generator, so the columns above keep their values
    extra = random.Random(sum(rng.getstate()[1][:8]))
    referrer = Picker(LADO_REFERRERS)
    for y, m in months(years.start, years.stop - 1):
        for _ in range(poisson(rng, params.lado_referrals_per_year * scale / 12)):
            received = date(y, m, rng.randint(1, 28))
            met = rng.random() < params.lado_threshold_met
            on_time = rng.random() < 0.85
            decision = add_working_days(
                received, LADO_DECISION.amount if on_time else rng.randint(2, 6)
            )
            meeting = add_working_days(decision, rng.randint(1, 8)) if met else None
            concluded = received + timedelta(
                days=rng.randint(20, 90) if rng.random() < 0.7 else rng.randint(91, 300)
            )
            rows.append(
                [
                    f"LADO-{len(rows) + 1:05d}",
                    received.isoformat(),
                    sector(rng),
                    kind(rng),
                    test(rng),
                    "Y" if met else "N",
                    decision.isoformat(),
                    meeting.isoformat() if meeting else "",
                    outcome(rng) if met else "",
                    concluded.isoformat(),
                ]
            )
            again = rows[:-1] and extra.random() < LADO_REREFERRED
            adult = extra.choice(rows[:-1])[10] if again else f"ADULT-{len(rows):05d}"
            rows[-1] += [
                adult,
                referrer(extra),
                "private" if extra.random() < 0.2 else "work",
                "Y" if met and extra.random() < 0.35 else "N",
                "Y" if met and extra.random() < 0.2 else "N",
                "Y" if met and extra.random() < 0.5 else "N",
            ]
    return rows


def cdop_rows(
    params: BoroughParams, scale: float, years: range, rng: random.Random
) -> list[list[object]]:
    category = Picker(CDOP_CATEGORIES)
    rows: list[list[object]] = []
    for y, m in months(years.start, years.stop - 1):
        for _ in range(poisson(rng, params.child_deaths_per_year * scale / 12)):
            died = date(y, m, rng.randint(1, 28))
            infant = rng.random() < params.child_deaths_under_one
            band = "under_1" if infant else rng.choice(["1-4", "5-9", "10-14", "15-17"])
            cat = category(rng)
            while cat == "perinatal_neonatal_event" and not infant:
                cat = category(rng)
            place = (
                "hospital"
                if rng.random() < 0.85
                else rng.choice(["home", "public_place", "hospice"])
            )
            rows.append(
                [
                    f"CDOP-{len(rows) + 1:04d}",
                    died.isoformat(),
                    band,
                    rng.choice("MF"),
                    "Y"
                    if cat in {"malignancy", "chronic_medical", "chromosomal_genetic_congenital"}
                    else "N",
                    cat,
                    place,
                    (died + timedelta(days=rng.randint(120, 600))).isoformat(),
                    "Y" if rng.random() < params.child_deaths_modifiable else "N",
                ]
            )
    return rows


def session_floor(capacity: int) -> int:
    """The fewest bookings a session that is not full runs with (``SESSION_LOWEST_FILL`` of its
    places, rounded up, in whole numbers so no float rounding moves it)."""
    top, bottom = SESSION_LOWEST_FILL
    return -(-capacity * top // bottom)


def places_per_session(virtual_share: float) -> float:
    """The expected bookings of one session: full with probability ``SESSION_FULL``, else any
    number from ``session_floor`` to one short of full; over the sizes of each delivery."""

    def mean(sizes: tuple[int, ...]) -> float:
        return sum(
            SESSION_FULL * c + (1 - SESSION_FULL) * (session_floor(c) + c - 1) / 2 for c in sizes
        ) / len(sizes)

    return (1 - virtual_share) * mean(SESSION_SIZES["face_to_face"]) + virtual_share * mean(
        SESSION_SIZES["virtual"]
    )


def training_rows(
    params: BoroughParams, scale: float, years: range, rng: random.Random
) -> list[list[object]]:
    """Sessions, then their bookings.  The programme is planned: each month runs the sessions
    its share of the yearly places needs (the places over the expected places per session,
    carried from month to month so a year runs its whole number of them), each of one course on
    one working day in one delivery (the import's key for a session), of an advertised size,
    with distinct learners; only the bookings each session gets are drawn."""
    agency = Picker(TRAINING_AGENCIES)
    codes = list(COURSES)
    rows: list[list[object]] = []
    carried = rng.random()
    for y, m in months(years.start, years.stop - 1):
        virtual_share = TRAINING_VIRTUAL_SHARE if (y, m) >= (2020, 4) else 0.0
        carried += (
            params.training_attendances_per_year * scale / 12 / places_per_session(virtual_share)
        )
        planned: dict[tuple[date, str, str], int] = {}
        for _ in range(int(carried)):
            course = rng.choice(codes)
            mode = "virtual" if rng.random() < virtual_share else "face_to_face"
            capacity = rng.choice(SESSION_SIZES[mode])
            full = rng.random() < SESSION_FULL
            booked = capacity if full else rng.randint(session_floor(capacity), capacity - 1)
            day = date(y, m, rng.randint(1, 28))
            while not is_working_day(day) or (day, course, mode) in planned:
                day = date(y, m, rng.randint(1, 28))
            planned[(day, course, mode)] = booked
        carried -= int(carried)
        for (day, course, mode), booked in sorted(planned.items()):
            for learner in sorted(rng.sample(range(1, TRAINING_LEARNERS + 1), booked)):
                attended = rng.random() < 0.9
                feedback = attended and rng.random() < params.training_feedback_rate
                before = rng.randint(1, 4) if feedback else ""
                after = min(5, int(before) + rng.randint(0, 2)) if feedback else ""
                rows.append(
                    [
                        f"TR-{len(rows) + 1:06d}",
                        course,
                        COURSES[course],
                        mode,
                        day.isoformat(),
                        agency(rng),
                        f"P{learner:05d}",
                        "Y" if attended else "N",
                        "Y" if feedback else "N",
                        rng.choice([3, 4, 4, 5, 5]) if feedback else "",
                        before,
                        after,
                    ]
                )
    return rows


def write_records(
    params: BoroughParams, scale: float, years: range, root: Path, seed: str
) -> list[Path]:
    written = []
    for folder, name, header, build in (
        ("lado", "lado_referrals.csv", LADO_HEADER, lado_rows),
        ("cdop", "child_deaths.csv", CDOP_HEADER, cdop_rows),
        ("training", "training_records.csv", TRAINING_HEADER, training_rows),
    ):
        rows = build(params, scale, years, random.Random(f"{seed}:{folder}"))
        path = root / folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_csv(header, rows), encoding="utf-8", newline="\n")
        written.append(path)
    return written
