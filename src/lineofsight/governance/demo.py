"""Demo: a synthetic year (2020-21) of partnership governance modelled on the 2020-21 annual
report of a partnership of about 67,000 children, through the services like a business manager:

- the board, the chief officers' group (the executive) and three sub-groups with members by
  agency and role; the board meets every two months, the others quarterly;
- attendance by agency: the acute hospital trust, whose attendance the board watches, is not
  represented at the board after May 2020 (the independent scrutineer's criticism) and the
  integrated care board misses the last two quality and performance meetings (a statutory
  partner: flagged);
- decisions with actions raised from some; agenda items;
- the assurance register: the year's MASH, early help, IRO, LADO, CDOP, public health,
  single-agency audit and inspection reports, graded (several "limited": assurance that was
  description rather than evidence), the acute trust's report not received until after the
  year ended (``ACUTE_REPORT_DAYS_LATE``), and two reports
  dated from ``today`` (one overdue) so the board's home page has something to show;
- an Ofsted focused visit and the independent scrutineer's review of the arrangements, with
  findings carrying learning themes, some with actions;
- three years' budgets: contributions in money and in kind, spending by area and the balance
  (illustrative magnitudes for a partnership of this size: the annual reports in the context
  give no budget figures);
- the multi-agency procedures register, one overdue for review.

Deterministic for a seed and an "as at" date; loads once.
"""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from lineofsight.actions.models import LearningTheme
from lineofsight.actions.services import raise_action
from lineofsight.actions.themes import sync_themes
from lineofsight.governance import services
from lineofsight.governance.models import Group
from lineofsight.lib.demo import DemoLoader, demo_loader
from lineofsight.partnership import services as partnership_services
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.models import Agency, Partnership

ACUTE = ("acute", "Demo Acute Hospitals NHS Foundation Trust", Agency.Kind.HEALTH_PROVIDER)

# (name, kind, [(agency code, role, watched)], meeting dates in 2020-21)
BOARD = "Safeguarding Children Partnership Board"
QUALITY = "Quality and Performance Sub-group"
GROUPS: list[tuple[str, str, list[tuple[str, str, bool]], list[dt.date]]] = [
    (
        BOARD,
        "board",
        [
            ("council", "Director of Children's Services", False),
            ("trust", "Chief Executive", False),
            ("police", "Chief Superintendent", False),
            ("health", "Chief Nurse", False),
            ("acute", "Chief Nurse", True),
            ("education", "Head teacher representative", False),
            ("domestic_abuse", "Service manager", False),
            ("voluntary", "Voluntary sector representative", False),
            ("business_unit", "Partnership business manager", False),
        ],
        [dt.date(2020, m, d) for m, d in ((5, 14), (7, 16), (9, 17), (11, 19))]
        + [dt.date(2021, 1, 21), dt.date(2021, 3, 18)],
    ),
    (
        "Chief Officers' Safeguarding Oversight Group",
        "executive",
        [
            ("council", "Chief Executive", False),
            ("police", "District Commander", False),
            ("health", "Accountable Officer", False),
            ("trust", "Chief Executive", False),
        ],
        [dt.date(2020, 6, 4), dt.date(2020, 9, 3), dt.date(2020, 12, 3), dt.date(2021, 3, 4)],
    ),
    (
        QUALITY,
        "subgroup",
        [
            ("council", "Head of service, performance", False),
            ("trust", "Head of quality assurance", False),
            ("police", "Detective Inspector", False),
            ("health", "Designated nurse", False),
            ("education", "Education safeguarding lead", False),
        ],
        [dt.date(2020, 6, 11), dt.date(2020, 9, 10), dt.date(2020, 12, 10), dt.date(2021, 3, 11)],
    ),
    (
        "Learning and Improvement Sub-group",
        "subgroup",
        [
            ("trust", "Head of service", False),
            ("police", "Detective Chief Inspector", False),
            ("health", "Named GP", False),
            ("business_unit", "Learning and improvement officer", False),
        ],
        [dt.date(2020, 6, 18), dt.date(2020, 9, 24), dt.date(2020, 12, 17), dt.date(2021, 3, 25)],
    ),
    (
        "Workforce Development Sub-group",
        "subgroup",
        [
            ("business_unit", "Training manager", False),
            ("trust", "Principal social worker", False),
            ("education", "Education safeguarding lead", False),
            ("voluntary", "Voluntary sector representative", False),
        ],
        [dt.date(2020, 7, 2), dt.date(2020, 10, 1), dt.date(2021, 1, 14), dt.date(2021, 3, 31)],
    ),
]
AGENDA = [
    "Apologies and minutes of the last meeting",
    "Action log",
    "Multi-agency performance report",
    "Assurance report",
    "Case review update",
    "Multi-agency audit findings",
    "Independent scrutineer's update",
    "Covid-19 recovery and the partnership",
    "Any other business",
]
DECISIONS = [
    "Ask the acute trust to confirm its representative at the board",
    "Commission a multi-agency audit of neglect cases",
    "Adopt the revised thresholds and levels of need document",
    "Ask the front door for monthly contact and referral figures",
    "Agree the training offer for the year",
    "Escalate the delay in initial health assessments to the chief officers",
    "Publish the learning briefing from the rapid review",
    "Agree the terms of reference for the improvement board",
]
# The acute trust's annual report was not received in 2020-21 (the scrutineer's criticism); it
# arrived after the year ended, so today's register has nothing overdue by years.
ACUTE_REPORT_DAYS_LATE = 230

