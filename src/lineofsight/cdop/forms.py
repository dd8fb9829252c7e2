"""CDOP forms.  Every form that saves text refuses identifiers (``lib.free_text.FreeTextGuard``:
UPNs, NHS numbers, LA child ids, postcodes) and dates of birth (``check_free_text``); the
reference must be a pseudonym (``check_reference``).  A form built without its partnership (the
guard's tests) offers no agencies or meetings."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from lineofsight.actions.models import LearningTheme
from lineofsight.cdop import reference as codes
from lineofsight.cdop.models import DeathCategory, PanelMeeting
from lineofsight.cdop.presentation import COMPARATOR_MEASURES
from lineofsight.govuk.fields import limit_choices
from lineofsight.lib import formparts as parts
from lineofsight.lib.free_text import FreeTextGuard
from lineofsight.lib.versioning import VersionField
from lineofsight.partnership.models import Agency, Partnership
from lineofsight.reviews.pseudonyms import check_free_text, check_reference

NO_IDENTIFIERS = "No names, dates of birth or identifiers"


def _free_text(label: str, message: str | None = None, **kwargs: Any) -> forms.CharField:
    """A textarea of three rows whose text holds no date of birth (``check_free_text``)."""
    return parts.text_area(label, message, rows=3, validators=[check_free_text], **kwargs)


class DeathForm(FreeTextGuard, parts.NotFutureForm):
    """Record a death from its notification (NCMD notification form)."""

    dates_not_future = ("died_on", "notified_on", "jar_on")

    reference = forms.CharField(
        label="Pseudonymous reference",
        max_length=60,
        validators=[check_reference],
        error_messages={"required": "Enter a pseudonymous reference, for example Child D 104"},
        help_text='Never a name or NHS number: for example "Child D 104"',
    )
    died_on = parts.date_field(
        "Date of death", "Enter the date of death", help_text="For example, 27 3 2021"
    )
    notified_on = parts.date_field(
        "Date the CDOP was notified", "Enter the date the CDOP was notified"
    )
    age_band = parts.select(
        "Age at death", "Select an age band", codes.AgeBand.choices, "Select the age at death"
    )
    age_days = forms.IntegerField(
        label="Age in days (optional, under one year)", required=False, min_value=0, max_value=364
    )
    age_years = forms.IntegerField(
        label="Age in completed years (optional)", required=False, min_value=0, max_value=17
    )
    sex = parts.radios("Sex", codes.Sex.choices, "Select the child's sex")
    ethnicity = forms.ChoiceField(
        label="Ethnicity",
        choices=codes.Ethnicity.choices,
        initial=codes.Ethnicity.NOT_KNOWN,
        error_messages={"required": "Select the child's ethnicity (or Not known)"},
    )
    residence = parts.radios(
        "Area of residence",
        codes.Residence.choices,
        "Select where the child lived",
        initial=codes.Residence.THIS_AREA,
    )
    place_of_death = parts.radios(
        "Place of death", codes.PlaceOfDeath.choices, "Select the place of death"
    )
    expectation = parts.radios(
        "Was the death expected?",
        codes.Expectation.choices,
        "Select whether the death was expected",
    )
    jar_held = forms.BooleanField(label="A joint agency response was held", required=False)
    jar_on = parts.date_field("Date of the joint agency response (optional)")
    looked_after = forms.BooleanField(label="The child was looked after", required=False)
    known_to_social_care = forms.BooleanField(
        label="The child was known to children's social care", required=False
    )
    rapid_review = forms.BooleanField(
        label="A serious incident notification or rapid review was made", required=False
    )
    summary = _free_text("Summary (optional)", help_text=NO_IDENTIFIERS)


class DeathEditForm(DeathForm):
    """Correct a death's notification details (the panel's analysis has its own page)."""

    version = VersionField()


class AgencyReportForm(parts.AgencyChoicesForm, parts.NotFutureForm):
    dates_not_future = ("requested_on", "returned_on")

    agency = parts.agency_choice("Agency", "Select the agency asked for its report")
    requested_on = parts.date_field(
        "Date the report was asked for", "Enter the date the report was asked for"
    )
    returned_on = parts.date_field("Date the report was returned (optional)")


class ReportReturnedForm(parts.NotFutureForm):
    dates_not_future = ("returned_on",)

    returned_on = parts.date_field(
        "Date the report was returned", "Enter the date the report was returned"
    )


class MeetingForm(FreeTextGuard, parts.NotFutureForm):
    dates_not_future = ("held_on",)

    held_on = parts.date_field("Date of the meeting", "Enter the date of the meeting")
    notes = _free_text("Notes (optional)", help_text=NO_IDENTIFIERS)

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.agencies = list(parts.agencies_of(partnership))
        for agency in self.agencies:
            self.fields[f"agency_{agency.pk}"] = forms.IntegerField(
                label=f"Members present from {agency.name}",
                required=False,
                min_value=0,
                max_value=30,
                widget=forms.NumberInput(attrs={"class": "govuk-input--width-3"}),
            )

    def attendance(self) -> dict[Agency, int]:
        return {a: self.cleaned_data.get(f"agency_{a.pk}") or 0 for a in self.agencies}


def _factor_field(domain: str, label: str) -> forms.CharField:
    return _free_text(
        label,
        help_text='One factor a line, its grade first: for example "2 Unsafe sleeping '
        'arrangement". 0: information not available; 1: unlikely to have contributed; 2: may '
        "have contributed",
    )


FACTOR_FIELDS = {f"factors_{code}": code for code, _ in codes.Domain.choices}


class PanelReviewForm(FreeTextGuard, parts.NotFutureForm):
    """The panel's analysis (NCMD Analysis form): meeting, category, factors, outcome, closing."""

    dates_not_future = ("cdr_meeting_on",)

    version = VersionField()
    panel_meeting = parts.model_choice(
        "Panel meeting that reviewed the death",
        PanelMeeting.objects.none(),
        empty_label="Not yet reviewed by the panel",
    )
    cdr_meeting_on = parts.date_field("Date of the child death review meeting (optional)")
    category = parts.model_choice(
        "Category of death",
        DeathCategory.objects.filter(active=True),
        empty_label="Not yet decided",
    )
    factors_intrinsic = _factor_field("intrinsic", "Factors intrinsic to the child")
    factors_family = _factor_field(
        "family", "Factors in the family and social environment (including parenting capacity)"
    )
    factors_physical = _factor_field("physical", "Factors in the physical environment")
    factors_service = _factor_field("service", "Factors in service provision")
    outcome = forms.ChoiceField(
        label="The panel's conclusion",
        choices=[("", "Not yet decided"), *codes.Outcome.choices],
        required=False,
    )
    close = forms.BooleanField(label="The review is complete: close the case", required=False)

    def __init__(
        self,
        *args: Any,
        partnership: Partnership,
        reviewed_on: dt.date | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.reviewed_on = reviewed_on
        limit_choices(self, "panel_meeting", PanelMeeting.objects.filter(partnership=partnership))

    def clean(self) -> dict[str, Any]:
        from lineofsight.cdop.services import parse_factor_lines

        data = super().clean() or {}
        factors = []
        for name, domain in FACTOR_FIELDS.items():
            try:
                factors += parse_factor_lines(domain, data.get(name) or "")
            except forms.ValidationError as error:
                self.add_error(name, error)
        data["factors"] = factors
        if data.get("close") and not (data.get("panel_meeting") or self.reviewed_on):
            self.add_error("panel_meeting", "Choose the panel meeting before closing the case")
        return data


class LearningPointForm(FreeTextGuard, parts.AgencyChoicesForm):
    text = _free_text("Learning point", "Enter what the panel learned")
    agency = parts.agency_choice("Agency it is for (optional)", empty_label="The whole partnership")
    themes = parts.checkboxes("Learning themes", LearningTheme.objects.order_by("name"))


class ComparatorForm(FreeTextGuard, forms.Form):
    year = parts.starting_year("reporting", 2020, min_value=2008)
    measure = parts.select(
        "Measure", "Select a measure", COMPARATOR_MEASURES.items(), "Select the measure"
    )
    value = forms.DecimalField(
        label="National figure",
        max_digits=7,
        decimal_places=1,
        min_value=0,
        error_messages={"required": "Enter the national figure"},
    )
    source = parts.text_field(
        "Source (optional)",
        max_length=200,
        help_text="For example, NCMD child death review data release, year ending 31 March 2021",
    )


class AlertSettingsForm(forms.Form):
    version = VersionField(required=False)
    agency_report_weeks = parts.whole_number(
        "Flag a case when no agency report is returned after this many weeks",
        "Enter the number of weeks",
        min_value=1,
        max_value=52,
    )
    open_warning_months = parts.whole_number(
        "First warning: open this many months after the death",
        "Enter the months for the first warning",
        min_value=1,
        max_value=36,
    )
    open_overdue_months = parts.whole_number(
        "Overdue: open this many months after the death",
        "Enter the months after which a case is overdue",
        min_value=1,
        max_value=36,
    )


class CaseFilterForm(parts.YearFilterForm):
    status = parts.filter_choice(
        "Cases",
        [("open", "Open"), ("overdue", "Open with an alert"), ("closed", "Closed"), ("all", "All")],
    )
    year = parts.filter_year("Reporting year of the death")
