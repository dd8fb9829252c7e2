"""Child death reviews (Child Death Review Statutory and Operational Guidance 2018; NCMD forms):
the notification, agency reports, the child death review meeting, the panel's review and
analysis (category, contributory factors graded 0-2, outcome, learning points), panel meetings
with attendance by agency, national comparators and the timeliness alert settings.

Children are recorded by pseudonymous reference only (``reviews.pseudonyms``); a case's stage
and its alerts are derived from its dates (``alerts.py``), never stored.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from lineofsight.actions.models import LearningTheme
from lineofsight.audit.disclosure import AuditPolicy
from lineofsight.calendar.timescales import CDOP_REVIEW
from lineofsight.cdop import reference as codes
from lineofsight.lib.models import (
    HasPage,
    OnParentPage,
    agency_key,
    confidential_to,
    numbered_within,
    one_per_agency,
    partnership_key,
    unique,
)
from lineofsight.lib.versioning import Versioned
from lineofsight.partnership.models import Partnership
from lineofsight.reviews.pseudonyms import check_free_text, check_reference


def _confidential(label: str, *names: str) -> AuditPolicy:
    """``names`` withheld from the audit log except for the CDOP roles; labelled without the
    child's reference."""
    return confidential_to("cdop.view", *names, label=label)


class DeathCategory(models.Model):
    """A national category of death (seeded from ``reference.CATEGORIES``; renamable)."""

    code = models.SlugField(max_length=60, unique=True)
    number = models.PositiveSmallIntegerField(unique=True)
    name = models.CharField(max_length=120)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["number"]
        verbose_name_plural = "death categories"

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"


class PanelMeeting(HasPage, Versioned):
    url_name = "cdop:meeting"

    partnership = partnership_key("cdop_meetings")
    held_on = models.DateField("date of the meeting")
    notes = models.TextField(blank=True, validators=[check_free_text])

    class Meta:
        ordering = ["-held_on", "-pk"]
        constraints = [unique("partnership", "held_on", name="cdop_meeting_once")]

    def __str__(self) -> str:
        return f"Panel meeting {self.held_on:%d %B %Y}"


class Attendance(models.Model):
    """Members present at a panel meeting, by agency."""

    meeting = models.ForeignKey(PanelMeeting, on_delete=models.CASCADE, related_name="attendance")
    agency = agency_key()
    members = models.PositiveSmallIntegerField(default=1)

    Meta = one_per_agency("meeting", name="cdop_attendance_once")

    def __str__(self) -> str:
        return f"{self.agency} at {self.meeting}"


# what the notification records (the services' editable fields; confidential in the audit log)
NOTIFICATION_FIELDS = (
    "reference",
    "age_band",
    "age_days",
    "age_years",
    "sex",
    "ethnicity",
    "residence",
    "died_on",
    "notified_on",
    "place_of_death",
    "expectation",
    "jar_held",
    "jar_on",
    "looked_after",
    "known_to_social_care",
    "rapid_review",
    "case_review",
    "summary",
)