# (title, kind, agency, group, due (month, day of 2020-21), received after (days) or None, grade)
REPORTS: list[tuple[str, str, str, str, dt.date, int | None, str]] = [
    ("MASH assurance report", "mash", "trust", QUALITY, dt.date(2020, 6, 1), 5, "Limited"),
    (
        "Early help annual report",
        "early_help",
        "council",
        BOARD,
        dt.date(2020, 7, 1),
        0,
        "Reasonable",
    ),
    (
        "Independent reviewing officers' annual report",
        "iro",
        "trust",
        BOARD,
        dt.date(2020, 9, 1),
        12,
        "Reasonable",
    ),
    ("LADO annual report", "lado", "council", BOARD, dt.date(2020, 9, 1), 0, "Substantial"),
    (
        "Child death overview panel annual report",
        "cdop",
        "health",
        BOARD,
        dt.date(2020, 11, 1),
        20,
        "Reasonable",
    ),
    (
        "Public health: children's emotional wellbeing",
        "public_health",
        "council",
        QUALITY,
        dt.date(2020, 12, 1),
        3,
        "Limited",
    ),
    (
        "Police single-agency audit: voice of the child",
        "single_agency_audit",
        "police",
        QUALITY,
        dt.date(2020, 12, 1),
        0,
        "Reasonable",
    ),
    (
        "Ofsted focused visit: letter and response",
        "inspection",
        "trust",
        BOARD,
        dt.date(2021, 1, 1),
        0,
        "Limited",
    ),
    (
        "Acute trust safeguarding annual report",
        "other",
        "acute",
        BOARD,
        dt.date(2020, 11, 1),
        ACUTE_REPORT_DAYS_LATE,
        "Reasonable",
    ),
    (
        "Early help quarterly assurance (Q4)",
        "early_help",
        "council",
        QUALITY,
        dt.date(2021, 3, 1),
        45,
        "",
    ),
]
# budgets: (year, {agency: (money, in kind, what in kind)}, {area: spent})
CONTRIBUTIONS = {
    "council": (285_000, 15_000, "Meeting rooms and legal advice"),
    "health": (150_000, 22_000, "Designated nurse time for the CDOP and case reviews"),
    "police": (65_000, 18_000, "Analyst two days a week"),
    "trust": (60_000, 0, ""),
    "acute": (10_000, 0, ""),
    "education": (0, 6_000, "Head teachers' time on the sub-groups"),
}
SPENDING = {
    "staffing": 352_000,
    "scrutiny": 42_000,
    "training": 38_000,
    "reviews": 58_000,
    "cdop": 31_000,
    "communications": 9_000,
    "systems": 12_000,
}
FINDINGS: list[tuple[str, str, str, list[str], str | None]] = [
    # (inspection key, kind, text, themes, owner of an action raised from it)
    (
        "scrutiny",
        "improve",
        (
            "The arrangements did not identify in a timely way "
            "the deterioration in practice that led to the improvement board"
        ),
        ["assessment-and-planning"],
        "council",
    ),
    (
        "scrutiny",
        "improve",
        (
            "The acute hospital trust has not been "
            "represented at the partnership board since May 2020"
        ),
        ["escalation-and-challenge"],
        "acute",
    ),
    (
        "scrutiny",
        "improve",
        "Neither the board nor the chief officers receive systematic multi-agency "
        "performance information",
        ["information-sharing"],
        "business_unit",
    ),
    (
        "scrutiny",
        "improve",
        "The first multi-agency audit drew conclusions more optimistic than the cases supported",
        ["professional-curiosity"],
        None,
    ),
    (
        "scrutiny",
        "strength",
        "Partners accepted every recommendation of the review and were open to challenge",
        [],
        None,
    ),
    (
        "ofsted",
        "improve",
        (
            "The thresholds document was too restrictive: referrals "
            "only for children at risk of immediate harm"
        ),
        ["thresholds"],
        "trust",
    ),
    (
        "ofsted",
        "strength",
        (
            "Schools and children's services worked well "
            "together to support attendance during the pandemic"
        ),
        ["early-help"],
        None,
    ),
]
PROCEDURES: list[tuple[str, str, str, dt.date, int, list[str], str]] = [
    # (title, owner, role, last reviewed, months to next review, themes, what changed)
    (
        "Thresholds and levels of need",
        "council",
        "Director of Children's Services",
        dt.date(2021, 9, 1),
        24,
        ["thresholds"],
        "Removes the immediate-harm test for referrals",
    ),
    (
        "Resolving professional disagreements (escalation)",
        "business_unit",
        "Business manager",
        dt.date(2020, 10, 1),
        24,
        ["escalation-and-challenge"],
        "",
    ),
    (
        "Neglect strategy and toolkit",
        "trust",
        "Head of service",
        dt.date(2020, 2, 1),
        24,
        ["neglect"],
        "Adds the graded care profile",
    ),
    (
        "Safer sleep guidance for practitioners",
        "health",
        "Designated nurse",
        dt.date(2020, 11, 1),
        24,
        ["safe-sleep"],
        "Advice repeated at every health visitor contact",
    ),
    (
        "Child exploitation pathway",
        "police",
        "Detective Chief Inspector",
        dt.date(2021, 1, 1),
        12,
        ["exploitation", "missing"],
        "",
    ),
    (
        "Managing allegations against people who work with children",
        "council",
        "LADO",
        dt.date(2019, 6, 1),
        24,
        [],
        "",
    ),
]


