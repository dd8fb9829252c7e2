"""Aggregate partner returns and the partnership's own records (LADO, CDOP, training)."""

from __future__ import annotations

import csv
import io
import random
from datetime import date, timedelta
from pathlib import Path

from lineofsight.synth.calendar import add_working_days
from lineofsight.synth.config import BoroughParams
from lineofsight.synth.demand import months
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
    "lado_ref",
    "received_date",
    "employer_sector",
    "allegation_type",
    "harm_test",
    "met_threshold",
    "decision_date",
    "strategy_meeting_date",
    "outcome",
    "concluded_date",
]
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
CDOP_HEADER = [
    "death_ref",
    "date_of_death",
    "age_band",
    "sex",
    "expected",
    "category",
    "place_of_death",
    "review_date",
    "modifiable_factors",
]
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
TRAINING_HEADER = [
    "record_ref",
    "course_code",
    "course_title",
    "delivery",
    "course_date",
    "agency",
    "attendee_ref",
    "attended",
    "feedback_given",
    "reaction_score",
    "learning_before",
    "learning_after",
]
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


def _csv(header: list[str], rows: list[list[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def month_end(year: int, month: int) -> date:
    return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def write_partner_returns(
    params: BoroughParams,
    scale: float,
    year: int,
    directory: Path,
    rng: random.Random,
    covid: dict[str, float],
    early_help_open: dict[tuple[int, int], int],
) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    by_agency: dict[str, list[list[object]]] = {}
    risk = Picker(params.exploitation_risk_weights)
    for y, m in months(year, year):
        start, end = date(y, m, 1).isoformat(), month_end(y, m).isoformat()
        shock = covid.get(f"{y}-{m:02d}", 1.0)
        for measure, (agency, field) in PARTNER_MEASURES.items():
            mean = (
                float(getattr(params, field)) * scale * (2 - shock if "da_" in measure else shock)
            )
            value = poisson(rng, mean)
            by_agency.setdefault(agency, []).append([agency, measure, start, end, value, ""])
            if measure == "idva_referrals":
                repeats = sum(rng.random() < params.idva_repeat_rate for _ in range(value))
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
    for y, m in months(years.start, years.stop - 1):
        for _ in range(poisson(rng, params.lado_referrals_per_year * scale / 12)):
            received = date(y, m, rng.randint(1, 28))
            met = rng.random() < params.lado_threshold_met
            decision = add_working_days(received, 1 if rng.random() < 0.85 else rng.randint(2, 6))
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


def training_rows(
    params: BoroughParams, scale: float, years: range, rng: random.Random
) -> list[list[object]]:
    agency = Picker(TRAINING_AGENCIES)
    codes = list(COURSES)
    rows: list[list[object]] = []
    for y, m in months(years.start, years.stop - 1):
        virtual = (y, m) >= (2020, 4)
        for _ in range(poisson(rng, params.training_attendances_per_year * scale / 12)):
            course = rng.choice(codes)
            attended = rng.random() < 0.9
            feedback = attended and rng.random() < params.training_feedback_rate
            before = rng.randint(1, 4) if feedback else ""
            after = min(5, int(before) + rng.randint(0, 2)) if feedback else ""
            rows.append(
                [
                    f"TR-{len(rows) + 1:06d}",
                    course,
                    COURSES[course],
                    "virtual" if virtual and rng.random() < 0.8 else "face_to_face",
                    date(y, m, rng.randint(1, 28)).isoformat(),
                    agency(rng),
                    f"P{rng.randint(1, 4000):05d}",
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
