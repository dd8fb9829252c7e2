"""Practitioner survey responses: header, answers on the scale, duplicates (pure)."""

from pathlib import Path

from lineofsight.formats import detect
from lineofsight.formats.practitioner_survey import (
    answer_code,
    parse_practitioner_survey,
)
from lineofsight.formats.problems import ProblemLog

HEADER = "survey_ref,response_ref,agency_code,q1,q2"


def parse(tmp_path: Path, *lines: str, header: str = HEADER):
    path = tmp_path / "survey.csv"
    path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    log = ProblemLog(path.name)
    parsed = parse_practitioner_survey(path, log, la_code="371")
    parsed.problems = log.problems
    return parsed


def test_detected_from_its_header(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text(HEADER + "\nws,1,police,agree,\n", encoding="utf-8")
    assert detect(path) == "practitioner_survey"


def test_answers_are_read_as_codes_words_or_numbers():
    assert answer_code("Strongly agree") == "strongly_agree"
    assert answer_code("strongly_disagree") == "strongly_disagree"
    assert answer_code(" Neither agree nor disagree ") == "neither"
    assert answer_code("4") == "agree" and answer_code("1") == "strongly_disagree"
    assert answer_code("maybe") is None and answer_code("6") is None


def test_a_good_file_gives_one_row_per_response_with_skipped_answers_left_out(tmp_path):
    parsed = parse(tmp_path, "ws,R1,police,Agree,5", "ws,R2,health,,disagree")
    assert not parsed.rejected
    rows = parsed.tables["practitioner_survey"]
    assert [(r["response_ref"], r["agency"], r["answers"]) for r in rows] == [
        ("R1", "police", {1: "agree", 2: "strongly_agree"}),
        ("R2", "health", {2: "disagree"}),
    ]


def test_each_problem_names_its_row_column_and_value(tmp_path):
    parsed = parse(
        tmp_path,
        "ws,R1,police,agree,sometimes",
        "ws,R1,police,agree,agree",
        "ws,R3,,agree,agree",
        "ws,=HYPERLINK(1),police,agree,agree",
    )
    found = {(p.location, p.field, p.rule) for p in parsed.problems}
    assert ("row 2", "q2", "survey.answer_invalid") in found
    assert ("row 4", "agency_code", "survey.missing_value") in found
    assert ("row 5", "response_ref", "survey.reference_invalid") in found
    # row 2 was refused, so row 3's R1 is its first use; nothing is stored from a rejected file
    assert parsed.rejected


def test_a_repeated_response_is_an_error(tmp_path):
    parsed = parse(tmp_path, "ws,R1,police,agree,", "ws,R1,health,agree,")
    [problem] = parsed.problems
    assert (problem.location, problem.rule) == ("row 3", "survey.duplicate_response")


def test_a_file_without_answer_columns_or_references_is_refused(tmp_path):
    parsed = parse(tmp_path, "ws,R1", header="survey_ref,response_ref")
    rules = {p.rule for p in parsed.problems}
    assert {"survey.missing_column", "survey.no_questions"} <= rules
