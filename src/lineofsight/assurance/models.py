"""Assurance: multi-agency audits (and re-audits), Section 11 self-assessment, the challenge log.

Children appear only as pseudonymous case references; nothing here holds a name.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models

from lineofsight.actions.models import LearningTheme
from lineofsight.audit.disclosure import AuditPolicy
from lineofsight.lib.models import (
    HasPage,
    OnParentPage,
    agency_key,
    one_per_agency,
    partnership_key,
    person_key,
    unique,
)
from lineofsight.lib.versioning import Versioned
from lineofsight.partnership.access import has_permission

CASE_REFERENCE = RegexValidator(
    r"^(?=.*\d)[A-Z0-9][A-Z0-9-]{2,23}$",
    "Enter a pseudonymous case reference in capitals and digits, for example MAA-2016-01 "
    "(never a name)",
)


def financial_year_label(year: int) -> str:
    """``2016`` -> ``"2016-17"``."""
    return f"{year}-{(year + 1) % 100:02d}"


class Audit(HasPage, Versioned):
    """One multi-agency audit in the partnership's programme (a re-audit links to its original)."""

    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        IN_PROGRESS = "in_progress", "In progress"
        COMPLETE = "complete", "Complete"

    url_name = "assurance:audit"

    partnership = partnership_key("audits")
    title = models.CharField(max_length=200)
    theme = models.CharField(max_length=120, help_text="For example neglect, thresholds, CSE")
    year = models.PositiveIntegerField(
        "financial year",
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
        help_text="The year the financial year starts, for example 2016 for 2016-17",
    )
    quarter = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(4)],
        help_text="Quarter of the financial year (Q1 is April to June)",
    )
    lead = models.CharField("audit lead", max_length=120)
    lead_agency = agency_key(optional=True)
    expert = models.CharField(
        "theme expert", max_length=120, blank=True, help_text="Who informs the scope and tool"
    )
    purpose = models.TextField(blank=True)
    summary = models.TextField("summary of what the audit found", blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PLANNED)
    original = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="re_audits",
        help_text="For a re-audit: the audit it follows up",
    )
    themes = models.ManyToManyField(LearningTheme, blank=True, related_name="audits")
    indicators = models.JSONField(
        default=list,
        blank=True,
        help_text="Ids of the catalogue indicators the audit looks into (their pages list it)",
    )

    class Meta:
        ordering = ["-year", "-quarter", "title"]

    def __str__(self) -> str:
        return f"{self.title} ({self.period_label})"

    @property
    def period_label(self) -> str:
        return f"{financial_year_label(self.year)} Q{self.quarter}"

    @property
    def is_re_audit(self) -> bool:
        return self.original_id is not None


class AuditCase(Versioned):
    class CaseType(models.TextChoices):
        CHILD_PROTECTION = "cp", "Child protection"
        CHILD_IN_NEED = "cin", "Child in need"
        LOOKED_AFTER = "cla", "Child looked after"
        EARLY_HELP = "early_help", "Early help"
        OTHER = "other", "Other"

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="cases")
    reference = models.CharField(
        "case reference",
        max_length=24,
        validators=[CASE_REFERENCE],
        help_text="Pseudonymous reference only, for example MAA-2016-01",
    )
    case_type = models.CharField(max_length=20, choices=CaseType.choices)
    notes = models.TextField(blank=True, help_text="Do not include names")

    class Meta:
        ordering = ["reference"]
        constraints = [unique("audit", "reference", name="audit_case_once")]

    def __str__(self) -> str:
        return self.reference


class Grade(models.TextChoices):
    OUTSTANDING = "outstanding", "Outstanding"
    GOOD = "good", "Good"
    REQUIRES_IMPROVEMENT = "requires_improvement", "Requires improvement"
    INADEQUATE = "inadequate", "Inadequate"


GOOD_OR_BETTER = frozenset({Grade.OUTSTANDING, Grade.GOOD})


class Grading(models.Model):
    """One agency's grading of its own practice in one audited case."""

    case = models.ForeignKey(AuditCase, on_delete=models.CASCADE, related_name="gradings")
    agency = agency_key()
    grade = models.CharField(max_length=30, choices=Grade.choices)

    Meta = one_per_agency("case", name="one_grading_per_agency")

    def __str__(self) -> str:
        return f"{self.case}: {self.agency} {self.get_grade_display()}"


