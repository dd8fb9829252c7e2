"""S47 enquiries, ICPC timeliness, child protection plans and categories on hand-built data."""

import datetime as dt

import pytest

from lineofsight.indicators import periods as P
from lineofsight.indicators.engine import compute
from lineofsight.indicators.tests.conftest import pick

D = dt.date


def test_s47_enquiries_and_icpcs_within_15_working_days(write):
    enquiries = [
        # Wed 25 May 2022 -> Wed 15 Jun: 25-27 May 3, 30-31 May 2, 1 Jun 1, (2-3 Jun jubilee
        # holidays), 6-10 Jun 5, 13-14 Jun 2 = 13 before the end date, +1 = 14 -> within 15
        {
            "child_id": "a",
            "episode_no": 1,
            "start_date": D(2022, 5, 25),
            "icpc_date": D(2022, 6, 15),
        },
        # Wed 1 Jun -> Fri 24 Jun: 1 Jun 1, 6-10 Jun 5, 13-17 Jun 5, 20-23 Jun 4 = 15, +1 = 16
        {
            "child_id": "b",
            "episode_no": 1,
            "start_date": D(2022, 6, 1),
            "icpc_date": D(2022, 6, 24),
        },
        # conference recorded before the enquiry: excluded from both counts
        {
            "child_id": "c",
            "episode_no": 1,
            "start_date": D(2022, 6, 10),
            "icpc_date": D(2022, 6, 8),
        },
        # no conference (yet)
        {"child_id": "d", "episode_no": 1, "start_date": D(2022, 7, 1), "icpc_not_required": True},
    ]
    sources = {"s47_enquiries": [write("s47_enquiries", enquiries, 2023)]}
    results = compute(sources, P.all_periods(2022, 2022), ["s47_enquiries", "icpc_15_days_pct"])
    assert pick(results, "s47_enquiries", "2022-23").value == 4
    assert pick(results, "s47_enquiries", "2022-06").value == 2
    june = pick(results, "icpc_15_days_pct", "2022-06")
    assert (june.numerator, june.denominator) == (1, 2)
    assert june.value == 50
    # Wilson 1 of 2: centre (0.5 + 0.9604)/2.9208 = 0.5; half = (1.96/2.9208)*sqrt(0.125 +
    # 0.240100) = 0.671049 * 0.604235 = 0.405471 -> 9.5% to 90.5%
    assert june.ci_low == pytest.approx(9.4529, abs=1e-3)
    assert june.ci_high == pytest.approx(90.5471, abs=1e-3)


def plan_sources(write):
    earlier = [  # 2019-20 census: P3's first plan
        {
            "child_id": "P3",
            "episode_no": 1,
            "start_date": D(2020, 1, 10),
            "end_date": D(2020, 9, 1),
            "initial_category": "PHY",
            "previous_plans": 0,
        },
    ]
    later = [
        {
            "child_id": "P1",
            "episode_no": 1,
            "start_date": D(2021, 5, 10),
            "initial_category": "NEG",
            "previous_plans": 0,
        },
        {
            "child_id": "P2",
            "episode_no": 1,
            "start_date": D(2021, 6, 1),
            "initial_category": "EMO",
            "previous_plans": 1,
        },
        {
            "child_id": "P3",
            "episode_no": 2,
            "start_date": D(2021, 7, 1),
            "initial_category": "PHY",
            "previous_plans": 0,
        },
        {
            "child_id": "P4",
            "episode_no": 1,
            "start_date": D(2021, 8, 1),
            "initial_category": "SAB",
            "previous_plans": 0,
        },
        {
            "child_id": "P5",
            "episode_no": 1,
            "start_date": D(2021, 9, 1),
            "initial_category": "MUL",
            "previous_plans": None,
        },
        {
            "child_id": "P6",
            "episode_no": 1,
            "start_date": D(2021, 10, 1),
            "initial_category": "NEG",
            "previous_plans": 0,
        },
    ]
    return {"cp_plans": [write("cp_plans", earlier, 2020), write("cp_plans", later, 2022)]}


def test_plan_starts_and_repeat_plans(write):
    ids = ["cp_plan_starts", "cp_repeat_plan_pct"]
    results = compute(plan_sources(write), P.all_periods(2021, 2021), ids)
    # 2021-22: P1, P2, P3 (second plan), P4, P5, P6 = 6 plans starting
    assert pick(results, "cp_plan_starts", "2021-22").value == 6
    # repeats: P2 (one previous plan recorded) and P3 (an earlier plan in the 2019-20 data,
    # though its NumberOfPreviousCPP says 0) -> 2 of 6 = 33.3%
    year = pick(results, "cp_repeat_plan_pct", "2021-22")
    assert (year.numerator, year.denominator) == (2, 6)
    assert round(year.value, 1) == 33.3
    # quarter 2 (Jul-Sep): P3, P4, P5 start; P3 is a repeat -> 1 of 3
    q2 = pick(results, "cp_repeat_plan_pct", "2021-22 Q2")
    assert (q2.numerator, q2.denominator) == (1, 3)


@pytest.mark.parametrize(
    ("indicator_id", "plans"),
    [
        ("cp_category_neglect_pct", 2),  # P1 and P6
        ("cp_category_emotional_pct", 1),  # P2
        ("cp_category_physical_pct", 1),  # P3
        ("cp_category_sexual_pct", 1),  # P4
        ("cp_category_multiple_pct", 1),  # P5
    ],
)
def test_plans_by_initial_category(write, indicator_id, plans):
    results = compute(plan_sources(write), P.all_periods(2021, 2021), [indicator_id])
    # of the 6 plans starting in 2021-22: 2/6 = 33.3%, 1/6 = 16.7%
    year = pick(results, indicator_id, "2021-22")
    assert (year.numerator, year.denominator) == (plans, 6)
    assert year.value == pytest.approx(100 * plans / 6)
