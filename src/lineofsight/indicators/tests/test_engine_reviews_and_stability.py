"""Reviews on time, long-term placement stability and plans by category, on hand-built returns;
every figure is worked in the comments."""

import datetime as dt

from lineofsight.indicators import periods as P
from lineofsight.indicators.engine import compute
from lineofsight.indicators.tests.conftest import pick

D = dt.date


def test_child_protection_reviews_on_time(write):
    def review(child, plan_start, day):
        return {
            "child_id": child,
            "episode_no": 1,
            "plan_start_date": plan_start,
            "review_date": day,
        }

    a, b, c = D(2020, 4, 15), D(2020, 11, 30), D(2020, 6, 1)
    reviews = [
        review("a", a, D(2020, 7, 15)),  # first: due 15 July (3 months) -> on time
        review("a", a, D(2021, 1, 16)),  # due 15 January (6 months after the last) -> late
        # due 16 July 2021 counted from the previous review -> on time (6 months from the
        # plan's start would make it late)
        review("a", a, D(2021, 3, 1)),
        review("b", b, D(2021, 2, 28)),  # 30 November + 3 months = 28 February -> on time
        review("c", c, D(2020, 9, 2)),  # first: due 1 September -> late (on time at 6 months)
        review("a", D(2019, 9, 1), D(2019, 12, 1)),  # another plan, reviewed the year before
    ]
    sources = {"cp_reviews": [write("cp_reviews", reviews, 2021)]}
    results = compute(sources, P.all_periods(2020, 2020), ["cp_reviews_on_time_pct"])
    # held in 2020-21: a x3, b, c = 5; on time: a 15 Jul, a 1 Mar, b = 3 -> 60%
    year = pick(results, "cp_reviews_on_time_pct", "2020-21")
    assert (year.numerator, year.denominator, year.value) == (3, 5, 60.0)
    september = pick(results, "cp_reviews_on_time_pct", "2020-09")
    assert (september.numerator, september.denominator) == (0, 1)


def test_children_in_care_reviews_on_time_count_working_days_then_months(write):
    def ep(child, start, rne="S", legal="C2", end=None):
        return {
            "child_id": child,
            "start_date": start,
            "end_date": end,
            "reason_new_episode": rne,
            "legal_status": legal,
        }

    episodes = [
        ep("x", D(2021, 4, 30), end=D(2021, 8, 1)),  # Friday
        ep("x", D(2021, 8, 1), rne="P"),  # a move is not a new period of care
        ep("y", D(2021, 5, 4)),  # Tuesday
        ep("z", D(2021, 5, 1), legal="V3"),  # short breaks: other rules
        ep("w", D(2021, 7, 1)),
    ]
    reviews = [
        # x: 20 working days after Friday 30 April 2021, skipping the bank holidays of 3 and
        # 31 May, is Tuesday 1 June -> on time (it would be late if bank holidays were ignored)
        {"child_id": "x", "review_date": D(2021, 6, 1)},
        {"child_id": "x", "review_date": D(2021, 9, 1)},  # second: due 1 September -> on time
        {"child_id": "x", "review_date": D(2022, 3, 2)},  # third: due 1 March 2022 -> late
        # y: 20 working days after Tuesday 4 May is Wednesday 2 June -> 10 June is late
        {"child_id": "y", "review_date": D(2021, 6, 10)},
        # second: due 10 September (3 months) -> late; it would be on time at 6 months
        {"child_id": "y", "review_date": D(2021, 10, 1)},
        {"child_id": "z", "review_date": D(2021, 7, 1)},  # respite: left out
        {"child_id": "w", "review_date": D(2021, 6, 1)},  # before any period of care: left out
    ]
    sources = {
        "cla_episodes": [write("cla_episodes", episodes, 2022)],
        "cla_reviews": [write("cla_reviews", reviews, 2022)],
    }
    results = compute(sources, P.all_periods(2021, 2021), ["cla_reviews_on_time_pct"])
    # held in 2021-22: x x3, y x2 = 5; on time: x 1 June, x 1 September = 2 -> 40%
    year = pick(results, "cla_reviews_on_time_pct", "2021-22")
    assert (year.numerator, year.denominator, year.value) == (2, 5, 40.0)


