"""Timeliness alerts on an open child death case (the thresholds are ``AlertSettings``).

- *no agency report*: no agency has returned its report N weeks after the notification;
- *open over the warning months* / *open over the overdue months* (default 6 and 12, the national
  expectation that reviews complete within 12 months of the death, ``CDOP_REVIEW``): counted from
  the death, until the case is closed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from lineofsight.reviews.deadlines import add_months


@dataclass(frozen=True)
class Thresholds:
    agency_report_weeks: int
    open_warning_months: int
    open_overdue_months: int

    @classmethod
    def of(cls, settings: Any) -> Thresholds:
        return cls(
            settings.agency_report_weeks,
            settings.open_warning_months,
            settings.open_overdue_months,
        )


@dataclass(frozen=True)
class Alert:
    key: str  # "agency_reports" | "open_warning" | "open_overdue"
    text: str
    since: dt.date
    overdue: bool  # red (overdue) or amber (warning)


def alerts_for(
    *,
    died_on: dt.date,
    notified_on: dt.date,
    closed_on: dt.date | None,
    reports_returned: int,
    thresholds: Thresholds,
    today: dt.date,
) -> list[Alert]:
    if closed_on is not None:
        return []
    found = []
    weeks = thresholds.agency_report_weeks
    reports_due = notified_on + dt.timedelta(weeks=weeks)
    if reports_returned == 0 and today > reports_due:
        found.append(
            Alert(
                "agency_reports",
                f"No agency report returned {weeks} weeks after notification",
                reports_due,
                overdue=True,
            )
        )
    overdue = add_months(died_on, thresholds.open_overdue_months)
    warning = add_months(died_on, thresholds.open_warning_months)
    if today > overdue:
        found.append(
            Alert(
                "open_overdue",
                f"Open more than {thresholds.open_overdue_months} months after the death",
                overdue,
                overdue=True,
            )
        )
    elif today > warning:
        found.append(
            Alert(
                "open_warning",
                f"Open more than {thresholds.open_warning_months} months after the death",
                warning,
                overdue=False,
            )
        )
    return found
