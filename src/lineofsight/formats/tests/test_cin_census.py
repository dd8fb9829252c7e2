from __future__ import annotations

from datetime import date

import pytest

from lineofsight.formats.tests.builders import (
    assessment,
    child,
    cin_plan,
    cin_xml,
    cp_plan,
    episode,
    errors,
    full_episode,
    rules,
    section47,
    sex_2025,
)


def test_valid_2023_24_return_is_accepted_with_all_tables(read_one):
    parsed = read_one(cin_xml(child("C1"), child("C2"), year=2024))
    assert parsed.format == "cin_census"
    assert (parsed.la_code, parsed.collection_year) == ("371", 2024)
    assert parsed.reference_date == date(2024, 3, 31)
    assert parsed.problems == []
    assert not parsed.rejected
    assert parsed.record_count == 2
    counts = {name: len(rows) for name, rows in parsed.tables.items()}
    assert counts == {
        "cin_children": 2,
        "cin_episodes": 2,
        "cin_assessments": 2,
        "cin_plans": 2,
        "s47_enquiries": 2,
        "cp_plans": 2,
        "cp_reviews": 2,
    }
    first = parsed.tables["cin_children"][0]
    assert first["child_id"] == "C1" and first["sex"] == "1" and first["ethnicity"] == "WBRI"
    assert first["la_code"] == "371" and first["collection_year"] == 2024
    assert "upn" not in first and "A123456789012" not in str(parsed.tables)
    ep = parsed.tables["cin_episodes"][0]
    assert ep["referral_date"] == date(2023, 5, 1) and ep["closure_reason"] == "RC7"
    assert ep["referral_nfa"] is False and ep["episode_no"] == 1
    s47 = parsed.tables["s47_enquiries"][0]
    assert s47["icpc_date"] == date(2023, 5, 19) and s47["icpc_not_required"] is False
    plan = parsed.tables["cp_plans"][0]
    assert (plan["initial_category"], plan["previous_plans"]) == ("NEG", 0)
    assert parsed.tables["cin_assessments"][0]["factors"] == "1A 3B"


def test_2024_25_layout_reads_sex(read_one):
    parsed = read_one(cin_xml(child("C1", sex=sex_2025("F")), year=2025))
    assert parsed.problems == []
    assert parsed.tables["cin_children"][0]["sex"] == "F"
    assert parsed.collection_year == 2025


def test_gender_current_in_2024_25_is_a_layout_warning(read_one):
    parsed = read_one(cin_xml(child(), year=2025))
    assert rules(parsed) == {"cin.sex_layout"}
    assert not parsed.rejected


def test_sex_in_2023_24_is_a_layout_warning(read_one):
    parsed = read_one(cin_xml(child(sex=sex_2025()), year=2024))
    assert rules(parsed) == {"cin.sex_layout"}


def test_unknown_sex_code_is_an_error(read_one):
    parsed = read_one(cin_xml(child(sex=sex_2025("X")), year=2025))
    assert [(p.rule, p.code, p.severity, p.value) for p in parsed.problems] == [
        ("cin.code_unknown", "4180", "error", "X")
    ]


def test_closure_before_referral(read_one):
    parsed = read_one(
        cin_xml(child("C9", episodes=(episode(referral="2023-06-01", closure="2023-05-01"),)))
    )
    [problem] = parsed.problems
    assert problem.rule == "cin.closure_before_referral" and problem.severity == "error"
    assert problem.location == "child C9 / CINdetails 1" and problem.field == "CINclosureDate"
    assert parsed.rejected


def test_cpp_end_before_start(read_one):
    body = episode(body=section47()).replace(
        "</CINdetails>", cp_plan(start="2023-05-19", end="2023-05-18") + "</CINdetails>"
    )
    parsed = read_one(cin_xml(child(episodes=(body,))))
    assert errors(parsed) == {"cin.cpp_end_before_start"}
    assert parsed.problems[0].location.endswith("ChildProtectionPlans 1")


