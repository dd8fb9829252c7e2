from __future__ import annotations

from django.db import models
from django.utils import timezone

from lineofsight.lib.models import partnership_key, person_key, unique
from lineofsight.lib.versioning import Versioned
from lineofsight.reports.deadlines import send_by


class Report(models.Model):
    """One generated report: what was asked for, by whom, when, the file, and every input it
    used (snapshots, indicator definitions, narrative versions) so it can be reproduced."""

    class Kind(models.TextChoices):
        QUARTERLY = "quarterly", "Quarterly performance report"
        ANNUAL = "annual", "Annual report"

    class Edition(models.TextChoices):
        INTERNAL = "internal", "Internal (full figures)"
        PUBLISHED = "published", "Published (small numbers suppressed)"

    class Format(models.TextChoices):
        HTML = "html", "Web page (HTML)"
        PDF = "pdf", "PDF (tagged)"
        DOCX = "docx", "Word"

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Generating"
        COMPLETE = "complete", "Ready"
        FAILED = "failed", "Failed"

    partnership = partnership_key("reports")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    period_label = models.CharField(max_length=20, help_text='"2020-21" or "2021-22 Q1"')
    edition = models.CharField(max_length=10, choices=Edition.choices)
    format = models.CharField(max_length=5, choices=Format.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0, help_text="Per cent done")
    message = models.TextField(blank=True)
    generated_by = person_key()
    requested_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    file_name = models.CharField(max_length=200, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    inputs = models.JSONField(
        default=dict,
        blank=True,
        help_text="Snapshots, compute run, indicator definitions, narrative versions",
    )
    disclosure_log = models.JSONField(
        default=list, blank=True, help_text="Every suppressed cell and why"
    )
    published_on = models.DateField(null=True, blank=True)
    sent_to_panel_on = models.DateField(
        "sent to the Child Safeguarding Practice Review Panel", null=True, blank=True
    )
    sent_to_foundations_on = models.DateField("sent to Foundations", null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.period_label} ({self.edition}, {self.format})"

    @property
    def sent_within_seven_days(self) -> bool | None:
        """Working Together 2023: sent to the Panel and Foundations within 7 days of publishing."""
        if self.published_on is None:
            return None
        sent = [self.sent_to_panel_on, self.sent_to_foundations_on]
        if any(day is None for day in sent):
            return False
        return all(day <= send_by(self.published_on) for day in sent if day is not None)


class Narrative(Versioned):
    """What the section's owner writes for one period: what has been done, what next, impact."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted for approval"
        APPROVED = "approved", "Approved"

    partnership = partnership_key("narratives")
    section = models.CharField(max_length=60)
    period_label = models.CharField(max_length=20)
    done = models.TextField("What has been done?", blank=True)
    next = models.TextField("What next?", blank=True)
    impact = models.TextField("Impact", blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    author = person_key()
    approved_by = person_key()
    approved_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["period_label", "section"]
        constraints = [
            unique("partnership", "section", "period_label", name="one_narrative_per_period")
        ]

    def __str__(self) -> str:
        return f"{self.section} {self.period_label} ({self.status})"
