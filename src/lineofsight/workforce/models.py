"""Workforce development: the course catalogue, sessions, bookings (with a waiting list),
attendance, evaluation on Guskey's five levels, reflective logs, staff needing a course (the gap
analysis) and the partnership's training settings (charging policy, follow-up weeks).

Learners are named (or given a pseudonymous reference) on their booking only; what they answer
through an evaluation link is stored against a keyed pseudonym (``learner_key``), the session and
the agency, never the booking, so the answers can be analysed and paired (end of course with
follow-up) without holding who gave them.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from lineofsight.actions.models import LearningTheme
from lineofsight.audit.disclosure import AuditPolicy
from lineofsight.calendar.timescales import TRAINING_FOLLOW_UP
from lineofsight.lib.free_text import no_identifiers
from lineofsight.lib.models import (
    HasPage,
    agency_key,
    confidential_to,
    numbered_within,
    partnership_key,
    unique,
)
from lineofsight.lib.versioning import Versioned
from lineofsight.partnership.models import Agency, Partnership


def _confidential(*names: str, label: str = "", never: tuple[str, ...] = ()) -> AuditPolicy:
    """``names`` withheld from the audit log except for the training manager (learners' names
    and email addresses)."""
    return confidential_to("workforce.manage", *names, label=label, never=never)


SCALE = [MinValueValidator(1), MaxValueValidator(5)]


class Mode(models.TextChoices):
    FACE_TO_FACE = "face_to_face", "Face to face"
    VIRTUAL = "virtual", "Virtual (live online)"
    E_LEARNING = "e_learning", "E-learning"


class Level(models.IntegerChoices):
    ONE = 1, "Level 1: awareness"
    TWO = 2, "Level 2: working with children and families"
    THREE = 3, "Level 3: multi-agency practice"
    FOUR = 4, "Level 4: specialist and leadership"


class Impact(models.TextChoices):
    STRONG = "strong", "Strong impact"
    SOME = "some", "Some impact"
    NONE = "none", "No impact"


class Stage(models.TextChoices):
    END = "end", "End of course (learner)"
    FOLLOW_UP = "follow_up", "Follow-up (learner's reflective log)"
    MANAGER = "manager", "Follow-up (learner's manager)"


class TrainingSettings(Versioned):
    """The partnership's training settings: the charging policy and the evaluation timings."""

    partnership = models.OneToOneField(
        Partnership, on_delete=models.CASCADE, related_name="training_settings"
    )
    paying_agencies = models.ManyToManyField(Agency, blank=True, related_name="+")
    non_attendance_charge = models.DecimalField(
        max_digits=7, decimal_places=2, default=Decimal("0.00")
    )
    late_cancellation_charge = models.DecimalField(
        max_digits=7, decimal_places=2, default=Decimal("0.00")
    )
    cancellation_window_days = models.PositiveSmallIntegerField(default=5)
    follow_up_weeks = models.PositiveSmallIntegerField(default=TRAINING_FOLLOW_UP.amount)
    link_valid_days = models.PositiveSmallIntegerField(
        default=28, validators=[MinValueValidator(1), MaxValueValidator(90)]
    )
    refresher_years = models.PositiveSmallIntegerField(
        default=3, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )

    def __str__(self) -> str:
        return f"Training settings of {self.partnership}"


class Course(HasPage, Versioned):
    url_name = "workforce:course"

    partnership = partnership_key("training_courses")
    code = models.SlugField(max_length=20)
    title = models.CharField(max_length=200, validators=[no_identifiers])
    level = models.PositiveSmallIntegerField(choices=Level.choices, default=Level.THREE)
    audience = models.CharField(max_length=300, blank=True, validators=[no_identifiers])
    outcomes = models.TextField("learning outcomes", blank=True, validators=[no_identifiers])
    prompted_by = models.CharField(
        "review or audit that prompted it", max_length=300, blank=True, validators=[no_identifiers]
    )
    themes = models.ManyToManyField(LearningTheme, blank=True, related_name="courses")
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["title"]
        constraints = [unique("partnership", "code", name="workforce_course_code")]

    def __str__(self) -> str:
        return self.title


class KnowledgeQuestion(models.Model):
    """A true-or-false statement the end-of-course evaluation asks (level 2: learning)."""

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="questions")
    number = models.PositiveSmallIntegerField()
    statement = models.CharField(max_length=300, validators=[no_identifiers])
    answer = models.BooleanField(help_text="True if the statement is true")

    Meta = numbered_within("course", name="workforce_question_once")

    def __str__(self) -> str:
        return f"{self.number}. {self.statement}"


