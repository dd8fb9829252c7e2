"""Demo history: case reviews 2016-2021 with their recommendations and actions (synthetic).

Deterministic for a seed and an "as at" date: the reviews, dates, recommendations, owners and
outcomes come from the seed; the due dates of actions still open in the demo are placed around
``today`` so that the overdue and due-soon views always have something in them.
"""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from lineofsight.actions import services as action_services
from lineofsight.actions import services as actions
from lineofsight.actions.models import Action, LearningTheme
from lineofsight.actions.themes import sync_themes
from lineofsight.calendar.workdays import add_working_days, subtract_working_days
from lineofsight.lib.demo import demo_loader
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.models import Agency, Partnership
from lineofsight.reviews import services
from lineofsight.reviews.deadlines import add_months
from lineofsight.reviews.demo_history import OTHER_ACTIONS, REVIEWS, DemoReview, Rec
from lineofsight.reviews.models import Review

PROGRESS = [
    "Terms of reference agreed by the case review group",
    "Practitioner learning event held; {n} practitioners attended",
    "Draft report shared with the family and agencies for comment",
    "Final report agreed by the safeguarding partners",
]
REVIEWERS = [
    "Independent reviewer (commissioned)",
    "Case review group panel",
    "Independent reviewer with two agency leads",
]
UPDATES = [
    "Lead identified and a task and finish group set up",
    "Draft shared with the case review group for comment",
    "Briefing delivered to team managers",
    "Progress reported to the board; on track",
]


