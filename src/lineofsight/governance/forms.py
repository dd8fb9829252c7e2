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
from lineofsight.govuk.fields import limit_choices, set_choices
from lineofsight.lib import formparts as parts
from lineofsight.lib.free_text import FreeTextGuard
from lineofsight.lib.versioning import VersionField
from lineofsight.partnership.models import Agency, Partnership


def _groups(partnership: Partnership | None) -> Any:
    if partnership is None:
        return Group.objects.none()
    return Group.objects.filter(partnership=partnership).order_by("kind", "name")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _themes() -> forms.ModelMultipleChoiceField:
    return parts.checkboxes("Learning themes (optional)", LearningTheme.objects.order_by("name"))


class SettingsForm(FreeTextGuard, forms.Form):
    version = VersionField(required=False)
    consecutive_misses = parts.whole_number(
        "Flag a member agency that has missed this many meetings in a row",
        "Enter the number of meetings",
        min_value=1,
        max_value=12,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-3"}),
    )
    assurance_scale = parts.text_area(
        "Assurance grades, the strongest first",
        "Enter the grades, one a line",
        rows=5,
        help_text="One grade a line, for example Substantial assurance",
    )


class GroupForm(FreeTextGuard, forms.Form):
    name = parts.text_field("Name", "Enter the group's name", max_length=120)
    kind = parts.radios("Kind of group", Group.Kind.choices, "Select the kind of group")
    purpose = parts.text_area("Purpose (optional)", rows=3)


class MemberForm(FreeTextGuard, parts.AgencyChoicesForm):
    current_agencies = True

    agency = parts.agency_choice("Agency", "Select the agency")
    role = parts.text_field(
        "Role on the group",
        "Enter the member's role",
        max_length=120,
        help_text="For example Chief Superintendent, Designated nurse, Director of children's "
        "services",
    )
    attendance_required = forms.BooleanField(
        label="Watch this agency's attendance (the statutory partners' is always watched)",
        required=False,
    )


class MeetingForm(FreeTextGuard, parts.NotFutureForm):
    dates_not_future = ("held_on",)

    held_on = parts.date_field("Date of the meeting", "Enter the date of the meeting")
    agenda = parts.text_area("Agenda items (optional)", help_text="One item a line")
    decisions = parts.text_area(
        "Decisions (optional)",
        help_text="One decision a line; raise actions from them on the meeting's page",
    )
    notes = parts.text_area("Notes (optional)", rows=3)

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


def _questions(rows: int) -> forms.CharField:
    return parts.text_area("Questions the board raised (optional)", rows=rows)


class ReportForm(FreeTextGuard, parts.NotFutureForm):
    dates_not_future = ("received_on",)

    title = parts.text_field("Title", "Enter the report's title", max_length=200)
    kind = parts.select(
        "Kind of report", "Select a kind", AssuranceReport.Kind.choices, "Select the kind of report"
    )
    agency = parts.agency_choice("Agency reporting", "Select the agency reporting")
    group = parts.model_choice(
        "Received by",
        Group.objects.none(),
        "Select the group that receives it",
        empty_label="Select a group",
    )
    due_on = parts.date_field("Date due", "Enter the date the report is due")
    received_on = parts.date_field("Date received (optional)")
    grade = forms.ChoiceField(required=False)
    questions = _questions(rows=3)

    def __init__(
        self,
        *args: Any,
        partnership: Partnership | None = None,
        grades: list[str] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "agency", parts.agencies_of(partnership, current=True))
        limit_choices(self, "group", _groups(partnership))
        self.fields["grade"] = _grade_field(grades or [])


class ReceiveForm(FreeTextGuard, parts.NotFutureForm):
    dates_not_future = ("received_on",)

    version = VersionField()
    received_on = parts.date_field("Date received", "Enter the date the report was received")
    grade = forms.ChoiceField(required=False)
    questions = _questions(rows=4)

    def __init__(self, *args: Any, grades: list[str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["grade"] = _grade_field(grades or [])


class InspectionForm(FreeTextGuard, forms.Form):
    title = parts.text_field(
        "Title",
        "Enter the inspection's title",
        max_length=200,
        help_text="For example Joint targeted area inspection: children's mental health",
    )
    kind = parts.select(
        "Kind", "Select a kind", Inspection.Kind.choices, "Select the kind of inspection or review"
    )
    started_on = parts.date_field("Date it started", "Enter the date the inspection started")
    reported_on = parts.date_field("Date of the report (optional)")
    judgement = parts.text_field("Overall judgement (optional)", max_length=120)


class FindingForm(FreeTextGuard, forms.Form):
    kind = parts.radios(
        "Kind of finding", InspectionFinding.Kind.choices, "Select the kind of finding"
    )
    text = parts.text_area("Finding", "Enter the finding")
    themes = _themes()


class FundingYearForm(forms.Form):
    year = parts.starting_year(
        "financial",
        2020,
        min_value=2000,
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


class ContributionForm(FreeTextGuard, parts.AgencyChoicesForm):
    current_agencies = True

    agency = parts.agency_choice("Partner", "Select the partner", empty_label="Select a partner")
    money = _money("Financial contribution (£)")
    in_kind = _money("Value of contributions in kind (£, optional)", required=False)
    in_kind_description = parts.text_field(
        "What was given in kind (optional)",
        max_length=300,
        help_text="For example a seconded analyst two days a week, meeting rooms",
    )


class SpendingForm(forms.Form):
    area = parts.select("Area", "Select an area", Spending.Area.choices, "Select the area")
    amount = _money("Amount spent (£)")


class ProcedureForm(FreeTextGuard, parts.NotFutureForm):
    dates_not_future = ("last_reviewed_on",)

    version = VersionField(required=False)
    title = parts.text_field("Procedure", "Enter the procedure", max_length=200)
    owner_agency = parts.agency_choice("Owning agency", "Select the agency that owns it")
    owner_role = parts.text_field("Owner's role (optional)", max_length=120)
    last_reviewed_on = parts.date_field("Date last reviewed", "Enter the date it was last reviewed")
    next_review_on = parts.date_field(
        "Date the next review is due", "Enter the date the next review is due"
    )
    changes = parts.text_area("What changed at the last review (optional)", rows=3)
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
        limit_choices(self, "owner_agency", parts.agencies_of(partnership, current=True))
        if reviews is not None:
            limit_choices(self, "prompted_by", reviews)
        if review_only:
            for name in ("title", "owner_agency", "owner_role"):
                del self.fields[name]


# ---- filters ----


class ReportFilterForm(forms.Form):
    status = parts.filter_choice(
        "Reports",
        [
            ("", "All"),
            ("overdue", "Overdue"),
            ("awaited", "Not yet received"),
            ("received", "Received"),
            ("ungraded", "Received, not graded"),
        ],
    )
    kind = parts.filter_choice("Kind", [("", "Any kind"), *AssuranceReport.Kind.choices])


def year_choices(years: list[int], start_month: int = 4) -> list[tuple[Any, str]]:
    return [(y, calendar_years.year_label(y, start_month)) for y in years]


class YearFilterForm(forms.Form):
    year = parts.filter_year("Financial year")
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
        set_choices(self, "year", first + year_choices(years, month))
        set_choices(
            self, "group", [("", "Every group")] + [(g.pk, g.name) for g in _groups(partnership)]
        )


class ProcedureFilterForm(forms.Form):
    status = parts.filter_choice("Procedures", [("", "All"), ("overdue", "Overdue for review")])
