"""Partnership governance (Working Together 2023, chapter 2): the board, the executive group and
the sub-groups with their membership by agency and role; their meetings with agenda items,
decisions (-> actions) and attendance by agency; the assurance register (reports the board
receives and the assurance it takes from them); inspections and reviews of the partnership with
their findings (-> actions and learning themes); partners' yearly contributions and spending;
and the register of multi-agency procedures.

Nothing here is about a child: meetings, reports and money are partnership business.  Whether an
agency "needs attention" and whether a report is overdue are derived from dates
(``attendance.py``, ``AssuranceReport.is_overdue``), never stored.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone

from lineofsight.actions.models import LearningTheme
from lineofsight.calendar.years import year_label
from lineofsight.lib.free_text import no_identifiers
from lineofsight.lib.models import (
    HasPage,
    OnParentPage,
    agency_key,
    numbered_within,
    one_per_agency,
    partnership_key,
    unique,
)
from lineofsight.lib.versioning import Versioned
from lineofsight.partnership.models import Agency, Partnership

# The statutory safeguarding partners (Children Act 2004 s.16E): the council, the police and the
# integrated care board.  Their attendance is always watched.
STATUTORY_KINDS = frozenset({Agency.Kind.COUNCIL, Agency.Kind.POLICE, Agency.Kind.HEALTH})

DEFAULT_SCALE = (
    "Substantial assurance",
    "Reasonable assurance",
    "Limited assurance",
    "No assurance",
)


def is_statutory(agency: Agency) -> bool:
    return agency.kind in STATUTORY_KINDS


class GovernanceSettings(Versioned):
    """Per partnership: after how many missed meetings in a row a watched member needs
    attention, and the scale the board grades assurance on (best first)."""

    partnership = models.OneToOneField(
        Partnership, on_delete=models.CASCADE, related_name="governance_settings"
    )
    consecutive_misses = models.PositiveSmallIntegerField(
        "meetings missed in a row before a member needs attention",
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
    )
    assurance_scale = models.TextField(
        "assurance grades, best first",
        default="\n".join(DEFAULT_SCALE),
        help_text="One grade a line, the strongest assurance first",
    )

    class Meta:
        verbose_name = "governance settings"
        verbose_name_plural = "governance settings"

    def __str__(self) -> str:
        return f"Governance settings of {self.partnership}"

    def grades(self) -> list[str]:
        return [line.strip() for line in self.assurance_scale.splitlines() if line.strip()]

    def clean(self) -> None:
        grades = self.grades()
        if len(grades) < 2:
            raise ValidationError({"assurance_scale": "Enter at least two grades, one a line"})
        if len({g.casefold() for g in grades}) != len(grades):
            raise ValidationError({"assurance_scale": "Each grade must appear once"})
        if any(len(g) > 60 for g in grades):
            raise ValidationError({"assurance_scale": "Keep each grade to 60 characters"})


class Group(HasPage, Versioned):
    class Kind(models.TextChoices):
        BOARD = "board", "Partnership board"
        EXECUTIVE = "executive", "Executive group"
        SUBGROUP = "subgroup", "Sub-group"

    url_name = "governance:group"

    partnership = partnership_key("governance_groups")
    name = models.CharField(max_length=120)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    purpose = models.TextField(blank=True, validators=[no_identifiers])

    class Meta:
        ordering = ["kind", "name"]
        constraints = [unique("partnership", "name", name="governance_group_once")]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """An agency's seat on a group, by role ("Chief Superintendent", "Designated nurse")."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="memberships")
    agency = agency_key()
    role = models.CharField("role on the group", max_length=120)
    attendance_required = models.BooleanField(
        "attendance watched",
        default=False,
        help_text="Flag the agency when it misses meetings in a row (always, for the statutory "
        "partners)",
    )

    class Meta:
        ordering = ["agency__name", "role"]
        constraints = [unique("group", "agency", "role", name="governance_membership_once")]

    def __str__(self) -> str:
        return f"{self.agency}: {self.role}"


class Meeting(HasPage, Versioned):
    url_name = "governance:meeting"

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateField("date of the meeting")
    notes = models.TextField(blank=True, validators=[no_identifiers])

    class Meta:
        ordering = ["-held_on", "-pk"]
        constraints = [unique("group", "held_on", name="governance_meeting_once")]

    def __str__(self) -> str:
        return f"{self.group} {self.held_on:%-d %B %Y}"


