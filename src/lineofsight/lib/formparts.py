"""Pieces many apps' forms are made of: the same rule or field written once.

- ``not_future(form, *names)``: in ``clean``, an error on each named date after today.
- ``agencies_of(partnership, current=False)``: the partnership's agencies by name (none without
  one; ``current``: not the retired), for a model choice field filled when the form is made
  (``govuk.fields.limit_choices``); ``AgencyChoicesForm``: a form made with ``partnership=``
  whose ``agency_fields`` offer those.
- ``checkboxes(label, queryset)``: an optional many-choice field shown as checkboxes (the
  learning themes of a record, the agencies at a meeting).
- ``year_label(2020)`` is ``"2020-21"``; ``year_choices(years)`` offers those years after an
  "Any year" choice (``anything=None``: no such choice).
- ``YearFilterForm``: a form (a list's filters, a statistics page's year) whose ``year`` choice
  field offers the ``years`` it is made with, after ``any_year`` (``None``: no such choice).
- ``NotFutureForm``: a form whose dates named in ``dates_not_future`` must be today or earlier.

Field factories, called in a form's class body (forms import this module as ``parts``:
``parts.date_field(...)``).  Those given the GOV.UK ``message`` for an empty answer are required;
without it (``None``) the field is optional:

- ``date_field(label, message)``: the day, month and year boxes (``govuk.fields.GovukDateField``).
- ``text_field(label, message, max_length=...)`` (one line) and ``text_area(label, message,
  rows=4)`` (a textarea).
- ``whole_number(label, message, min_value=..., max_value=...)``.
- ``radios(label, choices, message)`` (``coerce=int``: a typed choice).
- ``select(label, prompt, choices, message)``: a drop-down whose first, empty choice is its
  ``prompt`` ("Select a kind").
- ``model_choice(label, queryset, message, empty_label=...)``: one of the records of ``queryset``
  (a select); ``agency_choice(label, message, empty_label=...)``: one of the agencies the form is
  made with (``govuk.fields.limit_choices``; none until then).
- ``starting_year(kind, example, min_value)``: a year typed by its first calendar year ("Financial
  year starting in (for example 2020 for 2020-21)").
- an action's owner and due date, wherever an action is raised: ``action_owner_agency()``,
  ``action_owner_person()``, ``action_due_date()``.
- a list's filters (every field optional): ``filter_choice(label, choices)``, ``filter_year(label)``
  (the ``year`` of a ``YearFilterForm``: a whole number or ``None``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from django import forms
from django.db.models import QuerySet
from django.utils import timezone

from lineofsight.govuk.fields import GovukDateField, limit_choices, set_choices
from lineofsight.partnership.models import Agency, Partnership


def not_future(form: forms.Form, *names: str) -> None:
    today = timezone.localdate()
    for name in names:
        value = form.cleaned_data.get(name)
        if value and value > today:
            form.add_error(name, "The date must be today or in the past")


def agencies_of(partnership: Partnership | None, *, current: bool = False) -> QuerySet[Agency]:
    if partnership is None:
        return Agency.objects.none()
    agencies = partnership.agencies.order_by("name")
    return agencies.filter(retired_on__isnull=True) if current else agencies


def checkboxes(label: str, queryset: QuerySet[Any]) -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(
        label=label, queryset=queryset, required=False, widget=forms.CheckboxSelectMultiple
    )


def year_label(year: int) -> str:
    return f"{year}-{(year + 1) % 100:02d}"


def year_choices(years: Iterable[int], anything: str | None = "Any year") -> list[tuple[Any, str]]:
    choices: list[tuple[Any, str]] = [] if anything is None else [("", anything)]
    return choices + [(y, year_label(y)) for y in years]


class YearFilterForm(forms.Form):
    any_year: str | None = "Any year"

    def __init__(self, *args: Any, years: Iterable[int] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_choices(self, "year", year_choices(years, self.any_year))


class NotFutureForm(forms.Form):
    """A form whose dates named in ``dates_not_future`` are refused when after today."""

    dates_not_future: ClassVar[tuple[str, ...]] = ()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        not_future(self, *self.dates_not_future)
        return data


class AgencyChoicesForm(forms.Form):
    """A form whose model choice fields named in ``agency_fields`` offer the agencies of the
    ``partnership`` it is made with (``current_agencies``: not the retired ones)."""

    agency_fields: ClassVar[tuple[str, ...]] = ("agency",)
    current_agencies: ClassVar[bool] = False

    def __init__(self, *args: Any, partnership: Partnership | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        agencies = agencies_of(partnership, current=self.current_agencies)
        for name in self.agency_fields:
            limit_choices(self, name, agencies)


def _required(message: str | None) -> dict[str, Any]:
    """A field's keywords: required with ``message`` for an empty answer, or optional (``None``)."""
    if message is None:
        return {"required": False}
    return {"error_messages": {"required": message}}


def date_field(label: str, message: str | None = None, **kwargs: Any) -> GovukDateField:
    return GovukDateField(label=label, **_required(message), **kwargs)


def text_field(label: str, message: str | None = None, **kwargs: Any) -> forms.CharField:
    return forms.CharField(label=label, **_required(message), **kwargs)


def text_area(
    label: str, message: str | None = None, rows: int = 4, **kwargs: Any
) -> forms.CharField:
    return text_field(label, message, widget=forms.Textarea(attrs={"rows": rows}), **kwargs)


def whole_number(label: str, message: str | None = None, **kwargs: Any) -> forms.IntegerField:
    return forms.IntegerField(label=label, **_required(message), **kwargs)


def radios(
    label: str, choices: Any, message: str | None = None, **kwargs: Any
) -> forms.ChoiceField:
    field = forms.TypedChoiceField if "coerce" in kwargs else forms.ChoiceField
    return field(
        label=label, choices=choices, widget=forms.RadioSelect, **_required(message), **kwargs
    )


def model_choice(
    label: str, queryset: QuerySet[Any], message: str | None = None, **kwargs: Any
) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(label=label, queryset=queryset, **_required(message), **kwargs)


def select(label: str, prompt: str, choices: Iterable[Any], message: str) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, choices=[("", prompt), *choices], **_required(message))


def agency_choice(
    label: str, message: str | None = None, empty_label: str = "Select an agency"
) -> forms.ModelChoiceField:
    return model_choice(label, Agency.objects.none(), message, empty_label=empty_label)


def starting_year(kind: str, example: int, min_value: int, **kwargs: Any) -> forms.IntegerField:
    """``kind`` "reporting" or "financial": the year typed by the calendar year it starts in."""
    return whole_number(
        f"{kind.capitalize()} year starting in (for example {example} for {year_label(example)})",
        f"Enter the year the {kind} year starts in",
        min_value=min_value,
        max_value=2100,
        **kwargs,
    )


def filter_choice(label: str, choices: Any) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, required=False, choices=choices)


def filter_year(label: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(label=label, required=False, coerce=int, empty_value=None)


def action_owner_agency() -> forms.ModelChoiceField:
    return agency_choice(
        "Owner agency", "Select the agency that owns the action", empty_label="Choose an agency"
    )


def action_owner_person() -> forms.CharField:
    return text_field("Owner (optional)", max_length=200, help_text="The person or role leading it")


def action_due_date() -> GovukDateField:
    return date_field(
        "Due date", "Enter the date the action is due", help_text="For example, 31 3 2022"
    )
