"""The shared form pieces: required with their GOV.UK message, optional without; past dates."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone

from lineofsight.lib import formparts as parts


class _Form(parts.NotFutureForm):
    dates_not_future = ("on",)

    on = parts.date_field("Date", "Enter the date")
    note = parts.text_area("Note (optional)", rows=3)
    year = parts.starting_year("financial", 2020, min_value=2000)


def _date(day: dt.date, prefix: str = "on") -> dict[str, str]:
    return {
        f"{prefix}_day": str(day.day),
        f"{prefix}_month": str(day.month),
        f"{prefix}_year": str(day.year),
    }


def test_a_field_given_its_message_is_required_with_it() -> None:
    form = _Form(data={"year": "2021"})
    assert not form.is_valid()
    assert form.errors["on"] == ["Enter the date"]
    assert "note" not in form.errors


def test_a_field_without_a_message_is_optional() -> None:
    field = parts.text_field("Name (optional)", max_length=10)
    assert field.required is False
    assert field.clean("") == ""


def test_a_date_after_today_is_refused() -> None:
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    form = _Form(data={**_date(tomorrow), "year": "2021"})
    assert not form.is_valid()
    assert form.errors["on"] == ["The date must be today or in the past"]
    assert _Form(data={**_date(timezone.localdate()), "year": "2021"}).is_valid()


def test_starting_year_says_the_kind_of_year() -> None:
    field = _Form.base_fields["year"]
    assert field.label == "Financial year starting in (for example 2020 for 2020-21)"
    assert field.error_messages["required"] == "Enter the year the financial year starts in"


def test_radios_coerce_when_asked() -> None:
    field = parts.radios("Scale", [("1", "1"), ("2", "2")], "Select one", coerce=int)
    assert isinstance(field, forms.TypedChoiceField)
    assert isinstance(field.widget, forms.RadioSelect)
    assert field.clean("2") == 2


class _AgencyForm(parts.AgencyChoicesForm):
    agency_fields = ("lead", "others")

    lead = parts.agency_choice("Lead agency", "Select the lead agency")
    others = parts.checkboxes("Other agencies", parts.agencies_of(None))


def test_agency_fields_offer_the_partnerships_agencies(agency, other_agency) -> None:
    form = _AgencyForm(partnership=agency.partnership)
    by_name = sorted([agency, other_agency], key=lambda a: a.name)
    for name in ("lead", "others"):
        assert list(form.fields[name].queryset) == by_name  # type: ignore[attr-defined]
    assert not _AgencyForm().fields["lead"].queryset.exists()  # type: ignore[attr-defined]


def test_current_agencies_leave_the_retired_out(agency, other_agency) -> None:
    other_agency.retired_on = dt.date(2020, 1, 1)
    other_agency.save()

    class _Current(_AgencyForm):
        current_agencies = True

    form = _Current(partnership=agency.partnership)
    assert list(form.fields["lead"].queryset) == [agency]  # type: ignore[attr-defined]