class Finding(OnParentPage, Versioned):
    class Kind(models.TextChoices):
        STRENGTH = "strength", "Strength"
        IMPROVEMENT = "improvement", "Area for improvement"

    parent_page = ("assurance:audit", "audit")
    anchor = "finding"
    anchor_by = "pk"

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="findings")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.IMPROVEMENT)
    text = models.TextField("finding")
    themes = models.ManyToManyField(LearningTheme, blank=True, related_name="findings")

    class Meta:
        ordering = ["kind", "pk"]

    def __str__(self) -> str:
        return self.text[:80]


class Section11Round(HasPage, Versioned):
    """One round of the Section 11 self-assessment (e.g. 2021), with the partnership's summary."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"

    url_name = "assurance:section11_round"

    partnership = partnership_key("section11_rounds")
    year = models.PositiveIntegerField(validators=[MinValueValidator(2000)])
    due_date = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    strengths = models.TextField("strengths across the partnership", blank=True)
    development_themes = models.TextField("development themes", blank=True)

    class Meta:
        ordering = ["-year"]
        constraints = [unique("partnership", "year", name="one_s11_round_per_year")]

    def __str__(self) -> str:
        return f"Section 11 self-assessment {self.year}"


def _may_read_section11_return(user: Any, values: Mapping[str, Any]) -> bool:
    """A draft's answers are the agency's own until submitted (as ``selectors.returns_for``)."""
    if values.get("status") != Section11Return.Status.DRAFT:
        return True
    own_agency = getattr(user, "agency_id", None)
    return (
        bool(own_agency)
        and own_agency == values.get("agency")
        and has_permission(user, "section11.respond")
    )


class Section11Return(HasPage, Versioned):
    """One agency's self-assessment in a round: a draft only that agency sees, then submitted."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted"

    url_name = "assurance:section11_return"

    round = models.ForeignKey(Section11Round, on_delete=models.CASCADE, related_name="returns")
    agency = agency_key(related_name="section11_returns")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)

    # The audit log shows that a draft was saved, not what it says (audit.disclosure).
    audit_policy = AuditPolicy(
        confidential=frozenset({"answers"}), may_read=_may_read_section11_return
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = person_key()

    Meta = one_per_agency("round", name="one_s11_return_per_agency")

    def __str__(self) -> str:
        return f"{self.agency}: Section 11 {self.round.year}"


class Rating(models.TextChoices):
    FULLY_MET = "fully_met", "Fully met"
    PARTIALLY_MET = "partially_met", "Partially met"
    NOT_MET = "not_met", "Not met"


class Section11Answer(OnParentPage):
    """The agency's rating of one standard, its evidence and any development point."""

    parent_page = ("assurance:section11_return", "section11_return")
    anchor = "standard"
    anchor_by = "standard"

    section11_return = models.ForeignKey(
        Section11Return, on_delete=models.CASCADE, related_name="answers"
    )
    standard = models.CharField(max_length=40, help_text="A code from section11_standards.csv")
    rating = models.CharField(max_length=20, choices=Rating.choices, blank=True)
    evidence = models.TextField(blank=True)
    development_point = models.TextField(blank=True)

    class Meta:
        constraints = [unique("section11_return", "standard", name="one_answer_per_standard")]

    def __str__(self) -> str:
        return f"{self.section11_return}: {self.standard} {self.rating}"


class Challenge(HasPage, Versioned):
    """An entry in the challenge log: who challenged whom, about what, and what came of it."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        RESPONDED = "responded", "Response received"
        ESCALATED = "escalated", "Escalated"
        RESOLVED = "resolved", "Resolved"

    url_name = "assurance:challenge"

    partnership = partnership_key("challenges")
    raised_on = models.DateField("date raised")
    # the two sides: agencies of the partnership (``clean``)
    raised_by_agency = agency_key(
        verbose_name="challenging agency", related_name="challenges_raised"
    )
    raised_by_person = models.CharField("challenged by (person or forum)", max_length=120)
    challenged_agency = agency_key(
        verbose_name="agency challenged", related_name="challenges_received"
    )
    subject = models.CharField("about", max_length=200)
    detail = models.TextField("the challenge", blank=True)
    response = models.TextField(blank=True)
    response_date = models.DateField(null=True, blank=True)
    outcome = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)

    class Meta:
        ordering = ["-raised_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.raised_by_agency} to {self.challenged_agency}: {self.subject}"

    def clean(self) -> None:
        errors = {}
        for name in ("raised_by_agency", "challenged_agency"):
            agency = getattr(self, name, None) if getattr(self, f"{name}_id") else None
            if agency is not None and agency.partnership_id != self.partnership_id:
                errors[name] = "Choose one of the partnership's agencies"
        if self.response_date and self.raised_on and self.response_date < self.raised_on:
            errors["response_date"] = "The response cannot come before the challenge was raised"
        if errors:
            raise ValidationError(errors)