class ChildDeath(HasPage, Versioned):
    url_name = "cdop:detail"

    partnership = partnership_key("child_deaths")
    reference = models.CharField(
        "pseudonymous reference",
        max_length=60,
        validators=[check_reference],
        help_text='Never a name or NHS number: for example "Child D 2021 3" or "CDOP 104"',
    )
    # notification (NCMD form A)
    age_band = models.CharField("age at death", max_length=10, choices=codes.AgeBand.choices)
    age_days = models.PositiveIntegerField("age in days (under one year)", null=True, blank=True)
    age_years = models.PositiveSmallIntegerField("age in completed years", null=True, blank=True)
    sex = models.CharField(max_length=15, choices=codes.Sex.choices)
    ethnicity = models.CharField(
        max_length=15, choices=codes.Ethnicity.choices, default=codes.Ethnicity.NOT_KNOWN
    )
    residence = models.CharField(
        "area of residence",
        max_length=15,
        choices=codes.Residence.choices,
        default=codes.Residence.THIS_AREA,
    )
    died_on = models.DateField("date of death")
    notified_on = models.DateField("date the CDOP was notified")
    place_of_death = models.CharField(max_length=15, choices=codes.PlaceOfDeath.choices)
    expectation = models.CharField(
        "expected or unexpected", max_length=12, choices=codes.Expectation.choices
    )
    jar_held = models.BooleanField("joint agency response held", default=False)
    jar_on = models.DateField("date of the joint agency response", null=True, blank=True)
    looked_after = models.BooleanField("looked after at death", default=False)
    known_to_social_care = models.BooleanField("known to children's social care", default=False)
    rapid_review = models.BooleanField(
        "serious incident notification or rapid review made", default=False
    )
    case_review = models.ForeignKey(
        "reviews.Review",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="child_deaths",
        help_text="The case review record, when there is one",
    )
    # reviews
    cdr_meeting_on = models.DateField(
        "date of the child death review meeting", null=True, blank=True
    )
    panel_meeting = models.ForeignKey(
        PanelMeeting, on_delete=models.PROTECT, null=True, blank=True, related_name="cases"
    )
    reviewed_on = models.DateField("date of the panel review", null=True, blank=True)
    # panel analysis (NCMD Analysis form)
    category = models.ForeignKey(
        DeathCategory, on_delete=models.PROTECT, null=True, blank=True, related_name="deaths"
    )
    outcome = models.CharField(max_length=15, choices=codes.Outcome.choices, blank=True)
    closed_on = models.DateField("date closed", null=True, blank=True)
    summary = models.TextField(blank=True, validators=[check_free_text])
    created_at = models.DateTimeField(default=timezone.now)

    # the audit log (read by administrators) shows that a record changed, not what it says
    audit_policy = _confidential(
        "Child death record",
        *NOTIFICATION_FIELDS,
        "cdr_meeting_on",
        "reviewed_on",
        "category",
        "outcome",
        "closed_on",
        "factors",
        "panel_meeting",
    )

    class Meta:
        ordering = ["-died_on", "-pk"]
        constraints = [unique("partnership", "reference", name="cdop_reference_unique")]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_open(self) -> bool:
        return self.closed_on is None

    @property
    def under_one(self) -> bool:
        return self.age_band in codes.UNDER_ONE

    def clean(self) -> None:
        errors: dict[str, str] = {}
        died = self.died_on
        after_death = {
            "notified_on": "The CDOP cannot be notified before the date of death",
            "jar_on": "The joint agency response cannot be before the date of death",
            "cdr_meeting_on": "The child death review meeting cannot be before the date of death",
            "reviewed_on": "The panel review cannot be before the date of death",
            "closed_on": "The case cannot be closed before the date of death",
        }
        for name, message in after_death.items():
            value = getattr(self, name)
            if died and value and value < died:
                errors[name] = message
        if self.jar_on and not self.jar_held:
            errors["jar_on"] = "Only a joint agency response that was held has a date"
        if self.age_days is not None and self.age_band not in codes.UNDER_ONE:
            errors["age_days"] = "An age in days is for a child under one year"
        if self.age_days is not None or self.age_years is not None:
            band = codes.age_band_for(days=self.age_days, years=self.age_years)
            fits = band == self.age_band or (
                self.age_band == codes.AgeBand.UNDER_1 and band in codes.UNDER_ONE
            )
            if band and not fits:
                errors["age_band"] = "The age band does not match the age given"
        if self.panel_meeting_id and self.reviewed_on is None:
            errors["reviewed_on"] = "Enter the date of the panel review"
        if self.closed_on:
            if not self.reviewed_on:
                errors["closed_on"] = "A case is closed after its panel review"
            elif self.closed_on < self.reviewed_on:
                errors["closed_on"] = "The case cannot be closed before its panel review"
            if not self.category_id:
                errors["category"] = "Choose the category of death before closing the case"
            if not self.outcome:
                errors["outcome"] = "Choose the panel's conclusion before closing the case"
        if errors:
            raise ValidationError(errors)

    def open_days(self, on: dt.date) -> int:
        """Days from the death to ``on`` (or to closing, if closed before then)."""
        end = min(self.closed_on, on) if self.closed_on else on
        return (end - self.died_on).days


