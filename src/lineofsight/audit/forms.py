from django import forms

from lineofsight.audit.models import AuditLog
from lineofsight.govuk.fields import GovukDateField


class AuditSearchForm(forms.Form):
    text = forms.CharField(
        label="Search", required=False, help_text="Username, operation, record or ID"
    )
    action = forms.ChoiceField(
        label="Action", required=False, choices=[("", "Any")] + AuditLog.Action.choices
    )
    date_from = GovukDateField(label="From", required=False)
    date_to = GovukDateField(label="To", required=False)
