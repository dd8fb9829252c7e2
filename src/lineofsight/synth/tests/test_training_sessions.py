"""The synthetic training records: bookings share sessions (one course, working day and delivery,
the training import's key for a session) of realistic size, about 1,400 places a year."""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from datetime import date

import pytest

from lineofsight.calendar.workdays import is_working_day
from lineofsight.synth.config import default_params
from lineofsight.synth.write_partnership import (
    SESSION_SIZES,
    places_per_session,
    session_floor,
    training_rows,
)


def test_the_fewest_bookings_of_a_session_not_full_is_three_fifths_rounded_up() -> None:
    # 12 x 3/5 = 7.2 -> 8; 16 -> 9.6 -> 10; 20 -> 12 exactly; 24 -> 14.4 -> 15; 25 -> 15; 30 -> 18
    assert [session_floor(c) for c in (12, 16, 20, 24, 25, 30)] == [8, 10, 12, 15, 15, 18]


def test_expected_places_per_session_worked_by_hand() -> None:
    # a session of c places: full (c) with probability 0.15, else uniform on floor..c-1
    # face to face: 12 -> 1.8 + 0.85 x 19/2 = 9.875; 16 -> 2.4 + 0.85 x 25/2 = 13.025;
    # 20 -> 3 + 0.85 x 31/2 = 16.175; 24 -> 3.6 + 0.85 x 38/2 = 19.75; mean 58.825/4 = 14.70625
    assert places_per_session(0.0) == pytest.approx(14.70625)
    # virtual: 20 -> 16.175; 25 -> 3.75 + 0.85 x 39/2 = 20.325; 30 -> 4.5 + 0.85 x 47/2 = 24.475;
    # mean 60.975/3 = 20.325
    assert places_per_session(1.0) == pytest.approx(20.325)
    # from April 2020, 80% virtual: 0.2 x 14.70625 + 0.8 x 20.325 = 19.20125
    assert places_per_session(0.8) == pytest.approx(19.20125)


def _rows() -> list[list[object]]:
    return training_rows(default_params(), 1.0, range(2017, 2022), random.Random("7:371:training"))


def _year(day: date) -> int:
    return day.year if day.month >= 4 else day.year - 1


def test_bookings_share_sessions_of_realistic_size() -> None:
    rows = _rows()
    sessions: dict[tuple[str, date, str], list[list[object]]] = defaultdict(list)
    for row in rows:
        sessions[(str(row[1]), date.fromisoformat(str(row[4])), str(row[3]))].append(row)
    places: Counter[int] = Counter()
    count: Counter[int] = Counter()
    for (_course, day, mode), members in sessions.items():
        sizes = SESSION_SIZES[mode]
        assert session_floor(min(sizes)) <= len(members) <= max(sizes)
        assert len({m[6] for m in members}) == len(members)  # no learner twice on a session
        assert is_working_day(day)
        assert mode == "face_to_face" or day >= date(2020, 4, 1)
        places[_year(day)] += len(members)
        count[_year(day)] += 1
    assert sorted(places) == [2016, 2017, 2018, 2019, 2020]
    for year in places:
        # a planned programme: 1,400 / 14.70625 = 95.2 sessions a year, 1,400 / 19.20125 = 72.9
        # in 2020-21 (a year runs the whole sessions its months carry: one either side of that)
        assert count[year] in ({72, 73} if year == 2020 else {95, 96}), year
        assert 1250 <= places[year] <= 1550, year  # about 1,400; only the bookings are drawn
        expected = places_per_session(0.8 if year == 2020 else 0.0)
        assert abs(places[year] / count[year] - expected) < 2, year
    did_not_attend = sum(row[7] == "N" for row in rows) / len(rows)
    assert 0.08 <= did_not_attend <= 0.12  # 10% of places


def test_the_same_seed_gives_the_same_records() -> None:
    assert _rows() == _rows()
    other = training_rows(default_params(), 1.0, range(2017, 2022), random.Random("8:371:training"))
    assert other != _rows()
