"""Children in need and looked after rates, CLA starts and ceases, care leavers, early help."""

import datetime as dt

import pytest

from lineofsight.indicators import periods as P
from lineofsight.indicators.engine import compute
from lineofsight.indicators.tests.conftest import pick

D = dt.date


def test_children_in_need_per_10000_at_the_period_end(write):
    older = [  # 2019-20 census: E's episode was open at 31 March 2020
        {"child_id": "E", "episode_no": 1, "referral_date": D(2019, 1, 1)},
    ]
    newer = [
        {"child_id": "A", "episode_no": 1, "referral_date": D(2020, 6, 1)},  # open
        # closed on 31 March itself: not open at the end of that day
        {
            "child_id": "B",
            "episode_no": 1,
            "referral_date": D(2020, 7, 1),
            "closure_date": D(2021, 3, 31),
        },
        {"child_id": "C", "episode_no": 1, "referral_date": D(2021, 3, 31)},  # open
        {"child_id": "D", "episode_no": 1, "referral_date": D(2021, 4, 1)},  # after
        # the 2020-21 census closes E's episode: the newer row wins
        {
            "child_id": "E",
            "episode_no": 1,
            "referral_date": D(2019, 1, 1),
            "closure_date": D(2020, 12, 1),
        },
    ]
    sources = {
        "cin_episodes": [write("cin_episodes", older, 2020), write("cin_episodes", newer, 2021)]
    }
    results = compute(
        sources, P.all_periods(2020, 2020), ["cin_rate_per_10k"], population={2021: 20_000}
    )
    # open at 31 March 2021: A and C = 2; 2 / 20,000 * 10,000 = 1.0
    snap = pick(results, "cin_rate_per_10k", "2021-03-31")
    assert (snap.numerator, snap.denominator, snap.value) == (2, 20_000, 1.0)
    assert snap.ci_low is not None and snap.ci_low < 1.0 < snap.ci_high
    # the financial year and March are counted at the same day
    assert pick(results, "cin_rate_per_10k", "2020-21").value == 1.0
    # 31 Dec 2020: A and B open (E closed 1 Dec) = 2
    assert pick(results, "cin_rate_per_10k", "2020-12").numerator == 2


def test_children_in_need_rate_without_population_has_no_value(write):
    episodes = [{"child_id": "A", "episode_no": 1, "referral_date": D(2020, 6, 1)}]
    sources = {"cin_episodes": [write("cin_episodes", episodes, 2021)]}
    results = compute(sources, [P.snapshot(2021)], ["cin_rate_per_10k"])
    assert pick(results, "cin_rate_per_10k", "2021-03-31").value is None


def test_looked_after_per_10000_at_31_march_matches_the_seed_report(write):
    open_episodes = [
        {
            "child_id": f"c{n}",
            "start_date": D(2020, 1, 1) + dt.timedelta(days=n % 400),
            "reason_new_episode": "S",
            "legal_status": "C2",
        }
        for n in range(546)
    ]
    extra = [
        # c546 changed placement: the first episode ends X1 on the day the next begins -> one child
        {
            "child_id": "c546",
            "start_date": D(2020, 5, 1),
            "end_date": D(2020, 9, 1),
            "reason_new_episode": "S",
            "legal_status": "C2",
            "reason_episode_ceased": "X1",
        },
        {
            "child_id": "c546",
            "start_date": D(2020, 9, 1),
            "reason_new_episode": "P",
            "legal_status": "C2",
        },
        # left care on 31 March: no longer looked after at 31 March
        {
            "child_id": "gone",
            "start_date": D(2020, 5, 1),
            "end_date": D(2021, 3, 31),
            "reason_new_episode": "S",
            "legal_status": "C2",
            "reason_episode_ceased": "E11",
        },
        # short breaks (V3) are not counted
        {
            "child_id": "respite",
            "start_date": D(2021, 3, 1),
            "reason_new_episode": "S",
            "legal_status": "V3",
        },
    ]
    sources = {"cla_episodes": [write("cla_episodes", open_episodes + extra, 2021)]}
    results = compute(sources, [P.snapshot(2021)], ["cla_rate_per_10k"], population={2021: 66_918})
    # 546 + c546 = 547 children; 547 / 66,918 * 10,000 = 81.742 -> 81.7
    snap = pick(results, "cla_rate_per_10k", "2021-03-31")
    assert snap.numerator == 547
    assert round(snap.value, 1) == 81.7


