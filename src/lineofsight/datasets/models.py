from __future__ import annotations

from django.conf import settings
from django.db import models

from lineofsight.lib.models import partnership_key, unique
from lineofsight.partnership.models import Agency


class Submission(models.Model):
    """One return handed to Line of Sight (by upload or the CLI), accepted or rejected."""

    class Status(models.TextChoices):
        ACCEPTED = "accepted", "Accepted"
        REJECTED = "rejected", "Rejected"

    partnership = partnership_key("submissions", on_delete=models.PROTECT)
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True
    )
    submitted_at = models.DateTimeField(auto_now_add=True)
    format = models.CharField(max_length=30)
    la_code = models.CharField(max_length=3, blank=True)
    collection_year = models.PositiveIntegerField(null=True, blank=True)
    reference_date = models.DateField(null=True, blank=True)
    source_files = models.JSONField(help_text="File names and sizes as received")
    source_checksum = models.CharField(max_length=64, db_index=True)
    status = models.CharField(max_length=10, choices=Status.choices)
    record_count = models.PositiveIntegerField(default=0)
    error_count = models.PositiveIntegerField(default=0)
    warning_count = models.PositiveIntegerField(default=0)
    problems = models.JSONField(default=list, help_text="The first problems found (see limit)")

    class Meta:
        ordering = ["-submitted_at", "-pk"]

    def __str__(self) -> str:
        year = f" {self.collection_year}" if self.collection_year else ""
        return f"{self.get_format_display_text()}{year} ({self.get_status_display().lower()})"

    def get_format_display_text(self) -> str:
        return FORMAT_NAMES.get(self.format, self.format)


FORMAT_NAMES = {
    "cin_census": "CIN census",
    "ssda903": "SSDA903 (children looked after)",
    "annex_a": "Ofsted Annex A",
    "partner_return": "Partner return",
    "child_deaths": "Child death records (CDOP)",
    "practitioner_survey": "Practitioner survey responses",
    "lado_referrals": "LADO referrals",
    "training_records": "Training records (bookings and evaluations)",
    "unknown": "Unrecognised file",
}


class Snapshot(models.Model):
    """The immutable, pseudonymised tables of an accepted submission, as Parquet files.

    A later submission of the same return (format, LA, year, agency) supersedes it; nothing is
    deleted.  ``directory`` is relative to ``settings.SNAPSHOT_DIR``.
    """

    submission = models.OneToOneField(Submission, on_delete=models.PROTECT, related_name="snapshot")
    partnership = partnership_key("snapshots", on_delete=models.PROTECT)
    return_key = models.CharField(max_length=120, db_index=True)
    version = models.PositiveIntegerField()
    directory = models.CharField(max_length=200, unique=True)
    tables = models.JSONField(help_text="table -> {file, rows, sha256}")
    created_at = models.DateTimeField(auto_now_add=True)
    superseded_by = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="supersedes"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [unique("return_key", "version", name="one_version_per_return")]

    def __str__(self) -> str:
        return f"{self.return_key} v{self.version}"

    @property
    def is_current(self) -> bool:
        return self.superseded_by_id is None


class ReturnDue(models.Model):
    """Return schedule (configuration): ``agency`` owes the ``format`` return for ``period`` by
    ``due_on``.  It counts as received when an accepted submission of that format for that agency
    arrives on or after ``period_start`` (``datasets.schedules``)."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="returns_due")
    format = models.CharField(max_length=30)
    period = models.CharField(max_length=40, help_text="For example '2025-26' or 'Q2 2026-27'")
    period_start = models.DateField(help_text="Submissions before this do not count")
    due_on = models.DateField()

    class Meta:
        ordering = ["due_on", "agency__name"]
        constraints = [unique("agency", "format", "period", name="return_due_once_per_period")]

    def __str__(self) -> str:
        return f"{self.agency}: {FORMAT_NAMES.get(self.format, self.format)} {self.period}"
