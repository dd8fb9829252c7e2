"""Our CIN rules against the public DfE-rule validator, one broken rule per copy of a return.

The expected (child, code) pairs were recorded from the public validator
(``scripts/validation_corpus.py``).  Return-level queries (2883, 2886Q, 2887Q, 2888Q) are left
out: the public validator's report does not list them.  An error of ours with no DfE code
counts as a disagreement (we would reject what the DfE accepts).  Where the public validator's
answer follows from its implementation rather than the DfE's specification we follow the
specification; each such case is listed below with the reason.
"""

from __future__ import annotations

import json

import pytest

from lineofsight.formats import read
from lineofsight.formats.tests.agreement import HERE, mutated_903, mutated_cin
from lineofsight.formats.tests.agreement.cin_mutations import CPP, OPEN_PLAN

EXPECTED: dict[str, list[list[str]]] = json.loads((HERE / "cin_expected.json").read_text())
EXPECTED_903: dict[str, list[list[str]]] = json.loads((HERE / "ssda903_expected.json").read_text())
WHOLE_RETURN = "whole return"

# Codes the public validator never reported in the corpus although its own rule text (and the
# DfE's specification) requires them; each is checked below on the copy aimed at it.
PEER_SILENT = {
    "8565": "its rule replaces the return's child protection plans with its own test data "
    "part-way through (rule_8565.py), and reports nothing",
    "8540": "its rule finds the rows but loses them when it locates them (merges on ROW_ID)",
    "8614": "nothing is reported for factors on an assessment with no authorisation date",
    "8898": "nothing is reported for a factor code given twice on one assessment",
    "8869": "nothing is reported for factor 21 given with another factor",
    "8945Q": "its rule compares the assessment's list of factors with '18A' as one string, "
    "so a listed 18A never matches",
    "8950Q": "as 8945Q, for 19A",
    "8870Q": "its rule reads InitialCPCtarget with the format %d-%m-%Y, which no census date "
    "(YYYY-MM-DD) has, so it never fires",
}
# Mutations where the public validator's answer differs from the specification's:
# name -> (its (child, code) pairs we leave out, pairs only we report, why).
PEER_DIFFERS: dict[str, tuple[set[tuple[str, str]], set[tuple[str, str]], str]] = {
    "8510 duplicate child": (
        {
            (OPEN_PLAN, code)
            for code in ("1103", "4004", "4014", "4015", "8794", "8815", "8816", "8820")
        },
        set(),
        "The peer keys every table by LAchildID, so two children sharing one are merged and "
        "their episodes, plans and disabilities clash; the specification's rule is 8510 alone.",
    ),
    "8832 NFA with a CP plan": (
        {("SYN3710001866", "8832")},
        {(CPP, "8832")},
        "The peer names the wrong child (another child's plan row) for this 8832.",
    ),
    "8935 two open CP plans at once": (
        set(),
        {(CPP, "8935")},
        "Two child protection plans of one child, both with no end date: the specification's "
        "8935 by its own words; the peer reports nothing for two open plans in one CINdetails.",
    ),
    "8740 open S47 before the year": (
        set(),
        {(CPP, "8740")},
        "The peer reads ICPCnotRequired = 0 only, not false, which the schema also allows.",
    ),
}


def ours(tmp_path, name: str, family: str = "cin") -> set[tuple[str, str]]:
    if family == "cin":
        path = tmp_path / "census.xml"
        path.write_text(mutated_cin(name), encoding="utf-8")
        [parsed] = read([path])
    else:
        [parsed] = read([mutated_903(name, tmp_path / "903")], collection_year=2025)
    found = set()
    for p in parsed.problems:
        if p.location == WHOLE_RETURN:
            continue
        if p.code:
            found.add((p.child or "", p.code))
        elif p.is_error:
            found.add((p.child or "", f"no DfE code: {p.rule} {p.field}"))
    return found


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_our_errors_and_queries_equal_the_public_validators(tmp_path, name):
    expected = {(child, code) for child, code in EXPECTED[name]}
    if name in PEER_DIFFERS:
        theirs, mine, _why = PEER_DIFFERS[name]
        assert theirs <= expected, "the peer no longer says this: drop the entry"
        expected = (expected - theirs) | mine
    found = {(child, code) for child, code in ours(tmp_path, name) if code not in PEER_SILENT}
    assert found == expected


@pytest.mark.parametrize("code", sorted(PEER_SILENT))
def test_rules_the_public_validator_never_reports_are_checked(tmp_path, code):
    aimed = [name for name in EXPECTED if name.startswith(code + " ")]
    assert aimed
    for name in aimed:
        assert code in {c for _, c in ours(tmp_path, name)}, name


@pytest.mark.parametrize("name", sorted(EXPECTED_903))
def test_our_903_errors_are_the_public_validators_and_find_the_rule_broken(tmp_path, name):
    """SSDA903: we check 80 of the 305 rules, so what we report must be a subset of what the
    public validator reports (no error it would not raise), and must include the rule aimed at.
    """
    theirs = {(child, code) for child, code in EXPECTED_903[name]}
    found = ours(tmp_path, name, "ssda903")
    assert found <= theirs
    aimed = name.split(" ", 1)[0]
    if any(code == aimed for _, code in theirs):
        assert aimed in {code for _, code in found}
