"""Demo: a synthetic training history.  Five reporting years of bookings (April 2016 to March
2021; about 1,400 places a year, the synth's magnitude beside the 3,181 of the 2016-17 annual
report, in about 95 sessions a year of 8 to 24 places, fuller and mostly virtual from April
2020) imported from the synth CSV through ``ingest`` like a booking tool's export; then, through
the services, what the training manager adds: each session's advertised places and the waiting
lists of some full ones, the courses' levels, outcomes, learning
themes and the review that prompted them, knowledge questions, the charging policy, staff needing
each course (the gap analysis), about 170 reflective logs a year rated strong, some or no impact
and managers' follow-ups, and current sessions dated from ``today`` (one whose follow-ups are
due, one full with a waiting list) so the home panel has something to show.  Synthetic only;
deterministic for a seed and an "as at" date.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from lineofsight.actions.models import LearningTheme
from lineofsight.actions.themes import sync_themes
from lineofsight.lib.audited import audited_update
from lineofsight.lib.demo import (
    YEARS,
    DemoLoader,
    demo_loader,
    ingest_demo_file,
    synth_file,
)
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.models import Partnership
from lineofsight.synth.write_partnership import COURSES as SYNTH_COURSES
from lineofsight.synth.write_partnership import SESSION_SIZES, TRAINING_AGENCIES, TRAINING_LEARNERS
from lineofsight.workforce import services, verbs
from lineofsight.workforce.models import Booking, Course, Impact, Level, Mode, Session, Stage

# code -> level, audience, outcomes, themes, prompted by, knowledge statements (text, true?)
COURSES: dict[str, tuple[int, str, str, list[str], str, list[tuple[str, bool]]]] = {
    "MA01": (
        Level.THREE,
        "Practitioners in every agency working with children and families",
        "Apply the partnership's thresholds; share information; escalate concerns.",
        ["information-sharing", "thresholds", "escalation-and-challenge"],
        "Serious case review: Child A (2016)",
        [
            ("Consent is always needed before sharing information to protect a child.", False),
            ("Any practitioner may make a referral to children's social care.", True),
        ],
    ),
    "NEG1": (
        Level.THREE,
        "Practitioners assessing families where neglect is a concern",
        "Use the Graded Care Profile; recognise cumulative harm.",
        ["neglect", "assessment-and-planning"],
        "Multi-agency audit of neglect (2017)",
        [
            ("Neglect is the most common category of child protection plan.", True),
            ("A single incident is needed before neglect can be considered.", False),
        ],
    ),
    "DA01": (
        Level.THREE,
        "Practitioners working with families affected by domestic abuse",
        "Recognise coercive control; use the DASH risk checklist; refer to MARAC.",
        ["domestic-abuse", "fathers-and-perpetrators"],
        "Domestic homicide review learning (2018)",
        [("Coercive control is a criminal offence.", True)],
    ),
    "CE01": (
        Level.THREE,
        "Practitioners who may meet children at risk of exploitation",
        "Recognise the signs of exploitation; use the screening tool; refer.",
        ["exploitation", "missing"],
        "",
        [("A child can consent to their own exploitation.", False)],
    ),
    "EH01": (
        Level.TWO,
        "Lead practitioners in early help",
        "Complete an early help assessment and plan with the family.",
        ["early-help", "think-family"],
        "",
        [("Early help needs the family's consent.", True)],
    ),
    "ME01": (
        Level.THREE,
        "Practitioners and managers in every agency",
        "Recognise disguised compliance; keep professional curiosity; challenge.",
        ["disguised-compliance", "professional-curiosity"],
        "Serious case review: Child A (2016)",
        [("Parents' self-reports should be checked against what is seen.", True)],
    ),
    "LADO": (
        Level.FOUR,
        "Managers and designated safeguarding leads",
        "Know when and how to refer an allegation against a member of staff.",
        ["escalation-and-challenge"],
        "",
        [("An allegation is referred to the LADO within one working day.", True)],
    ),
}
STAFF = {  # agency code -> (course code, staff in roles that need it)
    "education": [("MA01", 900), ("ME01", 300)],
    "health": [("MA01", 600), ("DA01", 250)],
    "council": [("MA01", 350), ("EH01", 120)],
    "trust": [("MA01", 280), ("NEG1", 220), ("ME01", 220)],
    "police": [("MA01", 160), ("CE01", 90)],
    "voluntary": [("MA01", 200), ("EH01", 80)],
}
EXAMPLES = [
    "Spoke to the child alone before the review meeting and recorded their views.",
    "Checked a parent's account with the school nurse instead of accepting it.",
    "Escalated a referral that had stalled, using the partnership's escalation policy.",
    "Used the Graded Care Profile with a family and agreed a clear plan.",
    "Asked about coercive control at a routine contact and referred to the IDVA service.",
    "",
    "",
]


class _Manager(DemoLoader):
    stream = "training-demo"

    def __init__(self, seed: int, today: dt.date, partnership: Any) -> None:
        super().__init__(seed, today, partnership)
        self.courses = {c.code: c for c in Course.objects.filter(partnership=partnership)}
        self.themes = {t.slug: t for t in LearningTheme.objects.all()}
        self.counts = {"logs": 0, "manager": 0, "sessions": 0, "waiting": 0}

    def catalogue(self) -> None:
        for code, (level, audience, outcomes, themes, prompted, questions) in COURSES.items():
            course = self.courses.get(code)
            if course is None:  # a small history may not have run every course
                course = services.create_course(
                    actor=SYSTEM, partnership=self.partnership, code=code, title=SYNTH_COURSES[code]
                )
                self.courses[code] = course
            services.update_course(
                actor=SYSTEM,
                course=course,
                expected_version=course.version,
                level=level,
                audience=audience,
                outcomes=outcomes,
                prompted_by=prompted,
                themes=[self.themes[s] for s in themes if s in self.themes],
            )
            for statement, answer in questions:
                services.add_question(
                    actor=SYSTEM, course=course, statement=statement, answer=answer
                )

    def advertised(self) -> None:
        """The imported sessions' advertised places: the file has only the bookings (the import
        sizes a session to fit them), so each gets the smallest of the synth's sizes for its
        delivery that holds them, or (two in five) the next size up; half of those then full get
        a waiting list of one to four learners who asked a week after the others."""
        agencies = [self.agencies[code] for code in TRAINING_AGENCIES if code in self.agencies]
        sessions = (
            Session.objects.filter(course__partnership=self.partnership)
            .annotate(booked=Count("bookings", filter=Q(bookings__status=Booking.Status.BOOKED)))
            .select_related("course")
            .order_by("starts_on", "pk")
        )
        for session in sessions:
            sizes = [size for size in SESSION_SIZES.get(session.mode, ()) if size >= session.booked]
            if not sizes:  # a delivery the synth does not plan (e-learning): as imported
                continue
            sizes.sort()
            capacity = sizes[1] if len(sizes) > 1 and self.rng.random() < 0.4 else sizes[0]
            if capacity != session.capacity:
                session = audited_update(
                    actor=SYSTEM,
                    instance=session,
                    expected_version=session.version,
                    changes={"capacity": capacity},
                    verb=verbs.SESSION_UPDATE,
                )
            if session.booked < capacity or not agencies or self.rng.random() < 0.5:
                continue
            asked = timezone.make_aware(
                dt.datetime.combine(session.starts_on - dt.timedelta(days=14), dt.time(9))
            )
            for _ in range(self.rng.randint(1, 4)):
                services.book(
                    actor=SYSTEM,
                    session=session,
                    learner=f"P{self.rng.randint(1, TRAINING_LEARNERS):05d}",
                    agency=self.rng.choice(agencies),
                    at=asked,
                )
                self.counts["waiting"] += 1

    def policy(self) -> None:
        paying = [a for code, a in self.agencies.items() if code != "business_unit"]
        services.update_settings(
            actor=SYSTEM,
            partnership=self.partnership,
            expected_version=None,
            paying_agencies=paying,
            non_attendance_charge=Decimal("50.00"),
            late_cancellation_charge=Decimal("25.00"),
            cancellation_window_days=5,
        )
        for code, needs in STAFF.items():
            for course_code, staff in needs:
                if code in self.agencies and course_code in self.courses:
                    services.set_requirement(
                        actor=SYSTEM,
                        partnership=self.partnership,
                        agency=self.agencies[code],
                        course=self.courses[course_code],
                        staff=staff,
                        recorded_on=self.today,
                    )

    def reflective_logs(self, years: range, per_year: int = 170) -> None:
        """Follow-ups of a sample of each year's learners, rated by the training manager."""
        for year in years:
            start, end = dt.date(year - 1, 4, 1), dt.date(year, 3, 31)
            attended = list(
                Booking.objects.filter(
                    session__course__partnership=self.partnership,
                    session__starts_on__gte=start,
                    session__starts_on__lte=end,
                    attended=True,
                )
                .select_related("session__course", "agency")
                .order_by("pk")
            )
            for booking in self.rng.sample(attended, min(per_year, len(attended))):
                self.follow_up(booking)

    def follow_up(self, booking: Booking) -> None:
        day = booking.session.starts_on + dt.timedelta(weeks=8 + self.rng.randint(0, 3))
        impact = self.rng.choices([Impact.STRONG, Impact.SOME, Impact.NONE], weights=[45, 45, 10])[
            0
        ]
        use = {Impact.STRONG: 5, Impact.SOME: 4, Impact.NONE: 2}[impact]
        example = self.rng.choice(EXAMPLES) if impact != Impact.NONE else ""
        try:
            log = services.import_response(
                actor=SYSTEM,
                booking=booking,
                stage=Stage.FOLLOW_UP,
                submitted_on=day,
                support=self.rng.choice([3, 4, 4, 5]),
                use=use,
                impact_self=impact,
                practice_example=example,
            )
        except ValidationError:  # the same learner twice on one session: one log kept
            return
        self.counts["logs"] += 1
        if day < self.today - dt.timedelta(days=14):
            rating = impact if self.rng.random() < 0.85 else Impact.SOME
            services.rate_log(actor=SYSTEM, log=log, rating=rating, today=day + dt.timedelta(7))
        if self.rng.random() < 0.3:
            services.import_response(
                actor=SYSTEM,
                booking=booking,
                stage=Stage.MANAGER,
                submitted_on=day,
                support=self.rng.choice([3, 4, 5]),
                use=max(use - 1, 1),
                practice_example=self.rng.choice(EXAMPLES),
            )
            self.counts["manager"] += 1

    def current(self) -> None:
        """A session 9 weeks ago (attended, end-of-course answered, follow-ups due) and one next
        month, full, with a waiting list."""
        past = self.session("MA01", self.today - dt.timedelta(weeks=9), Mode.VIRTUAL, 12)
        learners = [self.learner(i) for i in range(1, 13)]
        bookings = [self.book(past, name, code, 40) for name, code in learners]
        links = services.record_attendance(
            actor=SYSTEM,
            session=past,
            attended={b.pk: i != 3 for i, b in enumerate(bookings)},
        )
        questions = list(past.course.questions.all())
        for link in links[:8]:
            services.answer_evaluation(
                actor=SYSTEM,
                link=link,
                answers={
                    "reaction": self.rng.choice([4, 5, 5]),
                    "confidence_before": (before := self.rng.randint(2, 3)),
                    "confidence_after": min(5, before + self.rng.randint(0, 2)),
                },
                knowledge={
                    q.pk: (q.answer if self.rng.random() < 0.8 else not q.answer) for q in questions
                },
                today=past.starts_on,
            )
        coming = self.session("NEG1", self.today + dt.timedelta(days=30), Mode.FACE_TO_FACE, 10)
        for index in range(13, 26):
            name, code = self.learner(index)
            self.book(coming, name, code, 20 - index)
        first = coming.bookings.filter(status=Booking.Status.BOOKED).first()
        if first is not None:
            services.cancel_booking(actor=SYSTEM, booking=first, on=self.today)
        self.session("DA01", self.today + dt.timedelta(days=45), Mode.E_LEARNING, 40)

    def learner(self, index: int) -> tuple[str, str]:
        code = self.rng.choice([c for c in STAFF if c in self.agencies])
        return f"Learner {index:03d}", code

    def session(self, code: str, day: dt.date, mode: str, capacity: int) -> Any:
        self.counts["sessions"] += 1
        return services.create_session(
            actor=SYSTEM,
            course=self.courses[code],
            starts_on=day,
            mode=mode,
            venue="Civic Centre" if mode == Mode.FACE_TO_FACE else "",
            trainer="Multi-agency training pool",
            capacity=capacity,
        )

    def book(self, session: Any, name: str, code: str, days_before: int) -> Booking:
        at = timezone.make_aware(
            dt.datetime.combine(
                session.starts_on - dt.timedelta(days=max(days_before, 1)), dt.time(10)
            )
        )
        return services.book(
            actor=SYSTEM,
            session=session,
            learner=name,
            agency=self.agencies[code],
            job_role="Practitioner",
            manager_email=f"manager.{code}@example.org",
            at=at,
        )


