"""Statistics hand-checked on a made-up year (2020-21: 1 April 2020 to 31 March 2021).

Five deaths, three meetings, three actions; each expected figure is worked out in the comment
beside it, by hand."""

import datetime as dt

from lineofsight import disclosure
from lineofsight.cdop import presentation
from lineofsight.cdop.statistics import (
    ActionFact,
    Case,
    Meeting,
    YearStats,
    reporting_year,
    year_stats,
    years_covered,
)

D = dt.date
A = Case(
    D(2020, 5, 1),
    D(2020, 5, 2),
    True,
    False,
    "hospital",
    D(2021, 1, 15),
    "perinatal_neonatal_event",
    "modifiable",
    frozenset({"family"}),
    ("Parental smoking",),
)
B = Case(
    D(2020, 6, 10),
    D(2020, 6, 11),
    False,
    True,
    "home",
    D(2021, 9, 1),
    "malignancy",
    "not_modifiable",
)
C = Case(
    D(2019, 12, 1),
    D(2019, 12, 2),
    True,
    False,
    "hospital",
    D(2020, 10, 1),
    "sudden_unexpected_unexplained",
    "modifiable",
    frozenset({"physical", "family"}),
    ("parental  smoking", "Unsafe sleeping arrangement"),
)
DD = Case(D(2021, 3, 20), D(2021, 3, 31), False, False, "public_place")
E = Case(
    D(2019, 1, 10),
    D(2019, 1, 11),
    False,
    True,
    "hospital",
    D(2020, 4, 1),
    "chronic_medical",
    "not_modifiable",
)
CASES = [A, B, C, DD, E]
MEETINGS = [
    Meeting(D(2020, 7, 1), frozenset({"Police", "Health"})),
    Meeting(D(2021, 2, 1), frozenset({"Health"})),
    Meeting(D(2021, 5, 1), frozenset({"Police"})),  # 2021-22
]
ACTIONS = [
    ActionFact(D(2020, 11, 1), "open"),
    ActionFact(D(2021, 1, 1), "completed"),
    ActionFact(D(2021, 4, 2), "open"),  # 2021-22
]


def stats():
    return year_stats(2020, CASES, MEETINGS, ACTIONS, population=50_000)


def test_reporting_years_run_april_to_march():
    assert reporting_year(D(2021, 3, 31)) == 2020
    assert reporting_year(D(2021, 4, 1)) == 2021
    assert years_covered(CASES, D(2022, 1, 1)) == [2018, 2019, 2020, 2021]


def test_deaths_notified_in_the_year_and_their_rate():
    s = stats()
    assert s.notified == 3  # A, B, D (C and E were notified in earlier years)
    assert s.rate_per_100k == 6.0  # 3 x 100,000 / 50,000
    assert (s.under_one, s.expected, s.unexpected) == (1, 1, 2)  # A; B; A and D
    assert s.places == {"hospital": 1, "home": 1, "public_place": 1}


def test_reviews_completed_their_timeliness_and_median():
    s = stats()
    assert s.reviewed == 3  # A (15 Jan 2021), C (1 Oct 2020), E (1 Apr 2020); B is 2021-22
    # A: 1 May 2020 -> 15 Jan 2021 = 259 days; C: 1 Dec 2019 -> 1 Oct 2020 = 305 (2020 is a
    # leap year); E: 10 Jan 2019 -> 1 Apr 2020 = 365 + 82 = 447.  Median 305.
    assert s.median_days_to_review == 305.0
    assert s.within_12_months == 2  # A and C; E took more than 12 months


def test_open_at_year_end_banded_by_time_since_death():
    s = stats()
    assert s.open_at_year_end == 2  # B (reviewed after 31 March 2021) and D (not reviewed)
    # at 31 March 2021: B died 10 June 2020 (past 6 months, not 12); D died 20 March 2021
    assert s.open_bands == {"warning": 1, "under_warning": 1}


def test_category_and_modifiable_factors_of_the_reviewed_deaths():
    s = stats()
    assert s.categories == {
        "perinatal_neonatal_event": 1,
        "sudden_unexpected_unexplained": 1,
        "chronic_medical": 1,
    }
    assert s.modifiable == 2  # A and C
    assert s.modifiable_by_category == {
        "perinatal_neonatal_event": 1,
        "sudden_unexpected_unexplained": 1,
    }
    assert s.modifiable_by_domain == {"family": 2, "physical": 1}
    # "parental  smoking" is the same factor as "Parental smoking"
    assert s.top_factors == [("Parental smoking", 2), ("Unsafe sleeping arrangement", 1)]


def test_meetings_attendance_and_actions():
    s = stats()
    assert s.meetings == 2
    assert s.attendance == {"Health": 2, "Police": 1}
    assert s.actions == {"open": 1, "completed": 1}


