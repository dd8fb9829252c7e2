"""Scrutiny and voice forms.  Every form that saves text refuses identifiers
(``lib.free_text.FreeTextGuard``: UPNs, NHS numbers, LA child ids, postcodes) and dates of birth
(``reviews.pseudonyms.check_free_text``): feedback is recorded anonymised, in the words of what
was said but without who said it."""

from __future__ import annotations

from typing import Any

from django import forms

from lineofsight.actions.models import LearningTheme
from lineofsight.govuk.fields import GovukDateField
from lineofsight.lib.formparts import (
    YearFilterForm,
    agencies_of,
    checkboxes,
    not_future,
)
from lineofsight.lib.free_text import FreeTextGuard
from lineofsight.lib.versioning import VersionField
from lineofsight.partnership.models import Agency, Partnership
from lineofsight.reviews.pseudonyms import check_free_text
from lineofsight.voice.models import Feedback, ScrutinyActivity

ANONYMISED = "No names, dates of birth, addresses or identifiers of children, families or staff"


def _text(label: str, message: str | None = None, rows: int = 4, **kwargs: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=message is not None,
        widget=forms.Textarea(attrs={"rows": rows}),
        validators=[check_free_text],
        error_messages={"required": message} if message else {},
        **kwargs,
    )


def _date(label: str, message: str | None = None, **kwargs: Any) -> GovukDateField:
    if message is None:
        return GovukDateField(label=label, required=False, **kwargs)
    return GovukDateField(label=label, error_messages={"required": message}, **kwargs)


def _themes() -> forms.ModelMultipleChoiceField:
    return checkboxes("Learning themes (optional)", LearningTheme.objects.order_by("name"))


class ActivityForm(FreeTextGuard, forms.Form):
    version = VersionField(required=False)
    title = forms.CharField(
        label="Title",
        max_length=200,
        validators=[check_free_text],
        error_messages={"required": "Enter a title for the activity"},
        help_text="For example: Review of the partnership's arrangements",
    )
    kind = forms.ChoiceField(
        label="Kind of activity",
        choices=[("", "Select a kind"), *ScrutinyActivity.Kind.choices],
        error_messages={"required": "Select the kind of activity"},
    )
    held_on = _date("Date", "Enter the date of the activity", help_text="For example, 14 6 2021")
    examined = _text("What was examined", "Enter what was examined", rows=3)
    evidence = _text(
        "Evidence seen (optional)",
        rows=3,
        help_text="Reports, data, case files, "
        "meetings observed, who was spoken to (by role, not name)",
    )
    findings = _text("Findings", "Enter what the scrutiny found", rows=6)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        not_future(self, "held_on")
        return data


