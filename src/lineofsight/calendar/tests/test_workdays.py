import csv
import datetime as dt
from importlib import resources

import numpy as np
import pytest

from lineofsight.calendar import rules, workdays
from lineofsight.calendar.workdays import (
    YearNotCovered,
    add_working_days,
    bank_holidays,
    is_working_day,
    subtract_working_days,
    working_day_index,
    working_days_dfe,
)

D = dt.date


def test_bank_holidays_include_the_one_off_days_and_moved_holidays():
    days = bank_holidays()
    one_offs = [D(2011, 4, 29), D(2012, 6, 4), D(2012, 6, 5), D(2020, 5, 8), D(2022, 6, 2)]
    one_offs += [D(2022, 6, 3), D(2022, 9, 19), D(2023, 5, 8)]
    assert all(day in days for day in one_offs)
    # moved: no holiday on the usual last Monday of May 2012 / 2022 or first Monday of May 2020
    assert D(2012, 5, 28) not in days and D(2022, 5, 30) not in days and D(2020, 5, 4) not in days
    # substitute days: 25-26 Dec 2021 were Sat-Sun -> Mon 27 and Tue 28
    assert D(2021, 12, 27) in days and D(2021, 12, 28) in days
    assert min(days).year == 1990 and max(days).year >= 2035
    # eight a year normally
    assert sum(1 for day in days if day.year == 2019) == 8


def test_bank_holiday_file_is_sorted_dates_with_names():
    text = resources.files("lineofsight.calendar").joinpath(workdays.TABLE).read_text()
    rows = list(csv.DictReader(text.splitlines()))
    dates = [row["date"] for row in rows]
    assert dates == sorted(dates) and len(dates) == len(set(dates))
    assert all(row["name"] for row in rows)


def test_working_days_same_day_counts_as_one():
    # the end date counts as day 1
    assert working_days_dfe(D(2021, 9, 1), D(2021, 9, 1)) == 1


def test_working_days_across_easter_2020():
    # Thu 9 Apr counts; Good Friday 10, Sat 11, Sun 12, Easter Monday 13 do not; Tue 14 is the
    # end date, day 1 -> 2
    assert working_days_dfe(D(2020, 4, 9), D(2020, 4, 14)) == 2


def test_working_days_across_christmas_2020():
    # Thu 24 Dec counts; Fri 25 (Christmas), Sat 26, Sun 27, Mon 28 (Boxing Day substitute)
    # do not; Tue 29 is the end date -> 2
    assert working_days_dfe(D(2020, 12, 24), D(2020, 12, 29)) == 2


def test_working_days_across_the_2022_jubilee():
    # Wed 1 Jun counts; Thu 2 (spring holiday moved) and Fri 3 (jubilee) and the weekend do not;
    # Mon 6 is the end date -> 2
    assert working_days_dfe(D(2022, 6, 1), D(2022, 6, 6)) == 2


def test_forty_five_working_days_from_1_september_2021():
    # Sep 2021 from Wed 1: 3 + 5 + 5 + 5 + 4 = 22; Oct: Fri 1 -> 23, then 5 a week -> 43 by
    # Fri 29; Mon 1 Nov -> 44; Tue 2 Nov is the 45th, counted as the end date
    assert working_days_dfe(D(2021, 9, 1), D(2021, 11, 2)) == 45
    assert working_days_dfe(D(2021, 9, 1), D(2021, 11, 3)) == 46


def test_working_days_agree_with_numpy_business_day_count():
    # an independent count: numpy's busday_count over [start, end) plus the end date itself
    holidays = sorted(bank_holidays())
    start = D(2019, 12, 20)
    for end in (D(2020, 1, 2), D(2020, 5, 11), D(2022, 6, 10), D(2023, 5, 9)):
        expected = int(np.busday_count(start, end, holidays=holidays)) + 1
        assert working_days_dfe(start, end) == expected


def test_working_days_refuses_dates_without_a_calendar():
    with pytest.raises(ValueError):
        working_days_dfe(D(1989, 12, 1), D(1990, 1, 5))
    with pytest.raises(ValueError, match="before"):
        working_days_dfe(D(2021, 1, 5), D(2021, 1, 4))


def test_working_day_index_differences_match_working_days():
    index = dict(working_day_index(D(2022, 5, 20), D(2022, 6, 30)))
    start, end = D(2022, 5, 25), D(2022, 6, 15)
    assert index[end] - index[start] + 1 == working_days_dfe(start, end)


