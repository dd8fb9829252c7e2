"""Breakdowns by age band, sex, ethnicity, referral source, primary need and category of abuse,
worked by hand on four referred children and three children on a plan."""

from datetime import date as D

import pytest

from lineofsight.indicators import periods as P
from lineofsight.indicators.breakdowns import split, with_dimensions
from lineofsight.indicators.engine import compute
from lineofsight.indicators.tests.conftest import pick

YEAR = "2021-22"
Q1 = "2021-22 Q1"


@pytest.fixture
def referred(write):
    """a: girl, White British, born 15 June 2010, referred 10 May 2021 by a school for abuse
    or neglect, closed with no further action; b: boy, Pakistani, born 1 December 2020,
    referred 1 July 2021 by a health visitor, family in acute stress; c: no CIN child record,
    but in the SSDA903 return as a girl of African heritage born 1 March 2015, referred 1 August
    2021 by early help with no need recorded; d: sex unknown, ethnicity refused, born 1 January
    2005, referred anonymously on 20 April 2021 for abuse or neglect."""
    children = [
        {"child_id": "a", "sex": "F", "ethnicity": "WBRI", "birth_date": D(2010, 6, 15)},
        {"child_id": "b", "sex": "M", "ethnicity": "APKN", "birth_date": D(2020, 12, 1)},
        {"child_id": "d", "sex": "U", "ethnicity": "REFU", "birth_date": D(2005, 1, 1)},
    ]
    looked_after = [
        {"child_id": "c", "sex": "2", "ethnicity": "BAFR", "birth_date": D(2015, 3, 1)},
    ]

    def episode(child, day, source, need, nfa=False):
        return {
            "child_id": child,
            "episode_no": 1,
            "referral_date": day,
            "referral_source": source,
            "primary_need": need,
            "referral_nfa": nfa,
        }

    episodes = [
        episode("a", D(2021, 5, 10), "2A", "N1", nfa=True),
        episode("b", D(2021, 7, 1), "3B", "N4"),
        episode("c", D(2021, 8, 1), "5D", None),
        episode("d", D(2021, 4, 20), "9", "N1"),
    ]
    return {
        "cin_children": [write("cin_children", children)],
        "cla_children": [write("cla_children", looked_after)],
        "cin_episodes": [write("cin_episodes", episodes)],
    }


def _by(results, indicator_id, label, dimension):
    return {
        split(r.breakdown)[1]: r.value
        for r in results
        if r.indicator_id == indicator_id
        and r.period_label == label
        and r.breakdown
        and split(r.breakdown)[0] == dimension
    }


def test_referrals_by_every_dimension_of_the_child_and_the_episode(referred):
    periods = [
        P.financial_year(2021),
        P.quarter(2021, 1),
        *P.months_between(D(2021, 4, 1), D(2021, 8, 31)),
    ]
    results = compute(referred, periods, ["referrals"])
    assert pick(results, "referrals", YEAR).value == 4
    assert _by(results, "referrals", YEAR, "age") == {
        "10 to 15": 1,  # a was 10
        "Under 1": 1,  # b was 7 months
        "5 to 9": 1,  # c was 6 (from the SSDA903 record)
        "16 and over": 1,  # d had turned 16 on 1 January
    }
    assert _by(results, "referrals", YEAR, "sex") == {"Female": 2, "Male": 1, "Not recorded": 1}
    assert _by(results, "referrals", YEAR, "ethnicity") == {
        "White": 1,
        "Asian or Asian British": 1,
        "Black or Black British": 1,
        "Not recorded": 1,  # refused
    }
    assert _by(results, "referrals", YEAR, "source") == {
        "Schools": 1,
        "Health services": 1,
        "Local authority services": 1,
        "Anonymous": 1,
    }
    assert _by(results, "referrals", YEAR, "need") == {
        "Abuse or neglect": 2,
        "Family in acute stress": 1,
        "Not recorded": 1,
    }
    # the quarter April to June: a and d
    assert _by(results, "referrals", Q1, "age") == {"10 to 15": 1, "16 and over": 1}
    # months have their total only
    assert [r.breakdown for r in results if r.period_type == "month"] == [None] * 5


