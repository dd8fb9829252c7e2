from __future__ import annotations

from typing import Any

from django import forms

from lineofsight.actions.models import Action, LearningTheme
from lineofsight.actions.sources import source_choices
from lineofsight.govuk.fields import limit_choices
from lineofsight.lib import formparts as parts
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

    q = parts.text_field("Search", max_length=100, help_text="Title, source or owner")
    agency = parts.agency_choice("Owner agency", empty_label="All agencies")
    status = parts.filter_choice(
        "Status", [("", "Any status"), ("active", "Open or in progress"), *Action.Status.choices]
    )
    source = parts.filter_choice("Source", lambda: [("", "Any source"), *source_choices()])
    theme = forms.ModelChoiceField(
        label="Learning theme",
        queryset=LearningTheme.objects.none(),
        required=False,
        empty_label="Any theme",
        to_field_name="slug",
    )
    due = parts.filter_choice(
        "Due", [("", "Any time"), ("overdue", "Overdue"), ("soon", "Due in the next 28 days")]
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
    text = parts.text_area("What has happened", "Enter what has happened", max_length=5000)
    evidence = parts.text_area(
        "Evidence (optional)",
        rows=3,
        max_length=5000,
        help_text="For example a policy, a training record or audit results, and where it is kept",
    )
    status = parts.radios(
        "Status after this update", UPDATE_STATUSES, "Select the status after this update"
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("status") == Action.Status.CANCELLED and len(data.get("text", "")) < 10:
            self.add_error("text", "Say why the action is being cancelled")
        return data


class CloseActionForm(FreeTextGuard, forms.Form):
    version = VersionField()
    impact_evidence = parts.text_area(
        "Evidence of impact",
        "Enter the evidence that this action has made a difference",
        rows=6,
        max_length=10000,
        help_text="What has changed for children and families, and how you know: for example "
        "re-audit results, performance figures or feedback from practitioners and families",
    )


def _title() -> forms.CharField:
    return parts.text_field("Action", "Enter the action", max_length=300)


def _description() -> forms.CharField:
    return parts.text_area("Details (optional)")


def _themes() -> forms.ModelMultipleChoiceField:
    return parts.checkboxes("Learning themes (optional)", LearningTheme.objects.order_by("name"))


class ActionForm(FreeTextGuard, forms.Form):
    title = _title()
    description = _description()
    source = parts.radios("Source", source_choices, "Select where the action comes from")
    source_label = parts.text_field(
        "Source reference (optional)",
        max_length=200,
        help_text='For example "Ofsted JTAI 2021 area for improvement 2"',
    )
    owner_agency = parts.action_owner_agency()
    owner_person = parts.action_owner_person()
    due_date = parts.action_due_date()
    themes = _themes()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "owner_agency", Agency.objects.order_by("name"))


class EditActionForm(ActionForm):
    version = VersionField()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["source"]
        del self.fields["source_label"]


class RaiseActionForm(FreeTextGuard, forms.Form):
    """Raise an action from a record (any registered ``actions.sources`` source)."""

    title = _title()
    owner_agency = parts.action_owner_agency()
    owner_person = parts.action_owner_person()
    due_date = parts.action_due_date()
    description = _description()
    themes = _themes()

    def __init__(self, *args: Any, partnership: Partnership | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(
            self, "owner_agency", Agency.objects.filter(partnership=partnership).order_by("name")
        )
