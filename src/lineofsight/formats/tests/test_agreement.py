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
from lineofsight.formats.rules.registry import RULES, load
from lineofsight.formats.tests.agreement import HERE, mutated_903, mutated_cin
from lineofsight.formats.tests.agreement.cin_mutations import CPP, OPEN_PLAN
from lineofsight.formats.tests.agreement.ssda903_mutations import BOY, MISSING, TWO

EXPECTED: dict[str, list[list[str]]] = json.loads((HERE / "cin_expected.json").read_text())
EXPECTED_903: dict[str, list[list[str]]] = json.loads((HERE / "ssda903_expected.json").read_text())
load()
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


# SSDA903 rules the public validator never reports although the DfE's wording requires them;
# each is checked below on the copy aimed at it.
PEER_SILENT_903 = {
    "231": "its rule reads a UASC_STATUS column that CSV returns do not have, and fails",
}
# SSDA903 copies where its answer differs from the specification's (as PEER_DIFFERS).
SHARED = (
    "The peer's rules share its tables and one of them fills blank DECs in place, so the rules "
    "that run after it see every open episode as ended on 31 March; run alone, its rule reports "
    "{}, as we do (checked with the peer's rule on its own)."
)
SW10_LATE = (
    "SW10STG2 by the DfE's specification: a start on or after the previous end less 7 days; "
    "the peer also rejects a start more than 7 days after it (here {} after {})."
)
PEER_DIFFERS_903: dict[str, tuple[set[tuple[str, str]], set[tuple[str, str]], str]] = {
    "359 over 18 not V2 K2": (set(), {(BOY, "359")}, SHARED.format("359 for this open episode")),
    "189 SDQ at 17": (set(), {(BOY, "359")}, SHARED.format("359 for this open episode")),
    "1005 missing end invalid": ({(MISSING, "577")}, set(), SHARED.format("no 577")),
    "570 missing starts after the year": (
        {(MISSING, "577"), (MISSING, "581")},
        set(),
        SHARED.format("no 577 or 581 (the spell starts during an open episode)"),
    ),
    "571 missing ends after the year": ({(MISSING, "577")}, set(), SHARED.format("no 577")),
    "SW06 social worker after the year": (
        {(BOY, "SW10STG2")},
        set(),
        SW10_LATE.format("01/04/2025", "23/01/2025"),
    ),
    "SW07 social worker ended before the period": (
        {(TWO, "SW10STG2")},
        set(),
        SW10_LATE.format("28/03/2025", "01/03/2023"),
    ),
    "SW09 social worker for under a day": (
        {(BOY, "SW10STG2")},
        set(),
        SW10_LATE.format("23/01/2025", "01/04/2024"),
    ),
    "SW08 previous social worker not ended": (
        {(TWO, "SW10STG2")},
        set(),
        "The previous social worker episode has no end date: SW10STG2's specification checks "
        "the start against the previous end 'if present' (the missing end is SW08STG2's); the "
        "peer compares with a missing date, which always fails.",
    ),
    "371 K3 under 16": (
        {("SYN3710000610", "146")},
        set(),
        "The peer's 2024-25 placement list has 'k3' in lower case, so it rejects K3, which its "
        "own 2024-25 rules 218, 221, 222 and 371 use (supported accommodation, from 2024-25).",
    ),
}


def implemented(code: str) -> bool:
    return ("ssda903", code) in RULES


@pytest.mark.parametrize("name", sorted(EXPECTED_903))
def test_our_903_errors_and_queries_equal_the_public_validators(tmp_path, name):
    """Every code the public validator reports that we implement, and nothing else (the rules
    we do not implement are listed with the reason in docs/validation.md)."""
    expected = {(child, code) for child, code in EXPECTED_903[name] if implemented(code)}
    if name in PEER_DIFFERS_903:
        theirs, mine, _why = PEER_DIFFERS_903[name]
        assert theirs <= expected, "the peer no longer says this: drop the entry"
        expected = (expected - theirs) | mine
    found = {pair for pair in ours(tmp_path, name, "ssda903") if pair[1] not in PEER_SILENT_903}
    assert found == expected


@pytest.mark.parametrize("code", sorted(PEER_SILENT_903))
def test_903_rules_the_public_validator_never_reports_are_checked(tmp_path, code):
    aimed = [name for name in EXPECTED_903 if name.startswith(code + " ")]
    assert aimed
    for name in aimed:
        assert code in {c for _, c in ours(tmp_path, name, "ssda903")}, name


def test_every_903_rule_we_check_is_aimed_at_by_a_copy_or_a_unit_test():
    """Each registered SSDA903 rule is broken by some copy of the corpus (as the peer reports
    it) or by a one-child return in test_ssda903_rules or test_rule_years."""
    from lineofsight.formats.tests.test_rule_years import CASES as BY_YEAR
    from lineofsight.formats.tests.test_ssda903_rules import CASES

    reported = {code for pairs in EXPECTED_903.values() for _, code in pairs}
    unit = {code for code, _, _ in CASES} | {code for code, *_ in BY_YEAR}
    missing = {
        code
        for (family, code), rule in RULES.items()
        if family == "ssda903" and code not in reported | unit | set(PEER_SILENT_903)
    }
    assert not missing
