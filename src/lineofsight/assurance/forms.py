"""Forms for the assurance pages (GOV.UK rendered by ``field``); edit forms carry a version."""

from __future__ import annotations

from typing import Any

from django import forms

from lineofsight.actions.models import LearningTheme
from lineofsight.assurance import standards
from lineofsight.assurance.models import (
    Audit,
    AuditCase,
    Challenge,
    Finding,
    Grade,
    Rating,
    Section11Round,
)
from lineofsight.govuk.fields import GovukDateField, limit_choices, set_choices
from lineofsight.indicators.catalogue import CATALOGUE
from lineofsight.lib.formparts import YearFilterForm, checkboxes
from lineofsight.lib.free_text import FreeTextGuard
from lineofsight.lib.versioning import VersionField
from lineofsight.partnership.models import Agency, Partnership

TEXTAREA = {"rows": 4}


def _agencies(partnership: Partnership | None) -> Any:
    return Agency.objects.filter(partnership=partnership).order_by("name")


def _themes_field() -> forms.ModelMultipleChoiceField:
    return checkboxes("Learning themes (optional)", LearningTheme.objects.order_by("name"))


# audits ---------------------------------------------------------------------------------------


class AuditFilterForm(YearFilterForm):
    any_year = "Any"

    text = forms.CharField(label="Title or theme", required=False)
    year = forms.TypedChoiceField(
        label="Financial year", required=False, coerce=int, empty_value=None
    )
    status = forms.ChoiceField(
        label="Status", required=False, choices=[("", "Any")] + Audit.Status.choices
    )


def indicator_choices() -> list[tuple[str, str]]:
    """Every catalogue indicator by title, for linking an audit to the figures it looks into."""
    return sorted(((spec.id, spec.title) for spec in CATALOGUE.values()), key=lambda c: c[1])


