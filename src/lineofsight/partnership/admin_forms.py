"""Forms of the administration pages (agencies, users, population, financial year, returns)."""

from __future__ import annotations

from django import forms

from lineofsight.govuk.fields import GovukDateField, set_choices
from lineofsight.lib.free_text import FreeTextGuard
from lineofsight.partnership.models import Agency
from lineofsight.partnership.roles import Role

MONTHS = [
    (1, "January"), (2, "February"), (3, "March"), (4, "April"), (5, "May"), (6, "June"),
    (7, "July"), (8, "August"), (9, "September"), (10, "October"), (11, "November"),
    (12, "December"),
]  # fmt: skip


class AgencyForm(FreeTextGuard, forms.Form):
    name = forms.CharField(
        label="Name", max_length=200, error_messages={"required": "Enter the agency's name"}
    )
    kind = forms.ChoiceField(
        label="Kind of agency",
        choices=Agency.Kind.choices,
        error_messages={"required": "Choose the kind of agency"},
    )


class NewAgencyForm(AgencyForm):
    identifier_fields_allowed = frozenset({"code"})

    code = forms.SlugField(
        label="Short code",
        max_length=40,
        help_text="Lower-case letters, numbers, hyphens or underscores, for example 'police'. "
        "Partner returns name the agency by this code; it cannot be changed later",
        error_messages={
            "required": "Enter a short code for the agency",
            "invalid": "Use only lower-case letters, numbers, hyphens and underscores",
        },
    )


def _agency_field() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label="Agency",
        queryset=Agency.objects.filter(retired_on__isnull=True),
        empty_label="Choose an agency",
        error_messages={"required": "Choose the agency they work for"},
    )


def _roles_field() -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label="Roles",
        choices=Role.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one role"},
    )


class PersonForm(FreeTextGuard, forms.Form):
    identifier_fields_allowed = frozenset({"email"})

    first_name = forms.CharField(label="First name", max_length=150, required=False)
    last_name = forms.CharField(label="Last name", max_length=150, required=False)
    email = forms.EmailField(
        label="Email address",
        error_messages={
            "required": "Enter their email address",
            "invalid": "Enter an email address like name@example.org",
        },
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["agency"] = _agency_field()
        self.fields["roles"] = _roles_field()


class InviteForm(PersonForm):
    identifier_fields_allowed = frozenset({"email", "username"})

    username = forms.CharField(
        label="Username",
        max_length=150,
        help_text="What they type to sign in, for example j.smith",
        error_messages={"required": "Enter a username"},
    )
    field_order = ["username", "first_name", "last_name", "email"]


class UserForm(PersonForm):
    is_active = forms.BooleanField(
        label="Can sign in (untick to deactivate the account; its history is kept)",
        required=False,
    )


class PopulationForm(forms.Form):
    year = forms.IntegerField(
        label="Mid-year",
        min_value=2000,
        max_value=2100,
        error_messages={"required": "Enter the year of the estimate, for example 2024"},
    )
    under_18 = forms.IntegerField(
        label="Children under 18",
        min_value=1,
        help_text="The ONS mid-year estimate for the partnership's area",
        error_messages={"required": "Enter the number of children under 18"},
    )


class FinancialYearForm(forms.Form):
    month = forms.TypedChoiceField(
        label="The financial year starts on the first of",
        choices=MONTHS,
        coerce=int,
        error_messages={"required": "Choose the month the financial year starts"},
    )


class StandardYearForm(forms.Form):
    start_year = forms.IntegerField(
        label="The year starting in",
        min_value=2000,
        max_value=2100,
        help_text="The calendar year in which the partnership's year starts, for example 2026",
        error_messages={
            "required": "Enter the year the partnership's year starts in",
            "invalid": "Enter the year as four digits, for example 2026",
            "min_value": "Enter a year from 2000",
            "max_value": "Enter a year before 2100",
        },
    )


class AgencyReturnsForm(forms.Form):
    formats = forms.MultipleChoiceField(
        label="Returns this agency submits",
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Leave all unticked to use the default for the kind of agency",
    )

    def __init__(self, *args: object, choices: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        set_choices(self, "formats", choices)


class ReturnDueForm(FreeTextGuard, forms.Form):
    identifier_fields_allowed = frozenset({"period"})

    period = forms.CharField(
        label="Period",
        max_length=40,
        help_text="How people name it, for example 2025-26 or Q2 2026-27",
        error_messages={"required": "Enter the period the return covers"},
    )
    period_start = GovukDateField(
        label="Period starts",
        help_text="A submission before this date does not count for this period",
        error_messages={"required": "Enter the date the period starts"},
    )
    due_on = GovukDateField(
        label="Due by", error_messages={"required": "Enter the date the return is due"}
    )

    def __init__(self, *args: object, formats: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["agency"] = _agency_field()
        self.fields["format"] = forms.ChoiceField(
            label="Return", choices=formats, error_messages={"required": "Choose the return"}
        )
        self.order_fields(["agency", "format", "period", "period_start", "due_on"])

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        start, due = data.get("period_start"), data.get("due_on")
        if start and due and due < start:
            self.add_error("due_on", "The due date must be on or after the period starts")
        return data
