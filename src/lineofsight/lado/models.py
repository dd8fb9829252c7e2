"""Allegations against people who work with children (the LADO's records): consultations (advice
only, nobody named), referrals from receipt through the threshold decision, strategy and
evaluation meetings and the outcome; the partnership's lists of sectors and outcomes and its
timeliness standards.

The adult is recorded by a reference and a job role; their name, when kept at all, is in one
field (``Referral.adult_name``) that the audit log never copies (``never_logged``) and that no
export, statistic, label or import carries.  Everything else about a referral is confidential to
the LADO roles in the audit log (``confidential`` + ``may_read``).  Deadlines and flags are
derived from the dates (``timeliness.py``), never stored.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from lineofsight.audit.disclosure import AuditPolicy
from lineofsight.calendar.timescales import (
    LADO_CONCLUSION,
    LADO_CONCLUSION_FIRST,
    LADO_CONCLUSION_LONGEST,
    LADO_DECISION,
    LADO_STRATEGY_MEETING_WORKING_DAYS,
)
from lineofsight.lado import reference as codes
from lineofsight.lib.free_text import no_identifiers
from lineofsight.lib.models import HasPage, confidential_to, partnership_key, unique
from lineofsight.lib.versioning import Versioned
from lineofsight.partnership.models import Partnership


def _confidential(label: str, *names: str, never: frozenset[str] = frozenset()) -> AuditPolicy:
    """``names`` withheld from the audit log except for the LADO roles."""
    return confidential_to("lado.manage", *names, label=label, never=never)


class ListEntry(models.Model):
    """An entry of a list the LADO configures: a stable code, the name shown, its place in the
    list, and whether it is still offered (retired entries stay on the records that use them)."""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=120)
    position = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(default=True)

    class Meta:
        abstract = True
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class Sector(ListEntry):
    """An employing sector (configurable: seeded from ``reference.SECTORS``)."""


class Outcome(ListEntry):
    """An outcome of an allegation (configurable per jurisdiction: seeded with KCSIE's five)."""


CONSULTATION_FIELDS = ("reference", "consulted_on", "employer", "sector", "category", "advice")


class Consultation(HasPage, Versioned):
    """Advice given to an employer or another professional: nobody is named."""

    url_name = "lado:consultation"

    partnership = partnership_key("lado_consultations")
    reference = models.CharField(max_length=30)
    consulted_on = models.DateField("date of the consultation")
    employer = models.CharField("employer or organisation", max_length=200, blank=True)
    sector = models.ForeignKey(Sector, on_delete=models.PROTECT, related_name="consultations")
    category = models.CharField(
        "category of concern", max_length=15, choices=codes.Category.choices
    )
    advice = models.TextField("advice given", validators=[no_identifiers])
    referral = models.OneToOneField(
        "Referral",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="consultation",
        help_text="The referral it became, if it did",
    )
    created_at = models.DateTimeField(default=timezone.now)

    audit_policy = _confidential("LADO consultation", *CONSULTATION_FIELDS, "referral")

    class Meta:
        ordering = ["-consulted_on", "-pk"]
        constraints = [
            unique("partnership", "reference", name="lado_consultation_reference_unique")
        ]

    def __str__(self) -> str:
        return self.reference


# what a referral records on receipt (the services' editable fields)
RECEIPT_FIELDS = (
    "reference",
    "received_on",
    "referrer",
    "referring_agency",
    "adult_reference",
    "adult_role",
    "adult_name",
    "employer",
    "sector",
    "context",
    "category",
    "summary",
)
DECISION_FIELDS = ("threshold_met", "decided_on", *codes.CRITERION_CODES)
PROGRESS_FIELDS = (
    "police_investigation",
    "suspended",
    "social_care_involved",
    "delay_reasons",
)
OUTCOME_FIELDS = ("outcome", "concluded_on", *(name for name, _ in codes.ONWARD))


class Referral(HasPage, Versioned):
    url_name = "lado:referral"

    partnership = partnership_key("lado_referrals")
    reference = models.CharField(max_length=30, help_text='For example "LADO-2021-014"')
    received_on = models.DateField("date received")
    referrer = models.CharField(
        "referrer's role", max_length=120, help_text="A role, never a name: for example Headteacher"
    )
    referring_agency = models.CharField(max_length=15, choices=codes.ReferringAgency.choices)
    adult_reference = models.CharField(
        "the adult's reference",
        max_length=40,
        help_text="The same reference each time the same adult is referred (re-referrals are "
        "counted on it)",
    )
    adult_role = models.CharField("the adult's role", max_length=120)
    # the only place a name is kept: never in the audit log, an export, a statistic or a label
    adult_name = models.CharField("the adult's name (restricted)", max_length=200, blank=True)
    employer = models.CharField("employer", max_length=200)
    sector = models.ForeignKey(Sector, on_delete=models.PROTECT, related_name="referrals")
    context = models.CharField(
        "where the conduct took place",
        max_length=10,
        choices=codes.Context.choices,
        default=codes.Context.WORK,
    )
    category = models.CharField(
        "category of concern", max_length=15, choices=codes.Category.choices
    )
    summary = models.TextField("summary of the allegation", blank=True, validators=[no_identifiers])
    # the decision
    threshold_met = models.BooleanField(null=True, blank=True)
    decided_on = models.DateField("date of the decision", null=True, blank=True)
    harmed_child = models.BooleanField(default=False)
    criminal_offence = models.BooleanField(default=False)
    risk_of_harm = models.BooleanField(default=False)
    not_suitable = models.BooleanField(default=False)
    # progress
    police_investigation = models.BooleanField(default=False)
    suspended = models.BooleanField("the adult was suspended", default=False)
    social_care_involved = models.BooleanField("children's social care involved", default=False)
    delay_reasons = models.TextField("reasons for delay", blank=True, validators=[no_identifiers])
    # the outcome
    outcome = models.ForeignKey(
        Outcome, on_delete=models.PROTECT, null=True, blank=True, related_name="referrals"
    )
    concluded_on = models.DateField("date concluded", null=True, blank=True)
    referred_dbs = models.BooleanField(default=False)
    referred_tra = models.BooleanField(default=False)
    referred_ofsted = models.BooleanField(default=False)
    referred_regulator = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    audit_policy = _confidential(
        "LADO referral",
        *RECEIPT_FIELDS,
        *DECISION_FIELDS,
        *PROGRESS_FIELDS,
        *OUTCOME_FIELDS,
        never=frozenset({"adult_name"}),
    )

    class Meta:
        ordering = ["-received_on", "-pk"]
        constraints = [unique("partnership", "reference", name="lado_referral_reference_unique")]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_open(self) -> bool:
        return self.concluded_on is None

    @property
    def criteria(self) -> list[str]:
        return [code for code in codes.CRITERION_CODES if getattr(self, code)]

    @property
    def onward(self) -> list[str]:
        return [words for name, words in codes.ONWARD if getattr(self, name)]

    def clean(self) -> None:
        errors: dict[str, str] = {}
        received = self.received_on
        for name, words in (("decided_on", "decision"), ("concluded_on", "conclusion")):
            value = getattr(self, name)
            if received and value and value < received:
                errors[name] = f"The {words} cannot be before the referral was received"
        if (self.threshold_met is None) != (self.decided_on is None):
            errors["decided_on"] = "A decision has a date and an answer: enter both or neither"
        if self.threshold_met and not self.criteria:
            errors["harmed_child"] = "Select which harm threshold criteria were met"
        if self.threshold_met is False and self.criteria:
            errors["harmed_child"] = "No criterion is met when the threshold is not met"
        if self.outcome_id and not self.concluded_on:
            errors["concluded_on"] = "Enter the date the allegation was concluded"
        if self.concluded_on:
            if self.threshold_met is None:
                errors["concluded_on"] = "Record the threshold decision before concluding"
            elif self.threshold_met and not self.outcome_id:
                errors["outcome"] = "Select the outcome of the allegation"
        if self.outcome_id and self.threshold_met is False:
            errors["outcome"] = "An outcome is for an allegation that met the threshold"
        if errors:
            raise ValidationError(errors)


class Meeting(models.Model):
    """A strategy, evaluation or review meeting about a referral, and who was there."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="meetings")
    kind = models.CharField(
        max_length=12, choices=codes.MeetingKind.choices, default=codes.MeetingKind.STRATEGY
    )
    held_on = models.DateField("date of the meeting")
    agencies = models.JSONField(default=list, help_text="codes of reference.MEETING_AGENCIES")

    audit_policy = _confidential("LADO meeting", "referral", "kind", "held_on", "agencies")

    class Meta:
        ordering = ["held_on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.held_on:%d %B %Y}"

    @property
    def agency_names(self) -> list[str]:
        return [codes.MEETING_AGENCY_NAMES.get(code, code) for code in self.agencies]

    def clean(self) -> None:
        unknown = set(self.agencies) - set(codes.MEETING_AGENCY_NAMES)
        if unknown:
            raise ValidationError({"agencies": f"Unknown agencies: {', '.join(sorted(unknown))}"})
        if not self.agencies:
            raise ValidationError({"agencies": "Select the agencies present"})
        received = self.referral.received_on if self.referral_id else None
        if received and self.held_on and self.held_on < received:
            raise ValidationError(
                {"held_on": "A meeting cannot be before the referral was received"}
            )


class EarlierYear(models.Model):
    """A reporting year's figures from before the records were kept here (from earlier annual
    reports), so the year-on-year table can go back as far as the partnership's reports do.
    ``year`` is the year the reporting year starts (2012 = 2012-13); either figure may be
    unknown (the 2016-17 report has no referral count for 2012-13 and 2013-14)."""

    partnership = partnership_key("lado_earlier_years")
    year = models.PositiveSmallIntegerField()
    referrals = models.PositiveIntegerField(null=True, blank=True)
    met_threshold = models.PositiveIntegerField(null=True, blank=True)
    source = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-year"]
        constraints = [unique("partnership", "year", name="lado_earlier_year_once")]

    def __str__(self) -> str:
        return f"LADO figures {self.year}-{(self.year + 1) % 100:02d}"

    def clean(self) -> None:
        if self.referrals is None and self.met_threshold is None:
            raise ValidationError({"referrals": "Enter at least one of the two figures"})
        if (
            self.referrals is not None
            and self.met_threshold is not None
            and self.met_threshold > self.referrals
        ):
            raise ValidationError(
                {"met_threshold": "More referrals met the threshold than were received"}
            )


class Standards(Versioned):
    """The partnership's timeliness standards (defaults from ``calendar.timescales``)."""

    partnership = models.OneToOneField(
        Partnership, on_delete=models.CASCADE, related_name="lado_standards"
    )
    decision_days = models.PositiveSmallIntegerField(
        "decision within this many working days of receipt", default=LADO_DECISION.amount
    )
    meeting_days = models.PositiveSmallIntegerField(
        "strategy meeting within this many working days of the decision",
        default=LADO_STRATEGY_MEETING_WORKING_DAYS.amount,
    )
    first_months = models.PositiveSmallIntegerField(
        "first conclusion standard, in months", default=LADO_CONCLUSION_FIRST.amount
    )
    target_months = models.PositiveSmallIntegerField(
        "concluded where possible within, in months", default=LADO_CONCLUSION.amount
    )
    longest_months = models.PositiveSmallIntegerField(
        "longest, in months", default=LADO_CONCLUSION_LONGEST.amount
    )

    class Meta:
        verbose_name = "LADO timeliness standards"
        verbose_name_plural = "LADO timeliness standards"

    def __str__(self) -> str:
        return f"LADO timeliness standards for {self.partnership}"

    def clean(self) -> None:
        if not self.first_months < self.target_months < self.longest_months:
            raise ValidationError(
                {"target_months": "The three conclusion standards must grow: 1 < 3 < 12 months"}
            )
