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
from lineofsight.lib import formparts as parts
from lineofsight.lib.free_text import FreeTextGuard
from lineofsight.lib.versioning import VersionField
from lineofsight.partnership.models import Agency, Partnership


def _themes_field() -> forms.ModelMultipleChoiceField:
    return parts.checkboxes("Learning themes (optional)", LearningTheme.objects.order_by("name"))


# audits ---------------------------------------------------------------------------------------


class AuditFilterForm(parts.YearFilterForm):
    any_year = "Any"

    text = parts.text_field("Title or theme")
    year = parts.filter_year("Financial year")
    status = parts.filter_choice("Status", [("", "Any")] + Audit.Status.choices)


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
    lead = parts.text_field("Audit lead", "Enter the audit lead", max_length=120)
    lead_agency: forms.ModelChoiceField[Agency] = forms.ModelChoiceField(
        label="Lead agency (optional)", queryset=None, required=False, empty_label="None"
    )
    expert = parts.text_field("Theme expert (optional)", max_length=120)
    original: forms.ModelChoiceField[Audit] = forms.ModelChoiceField(
        label="Re-audit of (optional)",
        queryset=None,
        required=False,
        empty_label="Not a re-audit",
        help_text="For a re-audit, the audit it follows up",
    )
    purpose = parts.text_area("Purpose (optional)")
    summary = parts.text_area("What the audit found (optional)")
    status = parts.radios("Status", Audit.Status.choices, "Select the audit's status")
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
        limit_choices(self, "lead_agency", parts.agencies_of(partnership))
        originals = Audit.objects.filter(partnership=partnership)
        if exclude_pk:
            originals = originals.exclude(pk=exclude_pk)
        limit_choices(self, "original", originals)


class EditAuditForm(AuditForm):
    version = VersionField()


class CaseForm(FreeTextGuard, forms.Form):
    reference = parts.text_field(
        "Case reference",
        "Enter the case reference",
        max_length=24,
        help_text="Pseudonymous reference only, for example MAA-2016-01. Never a name.",
    )
    case_type = parts.radios("Type of case", AuditCase.CaseType.choices, "Select the type of case")
    notes = parts.text_area("Notes (optional)", help_text="No names")

    def __init__(self, *args: Any, partnership: Partnership | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.agencies = list(parts.agencies_of(partnership))
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
    kind = parts.radios("Kind of finding", Finding.Kind.choices, "Select the kind of finding")
    text = parts.text_area("Finding", "Enter the finding")
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
    status = parts.radios("Status", Section11Round.Status.choices, "Select the round's status")
    strengths = parts.text_area("Strengths across the partnership", rows=6)
    development_themes = parts.text_area("Development themes", rows=6)
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
            self.fields[f"{item.code}_evidence"] = parts.text_area(
                "Evidence",
                help_text="What shows this: policies, audits, training figures, feedback",
            )
            self.fields[f"{item.code}_development_point"] = parts.text_area(
                "Development point",
                rows=3,
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


class ChallengeFilterForm(parts.AgencyChoicesForm):
    text = parts.text_field("Search")
    status = forms.ChoiceField(required=False, choices=[("", "Any")] + Challenge.Status.choices)
    agency: forms.ModelChoiceField[Agency] = forms.ModelChoiceField(
        label="Agency (raising or challenged)", queryset=None, required=False, empty_label="Any"
    )
    year = forms.IntegerField(label="Year raised", required=False, min_value=2000, max_value=2100)


class ChallengeForm(FreeTextGuard, parts.AgencyChoicesForm):
    agency_fields = ("raised_by_agency", "challenged_agency")

    raised_on = parts.date_field("Date raised", "Enter the date the challenge was raised")
    raised_by_agency = parts.agency_choice(
        "Challenging agency",
        "Select the agency that raised the challenge",
        empty_label="Choose an agency",
    )
    raised_by_person = parts.text_field(
        "Challenged by (person or forum)",
        "Enter who raised the challenge (a person or forum)",
        max_length=120,
    )
    challenged_agency = parts.agency_choice(
        "Agency challenged", "Select the agency challenged", empty_label="Choose an agency"
    )
    subject = parts.text_field("About", "Enter what the challenge is about", max_length=200)
    detail = parts.text_area("The challenge (optional)")
    response = parts.text_area("Response (optional)")
    response_date = parts.date_field("Date of response (optional)")
    outcome = parts.text_area("Outcome (optional)")
    status = parts.radios("Status", Challenge.Status.choices, "Select the challenge's status")


class EditChallengeForm(ChallengeForm):
    version = VersionField()
