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


def add(tables: Tables, name: str, **values: str) -> None:
    """A new row of table ``name`` (blank where not given)."""
    columns = HEADERS[name]
    tables[name].append({column: values.get(column, "") for column in columns})


def drop(tables: Tables, name: str, child: str) -> None:
    rows(tables, name, child)
    tables[name][:] = [row for row in tables[name] if row["CHILD"] != child]


def born(tables: Tables, child: str, day: str) -> None:
    """The child's date of birth, changed in every table that carries it."""
    for name, found in tables.items():
        for row in found:
            if row["CHILD"] == child and "DOB" in row:
                row["DOB"] = day


HEADERS = {
    "episodes": (
        "CHILD DECOM RNE LS CIN PLACE PLACE_PROVIDER DEC REC REASON_PLACE_CHANGE HOME_POST "
        "PL_POST URN"
    ).split(),
    "ad1": "CHILD DOB DATE_INT DATE_MATCH FOSTER_CARE NB_ADOPTR SEX_ADOPTR LS_ADOPTR".split(),
    "placed_for_adoption_errors": (
        "CHILD DOB DATE_PLACED DATE_PLACED_CEASED REASON_PLACED_CEASED".split()
    ),
    "previous_permanence": "CHILD DOB PREV_PERM LA_PERM DATE_PERM".split(),
    "reviews": "CHILD DOB REVIEW REVIEW_CODE".split(),
    "uasc": "CHILD SEX DOB DUC".split(),
    "oc2": (
        "CHILD DOB SDQ_SCORE SDQ_REASON CONVICTED HEALTH_CHECK IMMUNISATIONS TEETH_CHECK "
        "HEALTH_ASSESSMENT SUBSTANCE_MISUSE INTERVENTION_RECEIVED INTERVENTION_OFFERED"
    ).split(),
    "oc3": "CHILD DOB IN_TOUCH ACTIV ACCOM".split(),
    "missing": "CHILD DOB MISSING MIS_START MIS_END".split(),
}
ADOPTED = "SYN3710001450"  # F 06/08/2018, one episode 23/02/2024 - 12/03/2025 (E45)
LEAVER = "SYN3710000006"  # OC3 only (no episodes), born 09/09/2003
LEAVER2 = "SYN3710000241"  # OC3 only, born 16/04/2006
SHORT = "SYN3710000610"  # M 02/12/2019, one episode 12/09/2023 - 19/04/2024 (E4A)
TWICE = "SYN3710001410"  # two episodes in the year, 27/07/2024 - 11/08/2024 - 30/08/2024
NEW = "SYN3710001459"  # F 24/10/2014, one episode 16/09/2024 - 11/10/2024 (E4A)
PARENT = "SYN3710000005"  # M 2017, placed with parents (P1, PR0) since 2020
LONG = "SYN3710000012"  # M 2016, one open episode since 31/01/2023, in OC2
PERM = "SYN3710000324"  # S 06/03/2025, PrevPerm Z1
BABY = "SYN3710001757"  # F 12/08/2024, S 18/11/2024, open


def adoption(tables: Tables) -> None:
    """ADOPTED adopted on 12/03/2025 from a placement with her foster carers (A5) under a
    placement order, the decision, the match and the placement all on 23/02/2024."""
    put(tables, "episodes", ADOPTED, LS="E1", PLACE="A5", REC="E11")
    add(
        tables,
        "placed_for_adoption_errors",
        CHILD=ADOPTED,
        DOB="06/08/2018",
        DATE_PLACED="23/02/2024",
    )
    add(
        tables,
        "ad1",
        CHILD=ADOPTED,
        DOB="06/08/2018",
        DATE_INT="23/02/2024",
        DATE_MATCH="23/02/2024",
        FOSTER_CARE="1",
        NB_ADOPTR="2",
        SEX_ADOPTR="MF",
        LS_ADOPTR="L11",
    )


def adopted(**values: str) -> Mutation:
    return lambda t: (adoption(t), rows(t, "ad1", ADOPTED)[0].update(values))


def decision(**values: str) -> Mutation:
    return lambda t: (adoption(t), rows(t, "placed_for_adoption_errors", ADOPTED)[0].update(values))


