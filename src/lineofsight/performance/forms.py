from __future__ import annotations

from django import forms

from lineofsight.lib.free_text import FreeTextGuard


class PeriodForm(forms.Form):
    period = forms.ChoiceField(label="Financial year", required=False)

    def __init__(self, *args: object, years: list[str], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["period"].choices = [(y, y) for y in years]


class TargetForm(FreeTextGuard, forms.Form):
    value = forms.FloatField(
        error_messages={"required": "Enter the target, in the indicator's unit"},
        label="Target",
        help_text="In the indicator's unit, for example 90 for 90%",
    )
    reason = forms.CharField(
        label="Where the target comes from",
        max_length=300,
        required=False,
        help_text="For example: the 2021-22 delivery plan",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
