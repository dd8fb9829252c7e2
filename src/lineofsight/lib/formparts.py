"""Pieces many apps' forms are made of: the same rule or field written once.

- ``not_future(form, *names)``: in ``clean``, an error on each named date after today.
- ``agencies_of(partnership)``: the partnership's agencies by name (none without one), for a
  model choice field filled when the form is made (``govuk.fields.limit_choices``).
- ``checkboxes(label, queryset)``: an optional many-choice field shown as checkboxes (the
  learning themes of a record, the agencies at a meeting).
- ``year_label(2020)`` is ``"2020-21"``; ``year_choices(years)`` offers those years after an
  "Any year" choice (``anything=None``: no such choice).
- ``YearFilterForm``: a form (a list's filters, a statistics page's year) whose ``year`` choice
  field offers the ``years`` it is made with, after ``any_year`` (``None``: no such choice).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone

from lineofsight.govuk.fields import set_choices
from lineofsight.partnership.models import Agency, Partnership


def not_future(form: forms.Form, *names: str) -> None:
    today = timezone.localdate()
    for name in names:
        value = form.cleaned_data.get(name)
        if value and value > today:
            form.add_error(name, "The date must be today or in the past")


def agencies_of(partnership: Partnership | None) -> QuerySet[Agency]:
    if partnership is None:
        return Agency.objects.none()
    return partnership.agencies.order_by("name")


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
