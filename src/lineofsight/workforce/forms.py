"""Workforce development forms.  Every form that saves text refuses identifiers
(``lib.free_text.FreeTextGuard``); the evaluation forms learners fill in through a link are GOV.UK
question pages (radios on the five-point scales, the knowledge statements as true/false)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from lineofsight.actions.models import LearningTheme
from lineofsight.govuk.fields import limit_choices
from lineofsight.lib import formparts as parts
from lineofsight.lib.free_text import FreeTextGuard
from lineofsight.lib.versioning import VersionField
from lineofsight.partnership.models import Agency, Partnership
from lineofsight.workforce.models import Course, Impact, KnowledgeQuestion, Level, Mode, Stage

TRUE_FALSE = [("true", "True"), ("false", "False")]
SCALE = [
    (str(n), label)
    for n, label in ((5, "5 - very much"), (4, "4"), (3, "3"), (2, "2"), (1, "1 - not at all"))
]


def _scale(label: str, message: str) -> forms.ChoiceField:
    """A question answered on the five-point ``SCALE`` (a whole number)."""
    return parts.radios(label, SCALE, message, coerce=int)


def _charge(label: str) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        min_value=0,
        max_digits=7,
        decimal_places=2,
        error_messages={"required": "Enter the charge (0 for none)"},
    )


class CourseForm(FreeTextGuard, forms.Form):
    version = VersionField(required=False)
    code = forms.SlugField(
        label="Course code",
        max_length=20,
        help_text="Short and unique, for example NEG1",
        error_messages={"required": "Enter a course code"},
    )
    title = parts.text_field("Title", "Enter the course title", max_length=200)
    level = forms.TypedChoiceField(
        label="Level",
        choices=Level.choices,
        coerce=int,
        initial=Level.THREE,
        error_messages={"required": "Select the course level"},
    )
    audience = parts.text_field("Audience (optional)", max_length=300)
    outcomes = parts.text_area("Learning outcomes (optional)")
    prompted_by = parts.text_field(
        "Review or audit that prompted it (optional)",
        max_length=300,
        help_text="For example, Serious case review: Child A (2016)",
    )
    themes = parts.checkboxes("Learning themes (optional)", LearningTheme.objects.order_by("name"))


class QuestionForm(FreeTextGuard, forms.Form):
    statement = parts.text_field(
        "Statement",
        "Enter the statement",
        max_length=300,
        help_text="A statement learners mark true or false at the end of the course",
    )
    answer = parts.radios(
        "Is the statement true?",
        TRUE_FALSE,
        "Select whether the statement is true",
        coerce=lambda value: value == "true",
    )


class SessionForm(FreeTextGuard, forms.Form):
    starts_on = parts.date_field("Date", "Enter the date")
    mode = parts.radios("Mode", Mode.choices, "Select how the session is delivered")
    venue = parts.text_field("Venue (optional)", max_length=200)
    trainer = parts.text_field("Trainer (optional)", max_length=200)
    capacity = parts.whole_number(
        "Places", "Enter the number of places", min_value=1, max_value=500
    )


class BookingForm(FreeTextGuard, parts.AgencyChoicesForm):
    identifier_fields_allowed = frozenset({"learner"})  # a staff reference, not a child's id

    learner = parts.text_field(
        "Learner's name or reference", "Enter the learner's name or reference", max_length=120
    )
    job_role = parts.text_field("Role (optional)", max_length=120)
    agency = parts.model_choice("Agency", Agency.objects.none(), "Select the learner's agency")
    learner_email = forms.EmailField(label="Learner's email (optional)", required=False)
    manager_email = forms.EmailField(label="Manager's email (optional)", required=False)


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


class SettingsForm(parts.AgencyChoicesForm):
    agency_fields = ("paying_agencies",)

    version = VersionField(required=False)
    paying_agencies = forms.ModelMultipleChoiceField(
        label="Agencies charged (optional)",
        queryset=Agency.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Agencies whose staff are charged for non-attendance and late cancellation",
    )
    non_attendance_charge = _charge("Charge for non-attendance (pounds)")
    late_cancellation_charge = _charge("Charge for a late cancellation (pounds)")
    cancellation_window_days = parts.whole_number(
        "A cancellation is late when made fewer than this many days before the session",
        "Enter the number of days",
        min_value=0,
        max_value=60,
    )
    follow_up_weeks = parts.whole_number(
        "Send the follow-up evaluation this many weeks after the course",
        "Enter the number of weeks",
        min_value=1,
        max_value=52,
    )
    link_valid_days = parts.whole_number(
        "Evaluation links work for this many days",
        "Enter the number of days",
        min_value=1,
        max_value=90,
    )
    refresher_years = parts.whole_number(
        "Gap analysis: count learners trained in the last this many years",
        "Enter the number of years",
        min_value=1,
        max_value=10,
    )


class RequirementForm(forms.Form):
    agency = parts.model_choice("Agency", Agency.objects.none(), "Select the agency")
    course = parts.model_choice("Course", Course.objects.none(), "Select the course")
    staff = parts.whole_number(
        "Staff in roles that need the course",
        "Enter the number of staff",
        min_value=0,
        max_value=100_000,
    )

    def __init__(self, *args: Any, partnership: Partnership | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "agency", parts.agencies_of(partnership))
        limit_choices(
            self,
            "course",
            Course.objects.filter(partnership=partnership)
            if partnership
            else Course.objects.none(),
        )


class RateForm(forms.Form):
    rating = parts.radios("Impact on practice", Impact.choices, "Select strong, some or no impact")


class PeriodForm(parts.YearFilterForm):
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
            self.fields["reaction"] = _scale(
                "Overall, how useful was the course to your work?",
                "Select how useful the course was",
            )
            self.fields["confidence_before"] = _scale(
                "Before the course, how confident were you in this area of practice?",
                "Select how confident you were before the course",
            )
            self.fields["confidence_after"] = _scale(
                "Now, after the course, how confident are you?", "Select how confident you are now"
            )
            for question in self.questions:
                self.fields[f"q{question.pk}"] = parts.radios(
                    f"True or false: {question.statement}", TRUE_FALSE, "Select true or false"
                )
            return
        manager = stage == Stage.MANAGER
        self.fields["support"] = _scale(
            "How well has the organisation supported "
            + ("them" if manager else "you")
            + " to use what was learnt?",
            "Select how well the organisation has supported it",
        )
        self.fields["use"] = _scale(
            ("How much have they" if manager else "How much have you")
            + " used the new knowledge and skills in practice?",
            "Select how much it has been used",
        )
        if not manager:
            self.fields["impact_self"] = parts.radios(
                "What impact has the training made to your practice?",
                Impact.choices,
                "Select the impact on your practice",
            )
        self.fields["practice_example"] = parts.text_area(
            "An example of a difference it made for children (optional)",
            rows=5,
            help_text="Do not name or identify any child, family or colleague",
            max_length=2000,
        )

    def answers(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if not k.startswith("q")}

    def knowledge(self) -> dict[int, bool]:
        return {q.pk: self.cleaned_data.get(f"q{q.pk}") == "true" for q in self.questions}