@demo_loader(Course, "training")
def load(
    seed: int, partnership: Partnership, today: dt.date, years: range = YEARS, scale: float = 1.0
) -> None:
    """five years of training (synthetic): bookings, evaluations, reflective logs, gap analysis

    ``scale`` shrinks the imported history (tests and the accessibility sweep)."""
    sync_themes(LearningTheme)
    path = synth_file(
        seed,
        partnership.la_code,
        folder=f"training-sessions-seed-{seed}-{years.start}-{years.stop}-{scale}",
        name="training/training_records.csv",
        years=years,
        scale=scale,
    )
    ingest_demo_file(partnership, path, "the synthetic training records were refused")
    manager = _Manager(seed, today, partnership)
    with transaction.atomic():
        manager.catalogue()
        manager.advertised()
        manager.policy()
        manager.reflective_logs(years, per_year=round(170 * min(scale, 1.0)))
        manager.current()
    booked = Booking.objects.filter(
        session__course__partnership=partnership, status=Booking.Status.BOOKED
    )
    places = booked.count()
    sessions = Session.objects.filter(course__partnership=partnership).count()
    c = manager.counts
    print(
        f"  {places} training places in {sessions} sessions ({places / max(sessions, 1):.1f} a "
        f"session), {c['waiting']} on waiting lists, {c['logs']} reflective logs, "
        f"{c['manager']} managers' follow-ups, {c['sessions']} current sessions"
    )