def test_icpc_before_s47_start(read_one):
    parsed = read_one(
        cin_xml(child(episodes=(episode(body=section47(start="2023-05-10", icpc="2023-05-09")),)))
    )
    assert errors(parsed) == {"cin.icpc_before_s47"}


def test_assessment_authorised_before_start(read_one):
    parsed = read_one(
        cin_xml(
            child(episodes=(episode(body=assessment(start="2023-06-01", authorised="2023-05-20")),))
        )
    )
    assert errors(parsed) == {"cin.assessment_authorised_before_start"}


def test_cin_plan_end_before_start(read_one):
    parsed = read_one(
        cin_xml(child(episodes=(episode(body=cin_plan("2023-06-01", "2023-05-01")),)))
    )
    assert errors(parsed) == {"cin.cin_plan_end_before_start"}


@pytest.mark.parametrize(
    ("field", "xml"),
    [
        ("ReferralSource", episode(source="99")),
        ("ReasonForClosure", episode(reason="RC99")),
    ],
)
def test_code_that_breaks_an_indicator_is_an_error(read_one, field, xml):
    parsed = read_one(cin_xml(child(episodes=(xml,))))
    [problem] = parsed.problems
    assert (problem.rule, problem.field, problem.severity) == ("cin.code_unknown", field, "error")
    assert "allowed:" in problem.message


def test_unknown_category_of_abuse_is_an_error(read_one):
    body = episode(body=assessment() + section47()).replace(
        "</CINdetails>", cp_plan(latest="XYZ") + "</CINdetails>"
    )
    parsed = read_one(cin_xml(child(episodes=(body,))))
    assert [(p.field, p.value, p.severity) for p in parsed.problems] == [
        ("LatestCategoryOfAbuse", "XYZ", "error")
    ]


@pytest.mark.parametrize(
    ("xml", "field", "code"),
    [
        (child(ethnicity="ZZZZ"), "Ethnicity", "4220"),
        (child(episodes=(episode(need="N11"),)), "PrimaryNeedCode", "8650"),
    ],
)
def test_unknown_codes_the_dfe_rejects_are_errors(read_one, xml, field, code):
    parsed = read_one(cin_xml(xml))
    assert [(p.field, p.code, p.severity) for p in parsed.problems] == [(field, code, "error")]


def test_unknown_assessment_factor_is_a_warning(read_one):
    """No DfE rule rejects an unknown factor code, so it is our own warning."""
    xml = child(episodes=(episode(body=assessment(factors=("99Z",))),))
    parsed = read_one(cin_xml(xml))
    assert [(p.field, p.severity) for p in parsed.problems] == [("AssessmentFactors", "warning")]
    assert not parsed.rejected


def test_closure_date_needs_a_reason_and_reason_needs_a_date(read_one):
    parsed = read_one(
        cin_xml(
            child(
                episodes=(
                    episode(reason=None),
                    episode(referral="2023-10-02", closure=None, reason="RC7"),
                )
            )
        )
    )
    assert [(p.location, p.field) for p in parsed.problems] == [
        ("child C0001 / CINdetails 1", "ReasonForClosure"),
        ("child C0001 / CINdetails 2", "CINclosureDate"),
    ]


def test_missing_required_elements(read_one):
    xml = cin_xml(child(episodes=(episode().replace("<ReferralSource>1A</ReferralSource>", ""),)))
    parsed = read_one(xml.replace("<ReferralNFA>false</ReferralNFA>", ""))
    assert {(p.rule, p.field) for p in parsed.problems} == {
        ("cin.missing_element", "ReferralSource"),
        ("cin.missing_element", "ReferralNFA"),
    }


def test_child_without_id_or_birth_date(read_one):
    parsed = read_one(cin_xml(child(""), child("C2", birth=None)))
    assert [(p.rule, p.code, p.field, p.location) for p in parsed.problems] == [
        ("cin.missing_element", "8500", "LAchildID", "child number 1 in the file"),
        ("cin.missing_element", "8525Q", "PersonBirthDate", "child C2"),
    ]
    assert len(parsed.tables["cin_children"]) == 1


