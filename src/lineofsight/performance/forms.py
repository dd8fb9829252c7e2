from __future__ import annotations

from django import forms

from lineofsight.govuk.fields import set_choices
from lineofsight.indicators.periods import Period
from lineofsight.lib.free_text import FreeTextGuard


class PeriodForm(forms.Form):
    period = forms.ChoiceField(
        label="Period",
        required=False,
        help_text="A financial year (April to March), or a quarter of the partnership's year",
    )

    def __init__(self, *args: object, periods: list[Period], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        set_choices(self, "period", [(p.label, period_choice(p)) for p in periods])


def period_choice(period: Period) -> str:
    """ "2020-21" for a year; "2020-21 Q1 (April to June 2020)" for a quarter."""
    if period.period_type != "quarter":
        return period.label
    return f"{period.label} ({period.start:%B} to {period.end:%B %Y})"


class TargetForm(FreeTextGuard, forms.Form):
    value = forms.FloatField(
        error_messages={"required": "Enter the target, in the indicator's unit"},
        label="Target",
        help_text="In the indicator's unit, for example 90 for 90%",
    )
    reason = forms.CharField(
        label="Who set it and why",
        max_length=300,
        required=False,
        help_text="For example: the board, in the 2021-22 delivery plan",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ChangePointForm(FreeTextGuard, forms.Form):
    """Recalculate an indicator's SPC limits from a month, with the reason."""

    month = forms.ChoiceField(
        label="Recalculate the limits from",
        error_messages={"required": "Select the month the process changed"},
    )
    reason = forms.CharField(
        label="What changed in that month",
        max_length=300,
        help_text="For example: the new multi-agency front door opened",
        error_messages={"required": "Enter what changed in that month"},
    )

    def __init__(self, *args: object, months: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        set_choices(self, "month", months)
