import datetime as dt

from lineofsight.cdop.alerts import Thresholds, alerts_for

DEFAULT = Thresholds(6, 6, 12)


def keys(today, closed_on=None, returned=0, thresholds=DEFAULT, died=dt.date(2021, 5, 3)):
    found = alerts_for(
        died_on=died,
        notified_on=dt.date(2021, 5, 4),
        closed_on=closed_on,
        reports_returned=returned,
        thresholds=thresholds,
        today=today,
    )
    return [a.key for a in found]


def test_no_agency_report_after_the_configured_weeks():
    assert keys(dt.date(2021, 6, 15)) == []  # 4 May + 6 weeks = 15 June: not yet late
    assert keys(dt.date(2021, 6, 16)) == ["agency_reports"]
    assert keys(dt.date(2021, 6, 16), returned=1) == []
    assert keys(dt.date(2021, 6, 16), thresholds=Thresholds(8, 6, 12)) == []


def test_open_over_six_then_twelve_months_from_the_death():
    assert keys(dt.date(2021, 11, 3), returned=1) == []
    assert keys(dt.date(2021, 11, 4), returned=1) == ["open_warning"]
    assert keys(dt.date(2022, 5, 4), returned=1) == ["open_overdue"]
    assert keys(dt.date(2022, 5, 4), closed_on=dt.date(2022, 5, 1)) == []


def test_months_end_on_the_last_day_of_a_shorter_month():
    # 31 August + 6 months is 28 February (2021 is not a leap year)
    died = dt.date(2020, 8, 31)
    assert keys(dt.date(2021, 2, 28), returned=1, died=died) == []
    assert keys(dt.date(2021, 3, 1), returned=1, died=died) == ["open_warning"]
