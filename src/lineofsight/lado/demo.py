"""Demo: five reporting years of synthetic LADO referrals (2016-17 to 2020-21, about 600 a year
of which about 17% meet the harm threshold, the magnitudes of the 2016-17 annual report) imported
from the synth CSV through ``ingest`` like a real file; then, through the services, what the
LADO adds: the agencies at each strategy meeting, onward referrals, consultations (about one to
every four referrals, varying by year; some becoming referrals) and a handful of current
referrals dated from ``today`` in each state the overdue flags distinguish.  Deterministic for a
seed and an "as at" date.  Synthetic only: no names.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.db import transaction

from lineofsight.lado import reference, services
from lineofsight.lado.models import Consultation, Meeting, Referral, Sector
from lineofsight.lib.demo import YEARS, demo_loader, ingest_demo_file, synth_file
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.models import Partnership
from lineofsight.synth.randomness import poisson

# Consultations (advice that did not start as a referral) follow the year's referrals, about one
# to every four (about 150 a year beside about 600), times a year's own log-normal departure
# (a new designated safeguarding lead network, a change in what is recorded as advice): a year
# can see referrals rise 15% and consultations rise less, or fall.  The log-normal's mean is 1.
CONSULTATIONS_PER_REFERRAL = 0.25
CONSULTATION_YEAR_SPREAD = 0.15
# the years before the records, as the 2016-17 annual report gives them (referrals were not
# counted before 2014-15): year -> (referrals, met threshold)
EARLIER = {2012: (None, 103), 2013: (None, 115), 2014: (506, 117), 2015: (518, 98)}
ADVICE = [
    "Advised the employer to gather facts before a referral; no referral needed",
    "Advised on the code of conduct and a supervision record",
    "Advised the setting to follow its low-level concerns policy",
    "Advised that the concern meets the threshold: referral to follow",
]
ROLES = {
    "education": "Teaching assistant",
    "early_years": "Nursery practitioner",
    "health": "Nurse",
    "police": "Police officer",
    "faith": "Youth leader",
    "sport": "Sports coach",
    "residential_care": "Residential care worker",
    "foster_carer": "Foster carer",
    "social_care": "Support worker",
    "transport": "Taxi driver",
    "voluntary": "Volunteer",
    "other": "Worker",
}


class _Officer:
    def __init__(self, seed: int, today: dt.date, partnership: Any) -> None:
        self.rng = random.Random(f"{seed}:lado-demo")
        self.today = today
        self.partnership = partnership
        self.sectors = {s.code: s for s in Sector.objects.filter(active=True)}
        self.counts = {"meetings": 0, "consultations": 0, "current": 0}
        self.consulted: dict[int, int] = {}  # reporting year -> consultations

    def meetings(self, referral: Referral) -> None:
        """Who was at the imported strategy meeting, and a later evaluation meeting."""
        for meeting in referral.meetings.all():
            present = ["lado", "employer", "hr"]
            if referral.police_investigation or self.rng.random() < 0.6:
                present.append("police")
            if referral.social_care_involved or self.rng.random() < 0.4:
                present.append("social_care")
            Meeting.objects.filter(pk=meeting.pk).update(agencies=present)
            self.counts["meetings"] += 1
        outcome_ = referral.outcome.code if referral.outcome else ""
        onward = []
        if outcome_ == "substantiated":
            onward.append("referred_dbs")
            if referral.sector.code == "education" and self.rng.random() < 0.5:
                onward.append("referred_tra")
            if referral.sector.code == "early_years":
                onward.append("referred_ofsted")
        if onward and referral.concluded_on:
            services.record_outcome(
                actor=SYSTEM,
                referral=referral,
                expected_version=referral.version,
                outcome=referral.outcome,
                concluded_on=referral.concluded_on,
                onward=onward,
            )

    def consultations(self, year: int, referrals: list[Referral]) -> None:
        start = dt.date(year, 4, 1)
        unlinked = [r for r in referrals if not hasattr(r, "consultation")]
        departure = self.rng.lognormvariate(
            -(CONSULTATION_YEAR_SPREAD**2) / 2, CONSULTATION_YEAR_SPREAD
        )
        for _ in range(poisson(self.rng, len(referrals) * CONSULTATIONS_PER_REFERRAL * departure)):
            day = start + dt.timedelta(days=self.rng.randint(0, 364))
            sector = self.rng.choice(list(self.sectors.values()))
            consultation = services.create_consultation(
                actor=SYSTEM,
                partnership=self.partnership,
                consulted_on=day,
                employer="",
                sector=sector,
                category=self.rng.choice(reference.Category.values),
                advice=self.rng.choice(ADVICE),
            )
            self.counts["consultations"] += 1
            self.consulted[year] = self.consulted.get(year, 0) + 1
            later = [r for r in unlinked if day <= r.received_on <= day + dt.timedelta(days=10)]
            if later and self.rng.random() < 0.2:
                chosen = later[0]
                unlinked.remove(chosen)
                Consultation.objects.filter(pk=consultation.pk).update(referral=chosen)

    def current(self) -> None:
        """Current referrals, dated from today, in each state the flags distinguish."""
        states = [
            (1, None, False),  # received yesterday: decision due today or overdue
            (6, None, False),  # decision overdue
            (10, True, False),  # met, no meeting yet: meeting overdue
            (20, True, True),  # met, meeting held
            (120, True, True),  # open over 3 months
            (400, True, True),  # open over 12 months
            (15, False, False),  # not met, awaiting closure
        ]
        for number, (days_ago, met, meeting) in enumerate(states, start=1):
            received = self.today - dt.timedelta(days=days_ago)
            sector = self.rng.choice(["education", "early_years", "sport", "residential_care"])
            referral = services.create_referral(
                actor=SYSTEM,
                partnership=self.partnership,
                reference=f"LADO-NOW-{number:03d}",
                received_on=received,
                referrer="Designated safeguarding lead",
                referring_agency="employer",
                adult_reference=f"ADULT-NOW-{number:03d}",
                adult_role=ROLES[sector],
                employer=f"Demo {self.sectors[sector].name.split(':')[0]} setting {number}",
                sector=self.sectors[sector],
                category=self.rng.choice(["physical", "sexual", "emotional"]),
            )
            if met is not None:
                decided = received + dt.timedelta(days=1)
                referral = services.record_decision(
                    actor=SYSTEM,
                    referral=referral,
                    expected_version=referral.version,
                    threshold_met=met,
                    decided_on=decided,
                    criteria=["harmed_child"] if met else [],
                )
                if meeting:
                    services.add_meeting(
                        actor=SYSTEM,
                        referral=referral,
                        held_on=decided + dt.timedelta(days=2),
                        agencies=["lado", "police", "employer", "social_care"],
                    )
                    services.record_progress(
                        actor=SYSTEM,
                        referral=referral,
                        expected_version=referral.version,
                        police_investigation=days_ago > 100,
                        suspended=days_ago > 300,
                        social_care_involved=True,
                        delay_reasons="Awaiting the police investigation" if days_ago > 100 else "",
                    )
            self.counts["current"] += 1


@demo_loader(Referral, "LADO referrals")
def load(seed: int, partnership: Partnership, today: dt.date) -> None:
    """five years of LADO referrals and consultations (synthetic), with current cases"""
    services.sync_lists()
    path = synth_file(
        seed, partnership.la_code, folder=f"lado-seed-{seed}", name="lado/lado_referrals.csv"
    )
    ingest_demo_file(partnership, path, "the synthetic LADO referrals were refused")
    officer = _Officer(seed, today, partnership)
    with transaction.atomic():
        referrals = list(
            Referral.objects.filter(partnership=partnership)
            .select_related("sector", "outcome")
            .prefetch_related("meetings")
        )
        for referral in referrals:
            if referral.threshold_met:
                officer.meetings(referral)
        for year in range(YEARS.start - 1, YEARS.stop - 1):
            start, end = dt.date(year, 4, 1), dt.date(year + 1, 3, 31)
            officer.consultations(year, [r for r in referrals if start <= r.received_on <= end])
        officer.current()
        for year, (received, met) in EARLIER.items():
            services.set_earlier_year(
                actor=SYSTEM,
                partnership=partnership,
                year=year,
                referrals=received,
                met_threshold=met,
                source="LSCB annual report 2016-17",
            )
    c = officer.counts
    by_year = ", ".join(
        f"{year}-{(year + 1) % 100:02d}: {n}" for year, n in sorted(officer.consulted.items())
    )
    print(
        f"  {len(referrals)} LADO referrals imported, {c['meetings']} strategy meetings, "
        f"{c['consultations']} consultations ({by_year}), {c['current']} current referrals"
    )
