from __future__ import annotations

from typing import Any

from django import forms

from lineofsight.actions.models import Action, LearningTheme
from lineofsight.actions.sources import source_choices
from lineofsight.govuk.fields import GovukDateField, limit_choices
from lineofsight.lib.free_text import FreeTextGuard
from lineofsight.lib.versioning import VersionField
from lineofsight.partnership.models import Agency, Partnership

UPDATE_STATUSES = [
    (Action.Status.OPEN.value, "Open"),
    (Action.Status.IN_PROGRESS.value, "In progress"),
    (Action.Status.COMPLETED.value, "Completed, impact not yet evidenced"),
    (Action.Status.CANCELLED.value, "Cancelled (say why)"),
]


class ActionFilterForm(forms.Form):
    """The list's filters (a GET form: every field optional)."""

    q = forms.CharField(
        label="Search", required=False, max_length=100, help_text="Title, source or owner"
    )
    agency = forms.ModelChoiceField(
        label="Owner agency",
        queryset=Agency.objects.none(),
        required=False,
        empty_label="All agencies",
    )
    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[("", "Any status"), ("active", "Open or in progress"), *Action.Status.choices],
    )
    source = forms.ChoiceField(
        label="Source", required=False, choices=lambda: [("", "Any source"), *source_choices()]
    )
    theme = forms.ModelChoiceField(
        label="Learning theme",
        queryset=LearningTheme.objects.none(),
        required=False,
        empty_label="Any theme",
        to_field_name="slug",
    )
    due = forms.ChoiceField(
        label="Due",
        required=False,
        choices=[("", "Any time"), ("overdue", "Overdue"), ("soon", "Due in the next 28 days")],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "agency", Agency.objects.order_by("name"))
        limit_choices(self, "theme", LearningTheme.objects.order_by("name"))

    def filters(self) -> dict[str, Any]:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "agency": data.get("agency"),
            "status": data.get("status") or None,
            "source": data.get("source") or None,
            "theme": data.get("theme"),
            "overdue": True if data.get("due") == "overdue" else None,
            "due_soon": data.get("due") == "soon",
            "search": data.get("q") or "",
        }


class ActionUpdateForm(FreeTextGuard, forms.Form):
    version = VersionField()
    text = forms.CharField(
        error_messages={"required": "Enter what has happened"},
        label="What has happened",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
    )
    evidence = forms.CharField(
        label="Evidence (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        help_text="For example a policy, a training record or audit results, and where it is kept",
    )
    status = forms.ChoiceField(
        error_messages={"required": "Select the status after this update"},
        label="Status after this update",
        choices=UPDATE_STATUSES,
        widget=forms.RadioSelect,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("status") == Action.Status.CANCELLED and len(data.get("text", "")) < 10:
            self.add_error("text", "Say why the action is being cancelled")
        return data


class CloseActionForm(FreeTextGuard, forms.Form):
    version = VersionField()
    impact_evidence = forms.CharField(
        label="Evidence of impact",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=10000,
        help_text="What has changed for children and families, and how you know: for example "
        "re-audit results, performance figures or feedback from practitioners and families",
        error_messages={"required": "Enter the evidence that this action has made a difference"},
    )


class ActionForm(FreeTextGuard, forms.Form):
    title = forms.CharField(
        error_messages={"required": "Enter the action"}, label="Action", max_length=300
    )
    description = forms.CharField(
        label="Details (optional)", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    source = forms.ChoiceField(
        error_messages={"required": "Select where the action comes from"},
        label="Source",
        choices=source_choices,
        widget=forms.RadioSelect,
    )
    source_label = forms.CharField(
        label="Source reference (optional)",
        required=False,
        max_length=200,
        help_text='For example "Ofsted JTAI 2021 area for improvement 2"',
    )
    owner_agency: forms.ModelChoiceField[Agency] = forms.ModelChoiceField(
        error_messages={"required": "Select the agency that owns the action"},
        label="Owner agency",
        queryset=Agency.objects.none(),
        empty_label="Choose an agency",
    )
    owner_person = forms.CharField(
        label="Owner (optional)",
        required=False,
        max_length=200,
        help_text="The person or role leading it",
    )
    due_date = GovukDateField(
        error_messages={"required": "Enter the date the action is due"},
        label="Due date",
        help_text="For example, 31 3 2022",
    )
    themes = forms.ModelMultipleChoiceField(
        label="Learning themes (optional)",
        queryset=LearningTheme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "owner_agency", Agency.objects.order_by("name"))
        limit_choices(self, "themes", LearningTheme.objects.order_by("name"))
        self.fields["due_date"].required = True


class EditActionForm(ActionForm):
    version = VersionField()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["source"]
        del self.fields["source_label"]


class RaiseActionForm(FreeTextGuard, forms.Form):
    """Raise an action from a record (any registered ``actions.sources`` source)."""

    title = forms.CharField(
        error_messages={"required": "Enter the action"}, label="Action", max_length=300
    )
    owner_agency: forms.ModelChoiceField[Agency] = forms.ModelChoiceField(
        error_messages={"required": "Select the agency that owns the action"},
        label="Owner agency",
        queryset=None,
        empty_label="Choose an agency",
    )
    owner_person = forms.CharField(
        label="Owner (optional)",
        max_length=200,
        required=False,
        help_text="The person or role leading it",
    )
    due_date = GovukDateField(
        error_messages={"required": "Enter the date the action is due"},
        label="Due date",
        help_text="For example, 31 3 2022",
    )
    description = forms.CharField(
        label="Details (optional)", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    themes = forms.ModelMultipleChoiceField(
        label="Learning themes (optional)",
        queryset=LearningTheme.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, partnership: Partnership | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(
            self, "owner_agency", Agency.objects.filter(partnership=partnership).order_by("name")
        )
        self.fields["due_date"].required = True