def test_a_percentage_is_broken_down_numerator_over_denominator(referred):
    results = compute(referred, [P.financial_year(2021)], ["referral_nfa_pct"])
    need = {
        r.breakdown: (r.numerator, r.denominator, r.value)
        for r in results
        if r.breakdown and r.breakdown.startswith("need:")
    }
    assert need == {
        "need:Abuse or neglect": (1, 2, 50.0),  # a of a and d
        "need:Family in acute stress": (0, 1, 0.0),
        "need:Not recorded": (0, 1, 0.0),
    }


def test_without_child_records_every_child_is_not_recorded(write):
    episodes = [{"child_id": "a", "episode_no": 1, "referral_date": D(2021, 5, 10)}]
    results = compute(
        {"cin_episodes": [write("cin_episodes", episodes)]}, [P.financial_year(2021)], ["referrals"]
    )
    assert _by(results, "referrals", YEAR, "sex") == {"Not recorded": 1}
    assert _by(results, "referrals", YEAR, "source") == {"Not recorded": 1}


def test_a_stock_puts_each_child_in_the_age_band_of_the_day_it_is_counted(write):
    """a: born 15 June 2010, on a plan for neglect from 1 January 2021; e: born 1 February 2006,
    on a plan for emotional abuse from 1 June 2021, 15 on 31 December and 16 on 31 March;
    f: unborn (due 1 May 2022), on a plan from 10 January 2022, category not recorded."""
    children = [
        {"child_id": "a", "sex": "F", "birth_date": D(2010, 6, 15)},
        {"child_id": "e", "sex": "M", "birth_date": D(2006, 2, 1)},
        {"child_id": "f", "birth_date": D(2022, 5, 1)},
    ]
    plans = [
        {"child_id": "a", "episode_no": 1, "start_date": D(2021, 1, 1), "initial_category": "NEG"},
        {"child_id": "e", "episode_no": 1, "start_date": D(2021, 6, 1), "initial_category": "EMO"},
        {"child_id": "f", "episode_no": 1, "start_date": D(2022, 1, 10)},
    ]
    sources = {
        "cin_children": [write("cin_children", children)],
        "cp_plans": [write("cp_plans", plans)],
    }
    q3, q4 = P.quarter(2021, 3), P.quarter(2021, 4)
    results = compute(sources, [q3, q4, P.month(2022, 3)], ["cp_children_on_plan"])
    assert pick(results, "cp_children_on_plan", q3.label).value == 2
    assert pick(results, "cp_children_on_plan", q4.label).value == 3
    q3_ages = {k: v for k, v in _by(results, "cp_children_on_plan", q3.label, "age").items() if v}
    q4_ages = {k: v for k, v in _by(results, "cp_children_on_plan", q4.label, "age").items() if v}
    assert q3_ages == {"10 to 15": 2}
    assert q4_ages == {"10 to 15": 1, "16 and over": 1, "Unborn": 1}
    q4_categories = _by(results, "cp_children_on_plan", q4.label, "category")
    assert q4_categories == {"Neglect": 1, "Emotional abuse": 1, "Not recorded": 1}
    sexes = {k: v for k, v in _by(results, "cp_children_on_plan", q4.label, "sex").items() if v}
    assert sexes == {"Female": 1, "Male": 1, "Not recorded": 1}
    assert [r.breakdown for r in results if r.period_type == "month"] == [None]


def test_breakdown_labels_split_into_dimension_and_words():
    assert split("age:10 to 15") == ("age", "10 to 15")
    assert split("high") == ("", "high")
    assert split("risk: high") == ("", "risk: high")
    with pytest.raises(ValueError, match="unknown breakdown dimensions"):
        with_dimensions("SELECT 1", ("postcode",), stock=False, from_episode=False)
