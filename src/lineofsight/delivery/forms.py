from __future__ import annotations

from typing import Any

from django import forms

from lineofsight.delivery.models import Plan, Rag
from lineofsight.govuk.fields import GovukDateField, limit_choices
from lineofsight.lib.free_text import FreeTextGuard
from lineofsight.lib.versioning import VersionField
from lineofsight.partnership.models import Agency, Partnership

TEXTAREA = {"rows": 4}


class ItemFilterForm(forms.Form):
    text = forms.CharField(label="Search", required=False)
    rag = forms.ChoiceField(
        label="RAG rating",
        required=False,
        choices=[("", "Any"), ("none", "Not yet rated")] + Rag.choices,
    )
    agency: forms.ModelChoiceField[Agency] = forms.ModelChoiceField(
        label="Lead agency", queryset=None, required=False, empty_label="Any"
    )
    plan: forms.ModelChoiceField[Plan] = forms.ModelChoiceField(
        label="Plan", queryset=None, required=False, empty_label="Any"
    )

    def __init__(
        self, *args: Any, partnership: Partnership | None, plans: Any, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "agency", Agency.objects.filter(partnership=partnership))
        limit_choices(self, "plan", plans)


class PlanForm(FreeTextGuard, forms.Form):
    title = forms.CharField(
        error_messages={"required": "Enter the plan's title"},
        max_length=200,
        help_text="For example: Delivery plan 2021-2022",
    )
    starts = GovukDateField(
        error_messages={"required": "Enter the date the plan starts"}, label="Starts"
    )
    ends = GovukDateField(error_messages={"required": "Enter the date the plan ends"}, label="Ends")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["starts"].required = self.fields["ends"].required = True


class EditPlanForm(PlanForm):
    version = VersionField()


class PriorityForm(FreeTextGuard, forms.Form):
    number = forms.IntegerField(
        error_messages={"required": "Enter the priority's number"},
        min_value=1,
        max_value=99,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    title = forms.CharField(
        error_messages={"required": "Enter the priority"},
        label="Priority",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    lead = forms.CharField(
        label="Lead (optional)",
        max_length=200,
        required=False,
        help_text="The person, sub-group or board leading it",
    )


class EditPriorityForm(PriorityForm):
    version = VersionField()


class ItemForm(FreeTextGuard, forms.Form):
    reference = forms.CharField(
        error_messages={"required": "Enter the item's reference, for example a"},
        max_length=5,
        help_text="For example a, b or c",
    )
    text = forms.CharField(
        error_messages={"required": "Enter what we will do"},
        label="What we will do",
        widget=forms.Textarea(attrs=TEXTAREA),
    )
    lead_agency: forms.ModelChoiceField[Agency] = forms.ModelChoiceField(
        label="Lead agency (optional)", queryset=None, required=False, empty_label="None"
    )
    lead_person = forms.CharField(label="Lead person (optional)", max_length=200, required=False)
    due_date = GovukDateField(label="Due by (optional)", required=False)

    def __init__(self, *args: Any, partnership: Partnership | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "lead_agency", Agency.objects.filter(partnership=partnership))


class EditItemForm(ItemForm):
    version = VersionField()


class MeasureForm(FreeTextGuard, forms.Form):
    text = forms.CharField(
        error_messages={"required": "Enter what success looks like"},
        label="What success looks like",
        widget=forms.Textarea(attrs=TEXTAREA),
    )
    indicator_id = forms.CharField(
        label="Indicator id (optional)",
        max_length=60,
        required=False,
        help_text="Link to an indicator so its latest figure shows, for example rereferral_pct",
    )
    target = forms.CharField(label="Target (optional)", max_length=200, required=False)


class EditMeasureForm(MeasureForm):
    version = VersionField()


class ProgressForm(FreeTextGuard, forms.Form):
    rag = forms.ChoiceField(
        error_messages={"required": "Select the RAG rating"},
        label="RAG rating",
        choices=Rag.choices,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        error_messages={"required": "Enter the progress made"},
        label="Progress",
        widget=forms.Textarea(attrs=TEXTAREA),
    )
    on = GovukDateField(
        error_messages={"required": "Enter the date of the update"}, label="Date of the update"
    )
    version = VersionField()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["on"].required = True