def _at(day: dt.date, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


class _History:
    def __init__(self, seed: int, today: dt.date, agencies: dict[str, Agency]) -> None:
        self.rng = random.Random(seed)
        self.today = today
        self.agencies = agencies
        self.counts = {"reviews": 0, "actions": 0, "closed": 0, "overdue": 0}

    def cap(self, day: dt.date) -> dt.date:
        return min(day, self.today - dt.timedelta(days=1))

    def review(self, spec: DemoReview) -> None:
        fields = self.current_dates(spec) if spec.current else self.history_dates(spec)
        rng = self.rng
        aware = fields.pop("la_aware_on")
        review = services.create_review(
            actor=SYSTEM,
            partnership=self.agencies["council"].partnership,
            reference=spec.reference,
            incident_type=spec.incident,
            la_aware_on=aware,
            incident_summary=spec.summary,
            themes=list(spec.themes),
            at=_at(aware, 16),
            publication_note=spec.publication_note,
            **fields,
        )
        self.counts["reviews"] += 1
        for reference, band in spec.children:
            services.add_child(actor=SYSTEM, review=review, reference=reference, age_band=band)
        started = review.initiated_on  # set for every review that goes ahead
        if spec.decision in Review.DECISIONS_WITH_REVIEW and started is not None:
            end = review.completed_on or self.today
            steps = PROGRESS if review.completed_on else PROGRESS[:2]
            for i, text in enumerate(steps):
                day = started + (end - started) * (i + 1) // len(steps)
                services.add_note(
                    actor=SYSTEM,
                    review=review,
                    at=_at(self.cap(day), 11),
                    text=text.format(n=rng.randint(12, 40)),
                )
        start = review.completed_on or ((review.rapid_review_on or aware) + dt.timedelta(days=60))
        for rec_spec in spec.recs:
            self.recommendation(review, rec_spec, self.cap(start))

    def history_dates(self, spec: DemoReview) -> dict:
        rng = self.rng
        last_day = 250 if spec.year == 2021 else 330
        aware = dt.date(spec.year, 1, 4) + dt.timedelta(days=rng.randrange(last_day))
        notified = add_working_days(
            aware, rng.randint(6, 8) if spec.late_notification else rng.randint(1, 4)
        )
        rapid = add_working_days(
            aware, rng.randint(17, 22) if spec.late_rapid_review else rng.randint(9, 15)
        )
        fields: dict = {"la_aware_on": aware, "notified_on": notified, "rapid_review_on": rapid}
        if spec.decision:
            fields.update(
                decision=spec.decision,
                decision_on=rapid,
                decision_rationale=_rationale(spec.decision),
            )
        if spec.decision in Review.DECISIONS_WITH_REVIEW:
            initiated = rapid + dt.timedelta(days=rng.randint(5, 25))
            completed = self.cap(add_months(initiated, rng.randint(4, 8)))
            fields.update(
                initiated_on=initiated, completed_on=completed, reviewer=rng.choice(REVIEWERS)
            )
            if spec.decision == Review.Decision.CSPR:
                delay = rng.randint(9, 14) if spec.publication_note else rng.randint(1, 2)
                fields["published_on"] = self.cap(add_months(completed, delay))
        return fields

    def current_dates(self, spec: DemoReview) -> dict:
        """This year's reviews: dates placed so that their deadlines fall around today."""
        rng = self.rng
        if spec.current == "notification_overdue":
            return {"la_aware_on": subtract_working_days(self.today, 7)}
        if spec.current == "rapid_review_due":
            aware = subtract_working_days(self.today, 12)
            return {"la_aware_on": aware, "notified_on": add_working_days(aware, 2)}
        aware = add_months(self.today, -8)
        rapid = add_working_days(aware, rng.randint(10, 14))
        return {
            "la_aware_on": aware,
            "notified_on": add_working_days(aware, 3),
            "rapid_review_on": rapid,
            "decision": spec.decision,
            "decision_on": rapid,
            "decision_rationale": _rationale(spec.decision),
            "initiated_on": rapid + dt.timedelta(days=rng.randint(7, 14)),
            "reviewer": rng.choice(REVIEWERS),
        }

    def recommendation(self, review: Review, spec: Rec, created: dt.date) -> None:
        rec = services.add_recommendation(
            actor=SYSTEM, review=review, text=spec.text, agency=self.agencies[spec.agency]
        )
        action = action_services.raise_action(
            actor=SYSTEM,
            record=rec,
            owner_agency=self.agencies[spec.agency],
            title=spec.action,
            due_date=created + dt.timedelta(days=self.rng.randint(90, 270)),
            owner_person=_owner(spec.agency),
            at=_at(created),
        )
        self.progress(action, created, spec.evidence, review.la_aware_on.year, spec.cancelled)

    def progress(
        self, action: Action, created: dt.date, evidence: str, year: int, cancelled: str = ""
    ) -> None:
        rng = self.rng
        self.counts["actions"] += 1
        first = self.cap(created + dt.timedelta(days=rng.randint(20, 50)))
        actions.add_update(
            actor=SYSTEM,
            action=action,
            expected_version=action.version,
            text=rng.choice(UPDATES),
            status=Action.Status.IN_PROGRESS,
            at=_at(first, 14),
        )
        if evidence:
            closed = self.cap(action.due_date + dt.timedelta(days=rng.randint(-40, 45)))
            closed = max(closed, first + dt.timedelta(days=7))
            actions.close_action(
                actor=SYSTEM,
                action=action,
                expected_version=action.version,
                impact_evidence=evidence,
                at=_at(min(closed, self.cap(closed))),
            )
            self.counts["closed"] += 1
            return
        if cancelled:
            when = self.cap(first + dt.timedelta(days=rng.randint(30, 120)))
            actions.add_update(
                actor=SYSTEM,
                action=action,
                expected_version=action.version,
                text=cancelled,
                status=Action.Status.CANCELLED,
                at=_at(when, 15),
            )
            return
        if year <= 2018:
            done = self.cap(action.due_date + dt.timedelta(days=rng.randint(-20, 30)))
            actions.add_update(
                actor=SYSTEM,
                action=action,
                expected_version=action.version,
                text="Done. Impact to be evidenced by the next multi-agency audit",
                status=Action.Status.COMPLETED,
                at=_at(max(done, first), 15),
            )
            return
        # Still open: due dates revised around today (overdue, due soon or later).
        kind = rng.choices(["overdue", "soon", "later"], weights=[4, 3, 3])[0]
        offset = {"overdue": (-75, -3), "soon": (2, 26), "later": (35, 160)}[kind]
        new_due = self.today + dt.timedelta(days=rng.randint(*offset))
        Action.objects.filter(pk=action.pk).update(due_date=new_due)
        action.refresh_from_db()
        self.counts["overdue"] += kind == "overdue"
        actions.add_update(
            actor=SYSTEM,
            action=action,
            expected_version=action.version,
            text=f"Due date revised to {new_due:%-d %B %Y} by the case review group",
            at=_at(
                self.cap(max(first + dt.timedelta(days=30), self.today - dt.timedelta(days=90))), 15
            ),
        )

    def other(self) -> None:
        for source, label, agency, title, year, themes, evidence in OTHER_ACTIONS:
            created = dt.date(year, 4, 1) + dt.timedelta(days=self.rng.randrange(150))
            action = actions.create_action(
                actor=SYSTEM,
                title=title,
                source=source,
                source_label=label,
                owner_agency=self.agencies[agency],
                owner_person=_owner(agency),
                due_date=created + dt.timedelta(days=self.rng.randint(120, 300)),
                themes=list(themes),
                at=_at(created),
            )
            self.progress(action, created, evidence, year)


def _rationale(decision: str) -> str:
    return {
        "cspr": "The criteria for a local child safeguarding practice review are met: the case "
        "raises issues of importance and there may be learning about how agencies worked "
        "together. The national panel agreed.",
        "local_learning": "The criteria for a CSPR are not met, but there is learning about how "
        "agencies worked together: a proportionate local learning review.",
        "none": "Agencies worked together well; the rapid review captured the learning and no "
        "further review is needed. The national panel agreed.",
    }[decision]


def _owner(agency: str) -> str:
    return {
        "council": "Head of Service, Early Help",
        "trust": "Assistant Director, Safeguarding",
        "police": "Detective Chief Inspector, Public Protection",
        "health": "Designated Nurse, Safeguarding Children",
        "education": "Education Safeguarding Lead",
        "domestic_abuse": "Service Manager",
        "voluntary": "Forum Co-ordinator",
        "business_unit": "Partnership Business Manager",
    }.get(agency, "")


@demo_loader(Review, "case reviews")
def load(seed: int, partnership: Partnership, today: dt.date) -> None:
    """case reviews, recommendations and actions, 2016-2021"""
    sync_themes(LearningTheme)
    agencies = {a.code: a for a in partnership.agencies.all()}
    history = _History(seed, today, agencies)
    with transaction.atomic():
        for spec in REVIEWS:
            history.review(spec)
        history.other()
    c = history.counts
    print(
        f"  {c['reviews']} case reviews, {c['actions']} actions ({c['closed']} closed with "
        f"evidence of impact, {c['overdue']} overdue)"
    )
