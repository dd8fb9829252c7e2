from __future__ import annotations

from django import forms


class PeriodForm(forms.Form):
    period = forms.ChoiceField(label="Financial year", required=False)

    def __init__(self, *args: object, years: list[str], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["period"].choices = [(y, y) for y in years]
