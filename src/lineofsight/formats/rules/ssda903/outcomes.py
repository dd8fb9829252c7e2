"""SSDA903 rules on outcomes: OC2 (children looked after for 12 months: SDQ, health, offending,
substance misuse) and OC3 (care leavers aged 17 to 21)."""

from __future__ import annotations

from datetime import date

from lineofsight.formats.rules.registry import rule
from lineofsight.formats.rules.ssda903.common import (
    AD1_ITEMS,
    OC2_HEALTH,
    OC2_TWELVE_MONTHS,
    OC3_ITEMS,
    YEAR_DAYS,
    all_given,
    any_given,
    birthday,
    continuously_looked_after,
    each_row,
    flag_needs,
    in_year,
    value_given,
    value_unexpected,
)
from lineofsight.formats.rules.ssda903.run import Child903, Row903, Run903


def _born(item: Row903) -> date | None:
    return item.day("DOB")


def _oc2(child: Child903) -> list[Row903]:
    return child.table("OC2")


def _cla(child: Child903, run: Run903) -> bool:
    return "Episodes" in run.typed and continuously_looked_after(child, run)


def _needs_episodes(run: Run903) -> bool:
    return "Episodes" in run.typed


# ---- OC2: who should have it ----


def _not_cla(child: Child903, run: Run903) -> bool:
    return _needs_episodes(run) and not _cla(child, run)


@each_row(
    "190",
    "Child has not been looked after continuously for at least 12 months at 31 March but one or "
    "more data items relating to children looked after for 12 months have been completed.",
    "OC2",
    "CHILD",
    only=_not_cla,
)
def twelve_month_items_not_cla(item: Row903, run: Run903) -> bool:
    return any_given(item, OC2_TWELVE_MONTHS)


@rule(
    "ssda903",
    "191",
    "Child has been looked after continuously for at least 12 months at 31 March but one or "
    "more data items relating to children looked after for 12 months have been left blank.",
)
def twelve_month_items_missing(child: Child903, run: Run903) -> None:
    """Also a child looked after all year with no OC2 row at all (reported on the first
    episode), when the return has an OC2 table."""
    if "OC2" not in run.typed or not _cla(child, run):
        return
    rows = _oc2(child)
    for item in rows:
        if not all_given(item, OC2_HEALTH):
            run.report("191", item, "IMMUNISATIONS")
    if not rows:
        dated = [e for e in child.episodes if e.day("DECOM") is not None]
        if dated:
            run.report("191", dated[0], "CHILD")


value_unexpected(
    "185",
    "Child has not been looked after continuously for at least 12 months at 31 March but a "
    "Strengths and Difficulties (SDQ) score has been completed.",
    "OC2",
    "SDQ_SCORE",
    only=_not_cla,
)
value_unexpected(
    "198",
    "Child has not been looked after continuously for at least 12 months at 31 March but a "
    "reason for no Strengths and Difficulties (SDQ) score has been completed. ",
    "OC2",
    "SDQ_REASON",
    only=_not_cla,
)


def _aged(item: Row903, years: int) -> date | None:
    """The row's ``years``-th birthday (None when its DOB is unknown)."""
    born = _born(item)
    return None if born is None else birthday(born, years)


@each_row(
    "186",
    "Children aged 4 or over at the start of the year and children aged under 17 at the end of "
    "the year and who have been looked after for at least 12 months continuously should have a "
    "Strengths and Difficulties (SDQ) score completed.",
    "OC2",
    "SDQ_SCORE",
    only=_cla,
)
def sdq_missing(item: Row903, run: Run903) -> bool:
    four, seventeen = _aged(item, 4), _aged(item, 17)
    return (
        four is not None
        and seventeen is not None
        and four <= run.start
        and seventeen > run.end
        and not item.has("SDQ_SCORE")
        and not item.has("SDQ_REASON")
    )


@each_row(
    "197B",
    "SDQ score or reason for no SDQ should be reported for 4- or 17-year-olds.",
    "OC2",
    "SDQ_REASON",
    only=_cla,
)
def sdq_missing_at_4_or_17(item: Row903, run: Run903) -> bool:
    if _born(item) is None or item.has("SDQ_SCORE") or item.has("SDQ_REASON"):
        return False
    return any(run.start <= (_aged(item, n) or date.min) <= run.end for n in (4, 17))