def cla_flow_sources(write):
    episodes = [
        {
            "child_id": "X",
            "start_date": D(2021, 5, 1),
            "end_date": D(2021, 6, 1),
            "reason_new_episode": "S",
            "legal_status": "C2",
            "reason_episode_ceased": "X1",
        },
        {
            "child_id": "X",
            "start_date": D(2021, 6, 1),
            "reason_new_episode": "P",
            "legal_status": "C2",
        },
        {
            "child_id": "Y",
            "start_date": D(2021, 5, 10),
            "end_date": D(2021, 8, 15),
            "reason_new_episode": "S",
            "legal_status": "C2",
            "reason_episode_ceased": "E11",
        },
        {
            "child_id": "Z",
            "start_date": D(2021, 5, 1),
            "end_date": D(2021, 5, 3),
            "reason_new_episode": "S",
            "legal_status": "V3",
            "reason_episode_ceased": "E13",
        },
        # W started twice in May, ceasing in between
        {
            "child_id": "W",
            "start_date": D(2021, 5, 2),
            "end_date": D(2021, 5, 5),
            "reason_new_episode": "S",
            "legal_status": "V2",
            "reason_episode_ceased": "E13",
        },
        {
            "child_id": "W",
            "start_date": D(2021, 5, 20),
            "reason_new_episode": "S",
            "legal_status": "V2",
        },
    ]
    return {"cla_episodes": [write("cla_episodes", episodes, 2022)]}


def test_children_starting_to_be_looked_after(write):
    results = compute(cla_flow_sources(write), P.all_periods(2021, 2021), ["cla_starts"])
    # May 2021: X, Y and W (twice, counted once); Z is respite (V3) -> 3
    assert pick(results, "cla_starts", "2021-05").value == 3
    # June: X's new episode is a placement change (P), not a start -> 0
    assert pick(results, "cla_starts", "2021-06").value == 0
    assert pick(results, "cla_starts", "2021-22").value == 3


def test_children_ceasing_to_be_looked_after(write):
    results = compute(cla_flow_sources(write), P.all_periods(2021, 2021), ["cla_ceased"])
    # May: W (E13); X's X1 is not a cease; Z is respite -> 1.  August: Y -> 1
    assert pick(results, "cla_ceased", "2021-05").value == 1
    assert pick(results, "cla_ceased", "2021-06").value == 0
    assert pick(results, "cla_ceased", "2021-08").value == 1
    assert pick(results, "cla_ceased", "2021-22").value == 2


def test_care_leavers_aged_19_to_21_in_education_employment_or_training(write):
    leavers = [
        # 2021-22 return: birthday between 1 Apr 2021 and 31 Mar 2022
        {"child_id": "c1", "birth_date": D(2002, 6, 10), "activity": "F1"},  # 19 in Jun 2021
        {"child_id": "c2", "birth_date": D(2000, 2, 1), "activity": "F2"},  # 22 in Feb 2022
        {"child_id": "c3", "birth_date": D(2001, 2, 1), "activity": "G5"},  # 21, NEET
        {"child_id": "c4", "birth_date": D(2003, 5, 1), "activity": "F4"},  # 18: other group
        {"child_id": "c5", "birth_date": D(2001, 12, 31), "activity": "0"},  # 20, not known
        {"child_id": "c6", "birth_date": D(2002, 1, 15), "activity": "P4"},  # 20 in Jan 2022
    ]
    sources = {"care_leavers": [write("care_leavers", leavers, 2022)]}
    results = compute(sources, P.all_periods(2021, 2021), ["care_leavers_19_21_eet_pct"])
    # aged 19-21: c1, c3, c5, c6; in EET: c1 (F1), c6 (P4) -> 2 of 4 = 50%
    year = pick(results, "care_leavers_19_21_eet_pct", "2021-22")
    assert (year.numerator, year.denominator, year.value) == (2, 4, 50)
    assert not [r for r in results if r.period_type == "month"]


def test_early_help_open_per_10000(write):
    cases = [
        {"child_id": "a", "start_date": D(2021, 1, 5), "provider": "school"},
        {"child_id": "b", "start_date": D(2021, 3, 1), "end_date": D(2021, 6, 1), "provider": "fs"},
        {"child_id": "c", "start_date": D(2022, 2, 1), "provider": "fs"},
        {
            "child_id": "d",
            "start_date": D(2021, 2, 1),
            "end_date": D(2022, 1, 31),
            "provider": "fs",
        },
    ]
    sources = {"early_help": [write("early_help", cases, 2022)]}
    results = compute(
        sources, P.all_periods(2021, 2021), ["early_help_rate_per_10k"], population={2022: 15_000}
    )
    # open at 31 March 2022: a and c (b ended Jun 2021, d Jan 2022) -> 2 / 15,000 * 10,000
    snap = pick(results, "early_help_rate_per_10k", "2022-03-31")
    assert snap.numerator == 2
    assert snap.value == pytest.approx(1.3333, abs=1e-4)
    # 30 June 2021: a and d (b ended 1 June) -> 2
    assert pick(results, "early_help_rate_per_10k", "2021-06").numerator == 2
