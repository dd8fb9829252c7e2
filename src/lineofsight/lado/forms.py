"""LADO forms.  Every form that saves text refuses children's identifiers
(``lib.free_text.FreeTextGuard``); the adult's name is asked for in one field only, marked
restricted, and is optional."""

from __future__ import annotations

from typing import Any

from django import forms

from lineofsight.govuk.fields import GovukDateField
from lineofsight.lado import reference as codes
from lineofsight.lado.models import Outcome, Sector
from lineofsight.lib.formparts import YearFilterForm, not_future
from lineofsight.lib.free_text import FreeTextGuard
from lineofsight.lib.versioning import VersionField


def _date(label: str, message: str | None = None, **kwargs: Any) -> GovukDateField:
    if message is None:
        return GovukDateField(label=label, required=False, **kwargs)
    return GovukDateField(label=label, error_messages={"required": message}, **kwargs)


def _radios(label: str, choices: Any, message: str, **kwargs: Any) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        error_messages={"required": message},
        **kwargs,
    )


def _sector_field() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label="Employing sector",
        queryset=Sector.objects.filter(active=True),
        empty_label="Select a sector",
        error_messages={"required": "Select the employing sector"},
    )


class ConsultationForm(FreeTextGuard, forms.Form):
    consulted_on = _date("Date of the consultation", "Enter the date of the consultation")
    employer = forms.CharField(
        label="Employer or organisation (optional)", max_length=200, required=False
    )
    sector = _sector_field()
    category = _radios(
        "Category of concern", codes.Category.choices, "Select the category of concern"
    )
    advice = forms.CharField(
        label="Advice given",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter the advice given"},
        help_text="Advice only: do not name anyone",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        not_future(self, "consulted_on")
        return data


class ReferralForm(FreeTextGuard, forms.Form):
    """A referral as received (also the form a consultation becomes a referral through)."""

    received_on = _date("Date received", "Enter the date the referral was received")
    referrer = forms.CharField(
        label="Referrer's role",
        max_length=120,
        error_messages={"required": "Enter the referrer's role, for example Headteacher"},
        help_text="A role, not a name: for example Headteacher",
    )
    referring_agency = forms.ChoiceField(
        label="Referring agency",
        choices=[("", "Select an agency"), *codes.ReferringAgency.choices],
        error_messages={"required": "Select the referring agency"},
    )
    adult_reference = forms.CharField(
        label="The adult's reference",
        max_length=40,
        error_messages={"required": "Enter a reference for the adult, for example A-2021-014"},
        help_text="Use the same reference if the same adult is referred again",
    )
    adult_role = forms.CharField(
        label="The adult's role",
        max_length=120,
        error_messages={"required": "Enter the adult's role, for example Teaching assistant"},
    )
    adult_name = forms.CharField(
        label="The adult's name (optional, restricted)",
        max_length=200,
        required=False,
        help_text="Seen only by the LADO and the deputy: never in the audit log, a download or "
        "a statistic",
    )
    employer = forms.CharField(
        label="Employer", max_length=200, error_messages={"required": "Enter the employer"}
    )
    sector = _sector_field()
    context = _radios(
        "Where the conduct took place",
        codes.Context.choices,
        "Select whether the conduct was at work or in private life",
        initial=codes.Context.WORK,
    )
    category = _radios(
        "Category of concern", codes.Category.choices, "Select the category of concern"
    )
    summary = forms.CharField(
        label="Summary of the allegation (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="No children's names or identifiers",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        not_future(self, "received_on")
        return data


class EditReferralForm(ReferralForm):
    version = VersionField()


class DecisionForm(forms.Form):
    version = VersionField()
    threshold_met = forms.TypedChoiceField(
        label="Is the harm threshold met?",
        choices=[("yes", "Yes, the threshold is met"), ("no", "No, the threshold is not met")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the harm threshold is met"},
    )
    decided_on = _date("Date of the decision", "Enter the date of the decision")
    criteria = forms.MultipleChoiceField(
        label="Criteria met (if the threshold is met)",
        choices=codes.CRITERIA,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, received_on: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.received_on = received_on

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        not_future(self, "decided_on")
        met, criteria = data.get("threshold_met"), data.get("criteria") or []
        if met is True and not criteria:
            self.add_error("criteria", "Select which harm threshold criteria were met")
        if met is False and criteria:
            self.add_error("criteria", "Leave the criteria empty when the threshold is not met")
        decided = data.get("decided_on")
        if decided and self.received_on and decided < self.received_on:
            self.add_error("decided_on", "The decision cannot be before the referral was received")
        return data


class MeetingForm(forms.Form):
    kind = _radios(
        "Kind of meeting",
        codes.MeetingKind.choices,
        "Select the kind of meeting",
        initial=codes.MeetingKind.STRATEGY,
    )
    held_on = _date("Date of the meeting", "Enter the date of the meeting")
    agencies = forms.MultipleChoiceField(
        label="Agencies present",
        choices=codes.MEETING_AGENCIES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select the agencies present"},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        not_future(self, "held_on")
        return data


class ProgressForm(FreeTextGuard, forms.Form):
    version = VersionField()
    police_investigation = forms.BooleanField(label="Police investigation", required=False)
    suspended = forms.BooleanField(label="The adult was suspended", required=False)
    social_care_involved = forms.BooleanField(
        label="Children's social care involved", required=False
    )
    delay_reasons = forms.CharField(
        label="Reasons for delay (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example: awaiting the police investigation",
    )


class OutcomeForm(forms.Form):
    version = VersionField()
    outcome = forms.ModelChoiceField(
        label="Outcome",
        queryset=Outcome.objects.filter(active=True),
        required=False,
        widget=forms.RadioSelect,
        empty_label=None,
        help_text="For an allegation that met the threshold",
    )
    concluded_on = _date("Date concluded", "Enter the date the allegation was concluded")
    onward = forms.MultipleChoiceField(
        label="Onward referrals made",
        choices=codes.ONWARD,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, threshold_met: bool | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.threshold_met = threshold_met

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        not_future(self, "concluded_on")
        if self.threshold_met and not data.get("outcome"):
            self.add_error("outcome", "Select the outcome of the allegation")
        if self.threshold_met is False and data.get("outcome"):
            self.add_error("outcome", "An outcome is for an allegation that met the threshold")
        return data


class StandardsForm(forms.Form):
    version = VersionField(required=False)
    decision_days = forms.IntegerField(
        label="Decision within this many working days of receipt",
        min_value=1,
        max_value=20,
        error_messages={"required": "Enter the working days for the decision"},
    )
    meeting_days = forms.IntegerField(
        label="Strategy meeting within this many working days of the decision",
        min_value=1,
        max_value=30,
        error_messages={"required": "Enter the working days for the strategy meeting"},
    )
    first_months = forms.IntegerField(
        label="First conclusion standard, in months",
        min_value=1,
        max_value=36,
        error_messages={"required": "Enter the months"},
    )
    target_months = forms.IntegerField(
        label="Concluded where possible within, in months",
        min_value=1,
        max_value=36,
        error_messages={"required": "Enter the months"},
    )
    longest_months = forms.IntegerField(
        label="Longest standard, in months",
        min_value=1,
        max_value=60,
        error_messages={"required": "Enter the months"},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, target, longest = (
            data.get(n) for n in ("first_months", "target_months", "longest_months")
        )
        if first and target and longest and not first < target < longest:
            self.add_error("target_months", "The three conclusion standards must grow")
        return data


class ListItemForm(FreeTextGuard, forms.Form):
    identifier_fields_allowed = frozenset({"code"})
    kind = _radios(
        "List",
        [("sector", "Employing sectors"), ("outcome", "Outcomes")],
        "Select the list",
    )
    code = forms.SlugField(
        label="Code",
        max_length=40,
        error_messages={"required": "Enter a short code, for example youth_work"},
        help_text="A new code adds an item; an existing one renames or retires it",
    )
    name = forms.CharField(
        label="Name", max_length=120, error_messages={"required": "Enter the name shown"}
    )
    active = forms.BooleanField(label="In use", required=False, initial=True)


class ReferralFilterForm(YearFilterForm):
    status = forms.ChoiceField(
        label="Referrals",
        required=False,
        choices=[
            ("open", "Open"),
            ("overdue", "Open and overdue"),
            ("concluded", "Concluded"),
            ("all", "All"),
        ],
    )
    year = forms.TypedChoiceField(
        label="Reporting year received", required=False, coerce=int, empty_value=None
    )


class EarlierYearForm(FreeTextGuard, forms.Form):
    year = forms.IntegerField(
        label="Reporting year starting in (for example 2012 for 2012-13)",
        min_value=1990,
        max_value=2100,
        error_messages={"required": "Enter the year the reporting year starts in"},
    )
    referrals = forms.IntegerField(label="Referrals (optional)", required=False, min_value=0)
    met_threshold = forms.IntegerField(
        label="Referrals meeting the threshold (optional)", required=False, min_value=0
    )
    source = forms.CharField(
        label="Source (optional)",
        required=False,
        max_length=200,
        help_text="For example, LSCB annual report 2016-17",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("referrals") is None and data.get("met_threshold") is None:
            self.add_error("referrals", "Enter at least one of the two figures")
        return data
