"""Each SSDA903 rule added for issue 16 on a one-child return: a copy that breaks it, and a near
miss that does not (the boundary the rule draws).  Agreement with the public validator on a
larger return is ``test_agreement.py``'s."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

import pytest

from lineofsight.formats import read
from lineofsight.formats.rules.registry import RULES
from lineofsight.formats.tests.builders import csv_text, write

Tables = dict[str, list[dict[str, str]]]
Change = Callable[[Tables], object]

BASE: Tables = {
    "Header": [
        {
            "CHILD": "C1",
            "SEX": "F",
            "DOB": "01/06/2012",
            "ETHNIC": "WBRI",
            "UPN": "A123456789012",
            "MOTHER": "0",
            "MC_DOB": "",
        }
    ],
    "Episodes": [
        {
            "CHILD": "C1",
            "DECOM": "10/05/2024",
            "RNE": "S",
            "LS": "C2",
            "CIN": "N1",
            "PLACE": "U1",
            "PLACE_PROVIDER": "PR1",
            "DEC": "",
            "REC": "",
            "REASON_PLACE_CHANGE": "",
            "HOME_POST": "DN1 1AA",
            "PL_POST": "DN2 2BB",
            "URN": "SC123456",
        }
    ],
}
OC2 = {
    "CHILD": "C1",
    "DOB": "01/06/2012",
    "SDQ_SCORE": "12",
    "SDQ_REASON": "",
    "CONVICTED": "0",
    "HEALTH_CHECK": "",
    "IMMUNISATIONS": "1",
    "TEETH_CHECK": "1",
    "HEALTH_ASSESSMENT": "1",
    "SUBSTANCE_MISUSE": "0",
    "INTERVENTION_RECEIVED": "",
    "INTERVENTION_OFFERED": "",
}
OC3 = {"CHILD": "C1", "DOB": "01/06/2006", "IN_TOUCH": "YES", "ACTIV": "F2", "ACCOM": "R1"}
AD1 = {
    "CHILD": "C1",
    "DOB": "01/06/2012",
    "DATE_INT": "10/05/2024",
    "DATE_MATCH": "10/05/2024",
    "FOSTER_CARE": "1",
    "NB_ADOPTR": "2",
    "SEX_ADOPTR": "MF",
    "LS_ADOPTR": "L11",
}
PLACED = {
    "CHILD": "C1",
    "DOB": "01/06/2012",
    "DATE_PLACED": "10/05/2024",
    "DATE_PLACED_CEASED": "",
    "REASON_PLACED_CEASED": "",
}
SPELL = {"CHILD": "C1", "DOB": "01/06/2012", "MISSING": "M", "MIS_START": "", "MIS_END": ""}
SW = {
    "CHILD": "C1",
    "DOB": "01/06/2012",
    "SW_ID": "SW001",
    "SW_DECOM": "10/05/2024",
    "SW_DEC": "",
    "SW_REASON": "FCONTA",
}
UASC = {"CHILD": "C1", "SEX": "F", "DOB": "01/06/2012", "DUC": ""}
PERM = {"CHILD": "C1", "DOB": "01/06/2012", "PREV_PERM": "Z1", "LA_PERM": "", "DATE_PERM": ""}


def ep(k: int = 0, **values: str) -> Change:
    return lambda t: t["Episodes"][k].update(values)


def hd(**values: str) -> Change:
    return lambda t: t["Header"][0].update(values)


def dob(day: str) -> Change:
    def change(t: Tables) -> None:
        for rows in t.values():
            for row in rows:
                if "DOB" in row:
                    row["DOB"] = day

    return change


def then(*changes: Change) -> Change:
    return lambda t: [change(t) for change in changes]


def table(name: str, *rows: dict[str, str]) -> Change:
    return lambda t: t.setdefault(name, []).extend(dict(r) for r in rows)


def second(**values: str) -> Change:
    """A second episode following the first (which ends the day it starts, X1)."""
    start = values.get("DECOM", "01/09/2024")

    def change(t: Tables) -> None:
        t["Episodes"][0].update(DEC=start, REC="X1", REASON_PLACE_CHANGE="CARPL")
        t["Episodes"].append(
            {
                **t["Episodes"][0],
                "DECOM": start,
                "RNE": "P",
                "PLACE": "U3",
                "DEC": "",
                "REC": "",
                "REASON_PLACE_CHANGE": "",
                **values,
            }
        )

    return change


def looked_after_all_year(t: Tables) -> None:
    t["Episodes"][0].update(DECOM="10/05/2023")


def oc2(**values: str) -> Change:
    return then(looked_after_all_year, table("OC2", {**OC2, **values}))


def ad1(**values: str) -> Change:
    return then(adopted, table("AD1", {**AD1, **values}), table("PlacedAdoption", PLACED))


def placed(**values: str) -> Change:
    return then(adopted, table("AD1", AD1), table("PlacedAdoption", {**PLACED, **values}))


def adopted(t: Tables) -> None:
    t["Episodes"][0].update(LS="E1", PLACE="A5", DEC="01/03/2025", REC="E11", URN="SC123456")


def spell(**values: str) -> Change:
    return table("Missing", {**SPELL, **values})


def sw(**values: str) -> Change:
    return table("SWEpisodes", {**SW, **values})


def perm(**values: str) -> Change:
    return table("PrevPerm", {**PERM, **values})


def leaver(**values: str) -> Change:
    """C1 a care leaver of 18, with no episodes."""
    return then(
        dob("01/06/2006"), lambda t: t.__setitem__("Episodes", []), table("OC3", {**OC3, **values})
    )


NOTHING: Change = lambda t: None  # noqa: E731

CASES: list[tuple[str, Change, Change]] = [
    # ---- episodes: ages and dates ----
    ("353", ep(DECOM="13/10/1991"), ep(DECOM="14/10/1991")),
    ("355", ep(DEC="10/05/2024", REC="E8"), ep(DEC="11/05/2024", REC="E8")),
    ("357", ep(RNE="P"), ep(RNE="P", DECOM="31/03/2024")),
    ("446", ep(LS="E1", DECOM="30/11/2005"), ep(LS="E1", DECOM="01/12/2005")),
    ("352", dob("10/05/2006"), dob("11/05/2006")),
    ("358", then(dob("11/05/2014"), ep(LS="J1")), then(dob("09/05/2014"), ep(LS="J1"))),
    ("359", dob("30/03/2007"), then(dob("30/03/2007"), ep(LS="V2", PLACE="K2"))),
    ("371", then(dob("11/05/2008"), ep(PLACE="K3")), then(dob("10/05/2008"), ep(PLACE="K3"))),
    ("372", then(dob("11/05/2014"), ep(PLACE="R5")), then(dob("10/05/2014"), ep(PLACE="R5"))),
    ("373", then(dob("11/05/2020"), ep(PLACE="S1")), then(dob("10/05/2020"), ep(PLACE="S1"))),
    ("374", then(dob("11/05/2010"), ep(PLACE="P3")), then(dob("10/05/2010"), ep(PLACE="P3"))),
    (
        "389",
        ep(DEC="01/05/2028", REC="E7"),
        then(dob("01/05/2012"), ep(DEC="01/05/2028", REC="E7")),
    ),
    ("460", ep(DEC="31/05/2030", REC="E17"), ep(DEC="01/06/2030", REC="E17")),
    # ---- how long ----
    (
        "375",
        second(PLACE="T1", DEC="14/10/2024", REC="X1"),
        second(PLACE="T1", DEC="13/10/2024", REC="X1"),
    ),
    (
        "376",
        second(PLACE="T3", DEC="23/09/2024", REC="X1"),
        second(PLACE="T3", DEC="22/09/2024", REC="X1"),
    ),
    (
        "379",
        second(PLACE="T4", DEC="09/09/2024", REC="X1"),
        second(PLACE="T4", DEC="08/09/2024", REC="X1"),
    ),
    ("361", ep(LS="L1", DEC="14/05/2024", REC="E8"), ep(LS="L1", DEC="13/05/2024", REC="E8")),
    ("362", ep(LS="L2", DEC="01/06/2024", REC="E8"), ep(LS="L2", DEC="31/05/2024", REC="E8")),
    ("363", ep(LS="L3", DEC="18/05/2024", REC="E8"), ep(LS="L3", DEC="17/05/2024", REC="E8")),
    ("364", ep(LS="J2", DEC="01/06/2024", REC="E8"), ep(LS="J2", DEC="31/05/2024", REC="E8")),
    ("365", ep(LS="V3", DEC="28/05/2024", REC="E8"), ep(LS="V3", DEC="27/05/2024", REC="E8")),
    ("366", second(LS="V3"), ep(LS="V3", DEC="11/05/2024", REC="E8")),
    ("367", ep(LS="V3", DEC="25/07/2024", REC="E8"), ep(LS="V3", DEC="24/07/2024", REC="E8")),
    (
        "377",
        then(
            second(PLACE="T3", DEC="02/09/2024", REC="X1"),
            second(DECOM="02/09/2024", PLACE="T3", DEC="03/09/2024", REC="X1"),
            second(DECOM="03/09/2024", PLACE="T3"),
        ),
        second(PLACE="T3"),
    ),
    # ---- what goes with what ----
    ("213", second(PLACE="T0"), second(PLACE="T0", PLACE_PROVIDER="")),
    (
        "214",
        ep(LS="V3", DEC="11/05/2024", REC="E8", HOME_POST=""),
        ep(LS="V3", DEC="11/05/2024", REC="E8", HOME_POST="", PL_POST="", URN=""),
    ),
    ("217", ep(PLACE="A3", RNE="P"), ep(PLACE="A3", RNE="T")),
    ("222", ep(PLACE="R1"), ep(PLACE="R1", URN="XXXXXX")),
    ("378", ep(PLACE="P1", LS="V2", PLACE_PROVIDER="PR0"), ep(PLACE="P1", PLACE_PROVIDER="PR0")),
    ("380", second(PLACE="T2", RNE="T"), second(PLACE="T2", RNE="P")),
    ("381", ep(PLACE="T2", DEC="11/05/2024", REC="E8"), ep(PLACE="T2", DEC="11/05/2024", REC="X1")),
    ("382", ep(LS="V4", PLACE="T0"), ep(LS="V4", PLACE="U3")),
    ("384", ep(LS="V3", PLACE="U4"), ep(LS="V3", PLACE="U3")),
    ("390", ep(DEC="01/03/2025", REC="E11"), ep(DEC="01/03/2025", REC="E11", PLACE="A4")),
    ("392b", ep(PL_POST=""), ep(LS="V3", PL_POST="")),
    ("392d", ep(PL_POST="DN1 1AA"), ep(PL_POST="DN1 1AA", PLACE="P1")),
    ("398", ep(LS="V4"), ep(LS="V4", HOME_POST="", PL_POST="")),
    ("408", ep(PLACE="A6"), ep(PLACE="A6", LS="E1")),
    ("516", ep(DEC="01/03/2025", REC="E45", PLACE="K1"), ep(DEC="01/03/2025", REC="E45")),
    ("526", ep(PLACE_PROVIDER=""), ep(PLACE="Z1", PLACE_PROVIDER="", URN="")),
    ("527", ep(PLACE="R2", URN=""), ep(PLACE="R2", PLACE_PROVIDER="PR0", URN="")),
    (
        "528",
        ep(PLACE="R2", PLACE_PROVIDER="PR2", URN=""),
        ep(PLACE="R2", PLACE_PROVIDER="PR0", URN=""),
    ),
    ("529", ep(PLACE_PROVIDER="PR3"), ep(PLACE="K3", PLACE_PROVIDER="PR3")),
    (
        "530",
        ep(PLACE="P1", PLACE_PROVIDER="PR4", URN=""),
        ep(PLACE="P1", PLACE_PROVIDER="PR0", URN=""),
    ),
    (
        "531",
        ep(PLACE="P1", PLACE_PROVIDER="PR5", URN=""),
        ep(PLACE="P1", PLACE_PROVIDER="PR0", URN=""),
    ),
    ("550", ep(PLACE_PROVIDER="PR0"), ep(PLACE="P1", PLACE_PROVIDER="PR0", URN="")),
    ("178", second(PLACE="T0"), second(PLACE="T0", PLACE_PROVIDER="")),
    # ---- one episode after another ----
    ("225", then(second(), ep(0, REASON_PLACE_CHANGE="")), second()),
    (
        "226",
        second(PLACE="T0", PLACE_PROVIDER=""),
        then(second(PLACE="T0", PLACE_PROVIDER=""), ep(0, REASON_PLACE_CHANGE="")),
    ),
    ("336", then(second(PLACE="A4"), ep(0, PLACE="K1")), second(PLACE="A4")),
    (
        "383",
        then(
            second(PLACE="T0", PLACE_PROVIDER="", DEC="05/09/2024", REC="X1"),
            second(DECOM="05/09/2024", PLACE="U3"),
        ),
        then(
            second(PLACE="T0", PLACE_PROVIDER="", DEC="05/09/2024", REC="X1"),
            second(DECOM="05/09/2024", PLACE="U1"),
        ),
    ),
    ("388", then(second(), ep(0, DEC="31/08/2024")), second()),
    ("426", then(second(LS="V4"), ep(0, LS="V3")), then(second(LS="V3"), ep(0, LS="V3"))),
    ("432", then(second(), ep(0, REC="E8")), then(second(RNE="S"), ep(0, REC="E8"))),
    ("433", then(second(), ep(0, DEC="31/08/2024")), second()),
    ("434", second(RNE="L"), second(RNE="L", LS="C1", PLACE="U1")),
    ("435", second(LS="C1"), second()),
    ("436", second(RNE="U"), second(RNE="U", LS="C1")),
    ("504", second(CIN="N2"), second()),
    # ---- header ----
    ("168", hd(UPN="S123456789012"), hd(UPN="A12345678901Z")),
    ("209", hd(UPN="UN1"), then(dob("01/09/2019"), hd(UPN="UN1"))),
    (
        "210",
        then(hd(UPN="UN4"), ep(DECOM="24/03/2025")),
        then(hd(UPN="UN4"), ep(DECOM="23/03/2025")),
    ),
    ("442", hd(UPN=""), then(hd(UPN=""), ep(LS="V3"))),
    ("232", hd(SEX="U"), hd(SEX="F")),
    ("351", dob("31/03/1999"), dob("01/04/1999")),
    ("393", hd(MOTHER=""), then(hd(MOTHER=""), ep(LS="V4"))),
    (
        "607",
        then(hd(MOTHER=""), ep(DEC="01/03/2025", REC="E8")),
        then(hd(MOTHER=""), ep(DEC="01/03/2025", REC="X1")),
    ),
    ("399", ep(LS="V3"), then(ep(LS="V3"), hd(MOTHER=""))),
    ("628", leaver(), then(leaver(), hd(MOTHER=""))),
    (
        "INT21",
        table("UASC", {"CHILD": "C1", "SEX": "M", "DOB": "01/06/2012", "DUC": ""}),
        table("UASC", {"CHILD": "C1", "SEX": "F", "DOB": "01/06/2012", "DUC": ""}),
    ),
    # ---- OC2 ----
    ("190", table("OC2", OC2), oc2()),
    ("191", oc2(TEETH_CHECK=""), oc2()),
    (
        "185",
        table(
            "OC2",
            {
                **OC2,
                "CONVICTED": "",
                "IMMUNISATIONS": "",
                "TEETH_CHECK": "",
                "HEALTH_ASSESSMENT": "",
                "SUBSTANCE_MISUSE": "",
            },
        ),
        oc2(),
    ),
    (
        "198",
        table("OC2", {**OC2, "SDQ_SCORE": "", "SDQ_REASON": "SDQ2"}),
        oc2(SDQ_SCORE="", SDQ_REASON="SDQ2"),
    ),
    ("186", oc2(SDQ_SCORE=""), oc2(SDQ_SCORE="", SDQ_REASON="SDQ2")),
    (
        "197B",
        then(oc2(SDQ_SCORE="", CONVICTED="", HEALTH_CHECK="1"), dob("01/06/2020")),
        then(
            oc2(SDQ_SCORE="", SDQ_REASON="SDQ2", CONVICTED="", HEALTH_CHECK="1"), dob("01/06/2020")
        ),
    ),
    ("157", oc2(SDQ_SCORE="", SDQ_REASON="SDQ1"), oc2(SDQ_SCORE="", SDQ_REASON="SDQ2")),
    ("543", oc2(CONVICTED=""), then(oc2(CONVICTED=""), dob("01/04/2015"))),
    (
        "545",
        then(oc2(CONVICTED=""), dob("01/04/2020")),
        then(oc2(CONVICTED="", HEALTH_CHECK="1"), dob("01/04/2020")),
    ),
    ("546", oc2(HEALTH_CHECK="1"), oc2()),
    ("182", oc2(IMMUNISATIONS=""), oc2(IMMUNISATIONS="", CONVICTED="")),
    ("544", oc2(CONVICTED="1", TEETH_CHECK=""), oc2(CONVICTED="1")),
    ("547", oc2(HEALTH_CHECK="1", TEETH_CHECK=""), oc2(HEALTH_CHECK="1")),
    ("192", oc2(SUBSTANCE_MISUSE="1"), oc2(SUBSTANCE_MISUSE="1", INTERVENTION_RECEIVED="1")),
    (
        "193",
        oc2(INTERVENTION_OFFERED="1"),
        oc2(SUBSTANCE_MISUSE="1", INTERVENTION_RECEIVED="0", INTERVENTION_OFFERED="1"),
    ),
    (
        "158",
        oc2(SUBSTANCE_MISUSE="1", INTERVENTION_RECEIVED="1", INTERVENTION_OFFERED="0"),
        oc2(SUBSTANCE_MISUSE="1", INTERVENTION_RECEIVED="1"),
    ),
    (
        "159",
        oc2(SUBSTANCE_MISUSE="1", INTERVENTION_RECEIVED="0"),
        oc2(SUBSTANCE_MISUSE="1", INTERVENTION_RECEIVED="0", INTERVENTION_OFFERED="1"),
    ),
    ("181", oc2(TEETH_CHECK="Y"), oc2(TEETH_CHECK="0")),
    (
        "215",
        then(oc2(), table("OC3", OC3)),
        then(oc2(), table("OC3", {**OC3, "IN_TOUCH": "", "ACTIV": "", "ACCOM": ""})),
    ),
    (
        "187",
        then(oc2(), table("OC3", OC3), table("AD1", {"CHILD": "C1"})),
        then(table("OC3", OC3), table("AD1", {"CHILD": "C1"})),
    ),
    # ---- OC3 ----
    ("153", leaver(ACCOM=""), leaver()),
    ("132", leaver(ACTIV=""), leaver(ACTIV="0", IN_TOUCH="DIED", ACCOM="0")),
    ("133", leaver(ACCOM=""), leaver(ACCOM="0", IN_TOUCH="DIED", ACTIV="0")),
    ("344", leaver(IN_TOUCH="DIED"), leaver(IN_TOUCH="DIED", ACTIV="0", ACCOM="0")),
    ("345", leaver(ACCOM="0"), leaver()),
    ("347", then(leaver(ACCOM="T"), dob("02/04/2006")), then(leaver(ACCOM="T"), dob("01/04/2006"))),
    ("391", then(leaver(), dob("01/04/2008")), then(leaver(), dob("31/03/2008"))),
    (
        "3001",
        then(leaver(ACCOM="Z1"), dob("01/04/2007")),
        then(leaver(ACCOM="Z1"), dob("31/03/2007")),
    ),
    (
        "1007",
        then(dob("01/06/2006"), ep(DEC="02/06/2024", REC="E17"), table("OC3", OC3)),
        then(dob("01/06/2006"), ep(DEC="01/06/2024", REC="E17")),
    ),
    (
        "1016",
        then(dob("01/06/2006"), ep(DEC="01/06/2024", REC="E17"), table("OC3", OC3)),
        then(dob("01/06/2006"), ep(DEC="31/05/2024", REC="E4A"), table("OC3", OC3)),
    ),
    (
        "1011",
        then(dob("01/06/2006"), ep(DEC="31/05/2024", REC="E3"), table("OC3", OC3)),
        then(dob("01/06/2006"), ep(DEC="31/05/2024", REC="E4A"), table("OC3", OC3)),
    ),
    (
        "1012",
        then(
            leaver(),
            table(
                "Reviews",
                {"CHILD": "C1", "DOB": "01/06/2006", "REVIEW": "01/05/2024", "REVIEW_CODE": "PN1"},
            ),
        ),
        leaver(),
    ),
    (
        "1014",
        then(
            ep(DECOM="01/01/2023", DEC="01/02/2023", REC="E4A"),
            table("OC3", {**OC3, "DOB": "01/06/2012"}),
            table("UASC", {"CHILD": "C1", "SEX": "F", "DOB": "01/06/2012"}),
        ),
        then(
            ep(DECOM="01/01/2023", DEC="01/04/2024", REC="E4A"),
            table("OC3", {**OC3, "DOB": "01/06/2012"}),
            table("UASC", {"CHILD": "C1", "SEX": "F", "DOB": "01/06/2012"}),
        ),
    ),
    ("134", then(leaver(), table("AD1", AD1)), leaver()),
    # ---- AD1 ----
    ("175", ad1(NB_ADOPTR="3"), ad1(NB_ADOPTR="2")),
    ("176", ad1(SEX_ADOPTR="FM"), ad1(SEX_ADOPTR="MF")),
    ("177", ad1(LS_ADOPTR="L1"), ad1(LS_ADOPTR="L11")),
    ("114", ad1(FOSTER_CARE="Y"), ad1(FOSTER_CARE="1")),
    ("151", ad1(SEX_ADOPTR=""), ad1()),
    ("333", ad1(DATE_MATCH="09/05/2024"), ad1()),
    ("331", ad1(DATE_MATCH="11/05/2024", DATE_INT="11/05/2024"), ad1()),
    ("334", then(ad1(DATE_INT="09/05/2024", DATE_MATCH="09/05/2024")), ad1()),
    ("335", ad1(FOSTER_CARE="0"), ad1()),
    ("511", ad1(SEX_ADOPTR="F1"), ad1(SEX_ADOPTR="F1", NB_ADOPTR="1", LS_ADOPTR="L0")),
    ("514", ad1(LS_ADOPTR="L0"), ad1(LS_ADOPTR="L0", SEX_ADOPTR="F1", NB_ADOPTR="1")),
    ("517", ad1(LS_ADOPTR="L3", SEX_ADOPTR="FF"), ad1(LS_ADOPTR="L3")),
    ("518", ad1(LS_ADOPTR="L4"), ad1(LS_ADOPTR="L4", SEX_ADOPTR="FF")),
    (
        "519",
        ad1(LS_ADOPTR="L2", SEX_ADOPTR="F1", NB_ADOPTR="1"),
        ad1(LS_ADOPTR="L2", SEX_ADOPTR="FF"),
    ),
    ("520", ad1(SEX_ADOPTR="FF"), ad1()),
    ("524", ad1(LS_ADOPTR="L12"), ad1(LS_ADOPTR="L12", SEX_ADOPTR="MM")),
    ("521", then(ad1(DATE_INT="11/05/2024", DATE_MATCH="11/05/2024")), ad1()),
    ("582", then(ad1(), ep(DEC="10/05/2024")), ad1()),
    ("601", ad1(NB_ADOPTR=""), ad1()),
    ("602", table("AD1", AD1), ad1()),
    # ---- PlacedAdoption ----
    ("115", placed(DATE_PLACED="2024-05-10"), placed()),
    (
        "116",
        placed(DATE_PLACED_CEASED="2025-01-10", REASON_PLACED_CEASED="RD1"),
        placed(DATE_PLACED_CEASED="10/01/2025", REASON_PLACED_CEASED="RD1"),
    ),
    (
        "119",
        placed(DATE_PLACED_CEASED="10/01/2025"),
        placed(DATE_PLACED_CEASED="10/01/2025", REASON_PLACED_CEASED="RD1"),
    ),
    (
        "120",
        placed(DATE_PLACED_CEASED="10/01/2025", REASON_PLACED_CEASED="RD5"),
        placed(DATE_PLACED_CEASED="10/01/2025", REASON_PLACED_CEASED="RD4"),
    ),
    ("184", placed(DATE_PLACED="31/05/2012"), placed()),
    (
        "522",
        placed(DATE_PLACED_CEASED="09/05/2024", REASON_PLACED_CEASED="RD1"),
        placed(DATE_PLACED_CEASED="10/05/2024", REASON_PLACED_CEASED="RD1"),
    ),
    ("523", placed(DATE_PLACED="11/05/2024"), placed()),
    ("525", placed(DATE_PLACED_CEASED="10/01/2025", REASON_PLACED_CEASED="RD1"), placed()),
    (
        "563",
        placed(DATE_PLACED="", DATE_PLACED_CEASED="10/01/2025", REASON_PLACED_CEASED="RD1"),
        placed(DATE_PLACED_CEASED="10/01/2025", REASON_PLACED_CEASED="RD1"),
    ),
    (
        "579",
        then(placed(), table("PlacedAdoption", {**PLACED, "DATE_PLACED": "12/05/2024"})),
        then(
            placed(DATE_PLACED_CEASED="11/05/2024", REASON_PLACED_CEASED="RD1"),
            table("PlacedAdoption", {**PLACED, "DATE_PLACED": "12/05/2024"}),
        ),
    ),
    (
        "583",
        then(placed(), table("PlacedAdoption", {**PLACED, "DATE_PLACED": "12/05/2024"})),
        placed(),
    ),
    (
        "558",
        then(
            placed(DATE_PLACED_CEASED="11/05/2024", REASON_PLACED_CEASED="RD1"),
            table(
                "PlacedAdoption",
                {
                    **PLACED,
                    "DATE_PLACED": "12/05/2024",
                    "DATE_PLACED_CEASED": "13/05/2024",
                    "REASON_PLACED_CEASED": "RD1",
                },
            ),
        ),
        then(
            placed(DATE_PLACED_CEASED="11/05/2024", REASON_PLACED_CEASED="RD1"),
            table("PlacedAdoption", {**PLACED, "DATE_PLACED": "12/05/2024"}),
        ),
    ),
    ("1003", placed(DATE_PLACED="09/05/2024"), placed()),
    (
        "117",
        placed(DATE_PLACED_CEASED="02/03/2025", REASON_PLACED_CEASED="RD1"),
        placed(DATE_PLACED_CEASED="01/03/2025", REASON_PLACED_CEASED="RD1"),
    ),
    (
        "118",
        then(
            ep(DECOM="01/03/2024"),
            placed(
                DATE_PLACED="01/03/2024",
                DATE_PLACED_CEASED="31/03/2024",
                REASON_PLACED_CEASED="RD1",
            ),
        ),
        then(
            ep(DECOM="01/03/2024"),
            placed(
                DATE_PLACED="01/03/2024",
                DATE_PLACED_CEASED="01/04/2024",
                REASON_PLACED_CEASED="RD1",
            ),
        ),
    ),
    ("551", then(adopted, table("PlacedAdoption", {**PLACED, "DATE_PLACED": ""})), placed()),
    ("552", placed(DATE_PLACED="11/05/2024"), placed()),
    (
        "553",
        then(ep(LS="E1"), table("PlacedAdoption")),
        then(ep(LS="E1"), table("PlacedAdoption", PLACED)),
    ),
    (
        "554",
        then(ep(LS="E1"), table("PlacedAdoption", {**PLACED, "DATE_PLACED": "11/05/2024"})),
        then(ep(LS="E1"), table("PlacedAdoption", PLACED)),
    ),
    (
        "557",
        then(ep(LS="E1", DEC="01/03/2025", REC="E8"), table("PlacedAdoption", PLACED)),
        then(
            ep(LS="E1", DEC="01/03/2025", REC="E8"),
            table(
                "PlacedAdoption",
                {**PLACED, "DATE_PLACED_CEASED": "01/03/2025", "REASON_PLACED_CEASED": "RD1"},
            ),
        ),
    ),
    # ---- missing ----
    ("564", spell(MIS_END="02/06/2024"), spell(MIS_START="01/06/2024", MIS_END="02/06/2024")),
    ("565", spell(MISSING="", MIS_START="01/06/2024"), spell(MIS_START="01/06/2024")),
    (
        "566",
        spell(MISSING="", MIS_START="01/06/2024", MIS_END="02/06/2024"),
        spell(MIS_START="01/06/2024", MIS_END="02/06/2024"),
    ),
    (
        "574",
        then(
            spell(MIS_START="01/06/2024", MIS_END="05/06/2024"),
            spell(MIS_START="04/06/2024", MIS_END="06/06/2024"),
        ),
        then(
            spell(MIS_START="01/06/2024", MIS_END="05/06/2024"),
            spell(MIS_START="05/06/2024", MIS_END="06/06/2024"),
        ),
    ),
    (
        "575",
        then(ep(DEC="01/07/2024", REC="E8"), spell(MIS_START="01/06/2024")),
        then(ep(DEC="01/07/2024", REC="E8"), spell(MIS_START="01/06/2024", MIS_END="02/06/2024")),
    ),
    (
        "577",
        then(ep(DEC="01/07/2024", REC="E8"), spell(MIS_START="01/06/2024", MIS_END="02/07/2024")),
        then(ep(DEC="01/07/2024", REC="E8"), spell(MIS_START="01/06/2024", MIS_END="01/07/2024")),
    ),
    (
        "578",
        then(ep(DEC="01/07/2024", REC="E8"), spell(MIS_START="02/07/2024", MIS_END="03/07/2024")),
        then(ep(DEC="01/07/2024", REC="E8"), spell(MIS_START="01/07/2024", MIS_END="01/07/2024")),
    ),
    (
        "581",
        spell(MIS_START="09/05/2024", MIS_END="10/05/2024"),
        spell(MIS_START="10/05/2024", MIS_END="11/05/2024"),
    ),
    (
        "580",
        then(
            ep(DEC="01/07/2024", REC="E4A"),
            spell(MIS_START="01/06/2024", MIS_END="01/07/2024"),
            dob("01/07/2006"),
        ),
        then(
            ep(DEC="01/07/2024", REC="E8"),
            spell(MIS_START="01/06/2024", MIS_END="01/07/2024"),
            dob("01/07/2006"),
        ),
    ),
    # ---- social worker episodes ----
    ("SW01aSTG1", sw(SW_DECOM=""), sw()),
    ("SW01aSTG1", sw(SW_DECOM="31/03/2023", SW_ID=""), sw(SW_DECOM="31/03/2023", SW_REASON="")),
    ("SW01bSTG1", sw(SW_REASON=""), sw(SW_DECOM="31/03/2023", SW_REASON="")),
    ("SW02STG1", sw(SW_ID="AB001"), sw(SW_ID="XX001")),
    ("SW04STG1", sw(SW_DECOM="2024-05-10"), sw()),
    ("SW05STG1", sw(SW_DEC="2024-06-01"), sw(SW_DEC="01/06/2024")),
    ("SW06STG2", sw(SW_DECOM="01/04/2025"), sw(SW_DECOM="31/03/2025")),
    (
        "SW07STG2",
        sw(SW_DECOM="01/01/2023", SW_DEC="01/04/2023"),
        sw(SW_DECOM="01/01/2023", SW_DEC="02/04/2023"),
    ),
    ("SW07STG2", sw(SW_DEC="01/04/2025"), sw(SW_DEC="31/03/2025")),
    (
        "SW08STG2",
        then(sw(), sw(SW_DECOM="01/06/2024")),
        then(sw(SW_DEC="01/06/2024"), sw(SW_DECOM="01/06/2024")),
    ),
    ("SW09STG2", sw(SW_DEC="10/05/2024"), sw(SW_DEC="11/05/2024")),
    ("SW13STG1", sw(SW_REASON="MOVED"), sw(SW_REASON="OTHERS")),
    (
        "231",
        then(table("UASC", UASC), dob("01/04/2014")),
        then(table("UASC", UASC), dob("31/03/2014")),
    ),
    # ---- the same child across tables (checked since before issue 16) ----
    (
        "104",
        table("UASC", {**UASC, "DUC": "2024-06-01"}),
        table("UASC", {**UASC, "DUC": "01/06/2024"}),
    ),
    (
        "304",
        then(table("UASC", {**UASC, "DUC": "02/06/2024"}), dob("01/06/2006")),
        then(table("UASC", {**UASC, "DUC": "01/06/2024"}), dob("01/06/2006")),
    ),
    ("112", ad1(DATE_INT="2024-05-10"), ad1()),
    ("113", ad1(DATE_MATCH="2024-05-10"), ad1()),
    ("165", hd(MOTHER="2"), hd(MOTHER="0")),
    ("INT01", table("AD1", {**AD1, "CHILD": "C9"}), ad1()),
    ("INT02", table("PlacedAdoption", {**PLACED, "CHILD": "C9"}), placed()),
    ("INT04", spell(CHILD="C9", MIS_START="01/06/2024"), spell(MIS_START="01/06/2024")),
    ("INT07", perm(CHILD="C9"), perm()),
    ("INT09", table("UASC", {**UASC, "CHILD": "C9"}), table("UASC", UASC)),
    ("INT11", ad1(DOB="02/06/2012"), ad1()),
    ("INT12", placed(DOB="02/06/2012"), placed()),
    ("INT16", perm(DOB="02/06/2012"), perm()),
    ("INT18", table("UASC", {**UASC, "DOB": "02/06/2012"}), table("UASC", UASC)),
    ("INT31", then(ad1(), table("AD1", AD1)), ad1()),
    ("INT35", then(perm(), perm()), perm()),
    ("INT36", table("UASC", UASC, UASC), table("UASC", UASC)),
    # ---- previous permanence ----
    ("630", table("PrevPerm", {**PERM, "CHILD": "C9"}), perm()),
    ("631", perm(PREV_PERM="P5"), perm(PREV_PERM="P4", LA_PERM="371", DATE_PERM="01/01/2020")),
    (
        "632",
        perm(PREV_PERM="P1", LA_PERM="371", DATE_PERM="10/05/2024"),
        perm(PREV_PERM="P1", LA_PERM="371", DATE_PERM="09/05/2024"),
    ),
    (
        "633",
        perm(PREV_PERM="P1", LA_PERM="100", DATE_PERM="ZZ/ZZ/2020"),
        perm(PREV_PERM="P1", LA_PERM="WAL", DATE_PERM="ZZ/ZZ/2020"),
    ),
    ("634", then(ep(DECOM="31/03/2024"), perm()), perm()),
    (
        "635",
        perm(PREV_PERM="", LA_PERM="371"),
        perm(PREV_PERM="P2", LA_PERM="371", DATE_PERM="ZZ/05/2020"),
    ),
]


def codes_of(tmp_path: Path, change: Change) -> set[str]:
    tables = copy.deepcopy(BASE)
    change(tables)
    folder = tmp_path / "903"
    for index, (name, rows) in enumerate(tables.items()):
        write(folder, f"t{index}.csv", csv_text(name, rows))
    [parsed] = read([folder], collection_year=2025)
    return {p.code for p in parsed.problems if p.code}


def test_the_one_child_return_is_valid(tmp_path):
    assert codes_of(tmp_path, NOTHING) == set()


@pytest.mark.parametrize(
    ("code", "breaks", "near_miss"), CASES, ids=[f"{c[0]}-{k}" for k, c in enumerate(CASES)]
)
def test_rule_broken_and_near_miss(tmp_path, code, breaks, near_miss):
    assert ("ssda903", code) in RULES
    assert code in codes_of(tmp_path / "breaks", breaks)
    assert code not in codes_of(tmp_path / "near", near_miss)