def test_small_numbers_are_suppressed_for_others_only_with_secondary_suppression():
    """10 deaths notified, 3 expected and 7 unexpected, all 10 in hospital; 12 reviews, 8 within
    12 months.  Others see: 3 expected as c (1 to 5), so 7 unexpected is c too (10 - 7 = 3 would
    give it away) and its percentage with it; 10 and 12 are shown; 8 of 12 is 66.7%."""
    s = YearStats(
        year=2020, notified=10, expected=3, unexpected=7, places={"hospital": 10}, reviewed=12,
        within_12_months=8, categories={"malignancy": 12},
    )  # fmt: skip
    exact = presentation.year_figures(s, exact=True)
    others = presentation.year_figures(s, exact=False)
    assert _figure(exact, "Deaths notified", "Expected").value == 3
    assert _figure(others, "Deaths notified", "Expected").value == "c"
    assert _figure(others, "Deaths notified", "Unexpected").value == "c"
    assert _figure(others, "Deaths notified", "Unexpected", "%").value == "c"
    assert _figure(exact, "Deaths notified", "Unexpected", "%").value == 70.0
    assert _figure(others, "Deaths notified", "Deaths notified").value == 10
    assert _figure(others, "Place of death", "Hospital").value == 10
    assert _figure(others, "Place of death", "Home").value == 0  # a true zero is shown
    within = _figure(others, "Reviews", "Completed within 12 months of the death", "%")
    assert within.value == 66.7  # 8 / 12 = 66.666.., half up
    assert presentation.trend_rows([s], exact=False)[0] == ("Deaths notified", [10])


def _figure(figures, section, label, unit=""):
    return next(f for f in figures if (f.section, f.label, f.unit) == (section, label, unit))


def test_the_page_figures_with_national_comparators():
    national = {"modifiable_pct": 33.9, "within_12_months_pct": 76.0}
    exact = presentation.year_figures(stats(), exact=True, national=national)
    modifiable = _figure(exact, "Modifiable factors", "Reviews with modifiable factors", "%")
    assert (modifiable.value, modifiable.national) == (66.7, 33.9)  # 2 of 3
    within = _figure(exact, "Reviews", "Completed within 12 months of the death", "%")
    assert (within.value, within.national) == (66.7, 76.0)
    suppressed = presentation.year_figures(stats(), exact=False, national=national)
    assert _figure(suppressed, "Deaths notified", "Deaths notified").value == "c"
    assert (
        _figure(suppressed, "Reviews", "Median days from death to panel review", "days").value
        == "c"
    )
    assert (
        _figure(suppressed, "Modifiable factors", "Reviews with modifiable factors", "%").national
        == 33.9
    )


def test_the_trend_and_the_export_cover_every_year():
    all_stats = [year_stats(y, CASES, MEETINGS, ACTIONS) for y in (2019, 2020)]
    trend = dict(presentation.trend_rows(all_stats, exact=True))
    assert trend["Deaths notified"] == [1, 3]  # C in 2019-20
    assert trend["% with modifiable factors"] == [None, 66.7]  # nothing reviewed in 2019-20
    rows = presentation.export_rows(all_stats, exact=True, national={2020: {"rate_per_100k": 2.5}})
    rate = [r for r in rows if r[0] == "2020-21" and r[2] == "Rate per 100,000 children"]
    assert rate == [
        ["2020-21", "Deaths notified", "Rate per 100,000 children", "", "per 100,000", 2.5]
    ]


def test_the_trend_chart_is_accessible_svg_with_gaps_for_suppressed_figures():
    all_stats = [year_stats(y, CASES, MEETINGS, ACTIONS) for y in (2019, 2020)]
    exact = presentation.trend_chart(all_stats, exact=True, national={2020: {"modifiable_pct": 24}})
    assert exact.startswith("<svg") and "<title" in exact and "England: modifiable" in exact
    suppressed = presentation.trend_chart(all_stats, exact=False, national={})
    assert "England" not in suppressed
    assert presentation._plotted("c") is None and presentation._plotted(66.7) == 66.7


def test_the_median_days_are_always_shown_to_one_decimal_place():
    """A median of an even number of reviews can end in .5: the column shows "305.0" beside
    "305.5", never "305" beside "305.5"."""
    whole = YearStats(year=2020, reviewed=12, median_days_to_review=305.0)
    half = YearStats(year=2021, reviewed=12, median_days_to_review=305.5)
    shown = []
    for s in (whole, half):
        table = presentation._year_builder(s).table(s.label)
        row = table.row_labels.index("Reviews: Median days from death to panel review (days)")
        shown.append(disclosure.unprotected(table).shown[row][0])
    assert shown == ["305.0", "305.5"]