@each_row(
    "157",
    "Child is aged 4 years or over at the beginning of the year or 16 years or under at the end "
    "of the year and Strengths and Difficulties Questionnaire (SDQ) 1 has been recorded as the "
    "reason for no Strengths and Difficulties Questionnaire (SDQ) score.",
    "OC2",
    "SDQ_REASON",
    only=_cla,
    show=True,
)
def sdq1_for_school_age(item: Row903, run: Run903) -> bool:
    four, sixteen = _aged(item, 4), _aged(item, 16)
    return (
        four is not None
        and sixteen is not None
        and four <= run.start
        and sixteen >= run.end
        and not item.has("SDQ_SCORE")
        and item.text("SDQ_REASON") == "SDQ1"
    )


@each_row(
    "543",
    "Child is aged 10 or over at 31 March and has been looked after continuously for 12 months "
    "yet conviction information has not been completed.",
    "OC2",
    "CONVICTED",
    only=_cla,
)
def conviction_missing(item: Row903, run: Run903) -> bool:
    ten = _aged(item, 10)
    return ten is not None and run.end > ten and not item.has("CONVICTED")


@each_row(
    "545",
    "Child is aged under 5 at 31 March and has been looked after continuously for 12 months yet "
    "health promotion information has not been completed.",
    "OC2",
    "HEALTH_CHECK",
    only=_cla,
)
def health_check_missing(item: Row903, run: Run903) -> bool:
    five = _aged(item, 5)
    return five is not None and run.end < five and not item.has("HEALTH_CHECK")


@each_row(
    "546",
    "Children aged 5 or over at 31 March should not have health promotion information completed.",
    "OC2",
    "HEALTH_CHECK",
    only=_cla,
)
def health_check_over_5(item: Row903, run: Run903) -> bool:
    five = _aged(item, 5)
    return five is not None and run.end >= five and item.has("HEALTH_CHECK")


# ---- OC2: items that go together ----

