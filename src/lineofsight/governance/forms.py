"""Governance forms.  Every form that saves text refuses identifiers
(``lib.free_text.FreeTextGuard``): minutes, report titles and findings are partnership business,
never about a named child.  A form built without its partnership (the guard's tests) offers no
agencies, groups or reviews."""

from __future__ import annotations

from typing import Any

from django import forms

from lineofsight.actions.models import LearningTheme
from lineofsight.calendar import years as calendar_years
from lineofsight.governance.models import (
    AssuranceReport,
    Attendance,
    Group,
    Inspection,
    InspectionFinding,
    Spending,
)
from lineofsight.govuk.fields import GovukDateField
from lineofsight.lib.formparts import checkboxes, not_future
from lineofsight.lib.free_text import FreeTextGuard
from lineofsight.lib.versioning import VersionField
from lineofsight.partnership.models import Agency, Partnership


def _date(label: str, message: str | None = None) -> GovukDateField:
    if message is None:
        return GovukDateField(label=label, required=False)
    return GovukDateField(label=label, error_messages={"required": message})


def _agencies(partnership: Partnership | None) -> Any:
    if partnership is None:
        return Agency.objects.none()
    return partnership.agencies.filter(retired_on__isnull=True).order_by("name")


def _groups(partnership: Partnership | None) -> Any:
    if partnership is None:
        return Group.objects.none()
    return Group.objects.filter(partnership=partnership).order_by("kind", "name")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _themes() -> forms.ModelMultipleChoiceField:
    return checkboxes("Learning themes (optional)", LearningTheme.objects.order_by("name"))


class SettingsForm(FreeTextGuard, forms.Form):
    version = VersionField(required=False)
    consecutive_misses = forms.IntegerField(
        label="Flag a member agency that has missed this many meetings in a row",
        min_value=1,
        max_value=12,
        error_messages={"required": "Enter the number of meetings"},
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-3"}),
    )
    assurance_scale = forms.CharField(
        label="Assurance grades, the strongest first",
        help_text="One grade a line, for example Substantial assurance",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Enter the grades, one a line"},
    )


