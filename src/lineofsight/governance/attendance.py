"""Attendance arithmetic (pure: no Django).  Hand-checked in ``tests/test_attendance.py``.

A meeting records, for each agency that was a member when it met, whether the agency attended
(in person or by a deputy).  For each agency over a run of meetings:

- ``expected``: meetings it was a member of; ``attended``: those it attended;
  ``rate``: attended / expected as a percentage to one decimal place, rounded half up
  (``None`` when it was expected at none);
- ``missed_in_a_row``: meetings missed since it last attended (counted back from the latest
  meeting it was expected at);
- ``needs_attention``: a watched agency (a statutory partner, or one whose attendance the
  group watches) whose ``missed_in_a_row`` is at least the partnership's threshold.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)  # whatever identifies an agency (a primary key, a code)


@dataclass(frozen=True)
class MeetingAttendance(Generic[K]):
    held_on: dt.date
    attended: Mapping[K, bool]  # agency -> attended (only the agencies expected)


@dataclass(frozen=True)
class AgencyRecord(Generic[K]):
    agency: K
    expected: int
    attended: int
    missed_in_a_row: int
    last_attended: dt.date | None
    needs_attention: bool

    @property
    def rate(self) -> Decimal | None:
        if self.expected == 0:
            return None
        value = Decimal(self.attended * 100) / Decimal(self.expected)
        return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def records(
    meetings: Iterable[MeetingAttendance[K]],
    *,
    watched: Iterable[K] = (),
    threshold: int = 2,
) -> dict[K, AgencyRecord[K]]:
    """Each agency's record over ``meetings`` (any order; counted in date order)."""
    if threshold < 1:
        raise ValueError("the threshold is at least one meeting")
    watched_set = set(watched)
    expected: dict[K, int] = {}
    attended: dict[K, int] = {}
    streak: dict[K, int] = {}
    last: dict[K, dt.date | None] = {}
    for meeting in sorted(meetings, key=lambda m: m.held_on):
        for agency, was_there in meeting.attended.items():
            expected[agency] = expected.get(agency, 0) + 1
            last.setdefault(agency, None)
            if was_there:
                attended[agency] = attended.get(agency, 0) + 1
                streak[agency] = 0
                last[agency] = meeting.held_on
            else:
                streak[agency] = streak.get(agency, 0) + 1
    return {
        agency: AgencyRecord(
            agency=agency,
            expected=count,
            attended=attended.get(agency, 0),
            missed_in_a_row=streak.get(agency, 0),
            last_attended=last[agency],
            needs_attention=agency in watched_set and streak.get(agency, 0) >= threshold,
        )
        for agency, count in expected.items()
    }
