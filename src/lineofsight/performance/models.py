from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse

from lineofsight.lib.models import partnership_key, person_key, unique
from lineofsight.lib.versioning import Versioned


class PublishedFigure(models.Model):
    """A figure DfE (or ONS) published for England, a region or a local authority, as imported."""

    indicator_id = models.CharField(max_length=60)
    year = models.PositiveIntegerField(help_text="Year ending 31 March, e.g. 2021 for 2020-21")
    level = models.CharField(max_length=20)  # national | regional | local_authority
    area_code = models.CharField(max_length=12)
    area_name = models.CharField(max_length=120)
    region_code = models.CharField(max_length=12, blank=True)
    region_name = models.CharField(max_length=120, blank=True)
    value = models.FloatField(null=True, blank=True)
    numerator = models.FloatField(null=True, blank=True)
    denominator = models.FloatField(null=True, blank=True)
    suppressed = models.CharField(max_length=10, blank=True, help_text="DfE symbol, e.g. c, x, z")
    source_file = models.CharField(max_length=200)

    class Meta:
        constraints = [
            unique("indicator_id", "year", "level", "area_code", name="one_published_figure")
        ]
        indexes = [models.Index(fields=["indicator_id", "year"])]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.year} {self.area_name}: {self.value}"


class StatisticalNeighbour(models.Model):
    """One of an LA's ten statistical neighbours in a DfE grouping (e.g. the April 2021 model)."""

    grouping = models.CharField(max_length=20)
    la_code = models.CharField(max_length=3)
    neighbour_code = models.CharField(max_length=3)
    rank = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["grouping", "la_code", "rank"]
        constraints = [unique("grouping", "la_code", "rank", name="one_neighbour_rank")]

    def __str__(self) -> str:
        return f"{self.la_code} neighbour {self.rank}: {self.neighbour_code} ({self.grouping})"


class IndicatorResult(models.Model):
    """A computed indicator value for one period, stored so dashboards read and never compute."""

    partnership = partnership_key("results")
    indicator_id = models.CharField(max_length=60)
    period_type = models.CharField(max_length=20)
    period_label = models.CharField(max_length=20)
    period_start = models.DateField()
    period_end = models.DateField()
    breakdown = models.CharField(max_length=40, blank=True)
    numerator = models.FloatField(null=True, blank=True)
    denominator = models.FloatField(null=True, blank=True)
    value = models.FloatField(null=True, blank=True)
    ci_low = models.FloatField(null=True, blank=True)
    ci_high = models.FloatField(null=True, blank=True)
    run = models.ForeignKey("ComputeRun", on_delete=models.CASCADE, related_name="results")

    class Meta:
        ordering = ["indicator_id", "period_type", "period_start", "breakdown"]
        constraints = [
            unique(
                "partnership",
                "indicator_id",
                "period_type",
                "period_start",
                "breakdown",
                name="one_result_per_period",
            )
        ]
        indexes = [models.Index(fields=["partnership", "indicator_id", "period_type"])]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.period_label} {self.breakdown}: {self.value}".strip()


class ComputeRun(models.Model):
    """One recomputation of every indicator from the current snapshots."""

    class Status(models.TextChoices):
        RUNNING = "running", "Running"
        COMPLETE = "complete", "Complete"
        FAILED = "failed", "Failed"

    partnership = partnership_key("runs")
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.RUNNING)
    snapshot_ids = models.JSONField(default=list, help_text="The snapshots the results come from")
    fingerprint = models.CharField(
        max_length=16, help_text="Snapshots and population computed from"
    )
    completed = models.JSONField(default=list, help_text="Indicators stored so far in this run")
    result_count = models.PositiveIntegerField(default=0)
    message = models.TextField(blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]

    def __str__(self) -> str:
        return f"Run {self.pk} ({self.status})"


FINANCIAL_YEAR = RegexValidator(r"^\d{4}-\d{2}$", "Enter a financial year such as 2020-21")


class IndicatorTarget(Versioned):
    """The partnership's target for an indicator in one financial year, who set it and why:
    SPC assurance, "missed the target" and the findings of that year read it."""

    partnership = partnership_key("targets")
    indicator_id = models.CharField(max_length=60)
    financial_year = models.CharField(
        max_length=7, validators=[FINANCIAL_YEAR], help_text="The year it applies to, e.g. 2020-21"
    )
    value = models.FloatField(help_text="In the indicator's unit, e.g. 90 for 90%")
    reason = models.CharField(max_length=300, blank=True, help_text="Where the target comes from")
    set_by = person_key(on_delete=models.PROTECT)
    set_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["indicator_id", "financial_year"]
        constraints = [
            unique(
                "partnership",
                "indicator_id",
                "financial_year",
                name="one_target_per_indicator_year",
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.financial_year} target {self.value:g}"


class ChangePoint(models.Model):
    """An analyst's statement that an indicator's process changed in a month (a new front door,
    a new definition), with the reason: the SPC limits are recalculated from that month
    (Making Data Count's "rebasing").  Set and removed through audited services only."""

    partnership = partnership_key("change_points")
    indicator_id = models.CharField(max_length=60)
    month = models.DateField(help_text="The first day of the first month of the new process")
    reason = models.CharField(max_length=300)
    set_by = person_key(on_delete=models.PROTECT)
    set_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["indicator_id", "month"]
        constraints = [
            unique("partnership", "indicator_id", "month", name="one_change_point_a_month")
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id} limits recalculated from {self.month:%B %Y}"


class TrackedIndicator(models.Model):
    """An indicator of one partnership as a record actions can be raised from and linked to
    (``actions.sources`` key ``indicator``; ADR 0024).  Made the first time someone raises an
    action from the indicator's page; the indicator itself stays in the catalogue."""

    partnership = partnership_key("tracked_indicators")
    indicator_id = models.CharField(max_length=60)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["indicator_id"]
        constraints = [unique("partnership", "indicator_id", name="one_tracked_indicator")]

    def __str__(self) -> str:
        return self.indicator_id

    def get_absolute_url(self) -> str:
        return reverse("performance:indicator", args=[self.indicator_id])