OC2_OTHERS = ("CONVICTED", "HEALTH_CHECK", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED")


@each_row(
    "182",
    "Data entries on immunisations, teeth checks, health assessments and substance misuse "
    "problem identified should be completed or all OC2 fields should be left blank.",
    "OC2",
    "IMMUNISATIONS",
)
def health_items_incomplete(item: Row903, run: Run903) -> bool:
    return not all_given(item, OC2_HEALTH) and any_given(item, OC2_OTHERS)


flag_needs(
    "544",
    "Any child who has conviction information completed must also have immunisation, teeth "
    "check, health assessment and substance misuse problem identified fields completed.",
    "OC2",
    "CONVICTED",
    OC2_HEALTH,
)
flag_needs(
    "547",
    "Any child who has health promotion information completed must also have immunisation, "
    "teeth check, health assessment and substance misuse problem identified fields completed.",
    "OC2",
    "HEALTH_CHECK",
    OC2_HEALTH,
)


@each_row(
    "192",
    "Child has been identified as having a substance misuse problem but the additional item on "
    "whether an intervention was received has been left blank.",
    "OC2",
    "INTERVENTION_RECEIVED",
)
def misuse_without_intervention(item: Row903, run: Run903) -> bool:
    return item.text("SUBSTANCE_MISUSE") == "1" and not item.has("INTERVENTION_RECEIVED")


@each_row(
    "193",
    "Child not identified as having a substance misuse problem but at least one of the two "
    "additional items on whether an intervention were offered and received have been "
    "completed.",
    "OC2",
    "INTERVENTION_RECEIVED",
)
def intervention_without_misuse(item: Row903, run: Run903) -> bool:
    return item.text("SUBSTANCE_MISUSE") in (None, "0") and any_given(
        item, ("INTERVENTION_RECEIVED", "INTERVENTION_OFFERED")
    )


@each_row(
    "158",
    "If a child has been recorded as receiving an intervention for their substance misuse "
    "problem, then the additional item on whether an intervention was offered should be left "
    "blank.",
    "OC2",
    "INTERVENTION_OFFERED",
)
def received_and_offered(item: Row903, run: Run903) -> bool:
    return item.text("INTERVENTION_RECEIVED") == "1" and item.has("INTERVENTION_OFFERED")


@each_row(
    "159",
    "If a child has been recorded as not receiving an intervention for their substance misuse "
    "problem, then the additional item on whether an intervention was offered should be "
    "completed as well.",
    "OC2",
    "INTERVENTION_OFFERED",
)
def not_received_offer_missing(item: Row903, run: Run903) -> bool:
    return (
        item.text("SUBSTANCE_MISUSE") == "1"
        and item.text("INTERVENTION_RECEIVED") == "0"
        and not item.has("INTERVENTION_OFFERED")
    )


# ---- OC3: care leavers ----


def _oc3_given(child: Child903) -> list[Row903]:
    return [item for item in child.table("OC3") if any_given(item, OC3_ITEMS)]


@each_row(
    "153",
    "All data items relating to a child's activity or accommodation after leaving care must be "
    "coded or left blank.",
    "OC3",
    "ACTIV",
)
def care_leaver_items_partial(item: Row903, run: Run903) -> bool:
    return any_given(item, OC3_ITEMS) and not all_given(item, OC3_ITEMS)


@each_row(
    "344",
    "The record shows the young person has died or returned home to live with parent(s) or "
    "someone with parental responsibility for a continuous period of 6 months or more, but "
    "activity and/or accommodation on leaving care have been completed.",
    "OC3",
    "ACTIV",
)
def died_or_home_with_activity(item: Row903, run: Run903) -> bool:
    """ACTIV and ACCOM must both be 0 (a blank is not 0)."""
    return item.text("IN_TOUCH") in ("DIED", "RHOM") and (
        item.text("ACTIV") != "0" or item.text("ACCOM") != "0"
    )


@each_row(
    "345",
    "The data collection record shows the local authority is in touch with this young person, "
    "but activity and/or accommodation data items are zero.",
    "OC3",
    "ACTIV",
)
def in_touch_with_zero(item: Row903, run: Run903) -> bool:
    return item.text("IN_TOUCH") == "YES" and "0" in (item.text("ACTIV"), item.text("ACCOM"))


@each_row(
    "347",
    "Care leavers aged under 18 years, can not be accommodated in a Foyer.",
    "OC3",
    "ACCOM",
    show=True,
)
def foyer_under_18(item: Row903, run: Run903) -> bool:
    born = _born(item)
    return (
        item.text("ACCOM") == "T" and born is not None and (run.start - born).days < 18 * YEAR_DAYS
    )


@each_row(
    "391",
    "Young person was not 17, 18, 19, 20 or 21 during the current collection year. ",
    "OC3",
    "DOB",
)
def care_leaver_under_17(item: Row903, run: Run903) -> bool:
    seventeen = _aged(item, 17)
    return any_given(item, OC3_ITEMS) and seventeen is not None and seventeen > run.end


@rule(
    "ssda903",
    "3001",
    "Where care leavers information is being returned for a young person around their 17th "
    "birthday, the accommodation cannot be with their former foster carer(s).",
)
def seventeen_with_former_foster_carers(child: Child903, run: Run903) -> None:
    born = child.birth
    if born is None:
        return
    for item in child.table("OC3"):
        if item.text("ACCOM") in ("Z1", "Z2") and run.start <= birthday(born, 17) <= run.end:
            run.report("3001", item, "ACCOM", item.text("ACCOM") or "")


@rule(
    "ssda903",
    "1007",
    "Care leaver information is not required for 17- or 18-year olds who are still looked "
    "after [on their 17th or 18th birthday.]",
)
def looked_after_on_birthday(child: Child903, run: Run903) -> None:
    for item in _oc3_given(child):
        born = _born(item)
        if born is None or not (birthday(born, 17) <= run.end < birthday(born, 19)):
            continue
        last = birthday(born, run.end.year - born.year)
        if last > run.end:
            last = birthday(born, run.end.year - born.year - 1)
        for episode in child.episodes:
            start, ended = episode.day("DECOM"), episode.day("DEC")
            if start is not None and ended is not None and start <= last < ended:
                run.report("1007", item, "IN_TOUCH")
                break


@rule(
    "ssda903",
    "1016",
    "Care leaver information is not required for 17- or 18-year olds who cease to be looked "
    "after, after their birthday.",
)
def left_care_after_birthday(child: Child903, run: Run903) -> None:
    """Ages at 31 March in years of 365.2425 days, as the public validator computes them."""
    for item in _oc3_given(child):
        born = _born(item)
        if born is None:
            continue
        age = (run.end - born).days / YEAR_DAYS
        turning = 17 if 17 <= age < 18 else 18 if 18 <= age < 19 else None
        if turning is None:
            continue
        if any(
            (ended := e.day("DEC")) is not None and ended >= birthday(born, turning)
            for e in child.episodes
        ):
            run.report("1016", item, "IN_TOUCH")


@rule(
    "ssda903",
    "1011",
    "This child is recorded as having his/her care transferred to another local authority for "
    "the final episode and therefore should not have the care leaver information completed.",
)
def transferred_with_care_leaver_items(child: Child903, run: Run903) -> None:
    dated = [e for e in child.episodes if e.day("DECOM") is not None]
    if dated and dated[-1].text("REC") == "E3":
        for item in _oc3_given(child):
            run.report("1011", item, "IN_TOUCH")


@rule("ssda903", "1014", "UASC information is not required for care leavers")
def uasc_for_care_leaver(child: Child903, run: Run903) -> None:
    """A child in the UASC table with episodes but none open during the year, and care leaver
    items given."""
    if "OC3" not in run.typed or not child.episodes or not child.table("UASC"):
        return
    if any(in_year(run, e) for e in child.episodes) or not _oc3_given(child):
        return
    for item in child.table("UASC"):
        run.report("1014", item, "DUC")


@rule(
    "ssda903",
    "215",
    "Child has care leaver information but one or more data items relating to children looked "
    "after for 12 months have been completed.",
)
def care_leaver_with_twelve_month_items(child: Child903, run: Run903) -> None:
    if any(any_given(o, OC2_TWELVE_MONTHS) for o in _oc2(child)):
        for item in _oc3_given(child):
            run.report("215", item, "IN_TOUCH")


@rule(
    "ssda903",
    "187",
    "Child cannot be looked after continuously for 12 months at 31 March (OC2) and have any of "
    "adoption or care leavers returns completed.",
)
def cla_with_adoption_or_care_leaver(child: Child903, run: Run903) -> None:
    if not all(t in run.typed for t in ("OC3", "AD1", "Episodes")) or not _cla(child, run):
        return
    for item in _oc3_given(child):
        run.report("187", item, "IN_TOUCH")
    for item in child.table("AD1"):
        if any_given(item, AD1_ITEMS):
            run.report("187", item, "DATE_INT")


@rule("ssda903", "134", "Data on adoption should not be entered for the OC3 cohort.")
def adoption_for_care_leaver(child: Child903, run: Run903) -> None:
    if _oc3_given(child):
        for item in child.table("AD1"):
            if any_given(item, AD1_ITEMS):
                run.report("134", item, "DATE_INT")


@rule(
    "ssda903",
    "1012",
    "No other data should be returned for OC3 children who had no episodes in the current year",
)
def rows_without_episodes(child: Child903, run: Run903) -> None:
    if "Episodes" not in run.typed or child.episodes:
        return
    for table in ("PlacedAdoption", "Missing", "Reviews", "AD1", "PrevPerm", "OC2"):
        for item in child.table(table):
            run.report("1012", item, "CHILD")


# A blank activity or accommodation (an unknown code is the parser's check).
value_given("132", "Data entry for activity after leaving care is invalid.", "OC3", "ACTIV")
value_given(
    "133",
    "Data entry for accommodation after leaving care is invalid. If reporting on a childs "
    "accommodation after leaving care the data entry must be valid",
    "OC3",
    "ACCOM",
)
