"""Survey results by agency, hand-checked against a small fixture (pure: no database)."""

from lineofsight import disclosure
from lineofsight.voice.results import Answer, question_table, scale_table


def answers() -> list[Answer]:
    a = (
        ["strongly_agree"] * 4 + ["agree"] * 3 + ["neither"] * 2 + ["disagree"]
    )  # 10 answers, 7 agreeing
    b = ["agree"] * 3 + ["disagree"] * 5  # 8 answers, 3 agreeing
    c = ["agree"] * 3  # 3 answers, all agreeing
    found = [Answer("Agency A", 1, x) for x in a]
    found += [Answer("Agency B", 1, x) for x in b]
    found += [Answer("Agency C", 1, x) for x in c]
    found += [Answer("Agency A", 2, "agree")] * 6  # another statement: not counted for Q1
    return found


def test_each_agency_with_small_numbers_suppressed_and_the_total_kept():
    table = question_table(1, "I know how to escalate", ["Agency A", "Agency B", "Agency C"],
                           answers())  # fmt: skip
    # by hand: A 10 answered, 7 agreed (70.0%); B 8 and 3; C 3 and 3; all 21 and 13 (61.9%)
    assert [c.count for c in table.cells[3][:2]] == [21, 13]
    published = disclosure.protect(table)
    assert published.shown == [
        ["10", "7", "70.0"],
        # B's 3 agreeing is small; B's 8 responses is hidden too, or C's 3 = 21 - 10 - 8
        ["c", "c", "c"],
        ["c", "c", "c"],
        ["21", "13", "61.9"],
    ]
    rules = {(d.row, d.column): d.rule for d in published.decisions}
    assert rules[("Agency B", "Responses")] == "secondary"
    assert rules[("Agency C", "Responses")] == "primary"
    assert disclosure.disclosure_problems(published) == []


def test_an_agency_without_answers_to_a_statement_shows_zero_and_no_percentage():
    table = question_table(2, "Thresholds", ["Agency A", "Agency B"], answers())
    shown = disclosure.protect(table).shown
    assert shown[0] == ["6", "6", "100.0"]
    assert shown[1][:2] == ["0", "0"] and shown[1][2] == disclosure.NOT_AVAILABLE


def test_the_scale_across_all_agencies():
    table = scale_table([(1, "I know how to escalate")], answers())
    # Q1: strongly agree 4, agree 3 + 3 + 3 = 9, neither 2, disagree 1 + 5 = 6, strongly
    # disagree 0, all 21: the 4 and the 2 are small; together (6) they do not give either away
    assert disclosure.protect(table).shown == [["c", "9", "c", "6", "0", "21"]]
