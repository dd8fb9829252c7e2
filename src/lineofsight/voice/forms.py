"""Scrutiny and voice forms.  Every form that saves text refuses identifiers
(``lib.free_text.FreeTextGuard``: UPNs, NHS numbers, LA child ids, postcodes) and dates of birth
(``reviews.pseudonyms.check_free_text``): feedback is recorded anonymised, in the words of what
was said but without who said it."""

from __future__ import annotations

from typing import Any

from django import forms

from lineofsight.actions.models import LearningTheme
from lineofsight.lib import formparts as parts
from lineofsight.lib.free_text import FreeTextGuard
from lineofsight.lib.versioning import VersionField
from lineofsight.partnership.models import Agency
from lineofsight.reviews.pseudonyms import check_free_text
from lineofsight.voice.models import Feedback, ScrutinyActivity

ANONYMISED = "No names, dates of birth, addresses or identifiers of children, families or staff"


def _text(label: str, message: str | None = None, rows: int = 4, **kwargs: Any) -> forms.CharField:
    """A textarea whose text holds no date of birth either (``check_free_text``)."""
    return parts.text_area(label, message, rows, validators=[check_free_text], **kwargs)


def _line(label: str, message: str, **kwargs: Any) -> forms.CharField:
    """A line of up to 200 characters holding no date of birth (``check_free_text``)."""
    return parts.text_field(label, message, max_length=200, validators=[check_free_text], **kwargs)


def _themes() -> forms.ModelMultipleChoiceField:
    return parts.checkboxes("Learning themes (optional)", LearningTheme.objects.order_by("name"))


class ActivityForm(FreeTextGuard, parts.NotFutureForm):
    dates_not_future = ("held_on",)

    version = VersionField(required=False)
    title = _line(
        "Title",
        "Enter a title for the activity",
        help_text="For example: Review of the partnership's arrangements",
    )
    kind = parts.select(
        "Kind of activity",
        "Select a kind",
        ScrutinyActivity.Kind.choices,
        "Select the kind of activity",
    )
    held_on = parts.date_field(
        "Date", "Enter the date of the activity", help_text="For example, 14 6 2021"
    )
    examined = _text("What was examined", "Enter what was examined", rows=3)
    evidence = _text(
        "Evidence seen (optional)",
        rows=3,
        help_text="Reports, data, case files, "
        "meetings observed, who was spoken to (by role, not name)",
    )
    findings = _text("Findings", "Enter what the scrutiny found", rows=6)


class RecommendationForm(FreeTextGuard, parts.AgencyChoicesForm):
    text = _text("Recommendation", "Enter the recommendation", rows=3)
    agency = parts.agency_choice("Agency it is for (optional)", empty_label="The whole partnership")
    themes = _themes()


class FeedbackForm(FreeTextGuard, parts.AgencyChoicesForm, parts.NotFutureForm):
    dates_not_future = ("received_on", "changed_on")

    source = parts.select(
        "Where the feedback came from",
        "Select a source",
        Feedback.Source.choices,
        "Select where the feedback came from",
    )
    given_by = parts.radios("Who gave it", Feedback.From.choices, "Select who gave the feedback")
    received_on = parts.date_field("Date received", "Enter the date the feedback was received")
    said = _text("What was said", "Enter what was said", help_text=ANONYMISED)
    agency = parts.agency_choice(
        "Service it is about (optional)", empty_label="The partnership as a whole"
    )
    changed = _text(
        "What changed as a result (optional)",
        help_text="Leave blank until something has changed; you can add it later",
    )
    changed_on = parts.date_field("Date of the change (optional)")
    publish = forms.BooleanField(label="Agreed for the published yearly report", required=False)
    themes = _themes()


class ChangedForm(FreeTextGuard, parts.NotFutureForm):
    dates_not_future = ("changed_on",)

    version = VersionField()
    changed = _text("What changed as a result", "Enter what changed as a result")
    changed_on = parts.date_field("Date of the change", "Enter the date of the change")
    publish = forms.BooleanField(label="Agreed for the published yearly report", required=False)
    themes = _themes()


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
    title = _line("Title", "Enter the survey's title")
    opened_on = parts.date_field("Date the survey opened", "Enter the date the survey opened")
    closed_on = parts.date_field("Date the survey closed (optional)")
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


class ForumForm(FreeTextGuard, parts.AgencyChoicesForm, parts.NotFutureForm):
    agency_fields = ("agencies",)

    dates_not_future = ("held_on",)

    held_on = parts.date_field("Date of the forum", "Enter the date of the forum")
    topic = _line("Topic", "Enter the forum's topic")
    attended = forms.IntegerField(
        label="Practitioners attending", min_value=0, max_value=5000, initial=0,
        error_messages={"required": "Enter how many practitioners attended (0 if not known)"},
    )  # fmt: skip
    agencies = parts.checkboxes("Agencies represented (optional)", Agency.objects.none())
    discussion = _text("What practitioners raised", "Enter what practitioners raised", rows=5)
    outcomes = _text("What came of it (optional)", rows=4)
    themes = _themes()


class ActivityFilterForm(parts.YearFilterForm):
    kind = parts.filter_choice(
        "Kind of activity", [("", "Any kind"), *ScrutinyActivity.Kind.choices]
    )
    year = parts.filter_year("Reporting year")


class FeedbackFilterForm(parts.YearFilterForm):
    source = parts.filter_choice("Source", [("", "Any source"), *Feedback.Source.choices])
    given_by = parts.filter_choice("From", [("", "Anyone"), *Feedback.From.choices])
    status = parts.filter_choice(
        "What changed", [("", "All"), ("changed", "Change recorded"), ("waiting", "Waiting")]
    )
    year = parts.filter_year("Reporting year")


class YearForm(parts.YearFilterForm):
    year = parts.filter_year("Reporting year")
