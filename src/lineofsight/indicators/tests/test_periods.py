import datetime as dt

import pytest

from lineofsight.indicators import periods as P

D = dt.date


def test_month_quarter_year_and_snapshot():
    assert P.month(2021, 4) == P.Period(D(2021, 4, 1), D(2021, 4, 30), "month", "2021-04")
    assert P.month(2024, 2).end == D(2024, 2, 29)
    assert P.month(2021, 12).end == D(2021, 12, 31)
    q1 = P.quarter(2021, 1)
    assert (q1.start, q1.end, q1.label) == (D(2021, 4, 1), D(2021, 6, 30), "2021-22 Q1")
    q4 = P.quarter(2021, 4)
    assert (q4.start, q4.end, q4.label) == (D(2022, 1, 1), D(2022, 3, 31), "2021-22 Q4")
    year = P.financial_year(2020)
    assert (year.start, year.end, year.label) == (D(2020, 4, 1), D(2021, 3, 31), "2020-21")
    assert P.snapshot(2021) == P.Period(D(2021, 3, 31), D(2021, 3, 31), "snapshot", "2021-03-31")
    assert P.financial_year(2099).label == "2099-00"


def test_financial_year_ending():
    assert P.financial_year_ending(D(2020, 4, 1)) == 2021
    assert P.financial_year_ending(D(2021, 3, 31)) == 2021
    assert P.month(2021, 5).financial_year_ending == 2022


def test_all_periods_of_one_year():
    periods = P.all_periods(2020, 2020)
    kinds = [p.period_type for p in periods]
    assert (kinds.count("month"), kinds.count("quarter")) == (12, 4)
    assert (kinds.count("financial_year"), kinds.count("snapshot")) == (1, 1)


@pytest.mark.parametrize("label", ["2021-04", "2021-22 Q3", "2020-21", "2021-03-31", "2010-01"])
def test_labels_parse_back(label):
    assert P.parse_period(label).label == label


def test_bad_labels_are_refused():
    for label in ("2021-13", "2021", "2021-22 Q5", "April"):
        with pytest.raises(ValueError):
            P.parse_period(label)
    with pytest.raises(ValueError):
        P.quarter(2021, 0)


def test_words_for_sentences():
    assert P.describe(P.month(2020, 4)) == "April 2020"
    assert P.describe(P.snapshot(2021)) == "31 March 2021"
    assert P.describe(P.financial_year(2020)) == "2020-21"


def test_quarters_of_a_year_starting_in_january_or_april():
    january = P.own_quarters(2021, 1)
    assert [(q.label, q.start, q.end) for q in january] == [
        ("2021 Q1", dt.date(2021, 1, 1), dt.date(2021, 3, 31)),
        ("2021 Q2", dt.date(2021, 4, 1), dt.date(2021, 6, 30)),
        ("2021 Q3", dt.date(2021, 7, 1), dt.date(2021, 9, 30)),
        ("2021 Q4", dt.date(2021, 10, 1), dt.date(2021, 12, 31)),
    ]
    september = P.own_quarters(2021, 9)
    assert (september[1].label, september[1].start, september[1].end) == (
        "2021-22 Q2",
        dt.date(2021, 12, 1),
        dt.date(2022, 2, 28),
    )
    assert P.own_quarters(2021, 4) == [P.quarter(2021, n) for n in (1, 2, 3, 4)]
    quarters = [
        p for p in P.all_periods(2021, 2021, quarter_start_month=1) if p.period_type == "quarter"
    ]
    assert [q.label for q in quarters] == ["2021 Q1", "2021 Q2", "2021 Q3", "2021 Q4"]
