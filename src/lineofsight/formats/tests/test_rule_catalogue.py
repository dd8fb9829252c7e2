"""The rule catalogue: DfE codes, wording, severity and years, and the page generated from it."""

from __future__ import annotations

from pathlib import Path

from lineofsight.formats.rules.docs import peer_rules, peer_rules_by_year, table
from lineofsight.formats.rules.registry import RULES, VERSIONS, catalogue, version
from lineofsight.formats.tests.builders import child, cin_xml, episode

ROOT = Path(__file__).resolve().parents[4]


def test_every_cin_rule_of_the_public_validator_is_in_the_catalogue_with_its_wording():
    peer = peer_rules()
    for code, description in peer["cin"].items():
        assert RULES[("cin", code)].description == description, code
    for (family, code), rule in RULES.items():
        if code in peer[family]:
            assert rule.description.strip() == peer[family][code].strip(), code


def test_queries_are_warnings_and_errors_reject():
    for rule in catalogue():
        assert rule.severity == ("warning" if rule.code.endswith("Q") else "error")


def test_years_each_rule_applies_to():
    assert not RULES[("cin", "1570")].applies(2024) and RULES[("cin", "1570")].applies(2025)
    assert RULES[("cin", "8945Q")].applies(2026) and RULES[("cin", "1510")].applies(2024)
    assert not RULES[("ssda903", "232")].applies(2024) and RULES[("ssda903", "232")].applies(2026)
    sw01a = RULES[("ssda903", "SW01aSTG1")]  # 2024-25 only: split from SW01STG1, then dropped
    assert [sw01a.applies(y) for y in (2024, 2025, 2026)] == [False, True, False]


def test_each_year_has_the_public_validators_rules_with_that_years_wording():
    """For 2023-24, 2024-25 and 2025-26: every rule we implement applies in exactly the years
    the public validator's rule sets have it, with that year's wording."""
    for family, by_year in peer_rules_by_year().items():
        for year, codes in by_year.items():
            for (fam, code), versions in VERSIONS.items():
                if fam != family:
                    continue
                applies = any(v.applies(year) for v in versions)
                assert applies == (code in codes), (family, year, code)
                if applies:
                    wording = version(family, code, year).description
                    assert " ".join(wording.split()) == " ".join(codes[code].split()), code


def test_docs_validation_md_is_generated_from_the_catalogue():
    assert (ROOT / "docs" / "validation.md").read_text(encoding="utf-8") == table()


def test_whole_return_queries(read_one):
    parsed = read_one(cin_xml(child("C1").replace("<Disability>HAND</Disability>", "")))
    assert "2887Q" in {p.code for p in parsed.problems}  # 7 codes used
    one_each = child("C1", episodes=(episode(),)).split("<Disabilities>")[0] + (
        "<Disabilities><Disability>MOB</Disability></Disabilities></ChildCharacteristics>"
        + episode()
        + "</Child>"
    )
    codes = {p.code for p in read_one(cin_xml(one_each)).problems}
    assert {"2887Q", "2888Q"} <= codes
    unknown_sex = child("C2", sex="<GenderCurrent>0</GenderCurrent>")
    assert "2886Q" in {p.code for p in read_one(cin_xml(child("C1"), unknown_sex)).problems}


def test_more_plans_than_conferences(read_one):
    no_conference = episode().replace(
        "</CINdetails>",
        "<ChildProtectionPlans><CPPstartDate>2023-06-01</CPPstartDate>"
        "<InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>"
        "<LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse>"
        "<NumberOfPreviousCPP>0</NumberOfPreviousCPP></ChildProtectionPlans></CINdetails>",
    )
    parsed = read_one(cin_xml(child(episodes=(no_conference,))))
    assert "2883" in {p.code for p in parsed.problems}
    assert "2883" not in {p.code for p in read_one(cin_xml(child())).problems}
