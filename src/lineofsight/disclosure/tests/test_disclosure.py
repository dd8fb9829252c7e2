"""The DfE small-number rule on hand-made tables, each needing what its name says."""

from decimal import Decimal

import pytest

from lineofsight.disclosure import (
    Sum,
    Table,
    count,
    disclosure_problems,
    grid,
    half_up,
    number,
    percent,
    percentage,
    protect,
    rate,
    rate_per,
    unprotected,
)
from lineofsight.disclosure.derive import derivable


def rules(published):
    return {d.position: d.rule for d in published.decisions}


def counts(*values):
    return [count(v) for v in values]


def test_counts_1_to_5_are_c_and_6_and_0_are_shown():
    table = grid(
        "Contacts",
        "Agency",
        ["Number"],
        [
            ("Police", counts(5)),
            ("Health", counts(6)),
            ("Schools", counts(0)),
            ("Other", counts(1)),
        ],
    )
    published = protect(table)
    assert [row[0] for row in published.shown] == ["c", "6", "0", "c"]
    assert rules(published)[(2, 0)] == "zero"
    assert "DfE" in published.decisions[2].reason
    assert disclosure_problems(published) == []


def test_one_small_cell_in_a_row_with_a_total_suppresses_a_second_cell():
    table = grid(
        "Referrals by source",
        "Quarter",
        ["Police", "Health", "Schools", "Total"],
        [("Q1", counts(40, 3, 12, 55))],
        total_column=True,
    )
    published = protect(table)
    assert published.shown[0] == ["40", "c", "c", "55"]  # 12 is the smallest other count
    decision = next(d for d in published.decisions if d.rule == "secondary")
    assert decision.column == "Schools"
    assert "Q1 / Health" in decision.reason and "row Q1" in decision.reason
    assert disclosure_problems(published) == []


def test_a_total_that_would_reveal_is_suppressed():
    # the other parts are zero: only the total can hide the 4
    table = grid(
        "Deaths by category",
        "Category",
        ["Number"],
        [("Abuse", counts(0)), ("Illness", counts(4)), ("Other", counts(0)), ("Total", counts(4))],
        total_row=True,
    )
    published = protect(table)
    assert [row[0] for row in published.shown] == ["0", "c", "0", "c"]
    assert disclosure_problems(published) == []


def test_two_way_table_needs_suppression_across_rows_and_columns():
    # rows: agencies, columns: quarters, with row and column totals
    table = grid(
        "Contacts by agency and quarter",
        "Agency",
        ["Q1", "Q2", "Total"],
        [
            ("Police", counts(3, 20, 23)),
            ("Health", counts(15, 30, 45)),
            ("Schools", counts(25, 9, 34)),
            ("Total", counts(43, 59, 102)),
        ],
        total_row=True,
        total_column=True,
    )
    published = protect(table)
    assert published.shown[0][0] == "c"
    hidden = published.hidden
    # at least two hidden cells in Police's row and in Q1's column, and the 3 is not derivable
    assert sum((0, c) in hidden for c in range(3)) >= 2
    assert sum((r, 0) in hidden for r in range(4)) >= 2
    assert (0, 0) not in derivable(table.sums, hidden)
    assert disclosure_problems(published) == []


def test_a_chain_through_a_lone_secondary_cell_is_closed():
    # suppressing 20 alone leaves it derivable from its column, then the 3 from its row
    table = grid(
        "Chain",
        "Row",
        ["A", "B", "Total"],
        [("r1", counts(3, 20, 23)), ("r2", counts(50, 60, 110)), ("Total", counts(53, 80, 133))],
        total_row=True,
        total_column=True,
    )
    published = protect(table)
    assert (0, 0) not in derivable(table.sums, published.hidden)
    assert disclosure_problems(published) == []
    assert len(published.suppressions) >= 4  # a rectangle: 3, 20, 50, 60


def test_percentages_and_rates_built_on_a_suppressed_count_are_suppressed():
    table = grid(
        "Assessments",
        "Team",
        ["Completed", "Within 45 days", "% within 45 days"],
        [
            ("North", [count(40), count(4), percent(4, 40, depends_on=[(0, 1)])]),
            ("South", [count(3), count(3), percent(3, 3, depends_on=[(1, 1)])]),
            ("East", [count(50), count(45), percent(45, 50, depends_on=[(2, 1)])]),
        ],
    )
    published = protect(table)
    assert published.shown[0] == ["40", "c", "c"]
    assert published.shown[1] == ["c", "c", "c"]
    assert published.shown[2] == ["50", "45", "90.0"]
    assert rules(published)[(0, 2)] == "primary"  # built on a count of 4 itself


def test_a_figure_depending_on_a_secondary_cell_is_suppressed():
    table = Table(
        "Plans",
        "Row",
        ["Started", "Ended", "Total", "Share started"],
        ["All"],
        [[count(3), count(30), count(33), percent(30, 33, depends_on=[(0, 1)])]],
        sums=[Sum((0, 2), ((0, 0), (0, 1)), "the total")],
    )
    published = protect(table)
    assert published.shown[0] == ["c", "c", "33", "c"]
    assert rules(published)[(0, 3)] == "dependent"
    assert disclosure_problems(published) == []


