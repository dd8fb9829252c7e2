import datetime as dt

from lineofsight.calendar.timescales import LADO_DECISION, LADO_STRATEGY_MEETING_WORKING_DAYS
from lineofsight.calendar.workdays import add_working_days
from lineofsight.lado import timeliness
from lineofsight.lado.timeliness import Standards

D = dt.date
S = Standards()


def test_the_defaults_are_the_named_timescales():
    assert (S.decision_days, S.meeting_days) == (
        LADO_DECISION.amount,
        LADO_STRATEGY_MEETING_WORKING_DAYS.amount,
    )
    assert (S.first_months, S.target_months, S.longest_months) == (1, 3, 12)


def test_the_decision_is_due_the_next_working_day_across_a_bank_holiday():
    # Friday 22 May 2020; Monday 25 May 2020 is the spring bank holiday
    assert timeliness.decision_due(D(2020, 5, 22), S) == D(2020, 5, 26)
    assert timeliness.decision_due(D(2020, 5, 22), S) == add_working_days(
        D(2020, 5, 22), LADO_DECISION.amount
    )
    assert timeliness.decided_in_time(D(2020, 5, 22), D(2020, 5, 26), S) is True
    assert timeliness.decided_in_time(D(2020, 5, 22), D(2020, 5, 27), S) is False
    assert timeliness.working_days_taken(D(2020, 5, 22), D(2020, 5, 26)) == 1


def test_flags_of_an_open_referral():
    received = D(2021, 1, 4)
    flags = timeliness.flags(
        received_on=received,
        threshold_met=None,
        decided_on=None,
        first_meeting=None,
        concluded_on=None,
        standards=S,
        today=D(2021, 1, 6),
    )
    assert [f.text for f in flags] == ["Threshold decision overdue"]
    flags = timeliness.flags(
        received_on=received,
        threshold_met=True,
        decided_on=D(2021, 1, 5),
        first_meeting=None,
        concluded_on=None,
        standards=S,
        today=D(2021, 4, 6),
    )
    # meeting due 8 January; open over 3 months from 5 April
    assert [(f.text, f.due, f.serious) for f in flags] == [
        ("Strategy meeting overdue", D(2021, 1, 8), True),
        ("Open over 3 months", D(2021, 4, 4), False),
    ]
    flags = timeliness.flags(
        received_on=received,
        threshold_met=True,
        decided_on=D(2021, 1, 5),
        first_meeting=D(2021, 1, 7),
        concluded_on=None,
        standards=S,
        today=D(2022, 1, 5),
    )
    assert [f.text for f in flags] == ["Open over 12 months"]
    assert not timeliness.flags(
        received_on=received,
        threshold_met=False,
        decided_on=D(2021, 1, 5),
        first_meeting=None,
        concluded_on=D(2021, 1, 6),
        standards=S,
        today=D(2023, 1, 1),
    )


def test_a_local_standard_changes_the_due_dates():
    local = Standards(decision_days=2, meeting_days=5)
    assert timeliness.decision_due(D(2021, 1, 4), local) == D(2021, 1, 6)
    assert timeliness.meeting_due(D(2021, 1, 4), local) == D(2021, 1, 11)