class Attendance(models.Model):
    """Whether a member agency was at a meeting (one row per member agency at the time)."""

    class Status(models.TextChoices):
        PRESENT = "present", "Present"
        DEPUTY = "deputy", "Deputy sent"
        APOLOGIES = "apologies", "Apologies"
        ABSENT = "absent", "Absent"

    ATTENDED = frozenset({Status.PRESENT, Status.DEPUTY})

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    agency = agency_key()
    status = models.CharField(max_length=10, choices=Status.choices)

    Meta = one_per_agency("meeting", name="governance_attendance_once")

    def __str__(self) -> str:
        return f"{self.agency} at {self.meeting}: {self.get_status_display()}"

    @property
    def attended(self) -> bool:
        return self.status in self.ATTENDED


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=300, validators=[no_identifiers])

    Meta = numbered_within("meeting", name="governance_agenda_once")

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class Decision(OnParentPage):
    """What a meeting decided; raises actions (source ``governance_decision``)."""

    parent_page = ("governance:meeting", "meeting")
    anchor = "decision"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    number = models.PositiveSmallIntegerField()
    text = models.CharField("decision", max_length=500, validators=[no_identifiers])

    Meta = numbered_within("meeting", name="governance_decision_once")

    def __str__(self) -> str:
        return f"Decision {self.number}: {self.text}"


class AssuranceReport(HasPage, Versioned):
    """A report the board (or a group) asked for, when it was due and received, and how much
    assurance the board took from it (a grade from ``GovernanceSettings.grades``)."""

    class Kind(models.TextChoices):
        MASH = "mash", "Multi-agency safeguarding hub (MASH)"
        EARLY_HELP = "early_help", "Early help"
        IRO = "iro", "Independent reviewing officers (IRO)"
        LADO = "lado", "Local authority designated officer (LADO)"
        CDOP = "cdop", "Child death overview panel (CDOP)"
        PUBLIC_HEALTH = "public_health", "Public health"
        SINGLE_AGENCY_AUDIT = "single_agency_audit", "Single-agency audit"
        INSPECTION = "inspection", "Inspection report"
        OTHER = "other", "Other"

    url_name = "governance:report"

    partnership = partnership_key("assurance_reports")
    title = models.CharField(max_length=200, validators=[no_identifiers])
    kind = models.CharField(max_length=20, choices=Kind.choices)
    agency = agency_key(help_text="The agency reporting")
    group = models.ForeignKey(
        Group,
        on_delete=models.PROTECT,
        related_name="assurance_reports",
        help_text="The group that receives it",
    )
    due_on = models.DateField("date due")
    received_on = models.DateField("date received", null=True, blank=True)
    grade = models.CharField("assurance taken", max_length=60, blank=True)
    questions = models.TextField("questions raised", blank=True, validators=[no_identifiers])
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-due_on", "-pk"]

    def __str__(self) -> str:
        return self.title

    def is_overdue(self, today: dt.date | None = None) -> bool:
        return self.received_on is None and self.due_on < (today or timezone.localdate())

    def clean(self) -> None:
        if self.grade and not self.received_on:
            raise ValidationError({"grade": "Grade a report once it has been received"})


class Inspection(HasPage, Versioned):
    """An inspection or review of the partnership (Ofsted, a JTAI, a peer review)."""

    class Kind(models.TextChoices):
        JTAI = "jtai", "Joint targeted area inspection (JTAI)"
        OFSTED = "ofsted", "Ofsted inspection of local authority children's services (ILACS)"
        FOCUSED_VISIT = "focused_visit", "Ofsted focused visit"
        SEND = "send", "Area SEND inspection"
        PEER = "peer", "Peer review"
        HMICFRS = "hmicfrs", "HMICFRS police inspection"
        CQC = "cqc", "CQC review"
        OTHER = "other", "Other review"

    url_name = "governance:inspection"

    partnership = partnership_key("governance_inspections")
    title = models.CharField(max_length=200, validators=[no_identifiers])
    kind = models.CharField(max_length=20, choices=Kind.choices)
    started_on = models.DateField("date the inspection or review started")
    reported_on = models.DateField("date of the report", null=True, blank=True)
    judgement = models.CharField(
        "overall judgement (optional)", max_length=120, blank=True, validators=[no_identifiers]
    )

    class Meta:
        ordering = ["-started_on", "-pk"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.reported_on and self.started_on and self.reported_on < self.started_on:
            raise ValidationError(
                {"reported_on": "The report cannot come before the inspection started"}
            )


class InspectionFinding(OnParentPage):
    class Kind(models.TextChoices):
        STRENGTH = "strength", "Strength"
        IMPROVE = "improve", "Area for improvement"
        RECOMMENDATION = "recommendation", "Recommendation"

    parent_page = ("governance:inspection", "inspection")
    anchor = "finding"

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="findings")
    number = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=15, choices=Kind.choices)
    text = models.TextField("finding", validators=[no_identifiers])
    themes = models.ManyToManyField(LearningTheme, blank=True, related_name="governance_findings")

    Meta = numbered_within("inspection", name="governance_finding_once")

    def __str__(self) -> str:
        return f"Finding {self.number}: {self.text[:80]}"


