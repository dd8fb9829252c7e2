"""Contacts, referrals, conversion, re-referrals, NFA and assessment timeliness."""

import datetime as dt

import pytest

from lineofsight.indicators import periods as P
from lineofsight.indicators.engine import compute
from lineofsight.indicators.tests.conftest import pick

D = dt.date
YEARS = P.all_periods(2020, 2021)  # 2020-21 and 2021-22


def test_contacts_referrals_and_conversion(write):
    contacts = [
        {"child_id": "a", "contact_date": D(2021, 4, 2), "contact_source": "1A"},
        {"child_id": "b", "contact_date": D(2021, 4, 9), "contact_source": "2A"},
        {"child_id": "c", "contact_date": D(2021, 4, 30), "contact_source": "1A"},
        {"child_id": "d", "contact_date": D(2021, 5, 3), "contact_source": "5A"},
    ]
    # the next Annex A list repeats child c's contact: it must be counted once
    repeated = [{"child_id": "c", "contact_date": D(2021, 4, 30), "contact_source": "1A"}]
    episodes = [
        {"child_id": "a", "episode_no": 1, "referral_date": D(2021, 4, 6)},
        {"child_id": "c", "episode_no": 1, "referral_date": D(2021, 4, 30)},
    ]
    sources = {
        "contacts": [write("contacts", contacts), write("contacts", repeated, 2023)],
        "cin_episodes": [write("cin_episodes", episodes)],
    }
    ids = ["contacts", "referrals", "contact_to_referral_pct"]
    results = compute(sources, YEARS, ids)
    # April 2021: contacts a, b, c = 3; referrals a, c = 2; 2 / 3 = 66.7%
    assert pick(results, "contacts", "2021-04").value == 3
    assert pick(results, "referrals", "2021-04").value == 2
    april = pick(results, "contact_to_referral_pct", "2021-04")
    assert (april.numerator, april.denominator) == (2, 3)
    assert april.value == pytest.approx(66.667, abs=1e-3)
    assert april.ci_low is not None and april.ci_low < april.value < april.ci_high
    # May 2021: one contact, no referral -> 0%; June: nothing -> 0 contacts and no percentage
    assert pick(results, "contact_to_referral_pct", "2021-05").value == 0
    assert pick(results, "contacts", "2021-06").value == 0
    assert pick(results, "contact_to_referral_pct", "2021-06").value is None
    # 2021-22: 4 contacts, 2 referrals -> 50%; quarter 1 the same
    assert pick(results, "contact_to_referral_pct", "2021-22").value == 50
    assert pick(results, "contacts", "2021-22 Q1").value == 4
    # contacts are not counted at a snapshot
    assert not [r for r in results if r.indicator_id == "contacts" and r.period_type == "snapshot"]


def rereferral_sources(write):
    older = [  # the 2020-21 census
        {"child_id": "A", "episode_no": 1, "referral_date": D(2020, 5, 1)},
        {"child_id": "B", "episode_no": 1, "referral_date": D(2020, 4, 15)},
    ]
    newer = [  # the 2021-22 census repeats A's first episode (still open then)
        {"child_id": "A", "episode_no": 1, "referral_date": D(2020, 5, 1)},
        {"child_id": "A", "episode_no": 2, "referral_date": D(2021, 4, 30), "referral_nfa": False},
        {"child_id": "B", "episode_no": 1, "referral_date": D(2021, 4, 20), "referral_nfa": False},
        {"child_id": "C", "episode_no": 1, "referral_date": D(2021, 6, 1), "referral_nfa": True},
    ]
    return {
        "cin_episodes": [write("cin_episodes", older, 2021), write("cin_episodes", newer, 2022)]
    }


def test_rereferrals_within_12_months(write):
    results = compute(rereferral_sources(write), YEARS, ["rereferral_pct", "referrals"])
    # A: 30 Apr 2021 is within 12 months of 1 May 2020 (cut-off 30 Apr 2020) -> re-referral
    # B: 20 Apr 2021 is more than 12 months after 15 Apr 2020 (cut-off 20 Apr 2020) -> not
    # C: first referral -> not.  2021-22: 1 of 3 = 33.3%
    year = pick(results, "rereferral_pct", "2021-22")
    assert (year.numerator, year.denominator) == (1, 3)
    assert round(year.value, 1) == 33.3
    # 2020-21: A's first referral (in both censuses, counted once) and B's -> 0 of 2
    earlier = pick(results, "rereferral_pct", "2020-21")
    assert (earlier.numerator, earlier.denominator) == (0, 2)
    assert pick(results, "referrals", "2020-21").value == 2