def _grade(short: str) -> str:
    return f"{short} assurance" if short else ""


def _months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    return dt.date(day.year + month // 12, month % 12 + 1, min(day.day, 28))


def _at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(14, 0)))


class _Loader(DemoLoader):
    stream = "governance-demo"

    def __init__(self, seed: int, today: dt.date, partnership: Any) -> None:
        super().__init__(seed, today, partnership)
        self.groups: dict[str, Group] = {}

    def acute_trust(self) -> None:
        code, name, kind = ACUTE
        if code not in self.agencies:
            self.agencies[code] = partnership_services.create_agency(
                actor=SYSTEM, partnership=self.partnership, name=name, code=code, kind=kind
            )

    def status(self, group: str, code: str, index: int, count: int) -> str:
        if code == "acute" and group == BOARD:
            return "present" if index == 0 else "absent"
        if code == "health" and group == QUALITY and index >= count - 2:
            return "apologies"
        roll = self.rng.random()
        return "present" if roll < 0.82 else "deputy" if roll < 0.93 else "apologies"

    def meetings(self) -> None:
        decisions = itertools.cycle(DECISIONS)
        for name, kind, members, dates in GROUPS:
            group = services.create_group(
                actor=SYSTEM, partnership=self.partnership, name=name, kind=kind
            )
            self.groups[name] = group
            for code, role, watched in members:
                services.add_member(
                    actor=SYSTEM,
                    group=group,
                    agency=self.agencies[code],
                    role=role,
                    attendance_required=watched,
                )
            codes = list(dict.fromkeys(code for code, _, _ in members))
            for index, day in enumerate(dates):
                agenda = [AGENDA[0], AGENDA[1], *self.rng.sample(AGENDA[2:-1], 3), AGENDA[-1]]
                taken = [next(decisions) for _ in range(self.rng.randint(1, 2))]
                meeting = services.create_meeting(
                    actor=SYSTEM,
                    group=group,
                    held_on=day,
                    attendance={
                        self.agencies[c]: self.status(name, c, index, len(dates)) for c in codes
                    },
                    agenda=agenda,
                    decisions=taken,
                )
                first = meeting.decisions.order_by("number").first()
                if first is not None and kind != "subgroup":
                    owner = "acute" if "acute" in first.text else self.rng.choice(codes)
                    raise_action(
                        actor=SYSTEM,
                        record=first,
                        owner_agency=self.agencies[owner],
                        due_date=day + dt.timedelta(days=self.rng.choice((60, 90, 120))),
                        at=_at(day),
                    )

    def reports(self) -> None:
        for title, kind, code, group, due, after, grade in REPORTS:
            received = due + dt.timedelta(days=after) if after is not None else None
            report = services.create_report(
                actor=SYSTEM,
                partnership=self.partnership,
                title=title,
                kind=kind,
                agency=self.agencies[code],
                group=self.groups[group],
                due_on=due,
                received_on=received,
                grade=_grade(grade) if received else "",
                questions="How do you know practice has improved? Show the audit evidence."
                if grade == "Limited"
                else "",
                at=_at(due - dt.timedelta(days=90)),
            )
            if grade == "Limited" and received:
                raise_action(
                    actor=SYSTEM,
                    record=report,
                    owner_agency=self.agencies[code],
                    title=f"Bring evidence of impact to the board: {title}",
                    due_date=received + dt.timedelta(days=120),
                    at=_at(received),
                )
        # this year's: one overdue, one awaited
        for title, kind, code, due in (
            ("MASH quarterly assurance", "mash", "trust", self.today - dt.timedelta(days=21)),
            (
                "Early help quarterly assurance",
                "early_help",
                "council",
                self.today + dt.timedelta(days=30),
            ),
        ):
            services.create_report(
                actor=SYSTEM,
                partnership=self.partnership,
                title=title,
                kind=kind,
                agency=self.agencies[code],
                group=self.groups[QUALITY],
                due_on=due,
                at=_at(due - dt.timedelta(days=90)),
            )

    def inspections(self) -> None:
        found = {
            "ofsted": services.create_inspection(
                actor=SYSTEM,
                partnership=self.partnership,
                title="Ofsted focused visit: children's services",
                kind="focused_visit",
                started_on=dt.date(2020, 11, 3),
                reported_on=dt.date(2020, 12, 15),
            ),
            "scrutiny": services.create_inspection(
                actor=SYSTEM,
                partnership=self.partnership,
                title="Independent scrutiny review of the partnership arrangements",
                kind="other",
                started_on=dt.date(2021, 3, 1),
                reported_on=dt.date(2021, 6, 10),
            ),
        }
        for key, kind, text, themes, owner in FINDINGS:
            inspection = found[key]
            finding = services.add_finding(
                actor=SYSTEM, inspection=inspection, kind=kind, text=text, themes=themes
            )
            if owner:
                reported = inspection.reported_on or inspection.started_on
                raise_action(
                    actor=SYSTEM,
                    record=finding,
                    owner_agency=self.agencies[owner],
                    due_date=reported + dt.timedelta(days=180),
                    at=_at(reported + dt.timedelta(days=14)),
                )

    def funding(self) -> None:
        brought = Decimal(42_000)
        for year, scale in ((2019, Decimal("0.96")), (2020, Decimal(1)), (2021, Decimal("1.03"))):
            budget = services.set_funding_year(
                actor=SYSTEM, partnership=self.partnership, year=year, brought_forward=brought
            )
            for code, (money, in_kind, what) in CONTRIBUTIONS.items():
                services.set_contribution(
                    actor=SYSTEM,
                    year=budget,
                    agency=self.agencies[code],
                    money=(money * scale).quantize(Decimal(1)),
                    in_kind=Decimal(in_kind),
                    in_kind_description=what,
                )
            for area, amount in SPENDING.items():
                jitter = Decimal(self.rng.randint(-4, 4)) / 100 + 1
                services.set_spending(
                    actor=SYSTEM,
                    year=budget,
                    area=area,
                    amount=(amount * scale * jitter).quantize(Decimal(1)),
                )
            budget.refresh_from_db()
            given = sum((c.money for c in budget.contributions.all()), Decimal(0))
            spent = sum((s.amount for s in budget.spending.all()), Decimal(0))
            brought = budget.brought_forward + given - spent

    def procedures(self) -> None:
        reviews = list(self.partnership.reviews.order_by("pk")[:2])
        for index, (title, owner, role, last, months, themes, changes) in enumerate(PROCEDURES):
            services.create_procedure(
                actor=SYSTEM,
                partnership=self.partnership,
                title=title,
                owner_agency=self.agencies[owner],
                owner_role=role,
                last_reviewed_on=last,
                next_review_on=_months(last, months)
                if index != 0
                else max(_months(last, months), self.today + dt.timedelta(days=200)),
                changes=changes,
                themes=themes,
                prompted_by=reviews[:1] if changes and reviews and index in (2, 3) else [],
            )


@demo_loader(Group, "governance")
def load(seed: int, partnership: Partnership, today: dt.date) -> None:
    """a year of board, executive and sub-group meetings, assurance reports, inspections,
    funding and procedures (synthetic)"""
    sync_themes(LearningTheme)
    loader = _Loader(seed, today, partnership)
    with transaction.atomic():
        loader.acute_trust()
        loader.meetings()
        loader.reports()
        loader.inspections()
        loader.funding()
        loader.procedures()