class AgencyReport(models.Model):
    """An agency asked for its report (NCMD reporting form) and when it returned it."""

    death = models.ForeignKey(ChildDeath, on_delete=models.CASCADE, related_name="agency_reports")
    agency = agency_key()
    requested_on = models.DateField("date requested")
    returned_on = models.DateField("date returned", null=True, blank=True)

    audit_policy = _confidential("CDOP agency report", "death", "requested_on", "returned_on")

    Meta = one_per_agency("death", name="cdop_agency_report_once")

    def __str__(self) -> str:
        return f"{self.agency} report on {self.death}"

    def clean(self) -> None:
        if self.returned_on and self.requested_on and self.returned_on < self.requested_on:
            raise ValidationError(
                {"returned_on": "A report cannot be returned before it was asked for"}
            )


class ContributoryFactor(models.Model):
    """One contributory factor, in one of the four domains, graded 0-2."""

    death = models.ForeignKey(ChildDeath, on_delete=models.CASCADE, related_name="factors")
    domain = models.CharField(max_length=10, choices=codes.Domain.choices)
    description = models.CharField(max_length=200, validators=[check_free_text])
    grade = models.PositiveSmallIntegerField(choices=codes.Grade.choices)

    audit_policy = _confidential(
        "CDOP contributory factor", "death", "domain", "description", "grade"
    )

    class Meta:
        ordering = ["domain", "pk"]

    def __str__(self) -> str:
        return f"{self.get_domain_display()}: {self.description} ({self.grade})"


class LearningPoint(OnParentPage):
    """What the panel learned from a death: becomes actions (source ``cdop``) and themes."""

    parent_page = ("cdop:detail", "death")
    anchor = "learning"

    death = models.ForeignKey(ChildDeath, on_delete=models.CASCADE, related_name="learning_points")
    number = models.PositiveIntegerField()
    text = models.TextField("learning point", validators=[check_free_text])
    agency = agency_key(optional=True)
    themes = models.ManyToManyField(LearningTheme, blank=True, related_name="cdop_learning")

    audit_policy = _confidential("CDOP learning point", "death", "text")

    Meta = numbered_within("death", name="cdop_learning_number_once")

    def __str__(self) -> str:
        return f"CDOP {self.death.reference} learning point {self.number}"


class NationalComparator(models.Model):
    """A national figure for a reporting year (NCMD publishes them), entered by the coordinator.

    ``year`` is the year the reporting year starts (2020 = 1 April 2020 to 31 March 2021);
    ``measure`` a key of ``statistics.COMPARATOR_MEASURES``.
    """

    year = models.PositiveSmallIntegerField()
    measure = models.CharField(max_length=80)
    value = models.DecimalField(max_digits=7, decimal_places=1)
    source = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-year", "measure"]
        constraints = [unique("year", "measure", name="cdop_comparator_once")]

    def __str__(self) -> str:
        return f"{self.measure} {self.year}: {self.value}"


class AlertSettings(Versioned):
    """When a case is flagged: no agency report after N weeks; open over M and L months."""

    partnership = models.OneToOneField(
        Partnership, on_delete=models.CASCADE, related_name="cdop_alerts"
    )
    agency_report_weeks = models.PositiveSmallIntegerField(
        "weeks to wait for agency reports", default=6
    )
    open_warning_months = models.PositiveSmallIntegerField("first warning, in months", default=6)
    open_overdue_months = models.PositiveSmallIntegerField(
        "overdue, in months", default=CDOP_REVIEW.amount
    )

    class Meta:
        verbose_name = "CDOP alert settings"
        verbose_name_plural = "CDOP alert settings"

    def __str__(self) -> str:
        return f"CDOP alerts for {self.partnership}"

    def clean(self) -> None:
        if self.open_warning_months >= self.open_overdue_months:
            raise ValidationError(
                {"open_warning_months": "The first warning must come before the overdue point"}
            )