def test_living_with_the_same_carer_for_two_years(write):
    def ep(child, start, end=None, rne="S", legal="C2"):
        return {
            "child_id": child,
            "start_date": start,
            "end_date": end,
            "reason_new_episode": rne,
            "legal_status": legal,
        }

    episodes = [
        # a: carer since 1 June 2018, more than 2 years before 31 March 2021 -> yes
        ep("a", D(2017, 1, 1), D(2018, 6, 1)),
        ep("a", D(2018, 6, 1), rne="P"),
        # b: moved to new carers on 1 January 2020 -> no
        ep("b", D(2017, 1, 1), D(2020, 1, 1)),
        ep("b", D(2020, 1, 1), rne="P"),
        # c: a change of legal status only (L) and of placement with the same carer (B) -> yes
        ep("c", D(2017, 1, 1), D(2020, 1, 1)),
        ep("c", D(2020, 1, 1), D(2020, 6, 1), rne="L", legal="J2"),
        ep("c", D(2020, 6, 1), rne="B", legal="J2"),
        ep("d", D(2015, 1, 1)),  # 16 on 31 March 2021: not under 16 -> left out
        ep("e", D(2015, 1, 1)),  # 15 on 31 March 2021 -> yes
        ep("f", D(2018, 10, 1)),  # in care 2 years 6 months less a day -> left out
        ep("g", D(2018, 9, 30)),  # exactly 2.5 years -> counted, and the same carer -> yes
        ep("h", D(2015, 1, 1), D(2021, 1, 1)),  # left care before 31 March -> left out
    ]
    children = [
        {"child_id": child, "birth_date": D(2010, 1, 1)} for child in ("a", "b", "c", "f", "g", "h")
    ] + [
        {"child_id": "d", "birth_date": D(2005, 3, 31)},
        {"child_id": "e", "birth_date": D(2005, 4, 1)},
    ]
    sources = {
        "cla_episodes": [write("cla_episodes", episodes, 2021)],
        "cla_children": [write("cla_children", children, 2021)],
    }
    results = compute(sources, P.all_periods(2020, 2020), ["cla_same_placement_2_years_pct"])
    # under 16, looked after 2.5 years at 31 March 2021: a, b, c, e, g = 5; same carer 2 years:
    # a, c, e, g = 4 -> 80%
    year = pick(results, "cla_same_placement_2_years_pct", "2020-21")
    assert (year.numerator, year.denominator, year.value) == (4, 5, 80.0)


def test_children_on_a_plan_at_31_march_by_category(write):
    def plan(child, initial, latest=None, end=None):
        return {
            "child_id": child,
            "episode_no": 1,
            "start_date": D(2020, 10, 1),
            "end_date": end,
            "initial_category": initial,
            "latest_category": latest,
        }

    plans = [
        plan("a", "NEG", "NEG"),
        plan("b", "NEG", "emo"),  # the latest category counts, whatever its case
        plan("c", "PHY", "PHY", end=D(2021, 3, 31)),  # ended on the day: not on a plan
        plan("d", "SAB"),  # no latest category: the initial one
        plan("e", "MUL", "MUL"),
        plan("f", "XYZ", "XYZ"),
    ]
    sources = {"cp_plans": [write("cp_plans", plans, 2021)]}
    results = compute(sources, [P.snapshot(2021)], ["cp_children_on_plan"])
    label = "2021-03-31"
    assert pick(results, "cp_children_on_plan", label).value == 5  # a, b, d, e, f
    by_category = {
        r.breakdown: r.value
        for r in results
        if r.breakdown and r.breakdown.startswith("category:") and r.period_label == label
    }
    assert by_category == {
        "category:Neglect": 1,
        "category:Emotional abuse": 1,
        "category:Sexual abuse": 1,
        "category:Multiple categories": 1,
        "category:Not recorded": 1,
        "category:Physical abuse": 0,  # c's plan ended on 31 March: the category shows, at 0
    }
