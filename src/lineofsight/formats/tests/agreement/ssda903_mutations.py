# mypy: disable-error-code="func-returns-value"
"""One error per copy of ``ssda903_2025/`` (a synthetic 2024-25 return the public validator
passes); what it reported for each copy is stored in ``ssda903_expected.json``."""

from __future__ import annotations

from collections.abc import Callable

Tables = dict[str, list[dict[str, str]]]  # file stem ("header", "episodes", ...) -> rows
Mutation = Callable[[Tables], object]  # a lambda may make several changes in a tuple

TWO = "SYN3710000002"  # two episodes (20/02/2023 - 11/01/2025, then open); female, MOTHER 0
BOY = "SYN3710000004"  # two episodes (02/03/2022 - 03/04/2024, then open); male, born 2014
OLD = "SYN3710000063"  # one episode ceased 09/10/2024 (E17); female, born 2006
TODDLER = "SYN3710000316"  # born 08/08/2020, in OC2 and Reviews (PN0 then PN3)
MISSING = "SYN3710001737"  # the one missing spell


def rows(tables: Tables, name: str, child: str) -> list[dict[str, str]]:
    found = [row for row in tables[name] if row["CHILD"] == child]
    assert found, (name, child)
    return found


def put(tables: Tables, name: str, child: str, n: int = 0, **values: str) -> None:
    rows(tables, name, child)[n].update(values)


def copy_row(tables: Tables, name: str, child: str, **values: str) -> None:
    tables[name].append({**rows(tables, name, child)[0], **values})


