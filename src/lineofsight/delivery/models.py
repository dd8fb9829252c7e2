"""The partnership's delivery plan: priorities, what we will do, what success looks like, and
RAG-rated progress updates."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone

from lineofsight.lib.models import HasPage, OnParentPage, agency_key, partnership_key, unique
from lineofsight.lib.versioning import Versioned
from lineofsight.partnership.models import User

INDICATOR_ID = RegexValidator(
    r"^[a-z][a-z0-9_]{1,59}$", "Enter an indicator id such as rereferral_pct (lower case)"
)


class Plan(HasPage, Versioned):
    url_name = "delivery:plan_detail"

    partnership = partnership_key("delivery_plans")
    title = models.CharField(max_length=200)
    starts = models.DateField()
    ends = models.DateField()

    class Meta:
        ordering = ["-starts"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.starts and self.ends and self.ends <= self.starts:
            raise ValidationError({"ends": "The plan must end after it starts"})


class Priority(OnParentPage, Versioned):
    parent_page = ("delivery:plan_detail", "plan")
    anchor = "priority"
    anchor_by = "pk"

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="priorities")
    number = models.PositiveSmallIntegerField()
    title = models.TextField("priority")
    lead = models.CharField("lead (person or group)", max_length=200, blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name_plural = "priorities"
        constraints = [unique("plan", "number", name="priority_number_once")]

    def __str__(self) -> str:
        return f"{self.number}. {self.title[:80]}"


class Rag(models.TextChoices):
    RED = "red", "Red: off track"
    AMBER = "amber", "Amber: some risk"
    GREEN = "green", "Green: on track"
    COMPLETE = "complete", "Complete"


class PlanItem(HasPage, Versioned):
    """Something we will do to deliver a priority."""

    url_name = "delivery:item"

    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="items")
    reference = models.CharField(max_length=5, help_text="For example a, b or c")
    text = models.TextField("what we will do")
    lead_agency = agency_key(optional=True)
    lead_person = models.CharField(max_length=200, blank=True)
    due_date = models.DateField(null=True, blank=True)
    rag = models.CharField("latest RAG rating", max_length=10, choices=Rag.choices, blank=True)

    class Meta:
        ordering = ["reference"]
        constraints = [unique("priority", "reference", name="item_reference_once")]

    def __str__(self) -> str:
        return f"{self.priority.number}{self.reference}) {self.text[:80]}"


class SuccessMeasure(Versioned):
    """What success looks like, optionally tied to an indicator so the live figure shows."""

    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="measures")
    text = models.TextField("what success looks like")
    indicator_id = models.CharField(
        "indicator id",
        max_length=60,
        blank=True,
        validators=[INDICATOR_ID],
        help_text="Optional: an indicator from the catalogue, for example rereferral_pct",
    )
    target = models.CharField(max_length=200, blank=True, help_text="For example: below 22%")

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.text[:80]


class ProgressUpdate(models.Model):
    """A dated RAG-rated note on an item's progress (the log is append-only)."""

    item = models.ForeignKey(PlanItem, on_delete=models.CASCADE, related_name="updates")
    on = models.DateField("date", default=timezone.localdate)
    rag = models.CharField("RAG rating", max_length=10, choices=Rag.choices)
    note = models.TextField("progress")
    author = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True)

    class Meta:
        ordering = ["-on", "-pk"]

    def __str__(self) -> str:
        return f"{self.item}: {self.get_rag_display()} on {self.on}"
