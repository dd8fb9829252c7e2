"""Case review deadlines (Working Together 2018 and 2023), in England working days.

- Notification of a serious incident to the national Child Safeguarding Practice Review Panel:
  within 5 working days of the local authority becoming aware of it.
- Rapid review: expected within 15 working days of becoming aware.
- A local child safeguarding practice review: published within about 6 months of initiation
  (the target is ``settings.REVIEW_PUBLICATION_TARGET_MONTHS``).

The day the local authority became aware is day 0; working days exclude weekends and England's
bank holidays.  Pure functions: no Django import.
"""

from __future__ import annotations

import calendar
import datetime as dt

from lineofsight.calendar.timescales import (
    CSPR_PUBLICATION,
    RAPID_REVIEW,
    SERIOUS_INCIDENT_NOTIFICATION,
)
from lineofsight.calendar.workdays import add_working_days

NOTIFICATION_WORKING_DAYS = SERIOUS_INCIDENT_NOTIFICATION.amount
RAPID_REVIEW_WORKING_DAYS = RAPID_REVIEW.amount


def notification_due(aware_on: dt.date) -> dt.date:
    return add_working_days(aware_on, NOTIFICATION_WORKING_DAYS)


def rapid_review_due(aware_on: dt.date) -> dt.date:
    return add_working_days(aware_on, RAPID_REVIEW_WORKING_DAYS)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the month's last day if it is shorter)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def publication_target(initiated_on: dt.date, months: int = CSPR_PUBLICATION.amount) -> dt.date:
    return add_months(initiated_on, months)
