"""The yearly report's one deadline: sent to the Child Safeguarding Practice Review Panel and
to Foundations within 7 days of publication (``timescales.YEARLY_REPORT_SENT``)."""

from __future__ import annotations

import datetime as dt

from lineofsight.calendar.timescales import YEARLY_REPORT_SENT


def send_by(published_on: dt.date) -> dt.date:
    """The last day for sending a yearly report published on ``published_on``."""
    return published_on + dt.timedelta(days=YEARLY_REPORT_SENT.amount)
