"""Case reviews (Working Together 2018/2023): serious incident notification, rapid review,
decision, the review itself and its publication, children (by pseudonym only), recommendations.

A review's stage and deadlines are derived from its dates (``status.py``), never stored, so they
cannot disagree with them.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from lineofsight.actions.models import LearningTheme
from lineofsight.lib.models import (
    HasPage,
    OnParentPage,
    agency_key,
    numbered_within,
    partnership_key,
    person_key,
    unique,
)
from lineofsight.lib.versioning import Versioned
from lineofsight.reviews.pseudonyms import check_free_text, check_reference


class Review(HasPage, Versioned):
    class IncidentType(models.TextChoices):
        DEATH = "death", "Death of a child"
        SERIOUS_HARM = "serious_harm", "Serious harm to a child"

    class Decision(models.TextChoices):
        CSPR = "cspr", "Local child safeguarding practice review"
        LOCAL_LEARNING = "local_learning", "Local learning review"
        NO_FURTHER_REVIEW = "none", "No further review"

    url_name = "reviews:detail"

    DECISIONS_WITH_REVIEW = (Decision.CSPR, Decision.LOCAL_LEARNING)

    partnership = partnership_key("reviews")
    reference = models.CharField(
        max_length=60,
        validators=[check_reference],
        help_text='A pseudonym, never a name: for example "Child M" or "Family B"',
    )
    incident_type = models.CharField(max_length=20, choices=IncidentType.choices)
    incident_summary = models.TextField(
        "summary of the incident",
        blank=True,
        validators=[check_free_text],
        help_text="No names, dates of birth or identifiers",
    )
    la_aware_on = models.DateField("date the local authority became aware")
    notified_on = models.DateField("date the national panel was notified", null=True, blank=True)
    rapid_review_on = models.DateField("date the rapid review was completed", null=True, blank=True)
    decision = models.CharField(max_length=20, choices=Decision.choices, blank=True)
    decision_on = models.DateField("date of the decision", null=True, blank=True)
    decision_rationale = models.TextField(
        "reasons for the decision", blank=True, validators=[check_free_text]
    )
    initiated_on = models.DateField("date the review was initiated", null=True, blank=True)
    reviewer = models.CharField("lead reviewer", max_length=200, blank=True)
    completed_on = models.DateField("date the final report was agreed", null=True, blank=True)
    published_on = models.DateField("date published", null=True, blank=True)
    publication_url = models.URLField("published report", blank=True)
    publication_note = models.TextField(
        "publication note",
        blank=True,
        help_text="For example, why publication is delayed (criminal proceedings) or not planned",
    )
    themes = models.ManyToManyField(LearningTheme, blank=True, related_name="reviews")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-la_aware_on", "-pk"]
        constraints = [unique("partnership", "reference", name="review_reference_unique")]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        prefixes: dict[str, str] = {
            self.Decision.CSPR: "CSPR",
            self.Decision.LOCAL_LEARNING: "Local learning review",
        }
        prefix = prefixes.get(self.decision, "Rapid review")
        return f"{prefix} {self.reference}"

    def clean(self) -> None:
        errors: dict[str, str] = {}
        aware = self.la_aware_on
        for name in ("notified_on", "rapid_review_on", "decision_on", "initiated_on"):
            value = getattr(self, name)
            if aware and value and value < aware:
                errors[name] = (
                    "This date must be on or after the date the local authority became aware"
                )
        if self.decision and not self.decision_on:
            errors["decision_on"] = "Enter the date of the decision"
        if self.decision_on and not self.decision:
            errors["decision"] = "Choose the decision"
        has_review = self.decision in self.DECISIONS_WITH_REVIEW
        for name in ("initiated_on", "completed_on", "published_on"):
            if getattr(self, name) and not has_review:
                errors[name] = "Only a review that is going ahead has this date"
        if self.completed_on and self.initiated_on and self.completed_on < self.initiated_on:
            errors["completed_on"] = "The report cannot be agreed before the review began"
        if self.published_on and self.initiated_on and self.published_on < self.initiated_on:
            errors["published_on"] = "The review cannot be published before it began"
        if errors:
            raise ValidationError(errors)


class ReviewChild(models.Model):
    class AgeBand(models.TextChoices):
        UNDER_1 = "under_1", "Under 1"
        AGE_1_4 = "1_4", "1 to 4"
        AGE_5_9 = "5_9", "5 to 9"
        AGE_10_15 = "10_15", "10 to 15"
        AGE_16_17 = "16_17", "16 or 17"
        NOT_BORN = "unborn", "Unborn"

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="children")
    reference = models.CharField(
        max_length=60,
        validators=[check_reference],
        help_text='For example "Child M" or "Sibling 2"',
    )
    age_band = models.CharField("age at the incident", max_length=10, choices=AgeBand.choices)

    class Meta:
        ordering = ["pk"]
        constraints = [unique("review", "reference", name="review_child_once")]

    def __str__(self) -> str:
        return self.reference


class Recommendation(OnParentPage):
    parent_page = ("reviews:detail", "review")
    anchor = "recommendation"

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="recommendations")
    number = models.PositiveIntegerField()
    text = models.TextField("recommendation", validators=[check_free_text])
    agency = agency_key(
        optional=True,
        related_name="review_recommendations",
        help_text="The agency it is for (leave empty for the whole partnership)",
    )
    themes = models.ManyToManyField(LearningTheme, blank=True, related_name="recommendations")

    Meta = numbered_within("review", name="recommendation_number_once")

    def __str__(self) -> str:
        return f"{self.review.name} rec {self.number}"


class ReviewNote(models.Model):
    """Progress on the review: the timeline on its page."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="notes")
    author = person_key(on_delete=models.PROTECT)
    at = models.DateTimeField(default=timezone.now)
    text = models.TextField(validators=[check_free_text])

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.review}: note of {self.at:%Y-%m-%d}"