def oc3_for(child: str, day: str, **values: str) -> Mutation:
    row = {"IN_TOUCH": "YES", "ACTIV": "F2", "ACCOM": "R1", **values}
    return lambda t: add(t, "oc3", CHILD=child, DOB=day, **row)


OC2_ROW = {
    "IMMUNISATIONS": "1",
    "TEETH_CHECK": "1",
    "HEALTH_ASSESSMENT": "1",
    "SUBSTANCE_MISUSE": "0",
    "HEALTH_CHECK": "1",
}


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
    # ---- episodes (added with the rules of issue 16) ----
    "353 episode before 1991": lambda t: put(t, "episodes", OLD, 0, DECOM="01/01/1990"),
    "355 episode under a day": lambda t: put(t, "episodes", OLD, 0, DEC="06/08/2023"),
    "357 first episode not S": lambda t: put(t, "episodes", "SYN3710001698", 0, RNE="P"),
    "352 started care at 18": lambda t: born(t, NEW, "01/09/2006"),
    "358 J1 under 10": lambda t: put(t, "episodes", BOY, 1, LS="J1", RNE="U"),
    "359 over 18 not V2 K2": lambda t: born(t, BOY, "25/05/2006"),
    "371 K3 under 16": lambda t: put(t, "episodes", SHORT, PLACE="K3"),
    "372 R5 under 10": lambda t: put(t, "episodes", SHORT, PLACE="R5"),
    "373 S1 under 4": lambda t: put(t, "episodes", SHORT, PLACE="S1"),
    "374 P3 under 14": lambda t: put(t, "episodes", SHORT, PLACE="P3"),
    "375 T1 over six weeks": lambda t: put(t, "episodes", SHORT, PLACE="T1"),
    "376 T3 over three weeks": lambda t: put(t, "episodes", SHORT, PLACE="T3"),
    "379 T4 over a week": lambda t: put(t, "episodes", SHORT, PLACE="T4"),
    "361 police protection over 72 hours": lambda t: put(t, "episodes", SHORT, LS="L1"),
    "362 EPO over 21 days": lambda t: put(t, "episodes", SHORT, LS="L2"),
    "363 CAO over 7 days": lambda t: put(t, "episodes", SHORT, LS="L3"),
    "364 PACE over 21 days": lambda t: put(t, "episodes", SHORT, LS="J2"),
    "365 respite over 17 days": lambda t: put(t, "episodes", NEW, LS="V3"),
    "366 respite changes placement": lambda t: put(t, "episodes", TWICE, 1, LS="V3"),
    "367 respite over 75 days": lambda t: put(t, "episodes", ADOPTED, LS="V3"),
    "378 P1 under V2": lambda t: put(t, "episodes", TODDLER, PLACE="P1"),
    "380 period starts temporary": lambda t: put(t, "episodes", "SYN3710000252", PLACE="T0"),
    "381 period ends temporary": lambda t: put(t, "episodes", OLD, PLACE="T2"),
    "382 respite temporary": lambda t: put(t, "episodes", NEW, LS="V4", PLACE="T0"),
    "384 respite long-term foster": lambda t: put(t, "episodes", OLD, LS="V3"),
    "389 adult care under 16": lambda t: put(t, "episodes", SHORT, REC="E7"),
    "390 adopted not placed for adoption": lambda t: put(t, "episodes", SHORT, REC="E11"),
    "408 A5 without placement order": lambda t: put(t, "episodes", LONG, PLACE="A5"),
    "460 staying put under 18": lambda t: put(t, "episodes", SHORT, REC="E17"),
    "516 SGO from non-foster placement": lambda t: put(t, "episodes", ADOPTED, PLACE="K1"),
    "526 provider missing": lambda t: put(t, "episodes", TWO, 1, PLACE_PROVIDER=""),
    "527 PR1 with R2": lambda t: put(t, "episodes", OLD, PLACE="R2"),
    "528 PR2 with R2": lambda t: put(t, "episodes", OLD, PLACE="R2", PLACE_PROVIDER="PR2"),
    "529 PR3 with foster placement": lambda t: put(t, "episodes", OLD, PLACE_PROVIDER="PR3"),
    "530 PR4 with P1": lambda t: put(t, "episodes", LONG, PLACE="P1"),
    "531 PR5 with P1": lambda t: put(t, "episodes", LONG, PLACE="P1", PLACE_PROVIDER="PR5"),
    "550 PR0 not with parents": lambda t: put(t, "episodes", OLD, PLACE_PROVIDER="PR0"),
    "213 provider for temporary placement": lambda t: put(
        t, "episodes", "SYN3710000451", PLACE="T1"
    ),
    "214 postcode for short break": lambda t: put(t, "episodes", NEW, LS="V4"),
    "217 A3 without S T U": lambda t: put(t, "episodes", LONG, PLACE="A3"),
    "222 URN for placement with parents": lambda t: put(t, "episodes", PARENT, URN="SC123456"),
    "225 placement change reason missing": lambda t: put(
        t, "episodes", TWO, 0, REASON_PLACE_CHANGE=""
    ),
    "226 reason with temporary placement": lambda t: put(t, "episodes", TWO, 1, PLACE="T0"),
    "336 adoption after residential": lambda t: (
        put(t, "episodes", TWICE, 0, PLACE="K1"),
        put(t, "episodes", TWICE, 1, PLACE="A4"),
    ),
    "388 X1 with a gap": lambda t: put(t, "episodes", TWICE, 0, DEC="10/08/2024"),
    "426 V3 and V4": lambda t: (
        put(t, "episodes", TWICE, 0, LS="V3"),
        put(t, "episodes", TWICE, 1, LS="V4"),
    ),
    "432 ceased then not S": lambda t: put(t, "episodes", TWICE, 0, REC="E4A"),
    "434 L with the same legal status": lambda t: put(t, "episodes", BOY, 1, RNE="L"),
    "436 U with the same legal status": lambda t: put(t, "episodes", BOY, 1, RNE="U"),
    "504 category of need changed": lambda t: put(t, "episodes", BOY, 1, CIN="N1"),
    "392b no home postcode": lambda t: put(t, "episodes", TWO, 1, HOME_POST=""),
    "392d same postcodes": lambda t: put(t, "episodes", TWO, 1, PL_POST="DN1 9EH"),
    # ---- header ----
    "168 UPN invalid": lambda t: put(t, "header", TWO, UPN="I371200016002"),
    "209 UN1 at school age": lambda t: put(t, "header", PARENT, UPN="UN1"),
    "442 UPN missing": lambda t: put(t, "header", TWO, UPN=""),
    "232 sex unknown": lambda t: put(t, "header", TWO, SEX="U"),
    "351 over 25": lambda t: born(t, LEAVER, "09/09/1998"),
    "393 mother missing": lambda t: put(t, "header", TWO, MOTHER=""),
    "607 mother missing on leaving": lambda t: put(t, "header", OLD, MOTHER=""),
    "628 mother for care leaver": lambda t: put(t, "header", LEAVER, MOTHER="0"),
    "INT21 UASC sex differs": lambda t: add(
        t, "uasc", CHILD=TWO, SEX="M", DOB="13/11/2016", DUC=""
    ),
    # ---- OC2 ----
    "190 OC2 items not looked after all year": lambda t: add(
        t, "oc2", CHILD=BABY, DOB="12/08/2024", **OC2_ROW
    ),
    "191 OC2 item missing": lambda t: put(t, "oc2", BOY, IMMUNISATIONS=""),
    "191 no OC2 row": lambda t: drop(t, "oc2", "SYN3710000612"),
    "185 SDQ score not looked after all year": lambda t: add(
        t, "oc2", CHILD=BABY, DOB="12/08/2024", SDQ_SCORE="10"
    ),
    "198 SDQ reason not looked after all year": lambda t: add(
        t, "oc2", CHILD=BABY, DOB="12/08/2024", SDQ_REASON="SDQ1"
    ),
    "186 SDQ missing": lambda t: put(t, "oc2", LONG, SDQ_REASON=""),
    "197B SDQ missing at 4": lambda t: put(t, "oc2", TODDLER, SDQ_SCORE=""),
    "157 SDQ1 for school age": lambda t: put(t, "oc2", LONG, SDQ_REASON="SDQ1"),
    "543 conviction missing": lambda t: put(t, "oc2", "SYN3710000181", CONVICTED=""),
    "545 health check missing": lambda t: put(t, "oc2", TODDLER, HEALTH_CHECK=""),
    "546 health check over 5": lambda t: put(t, "oc2", BOY, HEALTH_CHECK="1"),
    "182 health items incomplete": lambda t: put(t, "oc2", PARENT, IMMUNISATIONS="", CONVICTED="0"),
    "547 health check without health items": lambda t: put(t, "oc2", TODDLER, IMMUNISATIONS=""),
    "192 misuse without intervention": lambda t: put(t, "oc2", BOY, SUBSTANCE_MISUSE="1"),
    "193 intervention without misuse": lambda t: put(t, "oc2", BOY, INTERVENTION_RECEIVED="1"),
    "158 received and offered": lambda t: put(
        t, "oc2", BOY, SUBSTANCE_MISUSE="1", INTERVENTION_RECEIVED="1", INTERVENTION_OFFERED="0"
    ),
    "159 not received, offer missing": lambda t: put(
        t, "oc2", BOY, SUBSTANCE_MISUSE="1", INTERVENTION_RECEIVED="0"
    ),
    "181 OC2 flag invalid": lambda t: put(t, "oc2", BOY, TEETH_CHECK="2"),
    # ---- OC3 ----
    "153 care leaver items partial": lambda t: put(t, "oc3", LEAVER, ACCOM=""),
    "344 died with activity": lambda t: put(t, "oc3", LEAVER, IN_TOUCH="DIED"),
    "345 in touch with zero": lambda t: put(t, "oc3", LEAVER, ACTIV="0"),
    "347 foyer under 18": lambda t: put(t, "oc3", LEAVER2, ACCOM="T"),
    "391 care leaver under 17": lambda t: born(t, LEAVER2, "16/04/2008"),
    "3001 former foster carers at 17": lambda t: (
        born(t, LEAVER2, "16/04/2007"),
        put(t, "oc3", LEAVER2, ACCOM="Z1"),
    ),
    "1016 left care after 18th birthday": oc3_for(OLD, "09/10/2006"),
    "1007 looked after on 18th birthday": lambda t: (
        put(t, "episodes", OLD, DEC="10/10/2024"),
        oc3_for(OLD, "09/10/2006")(t),
    ),
    "1011 transferred with care leaver items": lambda t: (
        put(t, "episodes", OLD, REC="E3"),
        oc3_for(OLD, "09/10/2006")(t),
    ),
    "1012 review without episodes": lambda t: add(
        t, "reviews", CHILD=LEAVER, DOB="09/09/2003", REVIEW="01/06/2024", REVIEW_CODE="PN1"
    ),
    "215 care leaver with OC2 items": oc3_for(BOY, "25/05/2014"),
    "134 adoption for care leaver": lambda t: add(
        t,
        "ad1",
        CHILD=LEAVER,
        DOB="09/09/2003",
        DATE_INT="01/05/2024",
        DATE_MATCH="01/06/2024",
        FOSTER_CARE="0",
        NB_ADOPTR="1",
        SEX_ADOPTR="F1",
        LS_ADOPTR="L0",
    ),
    # ---- AD1 and PlacedAdoption ----
    "adoption valid": adoption,
    "114 foster care invalid": adopted(FOSTER_CARE="2"),
    "175 number of adopters invalid": adopted(NB_ADOPTR="3"),
    "176 adopters' sex invalid": adopted(SEX_ADOPTR="XX"),
    "177 adopters' legal status invalid": adopted(LS_ADOPTR="L9"),
    "151 adoption items partial": adopted(LS_ADOPTR=""),
    "333 decision after match": adopted(DATE_INT="24/02/2024"),
    "331 matched after placement": adopted(DATE_MATCH="24/02/2024"),
    "334 decision before care": adopted(DATE_INT="22/02/2024"),
    "335 foster flag contradicts placement": adopted(FOSTER_CARE="0"),
    "511 two adopters single code": adopted(SEX_ADOPTR="M1"),
    "514 single adopter couple code": adopted(LS_ADOPTR="L0"),
    "517 L3 not MF": adopted(LS_ADOPTR="L3", SEX_ADOPTR="MM"),
    "518 L4 not same sex": adopted(LS_ADOPTR="L4"),
    "519 civil partners not a couple": adopted(LS_ADOPTR="L2", SEX_ADOPTR="M1", NB_ADOPTR="1"),
    "520 L11 not MF": adopted(SEX_ADOPTR="MM"),
    "524 L12 not same sex": adopted(LS_ADOPTR="L12"),
    "601 adoption items missing": adopted(NB_ADOPTR=""),
    "602 adoption items without adoption": lambda t: add(
        t,
        "ad1",
        CHILD=TWO,
        DOB="13/11/2016",
        DATE_INT="01/05/2024",
        DATE_MATCH="01/06/2024",
        FOSTER_CARE="0",
        NB_ADOPTR="1",
        SEX_ADOPTR="F1",
        LS_ADOPTR="L0",
    ),
    "115 decision date invalid": decision(DATE_PLACED="2024-02-23"),
    "116 reversal date invalid": decision(
        DATE_PLACED_CEASED="2025-03-01", REASON_PLACED_CEASED="RD1"
    ),
    "119 reversal without reason": decision(DATE_PLACED_CEASED="01/03/2025"),
    "120 reversal reason invalid": decision(
        DATE_PLACED_CEASED="01/03/2025", REASON_PLACED_CEASED="RD9"
    ),
    "184 decision before birth": decision(DATE_PLACED="01/01/2018"),
    "522 reversal before decision": decision(
        DATE_PLACED_CEASED="22/02/2024", REASON_PLACED_CEASED="RD1"
    ),
    "525 reversed then adopted": decision(
        DATE_PLACED_CEASED="01/03/2025", REASON_PLACED_CEASED="RD1"
    ),
    "563 reversal without decision": decision(
        DATE_PLACED="", DATE_PLACED_CEASED="01/03/2025", REASON_PLACED_CEASED="RD1"
    ),
    "579 second decision while the first is open": lambda t: (
        adoption(t),
        add(
            t,
            "placed_for_adoption_errors",
            CHILD=ADOPTED,
            DOB="06/08/2018",
            DATE_PLACED="01/03/2024",
        ),
    ),
    "558 adopted after two reversals": lambda t: (
        decision(DATE_PLACED_CEASED="01/03/2024", REASON_PLACED_CEASED="RD1")(t),
        add(
            t,
            "placed_for_adoption_errors",
            CHILD=ADOPTED,
            DOB="06/08/2018",
            DATE_PLACED="02/03/2024",
            DATE_PLACED_CEASED="03/03/2024",
            REASON_PLACED_CEASED="RD2",
        ),
    ),
    "1003 decision before looked after": decision(DATE_PLACED="22/02/2024"),
    "117 decision after care ended": decision(DATE_PLACED="13/03/2025"),
    "118 reversal before the year": decision(
        DATE_PLACED_CEASED="01/03/2024", REASON_PLACED_CEASED="RD1"
    ),
    "551 placed without decision date": decision(DATE_PLACED=""),
    "552 decision after placement": decision(DATE_PLACED="24/02/2024"),
    "553 placement order without decision": lambda t: (
        adoption(t),
        drop(t, "placed_for_adoption_errors", ADOPTED),
    ),
    "557 left care without reversal": lambda t: (
        adoption(t),
        put(t, "episodes", ADOPTED, REC="E45"),
        drop(t, "ad1", ADOPTED),
    ),
    # ---- missing ----
    "564 missing start blank": lambda t: put(t, "missing", MISSING, MIS_START=""),
    "565 missing type blank": lambda t: put(t, "missing", MISSING, MISSING=""),
    "574 missing spells overlap": lambda t: add(
        t,
        "missing",
        CHILD=MISSING,
        DOB="14/09/2012",
        MISSING="A",
        MIS_START="06/02/2025",
        MIS_END="07/02/2025",
    ),
    "575 open spell after the placement ended": lambda t: (
        put(t, "episodes", MISSING, DEC="10/02/2025", REC="E8"),
        put(t, "missing", MISSING, MIS_END=""),
    ),
    "578 missing after care ended": lambda t: put(
        t, "episodes", MISSING, DEC="01/02/2025", REC="E8"
    ),
    "581 missing before care": lambda t: put(t, "missing", MISSING, MIS_START="01/12/2024"),
    # ---- previous permanence ----
    "631 previous permanence invalid": lambda t: put(
        t, "previous_permanence", PERM, PREV_PERM="P9"
    ),
    "permanence valid": lambda t: put(
        t, "previous_permanence", PERM, PREV_PERM="P1", LA_PERM="371", DATE_PERM="01/01/2015"
    ),
    "633 permanence LA invalid": lambda t: put(
        t, "previous_permanence", PERM, PREV_PERM="P1", LA_PERM="123", DATE_PERM="01/01/2015"
    ),
    "632 permanence after care began": lambda t: put(
        t, "previous_permanence", PERM, PREV_PERM="P1", LA_PERM="371", DATE_PERM="07/03/2025"
    ),
    "632 permanence date partly known": lambda t: put(
        t, "previous_permanence", PERM, PREV_PERM="P1", LA_PERM="371", DATE_PERM="ZZ/03/2015"
    ),
    "634 permanence for an old period": lambda t: add(
        t, "previous_permanence", CHILD=LONG, DOB="12/10/2016", PREV_PERM="Z1"
    ),
    "635 permanence details without option": lambda t: put(
        t, "previous_permanence", PERM, PREV_PERM="", LA_PERM="371"
    ),
    "630 previous permanence missing": lambda t: drop(t, "previous_permanence", PERM),
    "231 UASC under 11": lambda t: add(t, "uasc", CHILD=TODDLER, SEX="F", DOB="08/08/2020", DUC=""),
    "178 provider for a temporary placement": lambda t: put(t, "episodes", TWO, 1, PLACE="T0"),
    "SW02 social worker id invalid": lambda t: put(t, "sw_episodes", TWO, 0, SW_ID="AB000377"),
    "SW08 previous social worker not ended": lambda t: put(t, "sw_episodes", TWO, 0, SW_DEC=""),
    "SW09 social worker for under a day": lambda t: put(
        t, "sw_episodes", BOY, 0, SW_DEC="01/04/2024"
    ),
    "SW13 social worker change reason invalid": lambda t: put(
        t, "sw_episodes", BOY, 1, SW_REASON="MOVED"
    ),
    "SW06 social worker after the year": lambda t: put(
        t, "sw_episodes", BOY, 1, SW_DECOM="01/04/2025"
    ),
    "SW07 social worker ended before the period": lambda t: put(
        t, "sw_episodes", TWO, 0, SW_DECOM="01/01/2023", SW_DEC="01/03/2023"
    ),
    "SW01b social worker reason missing": lambda t: put(t, "sw_episodes", BOY, 1, SW_REASON=""),
    "1014 UASC care leaver": lambda t: (
        add(t, "uasc", CHILD=SHORT, SEX="M", DOB="02/12/2019", DUC=""),
        put(t, "episodes", SHORT, DECOM="12/09/2022", DEC="19/03/2024"),
        oc3_for(SHORT, "02/12/2019")(t),
    ),
    "377 three holiday placements": lambda t: (
        put(t, "episodes", TWICE, 0, PLACE="T3", PLACE_PROVIDER="", URN=""),
        put(t, "episodes", TWICE, 1, PLACE="T3", PLACE_PROVIDER="", URN="", REC="X1"),
        copy_row(
            t,
            "episodes",
            TWICE,
            DECOM="30/08/2024",
            RNE="P",
            PLACE="T3",
            PLACE_PROVIDER="",
            URN="",
            DEC="05/09/2024",
            REC="E4A",
            REASON_PLACE_CHANGE="",
        ),
    ),
    "383 temporary placement not followed by the usual one": lambda t: (
        put(t, "episodes", TWICE, 1, PLACE="T0", PLACE_PROVIDER="", URN="", REC="X1"),
        copy_row(
            t,
            "episodes",
            TWICE,
            DECOM="30/08/2024",
            RNE="P",
            PLACE="U3",
            PLACE_PROVIDER="PR1",
            DEC="",
            REC="",
            REASON_PLACE_CHANGE="",
        ),
    ),
    "446 E1 before December 2005": lambda t: add(
        t,
        "episodes",
        CHILD=LEAVER,
        DECOM="30/11/2005",
        RNE="S",
        LS="E1",
        CIN="N1",
        PLACE="U1",
        PLACE_PROVIDER="PR1",
        DEC="01/06/2006",
        REC="E4A",
        HOME_POST="DN1 1AA",
        PL_POST="DN2 2BB",
        URN="SC369887",
    ),
    "580 missing at 18 not E8": lambda t: (
        born(t, MISSING, "08/02/2007"),
        put(t, "episodes", MISSING, DEC="08/02/2025", REC="E4A"),
    ),
    "582 adopted on the match day": adopted(DATE_MATCH="12/03/2025"),
}
