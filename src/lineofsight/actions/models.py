"""One action tracker for every source of learning, and the shared learning-theme taxonomy.

An action can belong to any record (a case review recommendation, an audit finding, a Section 11
development point, a challenge...) through plain ``source_app_label``/``source_model``/``source_id``
fields, so the apps that own those records depend on this one and never the other way round.
"""

from __future__ import annotations

import datetime as dt

from django.apps import apps
from django.db import models
from django.utils import timezone

from lineofsight.lib.models import agency_key, person_key
from lineofsight.lib.versioning import Versioned


class LearningTheme(models.Model):
    """A theme in the shared taxonomy (seeded from ``actions/data/learning_themes.csv``)."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Action(Versioned):
    class Status(models.TextChoices):
        OPEN = "open", "Open"
        IN_PROGRESS = "in_progress", "In progress"
        COMPLETED = "completed", "Completed (impact not yet evidenced)"
        CLOSED = "closed", "Closed with evidence of impact"
        CANCELLED = "cancelled", "Cancelled"

    ACTIVE = (Status.OPEN, Status.IN_PROGRESS)
    FINISHED = (Status.CLOSED, Status.CANCELLED)

    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    # a key registered in ``actions.sources`` (validated there: new sources need no migration)
    source = models.CharField(max_length=40)
    source_label = models.CharField(
        max_length=200, blank=True, help_text='Where it came from, e.g. "CSPR Child M rec 3"'
    )
    source_app_label = models.CharField(max_length=100, blank=True)
    source_model = models.CharField(max_length=100, blank=True)
    source_id = models.CharField(max_length=64, blank=True)
    owner_agency = agency_key(related_name="actions")
    owner_person = models.CharField("owner", max_length=200, blank=True)
    due_date = models.DateField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    themes = models.ManyToManyField(LearningTheme, blank=True, related_name="actions")
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)
    impact_evidence = models.TextField(blank=True)

    class Meta:
        ordering = ["due_date", "pk"]
        indexes = [
            models.Index(fields=["status", "due_date"]),
            models.Index(fields=["source_app_label", "source_model", "source_id"]),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def source_name(self) -> str:
        """The registered label of ``source`` (e.g. "Case review")."""
        from lineofsight.actions.sources import source_label

        return source_label(self.source)

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE

    def is_overdue(self, today: dt.date | None = None) -> bool:
        return self.is_active and self.due_date < (today or timezone.localdate())

    def days_overdue(self, today: dt.date | None = None) -> int:
        today = today or timezone.localdate()
        return (today - self.due_date).days if self.is_overdue(today) else 0

    def is_due_soon(self, days: int = 28, today: dt.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.is_active and today <= self.due_date <= today + dt.timedelta(days=days)

    def source_object(self) -> models.Model | None:
        """The record this action came from, if it is known and still exists."""
        if not (self.source_app_label and self.source_model and self.source_id):
            return None
        try:
            model = apps.get_model(self.source_app_label, self.source_model)
        except LookupError:
            return None
        return model._default_manager.filter(pk=self.source_id).first()


class ActionUpdate(models.Model):
    """A progress note on an action, with any evidence; the timeline of the action."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    author = person_key(on_delete=models.PROTECT, related_name="action_updates")
    at = models.DateTimeField(default=timezone.now)
    text = models.TextField()
    evidence = models.TextField(blank=True)
    status_after = models.CharField(max_length=20, choices=Action.Status.choices)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.action}: update of {self.at:%Y-%m-%d}"