class RecommendationForm(FreeTextGuard, forms.Form):
    text = _text("Recommendation", "Enter the recommendation", rows=3)
    agency = forms.ModelChoiceField(
        label="Agency it is for (optional)",
        queryset=Agency.objects.none(),
        required=False,
        empty_label="The whole partnership",
    )
    themes = _themes()

    def __init__(self, *args: Any, partnership: Partnership | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies_of(partnership)  # type: ignore[attr-defined]


class FeedbackForm(FreeTextGuard, forms.Form):
    source = forms.ChoiceField(
        label="Where the feedback came from",
        choices=[("", "Select a source"), *Feedback.Source.choices],
        error_messages={"required": "Select where the feedback came from"},
    )
    given_by = forms.ChoiceField(
        label="Who gave it",
        choices=Feedback.From.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select who gave the feedback"},
    )
    received_on = _date("Date received", "Enter the date the feedback was received")
    said = _text("What was said", "Enter what was said", help_text=ANONYMISED)
    agency = forms.ModelChoiceField(
        label="Service it is about (optional)",
        queryset=Agency.objects.none(),
        required=False,
        empty_label="The partnership as a whole",
    )
    changed = _text(
        "What changed as a result (optional)",
        help_text="Leave blank until something has changed; you can add it later",
    )
    changed_on = _date("Date of the change (optional)")
    publish = forms.BooleanField(label="Agreed for the published yearly report", required=False)
    themes = _themes()

    def __init__(self, *args: Any, partnership: Partnership | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies_of(partnership)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        not_future(self, "received_on", "changed_on")
        return data


class ChangedForm(FreeTextGuard, forms.Form):
    version = VersionField()
    changed = _text("What changed as a result", "Enter what changed as a result")
    changed_on = _date("Date of the change", "Enter the date of the change")
    publish = forms.BooleanField(label="Agreed for the published yearly report", required=False)
    themes = _themes()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        not_future(self, "changed_on")
        return data


class SurveyForm(FreeTextGuard, forms.Form):
    identifier_fields_allowed = frozenset({"reference"})  # a slug, checked by its own rule

    reference = forms.SlugField(
        label="Reference",
        max_length=40,
        error_messages={
            "required": "Enter a short reference for the survey",
            "invalid": "Use letters, numbers, hyphens and underscores only",
        },
        help_text="The survey_ref the responses file gives, for example practitioners-2021",
    )
    title = forms.CharField(
        label="Title",
        max_length=200,
        validators=[check_free_text],
        error_messages={"required": "Enter the survey's title"},
    )
    opened_on = _date("Date the survey opened", "Enter the date the survey opened")
    closed_on = _date("Date the survey closed (optional)")
    questions = _text(
        "Statements",
        "Enter at least one statement",
        rows=8,
        help_text="One a line, in order: they are numbered 1, 2, 3... (q1, q2, q3... in the "
        "responses file). Each is answered from strongly agree to strongly disagree.",
    )

    def clean_questions(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["questions"].splitlines()]
        statements = [line for line in lines if line]
        too_long = [n for n, line in enumerate(statements, start=1) if len(line) > 300]
        if too_long:
            raise forms.ValidationError(f"Statement {too_long[0]} is longer than 300 characters")
        return statements


class ForumForm(FreeTextGuard, forms.Form):
    held_on = _date("Date of the forum", "Enter the date of the forum")
    topic = forms.CharField(
        label="Topic",
        max_length=200,
        validators=[check_free_text],
        error_messages={"required": "Enter the forum's topic"},
    )
    attended = forms.IntegerField(
        label="Practitioners attending", min_value=0, max_value=5000, initial=0,
        error_messages={"required": "Enter how many practitioners attended (0 if not known)"},
    )  # fmt: skip
    agencies = forms.ModelMultipleChoiceField(
        label="Agencies represented (optional)",
        queryset=Agency.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    discussion = _text("What practitioners raised", "Enter what practitioners raised", rows=5)
    outcomes = _text("What came of it (optional)", rows=4)
    themes = _themes()

    def __init__(self, *args: Any, partnership: Partnership | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agencies"].queryset = agencies_of(partnership)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        not_future(self, "held_on")
        return data


class ActivityFilterForm(YearFilterForm):
    kind = forms.ChoiceField(
        label="Kind of activity",
        required=False,
        choices=[("", "Any kind"), *ScrutinyActivity.Kind.choices],
    )
    year = forms.TypedChoiceField(
        label="Reporting year", required=False, coerce=int, empty_value=None
    )


class FeedbackFilterForm(YearFilterForm):
    source = forms.ChoiceField(
        label="Source", required=False, choices=[("", "Any source"), *Feedback.Source.choices]
    )
    given_by = forms.ChoiceField(
        label="From", required=False, choices=[("", "Anyone"), *Feedback.From.choices]
    )
    status = forms.ChoiceField(
        label="What changed",
        required=False,
        choices=[("", "All"), ("changed", "Change recorded"), ("waiting", "Waiting")],
    )
    year = forms.TypedChoiceField(
        label="Reporting year", required=False, coerce=int, empty_value=None
    )


class YearForm(YearFilterForm):
    year = forms.TypedChoiceField(
        label="Reporting year", required=False, coerce=int, empty_value=None
    )
