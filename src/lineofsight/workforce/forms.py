"""Workforce development forms.  Every form that saves text refuses identifiers
(``lib.free_text.FreeTextGuard``); the evaluation forms learners fill in through a link are GOV.UK
question pages (radios on the five-point scales, the knowledge statements as true/false)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from lineofsight.actions.models import LearningTheme
from lineofsight.govuk.fields import GovukDateField
from lineofsight.lib.formparts import YearFilterForm, agencies_of
from lineofsight.lib.free_text import FreeTextGuard
from lineofsight.lib.versioning import VersionField
from lineofsight.partnership.models import Agency, Partnership
from lineofsight.workforce.models import Course, Impact, KnowledgeQuestion, Level, Mode, Stage

SCALE = [
    (str(n), label)
    for n, label in ((5, "5 - very much"), (4, "4"), (3, "3"), (2, "2"), (1, "1 - not at all"))
]


def _radios(label: str, choices: Any, message: str, **kwargs: Any) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": message},
        **kwargs,
    )


class CourseForm(FreeTextGuard, forms.Form):
    version = VersionField(required=False)
    code = forms.SlugField(
        label="Course code",
        max_length=20,
        help_text="Short and unique, for example NEG1",
        error_messages={"required": "Enter a course code"},
    )
    title = forms.CharField(
        label="Title", max_length=200, error_messages={"required": "Enter the course title"}
    )
    level = forms.TypedChoiceField(
        label="Level",
        choices=Level.choices,
        coerce=int,
        initial=Level.THREE,
        error_messages={"required": "Select the course level"},
    )
    audience = forms.CharField(label="Audience (optional)", max_length=300, required=False)
    outcomes = forms.CharField(
        label="Learning outcomes (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    prompted_by = forms.CharField(
        label="Review or audit that prompted it (optional)",
        max_length=300,
        required=False,
        help_text="For example, Serious case review: Child A (2016)",
    )
    themes = forms.ModelMultipleChoiceField(
        label="Learning themes (optional)",
        queryset=LearningTheme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = LearningTheme.objects.order_by("name")  # type: ignore[attr-defined]


class QuestionForm(FreeTextGuard, forms.Form):
    statement = forms.CharField(
        label="Statement",
        max_length=300,
        help_text="A statement learners mark true or false at the end of the course",
        error_messages={"required": "Enter the statement"},
    )
    answer = forms.TypedChoiceField(
        label="Is the statement true?",
        choices=[("true", "True"), ("false", "False")],
        coerce=lambda value: value == "true",
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the statement is true"},
    )


class SessionForm(FreeTextGuard, forms.Form):
    starts_on = GovukDateField(label="Date", error_messages={"required": "Enter the date"})
    mode = forms.ChoiceField(
        label="Mode",
        choices=Mode.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how the session is delivered"},
    )
    venue = forms.CharField(label="Venue (optional)", max_length=200, required=False)
    trainer = forms.CharField(label="Trainer (optional)", max_length=200, required=False)
    capacity = forms.IntegerField(
        label="Places",
        min_value=1,
        max_value=500,
        error_messages={"required": "Enter the number of places"},
    )


class BookingForm(FreeTextGuard, forms.Form):
    identifier_fields_allowed = frozenset({"learner"})  # a staff reference, not a child's id

    learner = forms.CharField(
        label="Learner's name or reference",
        max_length=120,
        error_messages={"required": "Enter the learner's name or reference"},
    )
    job_role = forms.CharField(label="Role (optional)", max_length=120, required=False)
    agency = forms.ModelChoiceField(
        label="Agency",
        queryset=Agency.objects.none(),
        error_messages={"required": "Select the learner's agency"},
    )
    learner_email = forms.EmailField(label="Learner's email (optional)", required=False)
    manager_email = forms.EmailField(label="Manager's email (optional)", required=False)

    def __init__(self, *args: Any, partnership: Partnership | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies_of(partnership)  # type: ignore[attr-defined]


class CancelForm(forms.Form):
    confirm = forms.BooleanField(
        label="Yes, cancel this booking",
        error_messages={"required": "Select the box to confirm the cancellation"},
    )


class AttendanceForm(forms.Form):
    """One yes/no question per booked place."""

    def __init__(self, *args: Any, bookings: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.bookings = bookings
        for booking in bookings:
            self.fields[f"b{booking.pk}"] = forms.ChoiceField(
                label=f"Did {booking.learner} ({booking.agency}) attend?",
                choices=[("yes", "Attended"), ("no", "Did not attend")],
                widget=forms.RadioSelect,
                initial={True: "yes", False: "no"}.get(booking.attended),
                required=False,
            )

    def attendance(self) -> dict[int, bool]:
        return {
            b.pk: self.cleaned_data[f"b{b.pk}"] == "yes"
            for b in self.bookings
            if self.cleaned_data.get(f"b{b.pk}")
        }


class SettingsForm(forms.Form):
    version = VersionField(required=False)
    paying_agencies = forms.ModelMultipleChoiceField(
        label="Agencies charged (optional)",
        queryset=Agency.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Agencies whose staff are charged for non-attendance and late cancellation",
    )
    non_attendance_charge = forms.DecimalField(
        label="Charge for non-attendance (pounds)",
        min_value=0,
        max_digits=7,
        decimal_places=2,
        error_messages={"required": "Enter the charge (0 for none)"},
    )
    late_cancellation_charge = forms.DecimalField(
        label="Charge for a late cancellation (pounds)",
        min_value=0,
        max_digits=7,
        decimal_places=2,
        error_messages={"required": "Enter the charge (0 for none)"},
    )
    cancellation_window_days = forms.IntegerField(
        label="A cancellation is late when made fewer than this many days before the session",
        min_value=0,
        max_value=60,
        error_messages={"required": "Enter the number of days"},
    )
    follow_up_weeks = forms.IntegerField(
        label="Send the follow-up evaluation this many weeks after the course",
        min_value=1,
        max_value=52,
        error_messages={"required": "Enter the number of weeks"},
    )
    link_valid_days = forms.IntegerField(
        label="Evaluation links work for this many days",
        min_value=1,
        max_value=90,
        error_messages={"required": "Enter the number of days"},
    )
    refresher_years = forms.IntegerField(
        label="Gap analysis: count learners trained in the last this many years",
        min_value=1,
        max_value=10,
        error_messages={"required": "Enter the number of years"},
    )

    def __init__(self, *args: Any, partnership: Partnership | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["paying_agencies"].queryset = agencies_of(partnership)  # type: ignore[attr-defined]


class RequirementForm(forms.Form):
    agency = forms.ModelChoiceField(
        label="Agency",
        queryset=Agency.objects.none(),
        error_messages={"required": "Select the agency"},
    )
    course = forms.ModelChoiceField(
        label="Course",
        queryset=Course.objects.none(),
        error_messages={"required": "Select the course"},
    )
    staff = forms.IntegerField(
        label="Staff in roles that need the course",
        min_value=0,
        max_value=100_000,
        error_messages={"required": "Enter the number of staff"},
    )

    def __init__(self, *args: Any, partnership: Partnership | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies_of(partnership)  # type: ignore[attr-defined]
        self.fields["course"].queryset = (  # type: ignore[attr-defined]
            Course.objects.filter(partnership=partnership) if partnership else Course.objects.none()
        )


class RateForm(forms.Form):
    rating = forms.ChoiceField(
        label="Impact on practice",
        choices=Impact.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select strong, some or no impact"},
    )


class PeriodForm(YearFilterForm):
    any_year = None

    year = forms.TypedChoiceField(label="Year (1 April to 31 March)", coerce=int, required=False)


def year_of(day: dt.date) -> int:
    """The reporting year (1 April to 31 March) a day falls in, by its starting year."""
    return day.year if day.month >= 4 else day.year - 1


class EvaluationForm(FreeTextGuard, forms.Form):
    """The questions of one evaluation stage (GOV.UK radios; knowledge statements true/false)."""

    def __init__(
        self,
        *args: Any,
        stage: str,
        questions: list[KnowledgeQuestion] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions or []
        if stage == Stage.END:
            self.fields["reaction"] = _radios(
                "Overall, how useful was the course to your work?",
                SCALE,
                "Select how useful the course was",
            )
            self.fields["confidence_before"] = _radios(
                "Before the course, how confident were you in this area of practice?",
                SCALE,
                "Select how confident you were before the course",
            )
            self.fields["confidence_after"] = _radios(
                "Now, after the course, how confident are you?",
                SCALE,
                "Select how confident you are now",
            )
            for question in self.questions:
                self.fields[f"q{question.pk}"] = forms.ChoiceField(
                    label=f"True or false: {question.statement}",
                    choices=[("true", "True"), ("false", "False")],
                    widget=forms.RadioSelect,
                    error_messages={"required": "Select true or false"},
                )
            return
        manager = stage == Stage.MANAGER
        self.fields["support"] = _radios(
            "How well has the organisation supported "
            + ("them" if manager else "you")
            + " to use what was learnt?",
            SCALE,
            "Select how well the organisation has supported it",
        )
        self.fields["use"] = _radios(
            ("How much have they" if manager else "How much have you")
            + " used the new knowledge and skills in practice?",
            SCALE,
            "Select how much it has been used",
        )
        if not manager:
            self.fields["impact_self"] = forms.ChoiceField(
                label="What impact has the training made to your practice?",
                choices=Impact.choices,
                widget=forms.RadioSelect,
                error_messages={"required": "Select the impact on your practice"},
            )
        self.fields["practice_example"] = forms.CharField(
            label="An example of a difference it made for children (optional)",
            required=False,
            widget=forms.Textarea(attrs={"rows": 5}),
            help_text="Do not name or identify any child, family or colleague",
            max_length=2000,
        )

    def answers(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if not k.startswith("q")}

    def knowledge(self) -> dict[int, bool]:
        return {q.pk: self.cleaned_data.get(f"q{q.pk}") == "true" for q in self.questions}
