"""LADO forms.  Every form that saves text refuses children's identifiers
(``lib.free_text.FreeTextGuard``); the adult's name is asked for in one field only, marked
restricted, and is optional."""

from __future__ import annotations

from typing import Any

from django import forms

from lineofsight.lado import reference as codes
from lineofsight.lado.models import Outcome, Sector
from lineofsight.lib import formparts as parts
from lineofsight.lib.free_text import FreeTextGuard
from lineofsight.lib.versioning import VersionField


def _sector_field() -> forms.ModelChoiceField:
    return parts.model_choice(
        "Employing sector",
        Sector.objects.filter(active=True),
        "Select the employing sector",
        empty_label="Select a sector",
    )


class ConsultationForm(FreeTextGuard, parts.NotFutureForm):
    dates_not_future = ("consulted_on",)

    consulted_on = parts.date_field(
        "Date of the consultation", "Enter the date of the consultation"
    )
    employer = parts.text_field("Employer or organisation (optional)", max_length=200)
    sector = _sector_field()
    category = parts.radios(
        "Category of concern", codes.Category.choices, "Select the category of concern"
    )
    advice = parts.text_area(
        "Advice given", "Enter the advice given", help_text="Advice only: do not name anyone"
    )


class ReferralForm(FreeTextGuard, parts.NotFutureForm):
    """A referral as received (also the form a consultation becomes a referral through)."""

    dates_not_future = ("received_on",)

    received_on = parts.date_field("Date received", "Enter the date the referral was received")
    referrer = parts.text_field(
        "Referrer's role",
        "Enter the referrer's role, for example Headteacher",
        max_length=120,
        help_text="A role, not a name: for example Headteacher",
    )
    referring_agency = parts.select(
        "Referring agency",
        "Select an agency",
        codes.ReferringAgency.choices,
        "Select the referring agency",
    )
    adult_reference = parts.text_field(
        "The adult's reference",
        "Enter a reference for the adult, for example A-2021-014",
        max_length=40,
        help_text="Use the same reference if the same adult is referred again",
    )
    adult_role = parts.text_field(
        "The adult's role",
        "Enter the adult's role, for example Teaching assistant",
        max_length=120,
    )
    adult_name = parts.text_field(
        "The adult's name (optional, restricted)",
        max_length=200,
        help_text="Seen only by the LADO and the deputy: never in the audit log, a download or "
        "a statistic",
    )
    employer = parts.text_field("Employer", "Enter the employer", max_length=200)
    sector = _sector_field()
    context = parts.radios(
        "Where the conduct took place",
        codes.Context.choices,
        "Select whether the conduct was at work or in private life",
        initial=codes.Context.WORK,
    )
    category = parts.radios(
        "Category of concern", codes.Category.choices, "Select the category of concern"
    )
    summary = parts.text_area(
        "Summary of the allegation (optional)", help_text="No children's names or identifiers"
    )


class EditReferralForm(ReferralForm):
    version = VersionField()


class DecisionForm(parts.NotFutureForm):
    dates_not_future = ("decided_on",)

    version = VersionField()
    threshold_met = forms.TypedChoiceField(
        label="Is the harm threshold met?",
        choices=[("yes", "Yes, the threshold is met"), ("no", "No, the threshold is not met")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the harm threshold is met"},
    )
    decided_on = parts.date_field("Date of the decision", "Enter the date of the decision")
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
        met, criteria = data.get("threshold_met"), data.get("criteria") or []
        if met is True and not criteria:
            self.add_error("criteria", "Select which harm threshold criteria were met")
        if met is False and criteria:
            self.add_error("criteria", "Leave the criteria empty when the threshold is not met")
        decided = data.get("decided_on")
        if decided and self.received_on and decided < self.received_on:
            self.add_error("decided_on", "The decision cannot be before the referral was received")
        return data


class MeetingForm(parts.NotFutureForm):
    dates_not_future = ("held_on",)

    kind = parts.radios(
        "Kind of meeting",
        codes.MeetingKind.choices,
        "Select the kind of meeting",
        initial=codes.MeetingKind.STRATEGY,
    )
    held_on = parts.date_field("Date of the meeting", "Enter the date of the meeting")
    agencies = forms.MultipleChoiceField(
        label="Agencies present",
        choices=codes.MEETING_AGENCIES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select the agencies present"},
    )


class ProgressForm(FreeTextGuard, forms.Form):
    version = VersionField()
    police_investigation = forms.BooleanField(label="Police investigation", required=False)
    suspended = forms.BooleanField(label="The adult was suspended", required=False)
    social_care_involved = forms.BooleanField(
        label="Children's social care involved", required=False
    )
    delay_reasons = parts.text_area(
        "Reasons for delay (optional)",
        rows=3,
        help_text="For example: awaiting the police investigation",
    )


class OutcomeForm(parts.NotFutureForm):
    dates_not_future = ("concluded_on",)

    version = VersionField()
    outcome = forms.ModelChoiceField(
        label="Outcome",
        queryset=Outcome.objects.filter(active=True),
        required=False,
        widget=forms.RadioSelect,
        empty_label=None,
        help_text="For an allegation that met the threshold",
    )
    concluded_on = parts.date_field("Date concluded", "Enter the date the allegation was concluded")
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
        if self.threshold_met and not data.get("outcome"):
            self.add_error("outcome", "Select the outcome of the allegation")
        if self.threshold_met is False and data.get("outcome"):
            self.add_error("outcome", "An outcome is for an allegation that met the threshold")
        return data


class StandardsForm(forms.Form):
    version = VersionField(required=False)
    decision_days = parts.whole_number(
        "Decision within this many working days of receipt",
        "Enter the working days for the decision",
        min_value=1,
        max_value=20,
    )
    meeting_days = parts.whole_number(
        "Strategy meeting within this many working days of the decision",
        "Enter the working days for the strategy meeting",
        min_value=1,
        max_value=30,
    )
    first_months = parts.whole_number(
        "First conclusion standard, in months", "Enter the months", min_value=1, max_value=36
    )
    target_months = parts.whole_number(
        "Concluded where possible within, in months", "Enter the months", min_value=1, max_value=36
    )
    longest_months = parts.whole_number(
        "Longest standard, in months", "Enter the months", min_value=1, max_value=60
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
    kind = parts.radios(
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
    name = parts.text_field("Name", "Enter the name shown", max_length=120)
    active = forms.BooleanField(label="In use", required=False, initial=True)


class ReferralFilterForm(parts.YearFilterForm):
    status = parts.filter_choice(
        "Referrals",
        [
            ("open", "Open"),
            ("overdue", "Open and overdue"),
            ("concluded", "Concluded"),
            ("all", "All"),
        ],
    )
    year = parts.filter_year("Reporting year received")


class EarlierYearForm(FreeTextGuard, forms.Form):
    year = parts.starting_year("reporting", 2012, min_value=1990)
    referrals = parts.whole_number("Referrals (optional)", min_value=0)
    met_threshold = parts.whole_number("Referrals meeting the threshold (optional)", min_value=0)
    source = parts.text_field(
        "Source (optional)", max_length=200, help_text="For example, LSCB annual report 2016-17"
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("referrals") is None and data.get("met_threshold") is None:
            self.add_error("referrals", "Enter at least one of the two figures")
        return data
