"""The rule sets by collection year: each SSDA903 rule added, dropped or changed in 2023-24 or
2025-26 (against 2024-25) on a one-child return of that year, with a copy that breaks it and a
near miss that does not (often the same copy in a year the rule, or that version of it, does
not apply to).  A return is checked with its own year's rules."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest

from lineofsight.formats import read
from lineofsight.formats.rules.registry import VERSIONS, version
from lineofsight.formats.tests.builders import child, cin_xml, csv_text, sex_2025, write
from lineofsight.formats.tests.test_ssda903_rules import (
    BASE,
    PLACED,
    SW,
    UASC,
    Change,
    Tables,
    ep,
    hd,
    table,
    then,
)
from lineofsight.formats.tests.test_ssda903_rules import (
    dob as dob_all,
)

DATE = re.compile(r"^(\d\d/\d\d/)(\d{4})$")
SEX_BEFORE_2025 = {"F": "2", "M": "1"}


def base_for(year: int) -> Tables:
    """The valid one-child 2024-25 return moved to collection ``year`` (every date moved by the
    difference; sex as 1/2 before 2024-25)."""
    tables = copy.deepcopy(BASE)
    shift = year - 2025
    for rows in tables.values():
        for row in rows:
            for column, value in row.items():
                found = DATE.match(value)
                if found:
                    row[column] = f"{found.group(1)}{int(found.group(2)) + shift}"
            if year < 2025 and "SEX" in row:
                row["SEX"] = SEX_BEFORE_2025[row["SEX"]]
    return tables


def codes_in(tmp_path: Path, year: int, change: Change) -> set[str]:
    tables = base_for(year)
    change(tables)
    folder = tmp_path / "903"
    for index, (name, rows) in enumerate(tables.items()):
        write(folder, f"t{index}.csv", csv_text(name, rows))
    [parsed] = read([folder], collection_year=year)
    return {p.code for p in parsed.problems if p.code}


def sw(**values: str) -> Change:
    return table("SWEpisodes", {**SW, **values})


def sws(*rows: dict[str, str]) -> Change:
    return table("SWEpisodes", *({**SW, **row} for row in rows))


def header2(upn: str) -> Change:
    """A second child, C2, with its own episode and the given UPN."""
    return then(
        table("Header", {**BASE["Header"][0], "CHILD": "C2", "UPN": upn}),
        lambda t: t["Episodes"].append({**t["Episodes"][0], "CHILD": "C2"}),
    )


def temporary_and_back(post: str) -> Change:
    """U1, then a temporary placement (T0), then back to U1 with the given placement postcode."""

    def change(t: Tables) -> None:
        first = t["Episodes"][0]
        first.update(DEC="01/08/2025", REC="X1", REASON_PLACE_CHANGE="")
        t["Episodes"] += [
            {
                **first,
                "DECOM": "01/08/2025",
                "RNE": "P",
                "PLACE": "T0",
                "PLACE_PROVIDER": "",
                "URN": "",
                "DEC": "08/08/2025",
                "REC": "X1",
            },
            {**first, "DECOM": "08/08/2025", "RNE": "P", "DEC": "", "REC": "", "PL_POST": post},
        ]

    return change


def custody_then(dob: str) -> Change:
    """A placement ending on 01/09/2025 for custody (CUSTOD), then the next, for a child born
    on ``dob``."""

    def change(t: Tables) -> None:
        for rows in t.values():
            for row in rows:
                if "DOB" in row:
                    row["DOB"] = dob
        first = t["Episodes"][0]
        first.update(DEC="01/09/2025", REC="X1", REASON_PLACE_CHANGE="CUSTOD")
        t["Episodes"].append(
            {**first, "DECOM": "01/09/2025", "RNE": "P", "DEC": "", "REC": "", "PLACE": "R5"}
        )
        t["Episodes"][1]["REASON_PLACE_CHANGE"] = ""

    return change


def freed(**episode: str) -> Change:
    return ep(0, LS="D1", **episode)


CASES: list[tuple[str, int, Change, int, Change]] = [
    # (code, year of the breaking copy, change, year of the near miss, change)
    # ---- code lists by year ----
    ("101", 2024, hd(SEX="F"), 2024, hd(SEX="2")),
    ("101", 2025, hd(SEX="2"), 2025, hd(SEX="F")),
    ("146", 2024, ep(PLACE="K3"), 2024, ep(PLACE="H5")),
    ("146", 2025, ep(PLACE="H5"), 2025, ep(PLACE="K3")),
    ("146", 2025, ep(PLACE="P2"), 2024, ep(PLACE="P2")),
    ("146", 2026, ep(PLACE="Z1", PLACE_PROVIDER=""), 2025, ep(PLACE="Z1", PLACE_PROVIDER="")),
    ("146", 2025, ep(PLACE="Z11", PLACE_PROVIDER=""), 2026, ep(PLACE="Z11", PLACE_PROVIDER="")),
    # ---- 2023-24 only ----
    ("217t", 2024, ep(PLACE="P2"), 2024, ep(PLACE="P2", DEC="28/10/2023", REC="E8")),
    ("217t", 2024, ep(PLACE="P2"), 2025, ep(PLACE="P2")),
    ("230", 2024, ep(PLACE="H5", URN=""), 2024, ep(PLACE="H5", URN="SC123456")),
    ("230", 2024, ep(PLACE="H5", URN="XXXXXXX"), 2024, ep(PLACE="H5", URN="", PL_LA="WAL")),
    ("230", 2024, ep(PLACE="H5", URN=""), 2024, ep(PLACE="H5", URN="", DEC="28/10/2023")),
    (
        "370",
        2024,
        then(hd(DOB="11/05/2007"), ep(PLACE="P2")),
        2024,
        then(hd(DOB="10/05/2007"), ep(PLACE="P2")),
    ),
    (
        "371",
        2024,
        then(hd(DOB="11/05/2007"), ep(PLACE="H5")),
        2024,
        then(hd(DOB="10/05/2007"), ep(PLACE="H5")),
    ),
    ("371", 2025, then(hd(DOB="11/05/2008"), ep(PLACE="K3")), 2024, ep(PLACE="K3")),
    (
        "174",
        2024,
        hd(SEX="1", MC_DOB="01/01/2023"),
        2024,
        hd(SEX="2", MOTHER="1", MC_DOB="01/01/2023"),
    ),
    ("174", 2026, hd(SEX="M", MC_DOB="01/01/2025"), 2026, hd(MOTHER="1", MC_DOB="01/01/2025")),
    ("445", 2024, freed(), 2024, freed(DECOM="31/12/2005")),
    ("451", 2024, freed(), 2024, freed(DEC="01/03/2024", REC="E8")),
    ("451", 2024, freed(), 2025, freed()),
    ("555", 2024, freed(), 2024, then(freed(), table("PlacedAdoption", PLACED))),
    (
        "555",
        2024,
        then(freed(), table("PlacedAdoption", {**PLACED, "DATE_PLACED_CEASED": "01/02/2024"})),
        2024,
        then(
            freed(DEC="01/03/2024", REC="E8"),
            table("PlacedAdoption", {**PLACED, "DATE_PLACED_CEASED": "01/02/2024"}),
        ),
    ),
    (
        "556",
        2024,
        then(freed(), table("PlacedAdoption", {**PLACED, "DATE_PLACED": "11/05/2023"})),
        2024,
        then(freed(), table("PlacedAdoption", {**PLACED, "DATE_PLACED": "10/05/2023"})),
    ),
    (
        "557",
        2024,
        then(freed(DEC="01/03/2024", REC="E8"), table("PlacedAdoption", PLACED)),
        2025,
        then(freed(DEC="01/03/2025", REC="E8"), table("PlacedAdoption", PLACED)),
    ),
    ("SW01STG1", 2024, sw(SW_DECOM="10/05/2023", SW_REASON=""), 2024, sw(SW_DECOM="10/05/2023")),
    ("SW03STG1", 2024, sw(SW_DECOM="10/05/2023", SW_ID=""), 2024, sw(SW_DECOM="10/05/2023")),
    (
        "SW07STG2",
        2024,
        sw(SW_DECOM="01/01/2023", SW_DEC="31/03/2023"),
        2024,
        sw(SW_DECOM="01/01/2023", SW_DEC="01/04/2023"),
    ),
    (
        "SW11aSTG2",
        2024,
        sws(
            {"SW_DECOM": "10/05/2023", "SW_DEC": "01/09/2023"},
            {"SW_DECOM": "07/09/2023", "SW_REASON": "MANAGE"},
        ),
        2024,
        sws(
            {"SW_DECOM": "10/05/2023", "SW_DEC": "01/09/2023"},
            {"SW_DECOM": "06/09/2023", "SW_REASON": "MANAGE"},
        ),
    ),
    (
        "SW13STG1",
        2024,
        sw(SW_DECOM="01/01/2023", SW_REASON=""),
        2025,
        sw(SW_DECOM="01/01/2023", SW_REASON=""),
    ),
    (
        "SW14STG2",
        2024,
        sws({"SW_DECOM": "10/05/2023"}, {"SW_DECOM": "01/09/2023", "SW_REASON": "MANAGE"}),
        2024,
        sws(
            {"SW_DECOM": "10/05/2023", "SW_DEC": "01/09/2023"},
            {"SW_DECOM": "01/09/2023", "SW_REASON": "MANAGE"},
        ),
    ),
    # SW10STG2: 2023-24 within 7 days either side of the previous end; later, not more than 7
    # days before it (first contact exempt)
    (
        "SW10STG2",
        2024,
        sws(
            {"SW_DECOM": "10/05/2023", "SW_DEC": "01/09/2023"},
            {"SW_DECOM": "09/09/2023", "SW_REASON": "MANAGE"},
        ),
        2024,
        sws(
            {"SW_DECOM": "10/05/2023", "SW_DEC": "01/09/2023"},
            {"SW_DECOM": "08/09/2023", "SW_REASON": "MANAGE"},
        ),
    ),
    (
        "SW10STG2",
        2025,
        sws(
            {"SW_DECOM": "10/05/2024", "SW_DEC": "01/09/2024"},
            {"SW_DECOM": "24/08/2024", "SW_REASON": "MANAGE"},
        ),
        2025,
        sws(
            {"SW_DECOM": "10/05/2024", "SW_DEC": "01/09/2024"},
            {"SW_DECOM": "25/08/2024", "SW_REASON": "MANAGE"},
        ),
    ),
    (
        "SW10STG2",
        2025,
        sws(
            {"SW_DECOM": "10/05/2024", "SW_DEC": "01/09/2024"},
            {"SW_DECOM": "24/08/2024", "SW_REASON": "MANAGE"},
        ),
        2025,
        sws(
            {"SW_DECOM": "10/05/2024", "SW_DEC": "01/09/2024"},
            {"SW_DECOM": "24/08/2024", "SW_REASON": "FCONTA"},
        ),
    ),
    (
        "SW10STG2",
        2024,
        sws(
            {"SW_DECOM": "10/05/2023", "SW_DEC": "01/09/2023"},
            {"SW_DECOM": "01/12/2023", "SW_REASON": "MANAGE"},
        ),
        2025,
        sws(
            {"SW_DECOM": "10/05/2024", "SW_DEC": "01/09/2024"},
            {"SW_DECOM": "01/12/2024", "SW_REASON": "MANAGE"},
        ),
    ),
    # ---- from 2024-25 ----
    ("232", 2026, hd(SEX="U"), 2024, hd(SEX="U")),
    (
        "231",
        2026,
        then(table("UASC", {**UASC, "SEX": "F"}), dob_all("01/04/2015")),
        2024,
        then(table("UASC", {**UASC, "SEX": "2"}), dob_all("01/04/2013")),
    ),
    # ---- changed or added in 2025-26 ----
    (
        "226",
        2026,
        ep(PLACE="T0", PLACE_PROVIDER="", URN="", REASON_PLACE_CHANGE="CARPL"),
        2026,
        ep(PLACE="T0", PLACE_PROVIDER="", URN=""),
    ),
    (
        "178",
        2026,
        ep(PLACE="Z12", PLACE_PROVIDER="PR1"),
        2026,
        ep(PLACE="T4", PLACE_PROVIDER="PR1"),
    ),
    ("178", 2025, ep(PLACE="T4", PLACE_PROVIDER="PR1"), 2026, ep(PLACE="T4", PLACE_PROVIDER="PR1")),
    (
        "213",
        2026,
        ep(PLACE="Z11", PLACE_PROVIDER="PR1"),
        2025,
        ep(PLACE="Z11", PLACE_PROVIDER="PR1"),
    ),
    ("222", 2026, ep(PLACE="Z11", PLACE_PROVIDER=""), 2025, ep(PLACE="Z11", PLACE_PROVIDER="")),
    ("222", 2024, ep(PLACE="P2"), 2025, ep(PLACE="P2")),
    ("526", 2026, ep(PLACE="Z1", PLACE_PROVIDER=""), 2026, ep(PLACE="Z13", PLACE_PROVIDER="")),
    ("233", 2026, ep(REASON_PLACE_CHANGE="CARPL"), 2025, ep(REASON_PLACE_CHANGE="CARPL")),
    (
        "233",
        2026,
        ep(REASON_PLACE_CHANGE="CARPL"),
        2026,
        ep(DEC="01/03/2026", REC="E8", REASON_PLACE_CHANGE="CARPL"),
    ),
    ("234", 2026, custody_then("02/09/2015"), 2026, custody_then("01/09/2015")),
    ("242", 2026, ep(URN="XXXXXXX", PLACE="R1", PLACE_PROVIDER="PR4"), 2026, ep(URN="XXXXXXX")),
    ("243", 2026, ep(PL_LA="WAL"), 2026, ep(PL_LA="WAL", URN="")),
    ("243", 2026, ep(PL_LA="NUK"), 2025, ep(PL_LA="NUK")),
    ("383", 2026, temporary_and_back("DN3 3CC"), 2025, temporary_and_back("DN3 3CC")),
    ("383", 2026, temporary_and_back("DN3 3CC"), 2026, temporary_and_back("DN2 2BB")),
    ("444", 2026, header2("A123456789012"), 2026, header2("B123456789012")),
    ("444", 2026, header2("A123456789012"), 2025, header2("A123456789012")),
    ("SW02STG1", 2026, sw(SW_ID="SW1", SW_DECOM="10/05/2025"), 2025, sw(SW_ID="SW1")),
    (
        "SW09STG2",
        2026,
        sws({"SW_DECOM": "10/05/2025", "SW_DEC": "12/05/2025"}, {"SW_DECOM": "12/05/2025"}),
        2026,
        sws({"SW_DECOM": "10/05/2025", "SW_DEC": "13/05/2025"}, {"SW_DECOM": "13/05/2025"}),
    ),
    (
        "SW10aSTG2",
        2026,
        sws(
            {"SW_DECOM": "10/05/2025", "SW_DEC": "01/09/2025"},
            {"SW_DECOM": "09/09/2025", "SW_REASON": "MANAGE"},
        ),
        2026,
        sws(
            {"SW_DECOM": "10/05/2025", "SW_DEC": "01/09/2025"},
            {"SW_DECOM": "08/09/2025", "SW_REASON": "MANAGE"},
        ),
    ),
    (
        "SW10bSTG2",
        2026,
        sws({"SW_DECOM": "10/05/2025", "SW_DEC": "01/09/2025"}, {"SW_DECOM": "01/09/2025"}),
        2026,
        sws({"SW_DECOM": "10/05/2025", "SW_DEC": "01/09/2025"}, {"SW_DECOM": "02/09/2025"}),
    ),
    (
        "SW17STG2",
        2026,
        sw(SW_DECOM="10/05/2025", SW_DEC="01/09/2025"),
        2026,
        sw(SW_DECOM="10/05/2025"),
    ),
    (
        "SW18STG2",
        2026,
        sw(SW_DECOM="10/05/2025", SW_DEC="10/05/2025"),
        2026,
        sws({"SW_DECOM": "10/05/2025", "SW_DEC": "11/05/2025"}, {"SW_DECOM": "11/05/2025"}),
    ),
    (
        "SW19STG2",
        2026,
        sws({"SW_DECOM": "10/05/2025"}, {"SW_DECOM": "10/05/2025"}),
        2026,
        sws({"SW_DECOM": "10/05/2025", "SW_DEC": "01/06/2025"}, {"SW_DECOM": "01/06/2025"}),
    ),
]


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_the_one_child_return_is_valid_in_each_year(tmp_path, year):
    assert codes_in(tmp_path, year, lambda t: None) == set()


@pytest.mark.parametrize(
    ("code", "year", "breaks", "near_year", "near_miss"),
    CASES,
    ids=[f"{c[0]}-{c[1]}-{k}" for k, c in enumerate(CASES)],
)
def test_rule_of_the_year_broken_and_near_miss(tmp_path, code, year, breaks, near_year, near_miss):
    assert version("ssda903", code, year).applies(year)
    assert code in codes_in(tmp_path / "breaks", year, breaks)
    assert code not in codes_in(tmp_path / "near", near_year, near_miss)


def test_every_rule_with_years_has_a_case():
    """Each SSDA903 rule that is not in all three years' sets, or has more than one version,
    is broken by a case above (or in test_ssda903_rules for 2024-25 alone)."""
    from lineofsight.formats.tests.test_ssda903_rules import CASES as CASES_2025

    aimed = {code for code, *_ in CASES}
    by_year = {code for code, *_ in CASES_2025}
    for (family, code), versions in VERSIONS.items():
        if family != "ssda903" or all(v.check is None for v in versions):
            continue
        covered = set().union(*(v.years for v in versions))
        if len(versions) > 1 or covered != {2024, 2025, 2026}:
            assert code in aimed or (covered == {2025} and code in by_year), code


def test_the_descriptions_follow_the_year():
    assert version("ssda903", "101", 2024).description == "Gender code is not valid."
    assert version("ssda903", "101", 2026).description.startswith("The child or young person")
    assert "gender" in version("cin", "4180", 2024).description.lower()
    assert version("cin", "4180", 2025).description.startswith("Sex must be provided")


def test_cin_school_age_upn_by_year(read_one):
    """8770Q: 2023-24 asks for a UPN from 6 years before the reference date (born on or before
    31/03/2018 for 2023-24); 2024-25 from the school start (4 months and 31 days after it, less
    6 years: on or before 31/08/2019 for 2024-25)."""

    def codes(year: int, born: str) -> set[str]:
        sex = "<GenderCurrent>1</GenderCurrent>" if year < 2025 else sex_2025()
        record = re.sub(r"<UPN>[^<]*</UPN>", "", child("C1", sex=sex))
        # the builder moves the 2023-24 dates to the year asked for: set the birth after it
        xml = re.sub(
            r"<PersonBirthDate>[^<]*<", f"<PersonBirthDate>{born}<", cin_xml(record, year=year)
        )
        return {p.code for p in read_one(xml).problems}

    assert "8770Q" in codes(2024, "2018-03-31")
    assert "8770Q" not in codes(2024, "2018-04-01")
    assert "8770Q" in codes(2025, "2019-08-31")
    assert "8770Q" not in codes(2025, "2019-09-01")