def test_referrals_with_no_further_action(write):
    results = compute(rereferral_sources(write), YEARS, ["referral_nfa_pct"])
    # 2021-22 referrals A, B, C; only C is NFA -> 1 / 3
    year = pick(results, "referral_nfa_pct", "2021-22")
    assert (year.numerator, year.denominator) == (1, 3)
    # June 2021: C alone -> 100%
    assert pick(results, "referral_nfa_pct", "2021-06").value == 100


def test_assessments_within_45_working_days(write):
    episodes = [
        {"child_id": "e", "episode_no": 1, "referral_date": D(2021, 9, 1)},
        {"child_id": "f", "episode_no": 1, "referral_date": D(2021, 9, 1)},
        # g has two episodes; the assessment belongs to the second (referral 8 Oct 2021)
        {"child_id": "g", "episode_no": 1, "referral_date": D(2021, 4, 1)},
        {"child_id": "g", "episode_no": 2, "referral_date": D(2021, 10, 8)},
        {"child_id": "h", "episode_no": 1, "referral_date": D(2021, 10, 1)},
    ]
    assessments = [
        # referral Wed 1 Sep 2021 -> Tue 2 Nov 2021 is working day 45 (the end date is day 1):
        # Sep 22 + Oct 21 + Mon 1 Nov = 44 before it -> within
        {
            "child_id": "e",
            "episode_no": 1,
            "start_date": D(2021, 9, 2),
            "authorisation_date": D(2021, 11, 2),
        },
        # Wed 3 Nov is working day 46 -> late
        {
            "child_id": "f",
            "episode_no": 1,
            "start_date": D(2021, 9, 2),
            "authorisation_date": D(2021, 11, 3),
        },
        # from 8 Oct (episode 2), not 1 Apr: 8 Oct..5 Nov is 21 working days -> within
        {
            "child_id": "g",
            "episode_no": 2,
            "start_date": D(2021, 10, 8),
            "authorisation_date": D(2021, 11, 5),
        },
        # not yet authorised: not in any period
        {"child_id": "h", "episode_no": 1, "start_date": D(2021, 10, 2)},
    ]
    sources = {
        "cin_episodes": [write("cin_episodes", episodes)],
        "cin_assessments": [write("cin_assessments", assessments)],
    }
    results = compute(sources, YEARS, ["assessments_45_days_pct"])
    november = pick(results, "assessments_45_days_pct", "2021-11")
    assert (november.numerator, november.denominator) == (2, 3)
    assert round(november.value, 1) == 66.7
    assert pick(results, "assessments_45_days_pct", "2021-10").value is None


def test_sums_by_month_and_by_day_agree_with_the_days_of_each_period(write):
    """Periods made of whole months are summed month by month (``period_months``); a period of
    the same type that is not (here a "month" from 15 April to 14 May) makes the engine sum
    that type's indicators day by day: either way a contact counts in the periods holding its
    day."""
    contacts = [
        {"child_id": "a", "contact_date": D(2021, 4, 1), "contact_source": "1A"},
        {"child_id": "b", "contact_date": D(2021, 4, 14), "contact_source": "1A"},
        {"child_id": "c", "contact_date": D(2021, 4, 15), "contact_source": "2A"},
        {"child_id": "d", "contact_date": D(2021, 5, 14), "contact_source": "2A"},
        {"child_id": "e", "contact_date": D(2021, 5, 15), "contact_source": "5A"},
        {"child_id": "f", "contact_date": D(2021, 6, 30), "contact_source": "5A"},
        {"child_id": "g", "contact_date": D(2021, 7, 1), "contact_source": "5A"},
    ]
    sources = {"contacts": [write("contacts", contacts)]}
    whole = [P.month(2021, 4), P.month(2021, 5), P.quarter(2021, 1), P.financial_year(2021)]
    by_month = compute(sources, whole, ["contacts"])
    # April: a, b, c; May: d, e; Q1 (April to June): a to f; 2021-22: all seven
    assert [pick(by_month, "contacts", p.label).value for p in whole] == [3, 2, 6, 7]
    # by source in Q1: 1A a, b (Individual); 2A c, d (Schools); 5A e, f (LA services)
    assert pick(by_month, "contacts", "2021-22 Q1", "source:Schools").value == 2
    middle = P.Period(D(2021, 4, 15), D(2021, 5, 14), "month", "15 April to 14 May")
    by_day = compute(sources, [*whole, middle], ["contacts"])
    # 15 April to 14 May: c, d; the other periods as before
    assert pick(by_day, "contacts", "15 April to 14 May").value == 2
    assert [pick(by_day, "contacts", p.label).value for p in whole] == [3, 2, 6, 7]
    assert [r for r in by_day if r.period_label != middle.label] == by_month
