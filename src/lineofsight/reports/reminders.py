"""The reminder the reports app registers with ``reminders.sources``: a published yearly report
not yet recorded as sent to both the Child Safeguarding Practice Review Panel and Foundations.

From the day it is published until both dates are recorded, the people who may record it
(``reports.manage`` in that partnership) are reminded daily: "due" until the seventh day, "late"
after it.  Several files of the same year's report count as one: once any of them is recorded
as sent to both, the year is done.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from lineofsight.govuk.formatting import date_uk
from lineofsight.partnership.models import User
from lineofsight.partnership.roles import roles_with
from lineofsight.reminders.sources import Due, register_reminder_source
from lineofsight.reports.deadlines import send_by
from lineofsight.reports.models import Report

KIND = "report_unsent"


def _managers(partnership_id: int) -> list[User]:
    return list(
        User.objects.filter(
            agency__partnership_id=partnership_id,
            role_assignments__role__in=roles_with("reports.manage"),
        ).distinct()
    )


def unsent_yearly_reports(today: dt.date) -> Iterator[Due]:
    published = Report.objects.filter(
        kind=Report.Kind.ANNUAL,
        edition=Report.Edition.PUBLISHED,
        published_on__isnull=False,
        published_on__lte=today,
    ).order_by("partnership_id", "period_label", "published_on", "pk")
    years: dict[tuple[int, str], list[Report]] = {}
    for report in published:
        years.setdefault((report.partnership_id, report.period_label), []).append(report)
    for (partnership_id, period), reports in years.items():
        if any(r.sent_to_panel_on and r.sent_to_foundations_on for r in reports):
            continue
        first = reports[0]
        assert first.published_on is not None
        due = send_by(first.published_on)
        missing = " and ".join(
            name
            for name, sent in (
                ("the Child Safeguarding Practice Review Panel", first.sent_to_panel_on),
                ("Foundations", first.sent_to_foundations_on),
            )
            if sent is None
        )
        when = f"Late: was due {date_uk(due)}" if today > due else f"Due {date_uk(due)}"
        yield Due(
            kind=KIND,
            item=f"reports.report:{first.pk}",
            text=f"{when}: send the annual report {period} (published "
            f"{date_uk(first.published_on)}) to {missing}, then record the dates on its page",
            users=_managers(partnership_id),
        )


def register() -> None:
    register_reminder_source("reports.yearly_report_sent", unsent_yearly_reports)
