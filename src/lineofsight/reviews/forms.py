from __future__ import annotations

from typing import Any

from django import forms

from lineofsight.actions.models import LearningTheme
from lineofsight.govuk.fields import GovukDateField, set_choices
from lineofsight.lib.formparts import checkboxes, not_future
from lineofsight.lib.free_text import FreeTextGuard
from lineofsight.lib.versioning import VersionField
from lineofsight.partnership.models import Agency
from lineofsight.reviews.models import Review, ReviewChild
from lineofsight.reviews.pseudonyms import check_free_text, check_reference
from lineofsight.reviews.status import Stage


def _themes_field() -> forms.ModelMultipleChoiceField:
    return checkboxes("Learning themes", LearningTheme.objects.order_by("name"))


class IncidentForm(FreeTextGuard, forms.Form):
    """Record a serious incident: the start of a case review."""

    reference = forms.CharField(
        error_messages={"required": "Enter a pseudonymous reference, for example Child M"},
        label="Pseudonymous reference",
        max_length=60,
        validators=[check_reference],
        help_text='Never a name or date of birth: for example "Child M" or "Family B"',
    )
    incident_type = forms.ChoiceField(
        error_messages={"required": "Select what happened"},
        label="What happened",
        choices=Review.IncidentType.choices,
        widget=forms.RadioSelect,
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
    incident_summary = forms.CharField(
        label="Summary (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        validators=[check_free_text],
        help_text="No names, dates of birth or identifiers",
    )
    themes = _themes_field()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        not_future(self, "la_aware_on", "notified_on")
        return data


class RapidReviewForm(FreeTextGuard, forms.Form):
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
    decision_rationale = forms.CharField(
        label="Reasons for the decision (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        validators=[check_free_text],
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        not_future(self, "rapid_review_on", "decision_on")
        return data


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
    reviewer = forms.CharField(label="Lead reviewer (optional)", required=False, max_length=200)
    completed_on = GovukDateField(label="Date the final report was agreed", required=False)
    published_on = GovukDateField(label="Date published", required=False)
    publication_url = forms.URLField(
        label="Link to the published report", required=False, assume_scheme="https"
    )
    publication_note = forms.CharField(
        label="Publication note (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example, why publication is delayed",
    )
    themes = _themes_field()


class ChildForm(FreeTextGuard, forms.Form):
    reference = forms.CharField(
        error_messages={"required": "Enter a pseudonymous reference, for example Child M"},
        label="Pseudonymous reference",
        max_length=60,
        validators=[check_reference],
        help_text='For example "Child M" or "Sibling 2": never a name or date of birth',
    )
    age_band = forms.ChoiceField(
        error_messages={"required": "Select the child's age at the incident"},
        label="Age at the incident",
        choices=ReviewChild.AgeBand.choices,
        widget=forms.RadioSelect,
    )


class RecommendationForm(FreeTextGuard, forms.Form):
    text = forms.CharField(
        error_messages={"required": "Enter the recommendation"},
        label="Recommendation",
        widget=forms.Textarea(attrs={"rows": 4}),
        validators=[check_free_text],
    )
    agency = forms.ModelChoiceField(
        label="For which agency? (optional)",
        queryset=Agency.objects.order_by("name"),
        required=False,
        empty_label="The whole partnership",
    )
    themes = _themes_field()


class RecommendationActionForm(FreeTextGuard, forms.Form):
    title = forms.CharField(
        error_messages={"required": "Enter the action"}, label="Action", max_length=300
    )
    owner_agency = forms.ModelChoiceField(
        error_messages={"required": "Select the agency that owns the action"},
        label="Owner agency",
        queryset=Agency.objects.order_by("name"),
        empty_label="Choose an agency",
    )
    owner_person = forms.CharField(
        label="Owner (optional)",
        required=False,
        max_length=200,
        help_text="The person or role leading it",
    )
    due_date = GovukDateField(
        error_messages={"required": "Enter the date the action is due"},
        label="Due date",
        help_text="For example, 31 3 2022",
    )


class NoteForm(FreeTextGuard, forms.Form):
    text = forms.CharField(
        error_messages={"required": "Enter the progress made"},
        label="Progress",
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[check_free_text],
    )


class ReviewFilterForm(forms.Form):
    stage = forms.ChoiceField(
        label="Stage", required=False, choices=[("", "Any stage")] + [(s, s) for s in Stage.ORDER]
    )
    decision = forms.ChoiceField(
        label="Decision",
        required=False,
        choices=[("", "Any decision"), ("pending", "Not yet decided"), *Review.Decision.choices],
    )
    year = forms.TypedChoiceField(label="Year", required=False, coerce=int, empty_value=None)
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