class FundingYear(Versioned):
    """One financial year's budget: what was brought forward, partners' contributions and
    spending by area.  ``year`` is the year it starts (2020 = 2020-21)."""

    partnership = partnership_key("funding_years")
    year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    brought_forward = models.DecimalField(
        "balance brought forward (£)", max_digits=11, decimal_places=2, default=Decimal(0)
    )

    class Meta:
        ordering = ["-year"]
        constraints = [unique("partnership", "year", name="governance_fy_once")]

    def __str__(self) -> str:
        return f"Budget {self.label}"

    @property
    def label(self) -> str:
        return year_label(self.year, self.partnership.financial_year_start_month)

    def get_absolute_url(self) -> str:
        return reverse("governance:funding_year", args=[self.year])


class Contribution(models.Model):
    year = models.ForeignKey(FundingYear, on_delete=models.CASCADE, related_name="contributions")
    agency = agency_key()
    money = models.DecimalField(
        "financial contribution (£)",
        max_digits=11,
        decimal_places=2,
        default=Decimal(0),
        validators=[MinValueValidator(Decimal(0))],
    )
    in_kind = models.DecimalField(
        "value of contributions in kind (£)",
        max_digits=11,
        decimal_places=2,
        default=Decimal(0),
        validators=[MinValueValidator(Decimal(0))],
    )
    in_kind_description = models.CharField(
        "what was given in kind", max_length=300, blank=True, validators=[no_identifiers]
    )

    Meta = one_per_agency("year", name="governance_contribution_once")

    def __str__(self) -> str:
        return f"{self.agency} {self.year.label}"


class Spending(models.Model):
    class Area(models.TextChoices):
        STAFFING = "staffing", "Business unit staffing"
        SCRUTINY = "scrutiny", "Independent scrutiny and chairing"
        TRAINING = "training", "Multi-agency training"
        REVIEWS = "reviews", "Child safeguarding practice reviews"
        CDOP = "cdop", "Child death review"
        COMMUNICATIONS = "communications", "Communications and engagement"
        SYSTEMS = "systems", "Systems and subscriptions"
        OTHER = "other", "Other"

    year = models.ForeignKey(FundingYear, on_delete=models.CASCADE, related_name="spending")
    area = models.CharField(max_length=20, choices=Area.choices)
    amount = models.DecimalField(
        "amount spent (£)",
        max_digits=11,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0))],
    )

    class Meta:
        ordering = ["area"]
        constraints = [unique("year", "area", name="governance_spending_once")]

    def __str__(self) -> str:
        return f"{self.get_area_display()} {self.year.label}"


class Procedure(HasPage, Versioned):
    """A multi-agency procedure, its owner and review dates, the themes it answers and the case
    reviews that prompted changes to it."""

    url_name = "governance:procedure"

    partnership = partnership_key("procedures")
    title = models.CharField(max_length=200, validators=[no_identifiers])
    owner_agency = agency_key()
    owner_role = models.CharField(
        "owner's role", max_length=120, blank=True, validators=[no_identifiers]
    )
    last_reviewed_on = models.DateField("date last reviewed")
    next_review_on = models.DateField("date the next review is due")
    changes = models.TextField(
        "what changed at the last review", blank=True, validators=[no_identifiers]
    )
    themes = models.ManyToManyField(LearningTheme, blank=True, related_name="procedures")
    prompted_by = models.ManyToManyField(
        "reviews.Review",
        blank=True,
        related_name="procedures_changed",
        help_text="Case reviews whose learning changed this procedure",
    )

    class Meta:
        ordering = ["next_review_on", "title"]
        constraints = [unique("partnership", "title", name="governance_procedure_once")]

    def __str__(self) -> str:
        return self.title

    def is_overdue(self, today: dt.date | None = None) -> bool:
        return self.next_review_on < (today or timezone.localdate())

    def clean(self) -> None:
        if (
            self.last_reviewed_on
            and self.next_review_on
            and (self.next_review_on <= self.last_reviewed_on)
        ):
            raise ValidationError(
                {"next_review_on": "The next review must be after the last review"}
            )