class AuditForm(FreeTextGuard, forms.Form):
    title = forms.CharField(error_messages={"required": "Enter the audit's title"}, max_length=200)
    theme = forms.CharField(
        error_messages={"required": "Enter the audit's theme"},
        max_length=120,
        help_text="For example neglect, thresholds, CSE",
    )
    year = forms.IntegerField(
        error_messages={"required": "Enter the financial year the audit starts in"},
        label="Financial year",
        min_value=2000,
        max_value=2100,
        help_text="The year it starts: 2016 for 2016-17",
    )
    quarter = forms.TypedChoiceField(
        error_messages={"required": "Select the quarter"},
        coerce=int,
        choices=[(q, f"Q{q}") for q in range(1, 5)],
        widget=forms.RadioSelect,
        help_text="Q1 is April to June",
    )
    lead = forms.CharField(
        error_messages={"required": "Enter the audit lead"}, label="Audit lead", max_length=120
    )
    lead_agency: forms.ModelChoiceField[Agency] = forms.ModelChoiceField(
        label="Lead agency (optional)", queryset=None, required=False, empty_label="None"
    )
    expert = forms.CharField(label="Theme expert (optional)", max_length=120, required=False)
    original: forms.ModelChoiceField[Audit] = forms.ModelChoiceField(
        label="Re-audit of (optional)",
        queryset=None,
        required=False,
        empty_label="Not a re-audit",
        help_text="For a re-audit, the audit it follows up",
    )
    purpose = forms.CharField(
        label="Purpose (optional)", required=False, widget=forms.Textarea(attrs=TEXTAREA)
    )
    summary = forms.CharField(
        label="What the audit found (optional)",
        required=False,
        widget=forms.Textarea(attrs=TEXTAREA),
    )
    status = forms.ChoiceField(
        error_messages={"required": "Select the audit's status"},
        choices=Audit.Status.choices,
        widget=forms.RadioSelect,
    )
    themes = _themes_field()
    indicators = forms.MultipleChoiceField(
        label="Indicators it looks into (optional)",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="The audit is listed on each indicator's page, under what is being done",
    )

    def __init__(
        self,
        *args: Any,
        partnership: Partnership | None,
        exclude_pk: int | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["themes"] = _themes_field()
        set_choices(self, "indicators", indicator_choices())
        limit_choices(self, "lead_agency", _agencies(partnership))
        originals = Audit.objects.filter(partnership=partnership)
        if exclude_pk:
            originals = originals.exclude(pk=exclude_pk)
        limit_choices(self, "original", originals)


class EditAuditForm(AuditForm):
    version = VersionField()


class CaseForm(FreeTextGuard, forms.Form):
    reference = forms.CharField(
        error_messages={"required": "Enter the case reference"},
        label="Case reference",
        max_length=24,
        help_text="Pseudonymous reference only, for example MAA-2016-01. Never a name.",
    )
    case_type = forms.ChoiceField(
        error_messages={"required": "Select the type of case"},
        label="Type of case",
        choices=AuditCase.CaseType.choices,
        widget=forms.RadioSelect,
    )
    notes = forms.CharField(
        label="Notes (optional)",
        required=False,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text="No names",
    )

    def __init__(self, *args: Any, partnership: Partnership | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.agencies = list(_agencies(partnership))
        for agency in self.agencies:
            self.fields[f"grade_{agency.pk}"] = forms.ChoiceField(
                label=f"{agency.name}: grading",
                required=False,
                choices=[("", "Not involved")] + Grade.choices,
            )

    def clean_reference(self) -> str:
        return self.cleaned_data["reference"].strip().upper()

    def gradings(self) -> dict[Agency, str]:
        return {a: self.cleaned_data.get(f"grade_{a.pk}") or "" for a in self.agencies}


class EditCaseForm(CaseForm):
    version = VersionField()


class FindingForm(FreeTextGuard, forms.Form):
    kind = forms.ChoiceField(
        error_messages={"required": "Select the kind of finding"},
        label="Kind of finding",
        choices=Finding.Kind.choices,
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        error_messages={"required": "Enter the finding"},
        label="Finding",
        widget=forms.Textarea(attrs=TEXTAREA),
    )
    themes = _themes_field()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["themes"] = _themes_field()


class EditFindingForm(FindingForm):
    version = VersionField()


# Section 11 -----------------------------------------------------------------------------------


class RoundForm(forms.Form):
    year = forms.IntegerField(
        error_messages={"required": "Enter the year of the Section 11 round"},
        min_value=2000,
        max_value=2100,
        help_text="For example 2021",
    )
    due_date = GovukDateField(
        error_messages={"required": "Enter the date returns are due by"}, label="Returns due by"
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["due_date"].required = True


class RoundSummaryForm(FreeTextGuard, forms.Form):
    due_date = GovukDateField(
        error_messages={"required": "Enter the date returns are due by"}, label="Returns due by"
    )
    status = forms.ChoiceField(
        error_messages={"required": "Select the round's status"},
        choices=Section11Round.Status.choices,
        widget=forms.RadioSelect,
    )
    strengths = forms.CharField(
        label="Strengths across the partnership",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    development_themes = forms.CharField(
        label="Development themes", required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    version = VersionField()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["due_date"].required = True


class Section11ReturnForm(FreeTextGuard, forms.Form):
    """Per standard: a rating, the evidence and any development point."""

    version = VersionField()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for item in standards.standards():
            self.fields[f"{item.code}_rating"] = forms.ChoiceField(
                label=f"How well does your agency meet standard {item.number}?",
                required=False,
                choices=Rating.choices,
                widget=forms.RadioSelect,
            )
            self.fields[f"{item.code}_evidence"] = forms.CharField(
                label="Evidence",
                required=False,
                widget=forms.Textarea(attrs=TEXTAREA),
                help_text="What shows this: policies, audits, training figures, feedback",
            )
            self.fields[f"{item.code}_development_point"] = forms.CharField(
                label="Development point",
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text="Needed if the standard is not fully met: what your agency will do",
            )

    def sections(self) -> list[tuple[standards.Standard, list[forms.BoundField]]]:
        return [
            (
                item,
                [
                    self[f"{item.code}_{part}"]
                    for part in ("rating", "evidence", "development_point")
                ],
            )
            for item in standards.standards()
        ]

    def answers(self) -> dict[str, dict[str, str]]:
        return {
            item.code: {
                part: self.cleaned_data.get(f"{item.code}_{part}") or ""
                for part in ("rating", "evidence", "development_point")
            }
            for item in standards.standards()
        }

    @staticmethod
    def initial_from(answers: dict[str, Any], version: int) -> dict[str, Any]:
        initial: dict[str, Any] = {"version": version}
        for code, answer in answers.items():
            initial[f"{code}_rating"] = answer.rating
            initial[f"{code}_evidence"] = answer.evidence
            initial[f"{code}_development_point"] = answer.development_point
        return initial


# challenges -----------------------------------------------------------------------------------


class ChallengeFilterForm(forms.Form):
    text = forms.CharField(label="Search", required=False)
    status = forms.ChoiceField(required=False, choices=[("", "Any")] + Challenge.Status.choices)
    agency: forms.ModelChoiceField[Agency] = forms.ModelChoiceField(
        label="Agency (raising or challenged)", queryset=None, required=False, empty_label="Any"
    )
    year = forms.IntegerField(label="Year raised", required=False, min_value=2000, max_value=2100)

    def __init__(self, *args: Any, partnership: Partnership | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "agency", _agencies(partnership))


class ChallengeForm(FreeTextGuard, forms.Form):
    raised_on = GovukDateField(
        error_messages={"required": "Enter the date the challenge was raised"}, label="Date raised"
    )
    raised_by_agency: forms.ModelChoiceField[Agency] = forms.ModelChoiceField(
        error_messages={"required": "Select the agency that raised the challenge"},
        label="Challenging agency",
        queryset=None,
        empty_label="Choose an agency",
    )
    raised_by_person = forms.CharField(
        error_messages={"required": "Enter who raised the challenge (a person or forum)"},
        label="Challenged by (person or forum)",
        max_length=120,
    )
    challenged_agency: forms.ModelChoiceField[Agency] = forms.ModelChoiceField(
        error_messages={"required": "Select the agency challenged"},
        label="Agency challenged",
        queryset=None,
        empty_label="Choose an agency",
    )
    subject = forms.CharField(
        error_messages={"required": "Enter what the challenge is about"},
        label="About",
        max_length=200,
    )
    detail = forms.CharField(
        label="The challenge (optional)", required=False, widget=forms.Textarea(attrs=TEXTAREA)
    )
    response = forms.CharField(
        label="Response (optional)", required=False, widget=forms.Textarea(attrs=TEXTAREA)
    )
    response_date = GovukDateField(label="Date of response (optional)", required=False)
    outcome = forms.CharField(
        label="Outcome (optional)", required=False, widget=forms.Textarea(attrs=TEXTAREA)
    )
    status = forms.ChoiceField(
        error_messages={"required": "Select the challenge's status"},
        choices=Challenge.Status.choices,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, partnership: Partnership | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["raised_on"].required = True
        limit_choices(self, "raised_by_agency", _agencies(partnership))
        limit_choices(self, "challenged_agency", _agencies(partnership))


class EditChallengeForm(ChallengeForm):
    version = VersionField()
