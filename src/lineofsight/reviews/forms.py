from __future__ import annotations

from typing import Any

from django import forms

from lineofsight.actions.models import LearningTheme
from lineofsight.govuk.fields import GovukDateField, limit_choices, set_choices
from lineofsight.lib import formparts as parts
from lineofsight.lib.free_text import FreeTextGuard
from lineofsight.lib.versioning import VersionField
from lineofsight.partnership.models import Agency
from lineofsight.reviews.models import Review, ReviewChild
from lineofsight.reviews.pseudonyms import check_free_text, check_reference
from lineofsight.reviews.status import Stage


def _themes_field() -> forms.ModelMultipleChoiceField:
    return parts.checkboxes("Learning themes", LearningTheme.objects.order_by("name"))


def _reference(help_text: str) -> forms.CharField:
    """A child's or a family's pseudonymous reference (``check_reference``)."""
    return parts.text_field(
        "Pseudonymous reference",
        "Enter a pseudonymous reference, for example Child M",
        max_length=60,
        validators=[check_reference],
        help_text=help_text,
    )


def _free_text(
    label: str, message: str | None = None, rows: int = 4, **kwargs: Any
) -> forms.CharField:
    """A textarea whose text holds no name or date of birth (``check_free_text``)."""
    return parts.text_area(label, message, rows, validators=[check_free_text], **kwargs)


class IncidentForm(FreeTextGuard, parts.NotFutureForm):
    """Record a serious incident: the start of a case review."""

    dates_not_future = ("la_aware_on", "notified_on")

    reference = _reference('Never a name or date of birth: for example "Child M" or "Family B"')
    incident_type = parts.radios(
        "What happened", Review.IncidentType.choices, "Select what happened"
    )
    la_aware_on = GovukDateField(
        error_messages={"required": "Enter the date the local authority became aware"},
        label="When did the local authority become aware?",
        help_text="For example, 27 3 2021",
    )
    notified_on = GovukDateField(
        label="When was the national panel notified? (optional)",
        required=False,
        help_text="Leave empty if not yet notified",
    )
    incident_summary = _free_text(
        "Summary (optional)", help_text="No names, dates of birth or identifiers"
    )
    themes = _themes_field()


class RapidReviewForm(FreeTextGuard, parts.NotFutureForm):
    dates_not_future = ("rapid_review_on", "decision_on")

    version = VersionField()
    rapid_review_on = GovukDateField(
        error_messages={"required": "Enter the date the rapid review was completed"},
        label="When was the rapid review completed?",
    )
    decision = forms.ChoiceField(
        label="Decision",
        choices=[("", "Not yet decided"), *Review.Decision.choices],
        required=False,
        widget=forms.RadioSelect,
    )
    decision_on = GovukDateField(
        label="Date of the decision (optional)",
        required=False,
        help_text="Leave empty if it was the date of the rapid review",
    )
    decision_rationale = _free_text("Reasons for the decision (optional)")


class ReviewForm(FreeTextGuard, forms.Form):
    """Every field of a review (partnership administrators)."""

    version = VersionField()
    reference = IncidentForm.base_fields["reference"]
    incident_type = IncidentForm.base_fields["incident_type"]
    incident_summary = IncidentForm.base_fields["incident_summary"]
    la_aware_on = GovukDateField(
        error_messages={"required": "Enter the date the local authority became aware"},
        label="Date the local authority became aware",
    )
    notified_on = GovukDateField(label="Date the national panel was notified", required=False)
    rapid_review_on = GovukDateField(label="Date the rapid review was completed", required=False)
    decision = RapidReviewForm.base_fields["decision"]
    decision_on = GovukDateField(label="Date of the decision", required=False)
    decision_rationale = RapidReviewForm.base_fields["decision_rationale"]
    initiated_on = GovukDateField(
        label="Date the review was initiated",
        required=False,
        help_text="The publication target runs from this date",
    )
    reviewer = parts.text_field("Lead reviewer (optional)", max_length=200)
    completed_on = GovukDateField(label="Date the final report was agreed", required=False)
    published_on = GovukDateField(label="Date published", required=False)
    publication_url = forms.URLField(
        label="Link to the published report", required=False, assume_scheme="https"
    )
    publication_note = parts.text_area(
        "Publication note (optional)", rows=3, help_text="For example, why publication is delayed"
    )
    themes = _themes_field()


class ChildForm(FreeTextGuard, forms.Form):
    reference = _reference('For example "Child M" or "Sibling 2": never a name or date of birth')
    age_band = parts.radios(
        "Age at the incident",
        ReviewChild.AgeBand.choices,
        "Select the child's age at the incident",
    )


class RecommendationForm(FreeTextGuard, forms.Form):
    text = _free_text("Recommendation", "Enter the recommendation")
    agency = forms.ModelChoiceField(
        label="For which agency? (optional)",
        queryset=Agency.objects.order_by("name"),
        required=False,
        empty_label="The whole partnership",
    )
    themes = _themes_field()


class RecommendationActionForm(FreeTextGuard, forms.Form):
    title = parts.text_field("Action", "Enter the action", max_length=300)
    owner_agency = parts.action_owner_agency()
    owner_person = parts.action_owner_person()
    due_date = parts.action_due_date()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "owner_agency", Agency.objects.order_by("name"))


class NoteForm(FreeTextGuard, forms.Form):
    text = _free_text("Progress", "Enter the progress made", rows=3)


class ReviewFilterForm(forms.Form):
    stage = parts.filter_choice("Stage", [("", "Any stage")] + [(s, s) for s in Stage.ORDER])
    decision = parts.filter_choice(
        "Decision",
        [("", "Any decision"), ("pending", "Not yet decided"), *Review.Decision.choices],
    )
    year = parts.filter_year("Year")
    theme = forms.ModelChoiceField(
        label="Learning theme",
        queryset=LearningTheme.objects.order_by("name"),
        required=False,
        empty_label="Any theme",
        to_field_name="slug",
    )
    overdue = forms.BooleanField(label="Only reviews with an overdue deadline", required=False)

    def __init__(self, *args: Any, years: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_choices(self, "year", [("", "Any year")] + [(y, str(y)) for y in reversed(years)])