def test_add_working_days_counts_from_the_day_after_start_across_easter_2021():
    # 1 Apr 2021 is a Thursday; 2 Apr Good Friday, 5 Apr Easter Monday.
    # Days 1-5: 6, 7, 8, 9, 12 April; days 6-15: 13-16, 19-23, 26 April.
    assert add_working_days(D(2021, 4, 1), 1) == D(2021, 4, 6)
    assert add_working_days(D(2021, 4, 1), 5) == D(2021, 4, 12)
    assert add_working_days(D(2021, 4, 1), 15) == D(2021, 4, 26)


def test_add_working_days_from_a_weekend_or_holiday_and_zero_days():
    assert add_working_days(D(2020, 12, 25), 1) == D(2020, 12, 29)  # Boxing Day moved to 28th
    assert add_working_days(D(2022, 9, 17), 1) == D(2022, 9, 20)  # state funeral 19 Sep
    assert add_working_days(D(2021, 4, 3), 0) == D(2021, 4, 3)


def test_add_working_days_relates_to_the_dfe_count():
    # working_days counts the start date as well (the DfE validator convention).
    for start in (D(2021, 4, 1), D(2020, 12, 24), D(2022, 5, 31)):
        for n in (1, 5, 15, 45):
            assert working_days_dfe(start, add_working_days(start, n)) == n + 1


def test_add_working_days_refuses_dates_without_a_calendar():
    with pytest.raises(ValueError):
        add_working_days(D(1989, 12, 30), 2)
    with pytest.raises(ValueError):
        add_working_days(D(2060, 12, 30), 5)


def test_the_table_is_the_rules_from_1990_to_2060():
    table = workdays.bank_holiday_names()
    by_rule = dict(rules.table_rows(1990, 2060))
    assert table == by_rule


def test_the_rules_reproduce_the_published_dates_2010_to_2030():
    # the gov.uk dates the indicators shipped before this module (names included)
    text = (resources.files("lineofsight.calendar.tests") / "gov_uk_2010_2030.csv").read_text()
    published = {D.fromisoformat(r["date"]): r["name"] for r in csv.DictReader(text.splitlines())}
    assert dict(rules.table_rows(2010, 2030)) == published


def test_easter_sundays():
    assert [rules.easter_sunday(y) for y in (2000, 2019, 2024, 2035)] == [
        D(2000, 4, 23),
        D(2019, 4, 21),
        D(2024, 3, 31),
        D(2035, 3, 25),
    ]


def test_a_year_beyond_the_table_names_the_year():
    with pytest.raises(YearNotCovered, match="not known for 2061") as raised:
        is_working_day(D(2061, 1, 2))
    assert raised.value.year == 2061 and "LINEOFSIGHT_BANK_HOLIDAYS" in str(raised.value)
    with pytest.raises(YearNotCovered, match="2061"):
        add_working_days(D(2060, 12, 20), 30)


def test_a_configured_file_extends_the_table(tmp_path, monkeypatch):
    extra = tmp_path / "extra.csv"
    extra.write_text("date,name\n2061-01-01,New Year's Day\n2061-03-03,A one-off day\n")
    monkeypatch.setenv(workdays.EXTRA_ENV, str(extra))
    workdays.reload()
    try:
        assert not is_working_day(D(2061, 3, 3)) and is_working_day(D(2061, 3, 4))
        assert add_working_days(D(2061, 3, 2), 1) == D(2061, 3, 4)
    finally:
        monkeypatch.delenv(workdays.EXTRA_ENV)
        workdays.reload()
    assert 2061 not in workdays.known_years()


def test_a_malformed_configured_file_says_where(tmp_path, monkeypatch):
    extra = tmp_path / "extra.csv"
    extra.write_text("date,name\n1 Jan 2061,New Year\n")
    monkeypatch.setenv(workdays.EXTRA_ENV, str(extra))
    workdays.reload()
    try:
        with pytest.raises(ValueError, match="line 2"):
            workdays.bank_holidays()
    finally:
        monkeypatch.delenv(workdays.EXTRA_ENV)
        workdays.reload()


def test_subtract_is_the_inverse_of_add_from_a_working_day():
    for start in (D(2021, 4, 1), D(2020, 12, 24), D(2022, 5, 31), D(2035, 6, 1)):
        for n in (1, 5, 15):
            assert subtract_working_days(add_working_days(start, n), n) == start


def test_fast_add_agrees_with_a_day_by_day_walk():
    for start in (D(1990, 1, 1), D(1999, 12, 30), D(2011, 4, 28), D(2022, 9, 16), D(2035, 1, 1)):
        day, left = start, 40
        while left:
            day += dt.timedelta(days=1)
            left -= is_working_day(day)
        assert add_working_days(start, 40) == day


def test_no_django_import():
    import ast
    from pathlib import Path

    for path in Path(workdays.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = (
                    [a.name for a in node.names]
                    if isinstance(node, ast.Import)
                    else [node.module or ""]
                )
                assert not any(n.split(".")[0] == "django" for n in names), path