MUTATIONS: dict[str, Mutation] = {
    "101 sex invalid": lambda t: put(t, "header", TWO, SEX="X"),
    "102 DOB invalid": lambda t: put(t, "header", TWO, DOB="31/02/2016"),
    "103 ethnicity invalid": lambda t: put(t, "header", TWO, ETHNIC="ZZZZ"),
    "301 born after the year": lambda t: put(t, "header", TWO, DOB="01/05/2025"),
    "302 episode before birth": lambda t: put(t, "header", BOY, DOB="01/05/2022"),
    "141 DECOM invalid": lambda t: put(t, "episodes", TWO, 1, DECOM="2025-01-11"),
    "143 RNE invalid": lambda t: put(t, "episodes", TWO, 1, RNE="Q"),
    "144 LS invalid": lambda t: put(t, "episodes", TWO, 1, LS="Z9"),
    "145 CIN invalid": lambda t: put(t, "episodes", TWO, 1, CIN="N0"),
    "146 PLACE invalid": lambda t: put(t, "episodes", TWO, 1, PLACE="Q9"),
    "149 REC invalid": lambda t: put(t, "episodes", OLD, 0, REC="E99"),
    "148 DEC without REC": lambda t: put(t, "episodes", OLD, 0, REC=""),
    "356 DEC before DECOM": lambda t: put(t, "episodes", OLD, 0, DEC="01/08/2023"),
    "385 DEC after the year": lambda t: put(t, "episodes", OLD, 0, DEC="02/04/2025"),
    "354 DECOM after the year": lambda t: put(t, "episodes", TWO, 1, DECOM="02/04/2025"),
    "142 previous not ended": lambda t: put(
        t, "episodes", TWO, 0, DEC="", REC="", REASON_PLACE_CHANGE=""
    ),
    "501 starts before previous ended": lambda t: put(t, "episodes", TWO, 1, DECOM="10/01/2025"),
    "431 S on the day the last ended": lambda t: put(t, "episodes", TWO, 1, RNE="S"),
    "437 ceased 18 with a later episode": lambda t: put(
        t, "episodes", BOY, 0, REC="E15", REASON_PLACE_CHANGE=""
    ),
    "386 adopted at 18": lambda t: (
        put(t, "header", OLD, DOB="09/10/2005"),
        put(t, "episodes", OLD, 0, REC="E11"),
    ),
    "387 independent under 14": lambda t: put(t, "episodes", "SYN3710000610", 0, REC="E5"),
    "174 male with a child": lambda t: put(t, "header", BOY, MOTHER="", MC_DOB="01/01/2024"),
    "611 mother without child birth": lambda t: put(t, "header", OLD, MOTHER="1"),
    "612 child birth without mother": lambda t: put(t, "header", OLD, MC_DOB="01/01/2024"),
    "620 mother under 11": lambda t: put(t, "header", TWO, MOTHER="1", MC_DOB="01/01/2024"),
    "621 mother younger than child": lambda t: put(
        t, "header", OLD, MOTHER="1", MC_DOB="01/01/2006"
    ),
    "625 child born after care": lambda t: put(t, "header", OLD, MOTHER="1", MC_DOB="01/12/2024"),
    "180 SDQ score invalid": lambda t: put(t, "oc2", BOY, SDQ_SCORE="45"),
    "188 SDQ under 4": lambda t: (
        put(t, "oc2", TODDLER, DOB="08/08/2021"),
        put(t, "header", TODDLER, DOB="08/08/2021"),
        put(t, "reviews", TODDLER, 0, DOB="08/08/2021"),
        put(t, "reviews", TODDLER, 1, DOB="08/08/2021"),
    ),
    "189 SDQ at 17": lambda t: (
        put(t, "oc2", BOY, DOB="25/05/2006"),
        put(t, "header", BOY, DOB="25/05/2006"),
    ),
    "197a SDQ score and reason": lambda t: put(t, "oc2", BOY, SDQ_REASON="SDQ1"),
    "196 SDQ reason invalid": lambda t: put(t, "oc2", TWO, SDQ_REASON="SDQ9"),
    "542 convicted under 10": lambda t: put(t, "oc2", TODDLER, CONVICTED="0"),
    "440 PN0 at 4": lambda t: put(t, "reviews", TWO, 0, REVIEW_CODE="PN0"),
    "441 PN1 under 4": lambda t: put(t, "reviews", TODDLER, 0, REVIEW_CODE="PN1"),
    "166 review date invalid": lambda t: put(t, "reviews", TWO, 0, REVIEW="2024-06-19"),
    "167 review code invalid": lambda t: put(t, "reviews", TWO, 0, REVIEW_CODE="PN9"),
    "567 missing ends before it starts": lambda t: put(t, "missing", MISSING, MIS_END="01/02/2025"),
    "570 missing starts after the year": lambda t: put(
        t, "missing", MISSING, MIS_START="02/04/2025", MIS_END=""
    ),
    "586 missing before birth": lambda t: put(t, "missing", MISSING, DOB="06/02/2025"),
    "1006 missing type invalid": lambda t: put(t, "missing", MISSING, MISSING="X"),
    "INT03 episode child not in header": lambda t: put(
        t, "episodes", "SYN3710000005", 0, CHILD="SYN3710009999"
    ),
    "INT05 OC2 child not in header": lambda t: put(t, "oc2", BOY, CHILD="SYN3710009999"),
    "INT14 OC2 DOB differs": lambda t: put(t, "oc2", BOY, DOB="26/05/2014"),
    "INT17 review DOB differs": lambda t: put(t, "reviews", TWO, 0, DOB="14/11/2016"),
    "INT32 child twice in header": lambda t: copy_row(t, "header", TWO),
    "INT33 child twice in OC2": lambda t: copy_row(t, "oc2", TWO),
    "147 DEC invalid": lambda t: put(t, "episodes", OLD, 0, DEC="32/10/2024"),
    "171 MC_DOB invalid": lambda t: put(t, "header", OLD, MOTHER="1", MC_DOB="2024-01-01"),
    "178 provider invalid": lambda t: put(t, "episodes", TWO, 1, PLACE_PROVIDER="PR9"),
    "1009 place change reason invalid": lambda t: put(
        t, "episodes", TWO, 0, REASON_PLACE_CHANGE="XXXX"
    ),
    "407 SGO after 18": lambda t: (
        put(t, "header", OLD, DOB="09/10/2005"),
        put(t, "episodes", OLD, 0, REC="E45"),
        put(t, "reviews", OLD, 0, DOB="09/10/2005"),
    ),
    "571 missing ends after the year": lambda t: put(t, "missing", MISSING, MIS_END="02/04/2025"),
    "1004 missing start invalid": lambda t: put(t, "missing", MISSING, MIS_START="2025-02-05"),
    "1005 missing end invalid": lambda t: put(t, "missing", MISSING, MIS_END="2025-02-08"),
    "131 in touch invalid": lambda t: put(t, "oc3", "SYN3710000006", IN_TOUCH="MAYBE"),
    "132 activity invalid": lambda t: put(t, "oc3", "SYN3710000006", ACTIV="Z9"),
    "133 accommodation invalid": lambda t: put(t, "oc3", "SYN3710000006", ACCOM="Z"),
    "INT06 OC3 child not in header": lambda t: put(
        t, "oc3", "SYN3710000006", CHILD="SYN3710009998"
    ),
    "INT15 OC3 DOB differs": lambda t: put(t, "oc3", "SYN3710000006", DOB="10/09/2003"),
    "INT34 child twice in OC3": lambda t: copy_row(t, "oc3", "SYN3710000006"),
    "INT08 review child not in header": lambda t: put(t, "reviews", TWO, 0, CHILD="SYN3710009997"),
}
