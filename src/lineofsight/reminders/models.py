from __future__ import annotations

from django.conf import settings
from django.db import models

from lineofsight.lib.models import unique


class Reminder(models.Model):
    """One item a person was reminded of on one day (a return or an action).  The constraint is
    the rule "never reminded twice of the same thing on the same day"."""

    class Kind(models.TextChoices):
        RETURN_DUE = "return_due", "Return due within 7 days"
        RETURN_LATE = "return_late", "Return late"
        ACTION_DUE = "action_due", "Action due within 7 days"
        ACTION_OVERDUE = "action_overdue", "Action overdue"
        REPORT_UNSENT = "report_unsent", "Yearly report not yet sent to the Panel and Foundations"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    item = models.CharField(max_length=60, help_text="What it is about, e.g. actions.action:12")
    text = models.CharField(max_length=400)
    sent_on = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_at"]
        constraints = [unique("user", "item", "sent_on", name="reminded_once_per_item_and_day")]

    def __str__(self) -> str:
        return f"{self.user} on {self.sent_on}: {self.text}"
