"""Attendance arithmetic, hand-checked."""

import datetime as dt
from decimal import Decimal

import pytest

from lineofsight.governance.attendance import (
    MeetingAttendance,
    records,
)

D = dt.date


def meetings():
    # police: yes yes no no (2 missed in a row at the end); council: no yes yes no;
    # trust: joined at the third meeting, no no.
    return [
        MeetingAttendance(D(2020, 7, 1), {"police": True, "council": False}),
        MeetingAttendance(D(2020, 4, 1), {"police": True, "council": False}),
        MeetingAttendance(D(2020, 10, 1), {"police": False, "council": True, "trust": False}),
        MeetingAttendance(D(2021, 1, 6), {"police": False, "council": False, "trust": False}),
    ]


def test_rates_and_runs_are_counted_in_date_order():
    found = records(meetings(), watched={"police", "council"}, threshold=2)
    police, council, trust = found["police"], found["council"], found["trust"]
    assert (police.expected, police.attended, police.rate) == (4, 2, Decimal("50.0"))
    assert police.missed_in_a_row == 2 and police.last_attended == D(2020, 7, 1)
    assert police.needs_attention  # watched, 2 in a row
    # dates are sorted: the council's attendance in date order is no, no, yes, no
    assert (council.attended, council.missed_in_a_row, council.rate) == (1, 1, Decimal("25.0"))
    assert not council.needs_attention
    # an agency expected at two meetings, missing both, but not watched: no flag
    assert (trust.expected, trust.missed_in_a_row, trust.needs_attention) == (2, 2, False)
    assert trust.last_attended is None and trust.rate == Decimal("0.0")


def test_the_threshold_is_configurable():
    assert not records(meetings(), watched={"police"}, threshold=3)["police"].needs_attention
    assert records(meetings(), watched={"council"}, threshold=1)["council"].needs_attention
    with pytest.raises(ValueError):
        records(meetings(), threshold=0)


def test_rates_round_half_up_to_one_place():
    # 2 of 3 = 66.666... -> 66.7; 1 of 8 = 12.5 exactly
    three = [MeetingAttendance(D(2020, 5, m), {"x": m != 3}) for m in (1, 2, 3)]
    assert records(three)["x"].rate == Decimal("66.7")
    eight = [MeetingAttendance(D(2020, 5, m), {"x": m == 1}) for m in range(1, 9)]
    assert records(eight)["x"].rate == Decimal("12.5")
    assert records([]) == {}
