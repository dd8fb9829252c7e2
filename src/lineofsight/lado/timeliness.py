"""The LADO's timeliness standards applied to one referral (pure Python: dates in, flags out).

- decision: the threshold decided within ``decision_days`` working days of receipt (the shared
  calendar, start day 0: due on ``add_working_days(received, n)``);
- meeting: for a referral that met the threshold, the first strategy or evaluation meeting within
  ``meeting_days`` working days of the decision;
- conclusion: concluded within ``first``, ``target`` and ``longest`` calendar months of receipt
  (the National LADO Network's one, three and twelve months).

A standard that is neither met nor yet due is ``None`` ("not yet known"); an open case past a
due date carries a flag.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from lineofsight.calendar.timescales import (
    LADO_CONCLUSION,
    LADO_CONCLUSION_FIRST,
    LADO_CONCLUSION_LONGEST,
    LADO_DECISION,
    LADO_STRATEGY_MEETING_WORKING_DAYS,
)
from lineofsight.calendar.workdays import add_working_days, working_days_dfe
from lineofsight.reviews.deadlines import add_months  # pure: calendar months


@dataclass(frozen=True)
class Standards:
    decision_days: int = LADO_DECISION.amount
    meeting_days: int = LADO_STRATEGY_MEETING_WORKING_DAYS.amount
    first_months: int = LADO_CONCLUSION_FIRST.amount
    target_months: int = LADO_CONCLUSION.amount
    longest_months: int = LADO_CONCLUSION_LONGEST.amount

    @classmethod
    def of(cls, stored: object) -> Standards:
        return cls(
            decision_days=getattr(stored, "decision_days", LADO_DECISION.amount),
            meeting_days=getattr(stored, "meeting_days", LADO_STRATEGY_MEETING_WORKING_DAYS.amount),
            first_months=getattr(stored, "first_months", LADO_CONCLUSION_FIRST.amount),
            target_months=getattr(stored, "target_months", LADO_CONCLUSION.amount),
            longest_months=getattr(stored, "longest_months", LADO_CONCLUSION_LONGEST.amount),
        )


@dataclass(frozen=True)
class Flag:
    key: str  # decision | meeting | conclusion
    text: str
    due: dt.date
    serious: bool = True


def decision_due(received_on: dt.date, standards: Standards) -> dt.date:
    return add_working_days(received_on, standards.decision_days)


def meeting_due(decided_on: dt.date, standards: Standards) -> dt.date:
    return add_working_days(decided_on, standards.meeting_days)


def working_days_taken(start: dt.date, end: dt.date) -> int:
    """Working days from ``start`` to ``end`` with ``start`` as day 0 (the deadline convention:
    ``end <= add_working_days(start, n)`` exactly when this is at most ``n``)."""
    if end <= start:
        return 0
    return working_days_dfe(start, end) - 1


def decided_in_time(received_on: dt.date, decided_on: dt.date | None, s: Standards) -> bool | None:
    if decided_on is None:
        return None
    return decided_on <= decision_due(received_on, s)


def meeting_in_time(
    decided_on: dt.date | None, first_meeting: dt.date | None, s: Standards
) -> bool | None:
    if decided_on is None or first_meeting is None:
        return None
    return first_meeting <= meeting_due(decided_on, s)


def concluded_within(
    received_on: dt.date, concluded_on: dt.date | None, months: int
) -> bool | None:
    if concluded_on is None:
        return None
    return concluded_on <= add_months(received_on, months)


def flags(
    *,
    received_on: dt.date,
    threshold_met: bool | None,
    decided_on: dt.date | None,
    first_meeting: dt.date | None,
    concluded_on: dt.date | None,
    standards: Standards,
    today: dt.date,
) -> list[Flag]:
    """What is overdue about an open referral on ``today`` (nothing once it is concluded)."""
    if concluded_on is not None:
        return []
    found = []
    due = decision_due(received_on, standards)
    if decided_on is None and today > due:
        found.append(Flag("decision", "Threshold decision overdue", due))
    if threshold_met and decided_on is not None and first_meeting is None:
        due = meeting_due(decided_on, standards)
        if today > due:
            found.append(Flag("meeting", "Strategy meeting overdue", due))
    longest = add_months(received_on, standards.longest_months)
    target = add_months(received_on, standards.target_months)
    if today > longest:
        found.append(Flag("conclusion", f"Open over {standards.longest_months} months", longest))
    elif today > target:
        found.append(
            Flag("conclusion", f"Open over {standards.target_months} months", target, serious=False)
        )
    return found
