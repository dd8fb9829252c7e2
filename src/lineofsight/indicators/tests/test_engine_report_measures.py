"""The annual reports' measures, on hand-built returns; every figure is worked in the comments."""

import datetime as dt

from lineofsight.indicators import periods as P
from lineofsight.indicators.catalogue import CATALOGUE
from lineofsight.indicators.engine import compute
from lineofsight.indicators.tests.conftest import pick
from lineofsight.published import INDICATOR_IDS

D = dt.date


def test_every_benchmark_key_is_a_published_indicator():
    keys = {spec.benchmark_key for spec in CATALOGUE.values() if spec.benchmark_key}
    assert keys <= set(INDICATOR_IDS)
    assert {"factor_neglect_pct", "cla_3_plus_placements_pct"} <= keys


def test_referrals_per_10000_children(write):
    episodes = [
        {"child_id": f"c{n}", "episode_no": 1, "referral_date": D(2020, 5, 1)} for n in range(3)
    ] + [{"child_id": "late", "episode_no": 1, "referral_date": D(2021, 4, 1)}]
    sources = {"cin_episodes": [write("cin_episodes", episodes, 2021)]}
    results = compute(
        sources, P.all_periods(2020, 2020), ["referral_rate_per_10k"], population={2021: 20_000}
    )
    # 3 referrals in 2020-21 (1 April 2021 is the next year) / 20,000 x 10,000 = 1.5
    year = pick(results, "referral_rate_per_10k", "2020-21")
    assert (year.numerator, year.denominator, year.value) == (3, 20_000, 1.5)


def test_closed_after_assessment_with_no_further_action(write):
    episodes = [
        {
            "child_id": "a",
            "episode_no": 1,
            "referral_date": D(2020, 4, 1),
            "closure_date": D(2020, 6, 1),
            "closure_reason": "RC8",
        },
        {
            "child_id": "b",
            "episode_no": 1,
            "referral_date": D(2020, 4, 1),
            "closure_date": D(2020, 7, 1),
            "closure_reason": "rc8",
        },  # case does not matter
        {
            "child_id": "c",
            "episode_no": 1,
            "referral_date": D(2020, 4, 1),
            "closure_date": D(2020, 8, 1),
            "closure_reason": "RC1",
        },
        {"child_id": "d", "episode_no": 1, "referral_date": D(2020, 4, 1)},  # still open
    ]
    sources = {"cin_episodes": [write("cin_episodes", episodes, 2021)]}
    results = compute(sources, P.all_periods(2020, 2020), ["assessment_nfa_pct"])
    # closed in 2020-21: a, b, c; RC8: a, b -> 2 of 3 = 66.7%
    year = pick(results, "assessment_nfa_pct", "2020-21")
    assert (year.numerator, year.denominator) == (2, 3)
    assert round(year.value, 1) == 66.7


def test_neglect_and_domestic_abuse_as_assessment_factors(write):
    assessments = [
        {
            "child_id": "a",
            "episode_no": 1,
            "authorisation_date": D(2020, 5, 1),
            "factors": "12A 3B",
        },
        {"child_id": "b", "episode_no": 1, "authorisation_date": D(2020, 6, 1), "factors": "3B"},
        {
            "child_id": "c",
            "episode_no": 1,
            "authorisation_date": D(2020, 7, 1),
            "factors": "4B  3C",
        },  # a double space is no empty code
        {"child_id": "d", "episode_no": 1, "authorisation_date": D(2020, 8, 1), "factors": "21"},
        {"child_id": "e", "episode_no": 1, "authorisation_date": D(2020, 9, 1)},  # no factors
        {"child_id": "f", "episode_no": 1, "start_date": D(2020, 9, 1), "factors": "12A"},
    ]
    sources = {"cin_assessments": [write("cin_assessments", assessments, 2021)]}
    ids = [
        "factor_neglect_pct",
        "factor_domestic_abuse_parent_pct",
        "factor_domestic_abuse_person_pct",
        "factor_domestic_abuse_child_pct",
    ]
    results = compute(sources, P.all_periods(2020, 2020), ids)
    # completed with at least one factor: a, b, c (d's 21 is "no factors"; e none; f is not
    # completed) -> 3.  Neglect (12A): a -> 1 of 3; domestic abuse, parent (3B): a, b -> 2 of 3;
    # another person (3C): c -> 1 of 3; the child (3A): none -> 0 of 3
    assert (
        pick(results, "factor_neglect_pct", "2020-21").numerator,
        pick(results, "factor_neglect_pct", "2020-21").denominator,
    ) == (1, 3)
    assert pick(results, "factor_domestic_abuse_parent_pct", "2020-21").numerator == 2
    assert pick(results, "factor_domestic_abuse_person_pct", "2020-21").numerator == 1
    child = pick(results, "factor_domestic_abuse_child_pct", "2020-21")
    assert (child.numerator, child.denominator, child.value) == (0, 3, 0)


