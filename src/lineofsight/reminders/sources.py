"""Reminders other apps add, registered in their ``AppConfig.ready()`` (like the action and theme
sources): a finder that, for a day, returns what is due or late and who to remind of it::

    from lineofsight.reminders.sources import Due, register_reminder_source

    def unsent_reports(today):
        return [Due(kind="report_unsent", item=f"reports.report:{r.pk}", text=..., users=[...])]

    register_reminder_source("reports.yearly_report_sent", unsent_reports)

``send_reminders`` adds these to the returns and actions it finds itself, with the same rules:
one email per person per run, never the same item twice on a day, opted-out people left out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Due:
    kind: str  # a ``Reminder.Kind`` value
    item: str  # what it is about, e.g. "reports.report:12" (one reminder per item and day)
    text: str  # one line of the email
    users: Sequence[Any]  # who to remind (people who opted out or have no email are dropped)


Finder = Callable[[dt.date], Iterable[Due]]

_SOURCES: dict[str, Finder] = {}


def register_reminder_source(key: str, find: Finder) -> None:
    """Add (or replace) the reminder source ``key``."""
    _SOURCES[key] = find


def reminder_sources() -> dict[str, Finder]:
    return dict(_SOURCES)