class GroupForm(FreeTextGuard, forms.Form):
    name = forms.CharField(
        label="Name", max_length=120, error_messages={"required": "Enter the group's name"}
    )
    kind = forms.ChoiceField(
        label="Kind of group",
        choices=Group.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the kind of group"},
    )
    purpose = forms.CharField(
        label="Purpose (optional)", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class MemberForm(FreeTextGuard, forms.Form):
    agency = forms.ModelChoiceField(
        label="Agency",
        queryset=Agency.objects.none(),
        empty_label="Select an agency",
        error_messages={"required": "Select the agency"},
    )
    role = forms.CharField(
        label="Role on the group",
        max_length=120,
        help_text="For example Chief Superintendent, Designated nurse, Director of children's "
        "services",
        error_messages={"required": "Enter the member's role"},
    )
    attendance_required = forms.BooleanField(
        label="Watch this agency's attendance (the statutory partners' is always watched)",
        required=False,
    )

    def __init__(self, *args: Any, partnership: Partnership | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = _agencies(partnership)  # type: ignore[attr-defined]


class MeetingForm(FreeTextGuard, forms.Form):
    held_on = _date("Date of the meeting", "Enter the date of the meeting")
    agenda = forms.CharField(
        label="Agenda items (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="One item a line",
    )
    decisions = forms.CharField(
        label="Decisions (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="One decision a line; raise actions from them on the meeting's page",
    )
    notes = forms.CharField(
        label="Notes (optional)", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, members: list[Agency] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.members = list(members or [])
        for agency in self.members:
            self.fields[f"agency_{agency.pk}"] = forms.ChoiceField(
                label=f"Attendance: {agency.name}",
                choices=[("", "Select"), *Attendance.Status.choices],
                error_messages={"required": f"Select whether {agency.name} attended"},
            )

    def attendance(self) -> dict[Agency, str]:
        return {a: self.cleaned_data[f"agency_{a.pk}"] for a in self.members}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        not_future(self, "held_on")
        return data

    def meeting_data(self) -> dict[str, Any]:
        return {
            "held_on": self.cleaned_data["held_on"],
            "attendance": self.attendance(),
            "agenda": _lines(self.cleaned_data.get("agenda") or ""),
            "decisions": _lines(self.cleaned_data.get("decisions") or ""),
            "notes": self.cleaned_data.get("notes") or "",
        }


def _grade_field(grades: list[str]) -> forms.ChoiceField:
    return forms.ChoiceField(
        label="Assurance the board took from it (optional)",
        required=False,
        choices=[("", "Not graded yet"), *[(g, g) for g in grades]],
    )


class ReportForm(FreeTextGuard, forms.Form):
    title = forms.CharField(
        label="Title", max_length=200, error_messages={"required": "Enter the report's title"}
    )
    kind = forms.ChoiceField(
        label="Kind of report",
        choices=[("", "Select a kind"), *AssuranceReport.Kind.choices],
        error_messages={"required": "Select the kind of report"},
    )
    agency = forms.ModelChoiceField(
        label="Agency reporting",
        queryset=Agency.objects.none(),
        empty_label="Select an agency",
        error_messages={"required": "Select the agency reporting"},
    )
    group = forms.ModelChoiceField(
        label="Received by",
        queryset=Group.objects.none(),
        empty_label="Select a group",
        error_messages={"required": "Select the group that receives it"},
    )
    due_on = _date("Date due", "Enter the date the report is due")
    received_on = _date("Date received (optional)")
    grade = forms.ChoiceField(required=False)
    questions = forms.CharField(
        label="Questions the board raised (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(
        self,
        *args: Any,
        partnership: Partnership | None = None,
        grades: list[str] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = _agencies(partnership)  # type: ignore[attr-defined]
        self.fields["group"].queryset = _groups(partnership)  # type: ignore[attr-defined]
        self.fields["grade"] = _grade_field(grades or [])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        not_future(self, "received_on")
        return data


class ReceiveForm(FreeTextGuard, forms.Form):
    version = VersionField()
    received_on = _date("Date received", "Enter the date the report was received")
    grade = forms.ChoiceField(required=False)
    questions = forms.CharField(
        label="Questions the board raised (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args: Any, grades: list[str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["grade"] = _grade_field(grades or [])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        not_future(self, "received_on")
        return data


class InspectionForm(FreeTextGuard, forms.Form):
    title = forms.CharField(
        label="Title",
        max_length=200,
        help_text="For example Joint targeted area inspection: children's mental health",
        error_messages={"required": "Enter the inspection's title"},
    )
    kind = forms.ChoiceField(
        label="Kind",
        choices=[("", "Select a kind"), *Inspection.Kind.choices],
        error_messages={"required": "Select the kind of inspection or review"},
    )
    started_on = _date("Date it started", "Enter the date the inspection started")
    reported_on = _date("Date of the report (optional)")
    judgement = forms.CharField(
        label="Overall judgement (optional)", required=False, max_length=120
    )


class FindingForm(FreeTextGuard, forms.Form):
    kind = forms.ChoiceField(
        label="Kind of finding",
        choices=InspectionFinding.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the kind of finding"},
    )
    text = forms.CharField(
        label="Finding",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter the finding"},
    )
    themes = _themes()


class FundingYearForm(forms.Form):
    year = forms.IntegerField(
        label="Financial year starting in (for example 2020 for 2020-21)",
        min_value=2000,
        max_value=2100,
        error_messages={"required": "Enter the year the financial year starts in"},
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-4"}),
    )
    brought_forward = forms.DecimalField(
        label="Balance brought forward (£)",
        max_digits=11,
        decimal_places=2,
        error_messages={"required": "Enter the balance brought forward (0 if none)"},
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-10"}),
    )


def _money(label: str, required: bool = True) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        max_digits=11,
        decimal_places=2,
        min_value=0,
        required=required,
        error_messages={"required": f"Enter the {label.split(' (')[0].lower()}"},
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-10"}),
    )


class ContributionForm(FreeTextGuard, forms.Form):
    agency = forms.ModelChoiceField(
        label="Partner",
        queryset=Agency.objects.none(),
        empty_label="Select a partner",
        error_messages={"required": "Select the partner"},
    )
    money = _money("Financial contribution (£)")
    in_kind = _money("Value of contributions in kind (£, optional)", required=False)
    in_kind_description = forms.CharField(
        label="What was given in kind (optional)",
        required=False,
        max_length=300,
        help_text="For example a seconded analyst two days a week, meeting rooms",
    )

    def __init__(self, *args: Any, partnership: Partnership | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = _agencies(partnership)  # type: ignore[attr-defined]


class SpendingForm(forms.Form):
    area = forms.ChoiceField(
        label="Area",
        choices=[("", "Select an area"), *Spending.Area.choices],
        error_messages={"required": "Select the area"},
    )
    amount = _money("Amount spent (£)")


class ProcedureForm(FreeTextGuard, forms.Form):
    version = VersionField(required=False)
    title = forms.CharField(
        label="Procedure", max_length=200, error_messages={"required": "Enter the procedure"}
    )
    owner_agency = forms.ModelChoiceField(
        label="Owning agency",
        queryset=Agency.objects.none(),
        empty_label="Select an agency",
        error_messages={"required": "Select the agency that owns it"},
    )
    owner_role = forms.CharField(label="Owner's role (optional)", required=False, max_length=120)
    last_reviewed_on = _date("Date last reviewed", "Enter the date it was last reviewed")
    next_review_on = _date("Date the next review is due", "Enter the date the next review is due")
    changes = forms.CharField(
        label="What changed at the last review (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    themes = _themes()
    prompted_by = forms.ModelMultipleChoiceField(
        label="Case reviews that prompted changes (optional)",
        queryset=LearningTheme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(
        self,
        *args: Any,
        partnership: Partnership | None = None,
        reviews: Any = None,
        review_only: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner_agency"].queryset = _agencies(partnership)  # type: ignore[attr-defined]
        if reviews is not None:
            self.fields["prompted_by"].queryset = reviews  # type: ignore[attr-defined]
        if review_only:
            for name in ("title", "owner_agency", "owner_role"):
                del self.fields[name]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        not_future(self, "last_reviewed_on")
        return data


# ---- filters ----


class ReportFilterForm(forms.Form):
    status = forms.ChoiceField(
        label="Reports",
        required=False,
        choices=[
            ("", "All"),
            ("overdue", "Overdue"),
            ("awaited", "Not yet received"),
            ("received", "Received"),
            ("ungraded", "Received, not graded"),
        ],
    )
    kind = forms.ChoiceField(
        label="Kind", required=False, choices=[("", "Any kind"), *AssuranceReport.Kind.choices]
    )


def year_choices(years: list[int], start_month: int = 4) -> list[tuple[Any, str]]:
    return [(y, calendar_years.year_label(y, start_month)) for y in years]


class YearFilterForm(forms.Form):
    year = forms.TypedChoiceField(
        label="Financial year", required=False, coerce=int, empty_value=None
    )
    group = forms.TypedChoiceField(label="Group", required=False, coerce=int, empty_value=None)

    def __init__(
        self,
        *args: Any,
        years: list[int],
        partnership: Partnership | None = None,
        any_year: bool = True,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        first = [("", "Every year")] if any_year else []
        month = partnership.financial_year_start_month if partnership else 4
        self.fields["year"].choices = first + year_choices(years, month)  # type: ignore[attr-defined]
        self.fields["group"].choices = [("", "Every group")] + [  # type: ignore[attr-defined]
            (g.pk, g.name) for g in _groups(partnership)
        ]


class ProcedureFilterForm(forms.Form):
    status = forms.ChoiceField(
        label="Procedures",
        required=False,
        choices=[("", "All"), ("overdue", "Overdue for review")],
    )
