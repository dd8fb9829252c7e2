# mypy: disable-error-code="func-returns-value"
"""One error per copy of ``cin_2025.xml`` (a synthetic census the public validator passes).

Each mutation names the DfE rule it aims at; what the public validator reported for the mutated
copy is stored in ``cin_expected.json`` (``scripts/validation_corpus.py`` refreshes it).  8500 (a
child with no LAchildID) is tested in ``test_cin_census.py``: the public validator fails outright
on such a file.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from xml.etree.ElementTree import Element, SubElement  # our own synthetic files, not user input

Mutation = Callable[[Element], object]  # a lambda may make several changes in a tuple

OPEN_PLAN = "SYN3710000001"  # open episode 2025-01-14, one assessment, one open CIN plan
CPP = "SYN3710000307"  # open episode 2024-06-24 with an assessment, plan, S47 and CP plan
CLOSED = "SYN3710000697"  # closed RC7 2024-10-21 .. with assessment and CIN plan
TWO_EPISODES = "SYN3710000259"  # closed 2024-05-07 episode, then an open one from 2025-03-12
NFA = "SYN3710001793"  # an NFA referral, closed
OTHER = "SYN3710000041"


def kid(root: Element, child_id: str) -> Element:
    for child in root.iter("Child"):
        if child.findtext("ChildIdentifiers/LAchildID") == child_id:
            return child
    raise KeyError(child_id)


def ids(root: Element, child_id: str) -> Element:
    found = sub(kid(root, child_id), "ChildIdentifiers")
    assert found is not None
    return found


def ep(root: Element, child_id: str, n: int = 0) -> Element:
    return kid(root, child_id).findall("CINdetails")[n]


def part(root: Element, child_id: str, tag: str, n: int = 0) -> Element:
    found = ep(root, child_id, n).find(tag)
    assert found is not None, (child_id, tag)
    return found


def sub(parent: Element, path: str) -> Element:
    found = parent.find(path)
    assert found is not None, path
    return found


def put(parent: Element, tag: str, text: str) -> None:
    found = parent.find(tag)
    if found is None:
        found = SubElement(parent, tag)
    found.text = text


def drop(parent: Element, tag: str) -> None:
    for found in parent.findall(tag):
        parent.remove(found)


def _dup_episode(root: Element, child_id: str, **changes: str | None) -> Element:
    first = ep(root, child_id)
    second = copy.deepcopy(first)
    for tag, value in changes.items():
        if value is None:
            drop(second, tag)
        else:
            put(second, tag, value)
    kid(root, child_id).append(second)
    return second


def _unborn(root: Element, sex: str = "U", expected: str = "2025-05-01") -> None:
    i = ids(root, OTHER)
    drop(i, "PersonBirthDate")
    put(i, "ExpectedPersonBirthDate", expected)
    put(i, "Sex", sex)
    put(ep(root, OTHER), "CINreferralDate", "2025-01-10")
    drop(ep(root, OTHER), "Assessments")
    drop(ep(root, OTHER), "CINPlanDates")
    put(sub(kid(root, OTHER), "ChildCharacteristics/Disabilities/Disability"), ".", "NONE")


def _disabilities(root: Element, codes: list[str]) -> None:
    found = sub(kid(root, OPEN_PLAN), "ChildCharacteristics/Disabilities")
    for item in list(found):
        found.remove(item)
    for code in codes:
        SubElement(found, "Disability").text = code


def _factors(root: Element, codes: list[str]) -> None:
    found = sub(part(root, OPEN_PLAN, "Assessments"), "FactorsIdentifiedAtAssessment")
    assert found is not None
    for item in list(found):
        found.remove(item)
    for code in codes:
        SubElement(found, "AssessmentFactors").text = code


def _cp_plan(root: Element, **changes: str | None) -> None:
    plan = part(root, CPP, "ChildProtectionPlans")
    for tag, value in changes.items():
        if value is None:
            drop(plan, tag)
        else:
            put(plan, tag, value)


def _second_cpp(root: Element, start: str, end: str | None) -> None:
    plan = copy.deepcopy(part(root, CPP, "ChildProtectionPlans"))
    put(plan, "CPPstartDate", start)
    if end is None:
        drop(plan, "CPPendDate")
    else:
        put(plan, "CPPendDate", end)
    ep(root, CPP).append(plan)


def _second_cin_plan(root: Element, child_id: str, start: str, end: str | None) -> None:
    plan = SubElement(ep(root, child_id), "CINPlanDates")
    put(plan, "CINPlanStartDate", start)
    if end is not None:
        put(plan, "CINPlanEndDate", end)


MUTATIONS: dict[str, Mutation] = {
    "1510 check letter": lambda r: put(ids(r, OPEN_PLAN), "UPN", "A371200019001"),
    "1520 duplicate UPN": lambda r: put(ids(r, OTHER), "UPN", "R371200019001"),
    "1530 LA code": lambda r: put(ids(r, OPEN_PLAN), "UPN", "R999200019001"),
    "1540 not numeric": lambda r: put(ids(r, OPEN_PLAN), "UPN", "R3712000X9001"),
    "1550 last character": lambda r: put(ids(r, OPEN_PLAN), "UPN", "R37120001900I"),
    "1560Q former UPN": lambda r: put(ids(r, OPEN_PLAN), "FormerUPN", "R3712"),
    "1570 long id": lambda r: put(ids(r, OPEN_PLAN), "LAchildID", "SYN37100000010000000001"),
    "1580 id characters": lambda r: put(ids(r, OPEN_PLAN), "LAchildID", "SYN-371-0000001"),
    "8510 duplicate child": lambda r: put(ids(r, OTHER), "LAchildID", OPEN_PLAN),
    "8520 born after census": lambda r: put(ids(r, OPEN_PLAN), "PersonBirthDate", "2025-04-02"),
    "8525Q both birth dates": lambda r: put(
        ids(r, OPEN_PLAN), "ExpectedPersonBirthDate", "2019-11-20"
    ),
    "8525Q no birth date": lambda r: drop(ids(r, OPEN_PLAN), "PersonBirthDate"),
    "8530Q expected too late": lambda r: _unborn(r, expected="2026-02-01"),
    "8750 unborn not U": lambda r: _unborn(r, sex="F"),
    "8535Q death before birth": lambda r: put(ids(r, OPEN_PLAN), "PersonDeathDate", "2019-01-01"),
    "8545Q death before year": lambda r: put(ids(r, CLOSED), "PersonDeathDate", "2024-03-01"),
    "8555Q referred after death": lambda r: put(ids(r, OPEN_PLAN), "PersonDeathDate", "2025-01-10"),
    "8585Q died without date": lambda r: put(ep(r, CLOSED), "ReasonForClosure", "RC2"),
    "8540 disability invalid": lambda r: put(
        sub(kid(r, OPEN_PLAN), "ChildCharacteristics/Disabilities"),
        "Disability",
        "XXX",
    ),
    "8540 disability missing": lambda r: drop(
        sub(kid(r, OPEN_PLAN), "ChildCharacteristics"),
        "Disabilities",
    ),
    "8790 NONE and others": lambda r: SubElement(
        sub(kid(r, OPEN_PLAN), "ChildCharacteristics/Disabilities"),
        "Disability",
    ).__setattr__("text", "HAND"),
    "4180 sex invalid": lambda r: put(ids(r, OPEN_PLAN), "Sex", "X"),
    "4220 ethnicity invalid": lambda r: put(
        sub(kid(r, OPEN_PLAN), "ChildCharacteristics"),
        "Ethnicity",
        "ZZZZ",
    ),
    "8772 UN7 with action": lambda r: (
        drop(ids(r, OPEN_PLAN), "UPN"),
        put(ids(r, OPEN_PLAN), "UPNunknown", "UN7"),
    ),
    "8770Q school age no UPN": lambda r: drop(ids(r, CPP), "UPN"),
    "8775Q over 25": lambda r: put(ids(r, OPEN_PLAN), "PersonBirthDate", "1995-01-01"),
    "8590 no episode": lambda r: kid(r, OPEN_PLAN).remove(ep(r, OPEN_PLAN)),
    "8600 referral missing": lambda r: drop(ep(r, OPEN_PLAN), "CINreferralDate"),
    "8600 referral after census": lambda r: put(ep(r, OPEN_PLAN), "CINreferralDate", "2025-04-03"),
    "8606 referral before birth": lambda r: put(ep(r, OPEN_PLAN), "CINreferralDate", "2018-12-01"),
    "8610 primary need missing": lambda r: drop(ep(r, OPEN_PLAN), "PrimaryNeedCode"),
    "8650 primary need invalid": lambda r: put(ep(r, OPEN_PLAN), "PrimaryNeedCode", "N11"),
    "8866 referral source invalid": lambda r: put(ep(r, OPEN_PLAN), "ReferralSource", "99"),
    "8568 NFA invalid": lambda r: put(ep(r, OPEN_PLAN), "ReferralNFA", "maybe"),
    "8620 closed before year": lambda r: (
        put(ep(r, TWO_EPISODES), "CINreferralDate", "2023-05-07"),
        put(ep(r, TWO_EPISODES), "CINclosureDate", "2024-03-01"),
    ),
    "8630 closed before referral": lambda r: put(ep(r, CLOSED), "CINclosureDate", "2024-10-01"),
    "8640 reason invalid": lambda r: put(ep(r, CLOSED), "ReasonForClosure", "RC99"),
    "8805 closure without reason": lambda r: drop(ep(r, CLOSED), "ReasonForClosure"),
    "8810 reason without closure": lambda r: put(ep(r, OPEN_PLAN), "ReasonForClosure", "RC7"),
    "8815 two open episodes": lambda r: drop(ep(r, TWO_EPISODES), "CINclosureDate"),
    "8820 episodes overlap": lambda r: put(ep(r, TWO_EPISODES, 1), "CINreferralDate", "2024-05-08"),
    "8569Q old NFA referral": lambda r: (
        put(ep(r, NFA), "CINreferralDate", "2024-01-02"),
        put(ep(r, NFA), "CINclosureDate", "2024-01-03"),
    ),
    "8565 activity after closure": lambda r: put(ep(r, CLOSED), "CINclosureDate", "2024-12-01"),
    "8831 NFA with assessment": lambda r: put(ep(r, OPEN_PLAN), "ReferralNFA", "true"),
    "2990 RC8 with plan": lambda r: put(ep(r, CLOSED), "ReasonForClosure", "RC8"),
    "8825Q RC8 without assessment": lambda r: (
        put(ep(r, "SYN3710000063"), "ReasonForClosure", "RC8"),
    ),
    "8867 closed with open assessment": lambda r: drop(
        part(r, CLOSED, "Assessments"), "AssessmentAuthorisationDate"
    ),
    "8873Q factor 21 not RC8": lambda r: (
        _factors(r, ["21"]),
        put(ep(r, OPEN_PLAN), "CINclosureDate", "2025-03-20"),
        put(ep(r, OPEN_PLAN), "ReasonForClosure", "RC7"),
        put(part(r, OPEN_PLAN, "CINPlanDates"), "CINPlanEndDate", "2025-03-20"),
    ),
    "1103 assessment before referral": lambda r: put(
        part(r, OPEN_PLAN, "Assessments"), "AssessmentActualStartDate", "2025-01-10"
    ),
    "8608 authorised before start": lambda r: put(
        part(r, OPEN_PLAN, "Assessments"), "AssessmentAuthorisationDate", "2025-01-13"
    ),
    "8696 authorised after census": lambda r: put(
        part(r, OPEN_PLAN, "Assessments"), "AssessmentAuthorisationDate", "2025-04-02"
    ),
    "8736 open assessment after census": lambda r: (
        drop(part(r, OPEN_PLAN, "Assessments"), "AssessmentAuthorisationDate"),
        drop(part(r, OPEN_PLAN, "Assessments"), "FactorsIdentifiedAtAssessment"),
        put(part(r, OPEN_PLAN, "Assessments"), "AssessmentActualStartDate", "2025-04-02"),
    ),
    "8670Q assessment overdue": lambda r: (
        drop(part(r, OPEN_PLAN, "Assessments"), "AssessmentAuthorisationDate"),
        drop(part(r, OPEN_PLAN, "Assessments"), "FactorsIdentifiedAtAssessment"),
    ),
    "8614 factors on open assessment": lambda r: drop(
        part(r, OPEN_PLAN, "Assessments"), "AssessmentAuthorisationDate"
    ),
    "8897Q no factors": lambda r: drop(
        part(r, OPEN_PLAN, "Assessments"), "FactorsIdentifiedAtAssessment"
    ),
    "8898 factor repeated": lambda r: _factors(r, ["1B", "1B"]),
    "8869 factor 21 with others": lambda r: _factors(r, ["21", "1B"]),
    "8945Q factor 18A": lambda r: _factors(r, ["18A"]),
    "8950Q factor 19A": lambda r: _factors(r, ["19A"]),
    "8863Q assessments overlap": lambda r: (
        ep(r, OPEN_PLAN).append(copy.deepcopy(part(r, OPEN_PLAN, "Assessments")))
        or put(
            ep(r, OPEN_PLAN).findall("Assessments")[1], "AssessmentActualStartDate", "2025-01-15"
        )
    ),
    "8896 two open assessments": lambda r: (
        drop(part(r, OPEN_PLAN, "Assessments"), "AssessmentAuthorisationDate"),
        drop(part(r, OPEN_PLAN, "Assessments"), "FactorsIdentifiedAtAssessment"),
        ep(r, OPEN_PLAN).append(copy.deepcopy(part(r, OPEN_PLAN, "Assessments"))),
        put(ep(r, OPEN_PLAN).findall("Assessments")[1], "AssessmentActualStartDate", "2025-03-25"),
        put(part(r, OPEN_PLAN, "Assessments"), "AssessmentActualStartDate", "2025-03-24"),
    ),
    "2991Q S47 without assessment": lambda r: drop(ep(r, CPP), "Assessments"),
    "2889 S47 before referral": lambda r: put(
        part(r, CPP, "Section47"), "S47ActualStartDate", "2024-06-20"
    ),
    "8615 conference before S47": lambda r: put(
        part(r, CPP, "Section47"), "S47ActualStartDate", "2025-03-28"
    ),
    "8875 conference on a Saturday": lambda r: (
        put(part(r, CPP, "Section47"), "DateOfInitialCPC", "2024-07-13"),
        _cp_plan(r, CPPstartDate="2024-07-13"),
    ),
    "8870Q target on a Sunday": lambda r: put(
        part(r, CPP, "Section47"), "InitialCPCtarget", "2024-07-14"
    ),
    "8675Q S47 without conference": lambda r: (
        drop(part(r, CPP, "Section47"), "DateOfInitialCPC"),
        put(part(r, CPP, "Section47"), "ICPCnotRequired", "false"),
    ),
    "8839 two open S47s": lambda r: (
        drop(part(r, CPP, "Section47"), "DateOfInitialCPC"),
        ep(r, CPP).append(copy.deepcopy(part(r, CPP, "Section47"))),
        put(ep(r, CPP).findall("Section47")[1], "S47ActualStartDate", "2025-03-28"),
    ),
    "8890 S47s overlap": lambda r: (
        ep(r, CPP).append(copy.deepcopy(part(r, CPP, "Section47"))),
        put(ep(r, CPP).findall("Section47")[1], "S47ActualStartDate", "2024-07-01"),
    ),
    "2884 conference twice": lambda r: put(
        ep(r, CPP), "DateOfInitialCPC", part(r, CPP, "Section47").findtext("DateOfInitialCPC") or ""
    ),
    "2885 plan not on conference day": lambda r: _cp_plan(r, CPPstartDate="2024-12-02"),
    "1105 plan before referral": lambda r: _cp_plan(r, CPPstartDate="2024-06-03"),
    "8720 plan start missing": lambda r: _cp_plan(r, CPPstartDate=None),
    "8730 previous plans missing": lambda r: _cp_plan(r, NumberOfPreviousCPP=None),
    "8905 initial category invalid": lambda r: _cp_plan(r, InitialCategoryOfAbuse="XYZ"),
    "8910 latest category invalid": lambda r: _cp_plan(r, LatestCategoryOfAbuse="XYZ"),
    "8840 plan one day": lambda r: _cp_plan(
        r, CPPendDate=part(r, CPP, "ChildProtectionPlans").findtext("CPPstartDate")
    ),
    "8925 plan ends before start": lambda r: _cp_plan(r, CPPendDate="2024-06-25"),
    "8930 plan ends after census": lambda r: _cp_plan(r, CPPendDate="2025-04-02"),
    "8935 two open CP plans": lambda r: _second_cpp(r, "2025-03-03", None),
    "8940 CP plans overlap": lambda r: _second_cpp(r, "2024-12-02", "2025-01-06"),
    "8841 review on plan start": lambda r: put(
        sub(part(r, CPP, "ChildProtectionPlans"), "Reviews"),
        "CPPreviewDate",
        part(r, CPP, "ChildProtectionPlans").findtext("CPPstartDate") or "",
    ),
    "8842Q review without date": lambda r: put(
        sub(part(r, CPP, "ChildProtectionPlans"), "Reviews"),
        "CPPreviewDate",
        "",
    ),
    "8915 plan after death": lambda r: put(ids(r, CPP), "PersonDeathDate", "2024-06-25"),
    "4010 CIN plan start missing": lambda r: drop(
        part(r, OPEN_PLAN, "CINPlanDates"), "CINPlanStartDate"
    ),
    "4011 CIN plan ends before start": lambda r: put(
        part(r, OPEN_PLAN, "CINPlanDates"), "CINPlanEndDate", "2025-01-20"
    ),
    "4012Q CIN plan one day": lambda r: put(
        part(r, OPEN_PLAN, "CINPlanDates"),
        "CINPlanEndDate",
        part(r, OPEN_PLAN, "CINPlanDates").findtext("CINPlanStartDate") or "",
    ),
    "4013 CIN plan ends after census": lambda r: put(
        part(r, OPEN_PLAN, "CINPlanDates"), "CINPlanEndDate", "2025-04-02"
    ),
    "4015 CIN plan before referral": lambda r: put(
        part(r, OPEN_PLAN, "CINPlanDates"), "CINPlanStartDate", "2025-01-10"
    ),
    "4004 two open CIN plans": lambda r: _second_cin_plan(r, OPEN_PLAN, "2025-03-03", None),
    "4014 CIN plans overlap": lambda r: (
        put(part(r, OPEN_PLAN, "CINPlanDates"), "CINPlanEndDate", "2025-03-03"),
        _second_cin_plan(r, OPEN_PLAN, "2025-02-03", "2025-03-10"),
    ),
    "4008 CIN plan after death": lambda r: put(ids(r, OPEN_PLAN), "PersonDeathDate", "2025-01-20"),
    "4000 NFA with CIN plan": lambda r: (
        drop(ep(r, OPEN_PLAN), "Assessments"),
        put(ep(r, OPEN_PLAN), "ReferralNFA", "1"),
    ),
    "4016 CIN plan inside CP plan": lambda r: _second_cin_plan(r, CPP, "2024-12-02", "2024-12-20"),
    "100 reference date": lambda r: put(
        sub(r, "Header/CollectionDetails"),
        "ReferenceDate",
        "2025-03-30",
    ),
    "4001 open CIN and CP plans": lambda r: _cp_plan(r, CPPendDate=None),
    "4003 review during a CIN plan": lambda r: (
        put(part(r, CPP, "CINPlanDates"), "CINPlanStartDate", "2024-09-02"),
        put(part(r, CPP, "CINPlanDates"), "CINPlanEndDate", "2024-10-01"),
        _cp_plan(r, CPPstartDate="2024-10-01", CPPendDate="2025-02-23"),
    ),
    "4017 CP plan inside a CIN plan": lambda r: (
        put(part(r, CPP, "CINPlanDates"), "CINPlanStartDate", "2024-07-01"),
        put(part(r, CPP, "CINPlanDates"), "CINPlanEndDate", "2024-07-20"),
    ),
    "4009Q CIN plan ends after death": lambda r: (
        put(part(r, CLOSED, "CINPlanDates"), "CINPlanEndDate", "2025-03-20"),
        put(ids(r, CLOSED), "PersonDeathDate", "2025-03-15"),
        put(ep(r, CLOSED), "CINclosureDate", "2025-03-20"),
    ),
    "8920 CP plan ends after death": lambda r: put(ids(r, CPP), "PersonDeathDate", "2025-02-20"),
    "8832 NFA with a CP plan": lambda r: put(ep(r, CPP), "ReferralNFA", "true"),
    "1104 conference before referral": lambda r: (
        put(part(r, CPP, "Section47"), "DateOfInitialCPC", "2024-06-21"),
        put(part(r, CPP, "Section47"), "S47ActualStartDate", "2024-06-20"),
        _cp_plan(r, CPPstartDate="2024-06-21"),
    ),
    "8740 open S47 before the year": lambda r: (
        put(ep(r, CPP), "CINreferralDate", "2024-03-01"),
        put(part(r, CPP, "Section47"), "S47ActualStartDate", "2024-03-11"),
        drop(part(r, CPP, "Section47"), "DateOfInitialCPC"),
    ),
    "8816 open episode not the latest": lambda r: _dup_episode(
        r,
        OPEN_PLAN,
        CINreferralDate="2025-03-03",
        CINclosureDate="2025-03-04",
        ReasonForClosure="RC7",
        Assessments=None,
        CINPlanDates=None,
    ),
    "8715 conference before the year": lambda r: (
        put(ep(r, CPP), "CINreferralDate", "2024-03-01"),
        put(part(r, CPP, "Assessments"), "AssessmentActualStartDate", "2024-03-04"),
        put(part(r, CPP, "Section47"), "S47ActualStartDate", "2024-03-05"),
        put(part(r, CPP, "Section47"), "InitialCPCtarget", "2024-03-26"),
        put(part(r, CPP, "Section47"), "DateOfInitialCPC", "2024-03-25"),
        _cp_plan(r, CPPstartDate="2024-03-25"),
    ),
    "8794 disability twice": lambda r: (_disabilities(r, ["MOB", "MOB"]),),
    "8868 closed with an open S47": lambda r: (
        drop(part(r, CPP, "Section47"), "DateOfInitialCPC"),
        drop(ep(r, CPP), "ChildProtectionPlans"),
        put(part(r, CPP, "CINPlanDates"), "CINPlanEndDate", "2025-03-10"),
        put(ep(r, CPP), "CINclosureDate", "2025-03-10"),
        put(ep(r, CPP), "ReasonForClosure", "RC7"),
    ),
    "8935 two open CP plans at once": lambda r: (
        _cp_plan(r, CPPendDate=None),
        _second_cpp(r, "2025-03-03", None),
    ),
}
