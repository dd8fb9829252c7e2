from __future__ import annotations

from typing import Any

from django import forms

from lineofsight.calendar import years
from lineofsight.govuk.fields import GovukDateField
from lineofsight.lib.free_text import FreeTextGuard
from lineofsight.lib.versioning import VersionField
from lineofsight.reports.models import Report


def first_quarter_words(start_month: int) -> str:
    """The months of the first quarter of the year starting in 2021 in ``start_month``:
    "April to June 2021"; "December 2021 to February 2022"."""
    first = years.quarters(2021, start_month)[0]
    start = f"{first.start:%B}" if first.start.year == first.end.year else f"{first.start:%B %Y}"
    return f"{start} to {first.end:%B %Y}"


class GenerateForm(FreeTextGuard, forms.Form):
    """``start_month``: the month the partnership's year starts in, whose quarters the
    quarterly report follows (the hint's example says which months its first quarter is)."""

    kind = forms.ChoiceField(
        label="Report",
        choices=Report.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the report"},
    )
    period = forms.CharField(
        label="Period",
        max_length=20,
        error_messages={"required": "Enter the period, for example 2020-21"},
    )
    edition = forms.ChoiceField(
        choices=Report.Edition.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the edition"},
    )
    format = forms.ChoiceField(
        choices=Report.Format.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the format"},
    )

    def __init__(self, *args: Any, start_month: int = years.APRIL, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        label = years.year_label(2020, start_month)
        self.fields["period"].help_text = (
            f"A year for the annual report (for example {label}) or a quarter of the "
            f"partnership's year for the quarterly report (for example 2021Q1, "
            f"{first_quarter_words(start_month)})"
        )


class PublicationForm(forms.Form):
    published_on = GovukDateField(
        label="Date published", error_messages={"required": "Enter the date it was published"}
    )
    sent_to_panel_on = GovukDateField(
        label="Date sent to the Child Safeguarding Practice Review Panel",
        required=False,
        help_text="Working Together 2023: within 7 days of publication",
    )
    sent_to_foundations_on = GovukDateField(
        label="Date sent to Foundations",
        required=False,
        help_text="Working Together 2023: within 7 days of publication",
    )


class NarrativeForm(FreeTextGuard, forms.Form):
    version = VersionField(required=False)
    done = forms.CharField(label="What has been done?", widget=forms.Textarea, required=False)
    next = forms.CharField(label="What next?", widget=forms.Textarea, required=False)
    impact = forms.CharField(
        label="Impact",
        widget=forms.Textarea,
        required=False,
        help_text="What difference it made to children and families. Do not name anyone.",
    )


class NarrativeStepForm(forms.Form):
    version = VersionField()


class PeriodForm(forms.Form):
    period = forms.CharField(
        label="Period",
        max_length=20,
        required=False,
        help_text="For example 2020-21, or 2021-22 Q1 for a quarter",
    )

    def clean_period(self) -> Any:
        return self.cleaned_data["period"].strip()