def test_a_rate_on_a_small_count_is_suppressed_but_its_population_does_not_count():
    table = grid(
        "Rates",
        "Area",
        ["Rate per 10,000"],
        [("A", [rate_per(4, 66_918)]), ("B", [rate_per(700, 66_918)])],
    )
    published = protect(table)
    assert published.shown == [["c"], ["104.6"]]


def test_a_percentage_of_one_to_five_children_is_suppressed():
    published = protect(grid("p", "r", ["%"], [("a", [percent(0, 3)])]))
    assert published.shown == [["c"]]


def test_chart_series_with_a_total_is_protected_like_a_table():
    months = [f"M{i}" for i in range(1, 7)]
    values = [12, 14, 2, 11, 19, 13]
    series = Table(
        "Missing episodes by month",
        "Series",
        [*months, "Year"],
        ["Episodes"],
        [counts(*values, sum(values))],
        sums=[Sum((0, 6), tuple((0, i) for i in range(6)), "the year's total")],
    )
    published = protect(series)
    assert published.value((0, 2)) is None
    assert sum(published.value((0, i)) is None for i in range(7)) >= 2
    assert disclosure_problems(published) == []


def test_number_cells_show_integers_plainly_and_follow_their_cases():
    published = protect(
        grid(
            "avg",
            "r",
            ["Days"],
            [("a", [number(12, based_on=40)]), ("b", [number(7.25, based_on=2)])],
        )
    )
    assert published.shown == [["12"], ["c"]]


def test_the_checker_finds_what_an_unprotected_table_gives_away():
    table = grid("Q", "Row", ["A", "B", "Total"], [("r", counts(3, 20, 23))], total_column=True)
    problems = disclosure_problems(unprotected(table))
    assert any("shows a count of 1 to 5" in p for p in problems)
    only_primary = protect(grid("Q", "Row", ["A", "Total"], [("r", counts(30, 30))]))
    assert disclosure_problems(only_primary) == []
    # hand-suppress only the 3: the checker says it can be worked out
    leaky = unprotected(table)
    leaky.hidden.add((0, 0))
    leaky.shown[0][0] = "c"
    assert any("worked out" in p for p in disclosure_problems(leaky))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.05, "0.1"),
        (12.25, "12.3"),
        (12.35, "12.4"),
        (2.675, "2.7"),
        (0.45, "0.5"),
        (99.95, "100.0"),
    ],
)
def test_half_up_not_bankers_rounding(value, expected):
    assert str(half_up(value)) == expected


def test_percentages_and_rates_are_exact_then_half_up():
    assert percentage(1, 8) == Decimal("12.5")
    assert percentage(1, 16) == Decimal("6.3")  # 6.25 -> 6.3 (round() would give 6.2)
    assert rate(1, 16, per=100) == Decimal("6.3")
    assert percentage(2, 3) == Decimal("66.7")


def test_counts_must_be_whole_and_rows_must_fit():
    with pytest.raises(ValueError, match="whole number"):
        count(2.5)
    with pytest.raises(ValueError, match="has 1 cells for 2 columns"):
        grid("t", "r", ["a", "b"], [("x", counts(1))])
    with pytest.raises(ValueError, match="count cells only"):
        Table(
            "t", "r", ["a", "b"], ["x"], [[count(1), percent(1, 2)]], sums=[Sum((0, 1), ((0, 0),))]
        )


def test_missing_is_colon_and_joins_the_unknowns():
    table = grid(
        "t", "r", ["A", "B", "Total"], [("x", [count(3), count(40), count(43)])], total_column=True
    )
    table.cells[0][1] = table.cells[0][1].__class__("missing")
    table.sums.clear()
    published = protect(table)
    assert published.shown[0] == ["c", ":", "43"]


def test_a_number_cell_shows_the_places_it_says():
    """A column of percentage changes shows one decimal place on every row, whole or not; a
    tally made a ``number`` still shows as a whole number; counts are untouched."""
    published = protect(
        grid(
            "Year on year",
            "Year",
            ["Referrals", "% change", "Meetings held", "Average days"],
            [
                (
                    "2021-22",
                    [
                        count(120),
                        number(Decimal("-8.0"), places=1),
                        number(12, places=0),
                        number(7.25),
                    ],
                ),
                (
                    "2020-21",
                    [
                        count(130),
                        number(Decimal("-7.5"), places=1),
                        number(9.5, places=0),
                        number(12),
                    ],
                ),
            ],
        )
    )
    assert published.shown == [
        ["120", "-8.0", "12", "7.3"],  # 7.25 to one place, half up
        ["130", "-7.5", "10", "12"],  # 9.5 whole, half up; a whole value as it comes
    ]