class Session(HasPage, Versioned):
    url_name = "workforce:session"

    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="sessions")
    starts_on = models.DateField("date")
    mode = models.CharField(max_length=20, choices=Mode.choices)
    venue = models.CharField(max_length=200, blank=True, validators=[no_identifiers])
    trainer = models.CharField(max_length=200, blank=True)
    capacity = models.PositiveSmallIntegerField(validators=[MinValueValidator(1)])

    class Meta:
        ordering = ["-starts_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.course.title}, {self.starts_on:%-d %B %Y}"


class Booking(Versioned):
    class Status(models.TextChoices):
        BOOKED = "booked", "Booked"
        WAITING = "waiting", "On the waiting list"
        CANCELLED = "cancelled", "Cancelled"

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="bookings")
    # an adult's name or their staff reference in the booking tool (which may look like a case
    # id, e.g. P00042): not free text about children, so not refused as an identifier
    learner = models.CharField("learner's name or reference", max_length=120)
    job_role = models.CharField("role", max_length=120, blank=True, validators=[no_identifiers])
    agency = agency_key()
    learner_email = models.EmailField(blank=True)
    manager_email = models.EmailField("manager's email", blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.BOOKED)
    requested_at = models.DateTimeField()
    cancelled_on = models.DateField(null=True, blank=True)
    late_cancellation = models.BooleanField(default=False)
    attended = models.BooleanField(null=True, blank=True)
    external_ref = models.CharField(max_length=40, blank=True)

    audit_policy = _confidential(
        "learner", "learner_email", "manager_email", "job_role", label="Training booking"
    )

    class Meta:
        ordering = ["requested_at", "pk"]
        indexes = [models.Index(fields=["session", "status"])]

    def __str__(self) -> str:
        return f"Booking {self.pk} ({self.get_status_display().lower()})"

    @property
    def did_not_attend(self) -> bool:
        return self.status == self.Status.BOOKED and self.attended is False


class EvaluationLink(models.Model):
    """One signed, expiring, single-use link to an evaluation (``evaluation_links``)."""

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="links")
    stage = models.CharField(max_length=10, choices=Stage.choices)
    nonce = models.CharField(max_length=40, unique=True)
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    emailed_to = models.EmailField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    used_at = models.DateTimeField(null=True, blank=True)

    audit_policy = _confidential("emailed_to", never=("nonce",))

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [unique("booking", "stage", name="workforce_link_once")]

    def __str__(self) -> str:
        return f"Evaluation link {self.pk} ({self.stage})"


class EvaluationResponse(models.Model):
    """What one learner (or their manager) answered, stored pseudonymously.

    Guskey's levels: 1 reaction (``reaction``), 2 learning (``confidence_before``/``_after`` and
    the knowledge score), 3 organisational support (``support``), 4 use of new knowledge and
    skills (``use`` and the reflective log's impact), 5 outcomes for children
    (``practice_example``)."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="responses")
    agency = agency_key()
    stage = models.CharField(max_length=10, choices=Stage.choices)
    learner_key = models.CharField(max_length=40)
    submitted_on = models.DateField()
    reaction = models.PositiveSmallIntegerField(null=True, blank=True, validators=SCALE)
    confidence_before = models.PositiveSmallIntegerField(null=True, blank=True, validators=SCALE)
    confidence_after = models.PositiveSmallIntegerField(null=True, blank=True, validators=SCALE)
    knowledge_correct = models.PositiveSmallIntegerField(null=True, blank=True)
    knowledge_asked = models.PositiveSmallIntegerField(null=True, blank=True)
    support = models.PositiveSmallIntegerField(null=True, blank=True, validators=SCALE)
    use = models.PositiveSmallIntegerField(null=True, blank=True, validators=SCALE)
    impact_self = models.CharField(max_length=10, choices=Impact.choices, blank=True)
    practice_example = models.TextField(blank=True, validators=[no_identifiers])
    impact_rating = models.CharField(max_length=10, choices=Impact.choices, blank=True)
    rated_on = models.DateField(null=True, blank=True)

    audit_policy = _confidential("practice_example", "learner_key", label="Training evaluation")

    class Meta:
        ordering = ["-submitted_on", "-pk"]
        constraints = [unique("session", "stage", "learner_key", name="workforce_response_once")]

    def __str__(self) -> str:
        return f"{self.get_stage_display()} evaluation {self.pk}"


class StaffRequirement(Versioned):
    """How many of an agency's staff are in roles that need a course (the gap analysis)."""

    partnership = partnership_key("training_requirements")
    agency = agency_key()
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="requirements")
    staff = models.PositiveIntegerField("staff in roles that need the course")
    recorded_on = models.DateField(default=dt.date.today)

    class Meta:
        ordering = ["agency__name", "course__title"]
        constraints = [unique("agency", "course", name="workforce_requirement_once")]

    def __str__(self) -> str:
        return f"{self.agency}: {self.staff} need {self.course}"
