from __future__ import annotations

from typing import Any

from django import forms

from lineofsight.delivery.models import Plan, Rag
from lineofsight.govuk.fields import limit_choices
from lineofsight.lib import formparts as parts
from lineofsight.lib.free_text import FreeTextGuard
from lineofsight.lib.versioning import VersionField
from lineofsight.partnership.models import Agency, Partnership


class ItemFilterForm(forms.Form):
    text = parts.text_field("Search")
    rag = parts.filter_choice("RAG rating", [("", "Any"), ("none", "Not yet rated")] + Rag.choices)
    agency = parts.agency_choice("Lead agency", empty_label="Any")
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
    starts = parts.date_field("Starts", "Enter the date the plan starts")
    ends = parts.date_field("Ends", "Enter the date the plan ends")


class EditPlanForm(PlanForm):
    version = VersionField()


class PriorityForm(FreeTextGuard, forms.Form):
    number = forms.IntegerField(
        error_messages={"required": "Enter the priority's number"},
        min_value=1,
        max_value=99,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    title = parts.text_area("Priority", "Enter the priority", rows=3)
    lead = parts.text_field(
        "Lead (optional)", max_length=200, help_text="The person, sub-group or board leading it"
    )


class EditPriorityForm(PriorityForm):
    version = VersionField()


class ItemForm(FreeTextGuard, parts.AgencyChoicesForm):
    agency_fields = ("lead_agency",)

    reference = forms.CharField(
        error_messages={"required": "Enter the item's reference, for example a"},
        max_length=5,
        help_text="For example a, b or c",
    )
    text = parts.text_area("What we will do", "Enter what we will do")
    lead_agency = parts.agency_choice("Lead agency (optional)", empty_label="None")
    lead_person = parts.text_field("Lead person (optional)", max_length=200)
    due_date = parts.date_field("Due by (optional)")


class EditItemForm(ItemForm):
    version = VersionField()


class MeasureForm(FreeTextGuard, forms.Form):
    text = parts.text_area("What success looks like", "Enter what success looks like")
    indicator_id = parts.text_field(
        "Indicator id (optional)",
        max_length=60,
        help_text="Link to an indicator so its latest figure shows, for example rereferral_pct",
    )
    target = parts.text_field("Target (optional)", max_length=200)


class EditMeasureForm(MeasureForm):
    version = VersionField()


class ProgressForm(FreeTextGuard, forms.Form):
    rag = parts.radios("RAG rating", Rag.choices, "Select the RAG rating")
    note = parts.text_area("Progress", "Enter the progress made")
    on = parts.date_field("Date of the update", "Enter the date of the update")
    version = VersionField()