def test_plans_open_for_two_years_or_more(write):
    plans = [
        {"child_id": "a", "episode_no": 1, "start_date": D(2019, 3, 31)},  # exactly 2 years
        {"child_id": "b", "episode_no": 1, "start_date": D(2019, 4, 1)},  # a day short
        {
            "child_id": "c",
            "episode_no": 1,
            "start_date": D(2018, 1, 1),
            "end_date": D(2021, 3, 31),
        },  # ended on the day: not open
        {
            "child_id": "d",
            "episode_no": 1,
            "start_date": D(2017, 6, 1),
            "end_date": D(2018, 1, 1),
        },  # ended long before (never reached 2 years)
        {"child_id": "e", "episode_no": 1, "start_date": D(2020, 11, 1)},
    ]
    sources = {"cp_plans": [write("cp_plans", plans, 2021)]}
    results = compute(sources, [P.snapshot(2021)], ["cp_plans_2_years_or_more_pct"])
    # open at 31 March 2021: a, b, e = 3; of those, open 2 years or more: a -> 1 of 3
    snap = pick(results, "cp_plans_2_years_or_more_pct", "2021-03-31")
    assert (snap.numerator, snap.denominator) == (1, 3)


def test_three_or_more_placements_in_the_year(write):
    def ep(child, start, end=None, rne="P", legal="C2"):
        return {
            "child_id": child,
            "start_date": start,
            "end_date": end,
            "reason_new_episode": rne,
            "legal_status": legal,
        }

    episodes = [
        # a: placement held on 1 April 2020, then two moves in the year -> 3 placements
        ep("a", D(2019, 1, 1), D(2020, 6, 1), "S"),
        ep("a", D(2020, 6, 1), D(2020, 9, 1)),
        ep("a", D(2020, 9, 1)),
        # b: came into care in the year, one move, one change of legal status only -> 2
        ep("b", D(2020, 5, 1), D(2020, 7, 1), "S"),
        ep("b", D(2020, 7, 1), D(2020, 10, 1)),
        ep("b", D(2020, 10, 1), None, "L"),
        # c: three placements but left care before 31 March: not in the count at all
        ep("c", D(2020, 4, 2), D(2020, 5, 1), "S"),
        ep("c", D(2020, 5, 1), D(2020, 6, 1)),
        ep("c", D(2020, 6, 1), D(2021, 1, 1)),
        # d: short breaks (V3) only: not looked after
        ep("d", D(2020, 4, 2), None, "S", "V3"),
        # e: one placement all year
        ep("e", D(2018, 1, 1), None, "S"),
    ]
    sources = {"cla_episodes": [write("cla_episodes", episodes, 2021)]}
    results = compute(sources, P.all_periods(2020, 2020), ["cla_3_plus_placements_pct"])
    # looked after at 31 March 2021: a, b, e = 3; with 3 or more placements: a -> 1 of 3
    year = pick(results, "cla_3_plus_placements_pct", "2020-21")
    assert (year.numerator, year.denominator) == (1, 3)
    assert not [r for r in results if r.period_type == "month"]


def test_health_assessments_missing_episodes_and_care_leavers(write):
    outcomes = [
        {"child_id": "a", "health_assessment": True},
        {"child_id": "b", "health_assessment": True},
        {"child_id": "c", "health_assessment": False},
        {"child_id": "d"},  # not recorded: left out of both
    ]
    missing = [
        {"child_id": "a", "missing_type": "M", "start_date": D(2021, 5, 3)},
        {"child_id": "a", "missing_type": "A", "start_date": D(2021, 5, 9)},  # away: not counted
        {"child_id": "b", "missing_type": "m", "start_date": D(2021, 6, 1)},
    ]
    leavers = [  # 2021-22 return: 19, 20 or 21 on a birthday between 1 Apr 2021 and 31 Mar 2022
        {"child_id": "l1", "birth_date": D(2002, 6, 10), "in_touch": "YES", "accommodation": "K1"},
        {"child_id": "l2", "birth_date": D(2001, 2, 1), "in_touch": "NO", "accommodation": "U2"},
        {"child_id": "l3", "birth_date": D(2001, 12, 31), "in_touch": "YES", "accommodation": "0"},
        {
            "child_id": "l4",
            "birth_date": D(2003, 5, 1),
            "in_touch": "YES",
            "accommodation": "K1",
        },  # 18: another group
    ]
    sources = {
        "cla_outcomes": [write("cla_outcomes", outcomes, 2022)],
        "cla_missing": [write("cla_missing", missing, 2022)],
        "care_leavers": [write("care_leavers", leavers, 2022)],
    }
    ids = [
        "cla_health_assessment_pct",
        "cla_missing_episodes",
        "care_leavers_19_21_in_touch_pct",
        "care_leavers_19_21_suitable_accommodation_pct",
    ]
    results = compute(sources, P.all_periods(2021, 2021), ids)
    # health: a, b of a, b, c -> 2 of 3 (the 2021-22 return, filed at 31 March 2022)
    health = pick(results, "cla_health_assessment_pct", "2021-22")
    assert (health.numerator, health.denominator) == (2, 3)
    # missing episodes (M only): a in May 2021, b in June 2021 -> 2 in the year, 1 in May
    assert pick(results, "cla_missing_episodes", "2021-22").value == 2
    assert pick(results, "cla_missing_episodes", "2021-05").value == 1
    # care leavers 19-21: l1, l2, l3; in touch: l1, l3 -> 2 of 3; suitable (code ending 1):
    # l1 -> 1 of 3 (not known counts in the total, as in DfE's "suitability total")
    touch = pick(results, "care_leavers_19_21_in_touch_pct", "2021-22")
    assert (touch.numerator, touch.denominator) == (2, 3)
    home = pick(results, "care_leavers_19_21_suitable_accommodation_pct", "2021-22")
    assert (home.numerator, home.denominator) == (1, 3)
