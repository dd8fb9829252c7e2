"""Demo: five reporting years of synthetic child deaths (2016-17 to 2020-21) imported from the
synth CSV through ``ingest`` like a real file, then, through the services, what a panel adds:
agency reports, contributory factors graded 0-2, panel meetings with attendance by agency,
learning points with actions, the two national comparators the 2016-17 annual report quotes, and
a handful of open cases dated from ``today`` so the alerts and the coordinator's home page have
something to show.  Deterministic for a seed and an "as at" date.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from lineofsight.actions import services as actions
from lineofsight.actions.models import LearningTheme
from lineofsight.actions.themes import sync_themes
from lineofsight.cdop import services
from lineofsight.cdop.models import ChildDeath
from lineofsight.cdop.services import Factor
from lineofsight.lib.demo import DemoLoader, demo_loader, ingest_demo_file, synth_file
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.models import Partnership

REPORTING_AGENCIES = ("health", "police", "trust", "education", "council")
PANEL_AGENCIES = ("health", "police", "trust", "education", "council", "business_unit")
# (domain, wording) graded 2 when the panel found modifiable factors, by category
MODIFIABLE = {
    "sudden_unexpected_unexplained": [
        ("physical", "Unsafe sleeping arrangement"),
        ("family", "Parental smoking"),
    ],
    "perinatal_neonatal_event": [
        ("family", "Smoking in pregnancy"),
        ("service", "Delay in escalation of care"),
    ],
    "trauma_and_other_external_factors": [
        ("physical", "Road traffic: pedestrian"),
        ("family", "Supervision of the child"),
    ],
    "suicide_or_self_harm": [
        ("intrinsic", "Emotional or mental health of the child"),
        ("service", "Access to mental health services"),
    ],
    "deliberately_inflicted_injury_abuse_or_neglect": [
        ("family", "Domestic abuse"),
        ("family", "Parental substance misuse"),
    ],
}
GENERAL = [
    ("family", "Parental smoking"),
    ("service", "Communication between services"),
    ("family", "Housing and overcrowding"),
]
INTRINSIC = [
    ("intrinsic", "Prematurity"),
    ("intrinsic", "Life-limiting condition"),
    ("intrinsic", "Complex medical needs"),
]
LEARNING = {  # category -> (learning point, theme, owner agency)
    "sudden_unexpected_unexplained": (
        "Safer sleep advice is not reinforced after the first health visitor contact",
        "safe-sleep",
        "health",
    ),
    "perinatal_neonatal_event": (
        "Smoking cessation support in pregnancy is taken up by few",
        "substance-misuse",
        "health",
    ),
    "trauma_and_other_external_factors": (
        "Road safety near the two secondary schools",
        "think-family",
        "council",
    ),
    "suicide_or_self_harm": (
        "Bereavement and mental health support for siblings and peers",
        "mental-health",
        "health",
    ),
    "deliberately_inflicted_injury_abuse_or_neglect": (
        "Information about domestic abuse was not shared with the health visitor",
        "information-sharing",
        "police",
    ),
}
NATIONAL_2016 = {  # as quoted in the 2016-17 annual report (DfE child death reviews SFR)
    "within_12_months_pct": 76,
    "modifiable_pct": 24,
}


class _Panel(DemoLoader):
    stream = "cdop-demo"

    def __init__(self, seed: int, today: dt.date, partnership: Partnership) -> None:
        super().__init__(seed, today, partnership)
        self.counts = {"reports": 0, "meetings": 0, "actions": 0, "open": 0}

    def reports(self, death: ChildDeath, returned: bool = True) -> None:
        asked = death.notified_on + dt.timedelta(days=2)
        for code in self.rng.sample(REPORTING_AGENCIES, self.rng.randint(3, 5)):
            back = asked + dt.timedelta(days=self.rng.randint(14, 70))
            services.add_agency_report(
                actor=SYSTEM,
                death=death,
                agency=self.agencies[code],
                requested_on=min(asked, self.today),
                returned_on=back if returned and back < self.today else None,
            )
            self.counts["reports"] += 1

    def meetings(self, first: dt.date, last: dt.date) -> None:
        day = first
        while day <= last:
            attendance = {
                self.agencies[code]: self.rng.choice([0, 1, 1, 2])
                if code == "police"
                else self.rng.randint(1, 3)
                for code in PANEL_AGENCIES
            }
            services.create_meeting(
                actor=SYSTEM, partnership=self.partnership, held_on=day, attendance=attendance
            )
            self.counts["meetings"] += 1
            day += dt.timedelta(days=self.rng.choice([63, 70, 77]))

    def analysis(self, death: ChildDeath) -> None:
        code = death.category.code if death.category else ""
        if death.outcome == "modifiable":
            options = MODIFIABLE.get(code, GENERAL)
            chosen = self.rng.sample(options, self.rng.randint(1, len(options)))
            factors = [Factor(d, w, 2) for d, w in chosen]
            factors.append(Factor(*self.rng.choice(GENERAL), 1))
        else:
            factors = [Factor(*self.rng.choice(INTRINSIC), 1)]
        services.record_panel_review(
            actor=SYSTEM,
            death=death,
            expected_version=death.version,
            panel_meeting=None,
            category=death.category,
            outcome=death.outcome,
            factors=factors,
            reviewed_on=death.reviewed_on,
            closed_on=death.closed_on,
        )
        if death.outcome == "modifiable" and code in LEARNING and self.rng.random() < 0.5:
            self.learning(death, *LEARNING[code])

    def learning(self, death: ChildDeath, text: str, theme: str, owner: str) -> None:
        point = services.add_learning_point(
            actor=SYSTEM, death=death, text=text, agency=self.agencies[owner], themes=[theme]
        )
        raised = death.reviewed_on or self.today
        at = timezone.make_aware(dt.datetime.combine(raised, dt.time(11)))
        due = raised + dt.timedelta(days=self.rng.randint(120, 300))
        action = actions.raise_action(
            actor=SYSTEM, record=point, owner_agency=self.agencies[owner], due_date=due, at=at
        )
        self.counts["actions"] += 1
        if due < self.today - dt.timedelta(days=60):
            actions.close_action(
                actor=SYSTEM,
                action=action,
                expected_version=action.version,
                impact_evidence="Re-audit of the next year's cases found the advice recorded",
                at=timezone.make_aware(dt.datetime.combine(due, dt.time(12))),
            )

    def open_cases(self) -> None:
        """Six current cases, dated from today, in each state the alerts distinguish."""
        for number, (days_ago, returned) in enumerate(
            [(400, True), (260, True), (200, False), (90, False), (30, True), (5, False)],
            start=9001,
        ):
            died = self.today - dt.timedelta(days=days_ago)
            death = services.create_death(
                actor=SYSTEM,
                partnership=self.partnership,
                reference=f"CDOP-{number}",
                died_on=died,
                notified_on=died + dt.timedelta(days=1),
                age_band=self.rng.choice(["0_27d", "28_364d", "1_4", "15_17"]),
                sex=self.rng.choice(["male", "female"]),
                place_of_death="hospital",
                expectation=self.rng.choice(["expected", "unexpected"]),
            )
            if days_ago > 3:
                self.reports(death, returned=returned)
            self.counts["open"] += 1


@demo_loader(ChildDeath, "child deaths")
def load(seed: int, partnership: Partnership, today: dt.date) -> None:
    """five years of child death reviews (synthetic), their panel meetings and open cases"""
    sync_themes(LearningTheme)
    path = synth_file(
        seed, partnership.la_code, folder=f"cdop-seed-{seed}", name="cdop/child_deaths.csv"
    )
    ingest_demo_file(partnership, path, "the synthetic child deaths were refused")
    panel = _Panel(seed, today, partnership)
    with transaction.atomic():
        deaths = list(ChildDeath.objects.filter(partnership=partnership).select_related("category"))
        for death in deaths:
            panel.reports(death)
            if death.reviewed_on:
                panel.analysis(death)
        panel.meetings(dt.date(2016, 4, 20), dt.date(2022, 9, 30))
        panel.meetings(today - dt.timedelta(days=75), today - dt.timedelta(days=7))
        for measure, value in NATIONAL_2016.items():
            services.set_comparator(
                actor=SYSTEM,
                year=2016,
                measure=measure,
                value=value,
                source="DfE child death reviews, year ending 31 March 2017",
            )
        panel.open_cases()
    c = panel.counts
    print(
        f"  {len(deaths)} child deaths imported, {c['open']} open cases, {c['reports']} agency "
        f"reports, {c['meetings']} panel meetings, {c['actions']} actions"
    )