def test_duplicate_child(read_one):
    assert "cin.duplicate_child" in errors(read_one(cin_xml(child("C1"), child("C1"))))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2023-5-1", "not a date in the form"),
        ("2023-13-01", "not a real calendar date"),
        ("2023-02-30", "not a real calendar date"),
        ("01/05/2023", "YYYY-MM-DD"),
        ("1066-10-14", "before 1900"),
    ],
)
def test_bad_dates(read_one, text, words):
    parsed = read_one(cin_xml(child(episodes=(episode(referral=text, closure=None, reason=None),))))
    [problem] = parsed.problems
    assert problem.rule == "cin.date_invalid" and words in problem.message
    assert problem.value == text and problem.field == "CINreferralDate"


def test_date_after_reference_date(read_one):
    parsed = read_one(cin_xml(child(episodes=(episode(closure="2024-04-02"),))))
    [problem] = parsed.problems
    assert problem.rule == "cin.date_after_reference_date" and "31/03/2024" in problem.message


def test_expected_birth_date_may_be_after_reference_date(read_one):
    unborn = child(
        birth=None,
        sex="<GenderCurrent>0</GenderCurrent>",
        identifiers_extra="<ExpectedPersonBirthDate>2024-06-01</ExpectedPersonBirthDate>",
        episodes=(episode(referral="2024-01-10", closure="2024-01-12"),),
    )
    parsed = read_one(cin_xml(unborn))
    assert parsed.problems == []
    assert parsed.tables["cin_children"][0]["expected_birth_date"] == date(2024, 6, 1)


def test_booleans_accept_true_false_1_0_and_reject_others(read_one):
    second = episode(referral="2023-10-02", closure="2023-10-03", nfa="yes")
    parsed = read_one(cin_xml(child(episodes=(episode(nfa="1", need=None), second))))
    assert [p.rule for p in parsed.problems] == ["cin.boolean_invalid"]
    assert parsed.tables["cin_episodes"][0]["referral_nfa"] is True


def test_previous_plans_must_be_a_whole_number(read_one):
    body = episode(body=section47()).replace(
        "</CINdetails>", cp_plan(previous="two") + "</CINdetails>"
    )
    assert errors(read_one(cin_xml(child(episodes=(body,))))) == {"cin.number_invalid"}


def test_death_before_birth(read_one):
    dead = child(identifiers_extra="<PersonDeathDate>2014-01-01</PersonDeathDate>")
    parsed = read_one(cin_xml(dead))
    assert "cin.death_before_birth" in rules(parsed) and not errors(parsed) - {
        "cin.4008",  # plans starting after the death
        "cin.8915",
        "cin.8920",
    }


def test_header_problems(read_one):
    parsed = read_one(cin_xml(lea="37A", year=2024).replace("<Year>2024</Year>", "<Year>24</Year>"))
    assert {"cin.lea_invalid", "cin.missing_year"} <= errors(parsed)


def test_missing_header_uses_given_year(read_one):
    parsed = read_one(cin_xml(header=False), collection_year=2024)
    assert rules(parsed) == {"cin.missing_header"} and not parsed.rejected
    assert parsed.collection_year == 2024
    assert errors(read_one(cin_xml(header=False))) == {"cin.missing_header"}


def test_wrong_root_and_no_children(read_one):
    assert errors(read_one("<Workbook><Sheet/></Workbook>")) == {"cin.wrong_root"}
    assert errors(read_one(cin_xml().replace(child(), ""))) == {"cin.no_children"}


def test_every_problem_is_reported_not_just_the_first(read_one):
    bad = episode(referral="2023-06-01", closure="2023-05-01", source="ZZ", reason="RC0")
    parsed = read_one(cin_xml(child("A", episodes=(bad,)), child("B", episodes=(bad,))))
    assert len(parsed.problems) == 6
    assert parsed.error_count == 6


def test_full_episode_fixture_is_valid(read_one):
    later = episode(referral="2023-10-02", closure="2023-10-03", need=None, nfa="true")
    assert read_one(cin_xml(child(episodes=(full_episode(), later)))).problems == []
