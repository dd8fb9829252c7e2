from __future__ import annotations

from typing import Any

from django import forms

from lineofsight.govuk.fields import GovukDateField
from lineofsight.lib.free_text import FreeTextGuard
from lineofsight.lib.versioning import VersionField
from lineofsight.reports.models import Report


class GenerateForm(FreeTextGuard, forms.Form):
    kind = forms.ChoiceField(
        label="Report",
        choices=Report.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the report"},
    )
    period = forms.CharField(
        label="Period",
        max_length=20,
        help_text="A financial year for the annual report (for example 2020-21) or a quarter "
        "for the quarterly report (for example 2021Q1, April to June 2021)",
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
