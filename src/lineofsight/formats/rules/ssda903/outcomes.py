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
    in_year,
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


@rule(
    "ssda903",
    "190",
    "Child has not been looked after continuously for at least 12 months at 31 March but one or "
    "more data items relating to children looked after for 12 months have been completed.",
)
def twelve_month_items_not_cla(child: Child903, run: Run903) -> None:
    if not _needs_episodes(run) or _cla(child, run):
        return
    for item in _oc2(child):
        if any_given(item, OC2_TWELVE_MONTHS):
            run.report("190", item, "CHILD")


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


@rule(
    "ssda903",
    "185",
    "Child has not been looked after continuously for at least 12 months at 31 March but a "
    "Strengths and Difficulties (SDQ) score has been completed.",
)
def sdq_score_not_cla(child: Child903, run: Run903) -> None:
    if _needs_episodes(run) and not _cla(child, run):
        for item in _oc2(child):
            if item.has("SDQ_SCORE"):
                run.report("185", item, "SDQ_SCORE")


@rule(
    "ssda903",
    "198",
    "Child has not been looked after continuously for at least 12 months at 31 March but a "
    "reason for no Strengths and Difficulties (SDQ) score has been completed. ",
)
def sdq_reason_not_cla(child: Child903, run: Run903) -> None:
    if _needs_episodes(run) and not _cla(child, run):
        for item in _oc2(child):
            if item.has("SDQ_REASON"):
                run.report("198", item, "SDQ_REASON")


@rule(
    "ssda903",
    "186",
    "Children aged 4 or over at the start of the year and children aged under 17 at the end of "
    "the year and who have been looked after for at least 12 months continuously should have a "
    "Strengths and Difficulties (SDQ) score completed.",
)
def sdq_missing(child: Child903, run: Run903) -> None:
    if not _cla(child, run):
        return
    for item in _oc2(child):
        born = _born(item)
        if (
            born is not None
            and birthday(born, 4) <= run.start
            and birthday(born, 17) > run.end
            and not item.has("SDQ_SCORE")
            and not item.has("SDQ_REASON")
        ):
            run.report("186", item, "SDQ_SCORE")


@rule(
    "ssda903",
    "197B",
    "SDQ score or reason for no SDQ should be reported for 4- or 17-year-olds.",
)
def sdq_missing_at_4_or_17(child: Child903, run: Run903) -> None:
    if not _cla(child, run):
        return
    for item in _oc2(child):
        born = _born(item)
        if born is None or item.has("SDQ_SCORE") or item.has("SDQ_REASON"):
            continue
        if any(run.start <= birthday(born, n) <= run.end for n in (4, 17)):
            run.report("197B", item, "SDQ_REASON")


@rule(
    "ssda903",
    "157",
    "Child is aged 4 years or over at the beginning of the year or 16 years or under at the end "
    "of the year and Strengths and Difficulties Questionnaire (SDQ) 1 has been recorded as the "
    "reason for no Strengths and Difficulties Questionnaire (SDQ) score.",
)
def sdq1_for_school_age(child: Child903, run: Run903) -> None:
    if not _cla(child, run):
        return
    for item in _oc2(child):
        born = _born(item)
        if (
            born is not None
            and birthday(born, 4) <= run.start
            and birthday(born, 16) >= run.end
            and not item.has("SDQ_SCORE")
            and item.text("SDQ_REASON") == "SDQ1"
        ):
            run.report("157", item, "SDQ_REASON", "SDQ1")


@rule(
    "ssda903",
    "543",
    "Child is aged 10 or over at 31 March and has been looked after continuously for 12 months "
    "yet conviction information has not been completed.",
)
def conviction_missing(child: Child903, run: Run903) -> None:
    if not _cla(child, run):
        return
    for item in _oc2(child):
        born = _born(item)
        if born is not None and run.end > birthday(born, 10) and not item.has("CONVICTED"):
            run.report("543", item, "CONVICTED")


@rule(
    "ssda903",
    "545",
    "Child is aged under 5 at 31 March and has been looked after continuously for 12 months yet "
    "health promotion information has not been completed.",
)
def health_check_missing(child: Child903, run: Run903) -> None:
    if not _cla(child, run):
        return
    for item in _oc2(child):
        born = _born(item)
        if born is not None and run.end < birthday(born, 5) and not item.has("HEALTH_CHECK"):
            run.report("545", item, "HEALTH_CHECK")


@rule(
    "ssda903",
    "546",
    "Children aged 5 or over at 31 March should not have health promotion information completed.",
)
def health_check_over_5(child: Child903, run: Run903) -> None:
    if not _cla(child, run):
        return
    for item in _oc2(child):
        born = _born(item)
        if born is not None and run.end >= birthday(born, 5) and item.has("HEALTH_CHECK"):
            run.report("546", item, "HEALTH_CHECK")


# ---- OC2: items that go together ----


@rule(
    "ssda903",
    "182",
    "Data entries on immunisations, teeth checks, health assessments and substance misuse "
    "problem identified should be completed or all OC2 fields should be left blank.",
)
def health_items_incomplete(child: Child903, run: Run903) -> None:
    others = ("CONVICTED", "HEALTH_CHECK", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED")
    for item in _oc2(child):
        if not all_given(item, OC2_HEALTH) and any_given(item, others):
            run.report("182", item, "IMMUNISATIONS")


@rule(
    "ssda903",
    "544",
    "Any child who has conviction information completed must also have immunisation, teeth "
    "check, health assessment and substance misuse problem identified fields completed.",
)
def convicted_without_health(child: Child903, run: Run903) -> None:
    for item in _oc2(child):
        if item.text("CONVICTED") == "1" and not all_given(item, OC2_HEALTH):
            run.report("544", item, "CONVICTED")


@rule(
    "ssda903",
    "547",
    "Any child who has health promotion information completed must also have immunisation, "
    "teeth check, health assessment and substance misuse problem identified fields completed.",
)
def health_check_without_health(child: Child903, run: Run903) -> None:
    for item in _oc2(child):
        if item.text("HEALTH_CHECK") == "1" and not all_given(item, OC2_HEALTH):
            run.report("547", item, "HEALTH_CHECK")


@rule(
    "ssda903",
    "192",
    "Child has been identified as having a substance misuse problem but the additional item on "
    "whether an intervention was received has been left blank.",
)
def misuse_without_intervention(child: Child903, run: Run903) -> None:
    for item in _oc2(child):
        if item.text("SUBSTANCE_MISUSE") == "1" and not item.has("INTERVENTION_RECEIVED"):
            run.report("192", item, "INTERVENTION_RECEIVED")


@rule(
    "ssda903",
    "193",
    "Child not identified as having a substance misuse problem but at least one of the two "
    "additional items on whether an intervention were offered and received have been "
    "completed.",
)
def intervention_without_misuse(child: Child903, run: Run903) -> None:
    for item in _oc2(child):
        if item.text("SUBSTANCE_MISUSE") in (None, "0") and (
            item.has("INTERVENTION_RECEIVED") or item.has("INTERVENTION_OFFERED")
        ):
            run.report("193", item, "INTERVENTION_RECEIVED")


@rule(
    "ssda903",
    "158",
    "If a child has been recorded as receiving an intervention for their substance misuse "
    "problem, then the additional item on whether an intervention was offered should be left "
    "blank.",
)
def received_and_offered(child: Child903, run: Run903) -> None:
    for item in _oc2(child):
        if item.text("INTERVENTION_RECEIVED") == "1" and item.has("INTERVENTION_OFFERED"):
            run.report("158", item, "INTERVENTION_OFFERED")


@rule(
    "ssda903",
    "159",
    "If a child has been recorded as not receiving an intervention for their substance misuse "
    "problem, then the additional item on whether an intervention was offered should be "
    "completed as well.",
)
def not_received_offer_missing(child: Child903, run: Run903) -> None:
    for item in _oc2(child):
        if (
            item.text("SUBSTANCE_MISUSE") == "1"
            and item.text("INTERVENTION_RECEIVED") == "0"
            and not item.has("INTERVENTION_OFFERED")
        ):
            run.report("159", item, "INTERVENTION_OFFERED")


# ---- OC3: care leavers ----


def _oc3_given(child: Child903) -> list[Row903]:
    return [item for item in child.table("OC3") if any_given(item, OC3_ITEMS)]


@rule(
    "ssda903",
    "153",
    "All data items relating to a child's activity or accommodation after leaving care must be "
    "coded or left blank.",
)
def care_leaver_items_partial(child: Child903, run: Run903) -> None:
    for item in child.table("OC3"):
        if any_given(item, OC3_ITEMS) and not all_given(item, OC3_ITEMS):
            run.report("153", item, "ACTIV")


@rule(
    "ssda903",
    "344",
    "The record shows the young person has died or returned home to live with parent(s) or "
    "someone with parental responsibility for a continuous period of 6 months or more, but "
    "activity and/or accommodation on leaving care have been completed.",
)
def died_or_home_with_activity(child: Child903, run: Run903) -> None:
    """ACTIV and ACCOM must both be 0 (a blank is not 0)."""
    for item in child.table("OC3"):
        if item.text("IN_TOUCH") in ("DIED", "RHOM") and (
            item.text("ACTIV") != "0" or item.text("ACCOM") != "0"
        ):
            run.report("344", item, "ACTIV")


@rule(
    "ssda903",
    "345",
    "The data collection record shows the local authority is in touch with this young person, "
    "but activity and/or accommodation data items are zero.",
)
def in_touch_with_zero(child: Child903, run: Run903) -> None:
    for item in child.table("OC3"):
        if item.text("IN_TOUCH") == "YES" and "0" in (item.text("ACTIV"), item.text("ACCOM")):
            run.report("345", item, "ACTIV")


@rule("ssda903", "347", "Care leavers aged under 18 years, can not be accommodated in a Foyer.")
def foyer_under_18(child: Child903, run: Run903) -> None:
    for item in child.table("OC3"):
        born = _born(item)
        if (
            item.text("ACCOM") == "T"
            and born is not None
            and (run.start - born).days < 18 * YEAR_DAYS
        ):
            run.report("347", item, "ACCOM", "T")


@rule(
    "ssda903",
    "391",
    "Young person was not 17, 18, 19, 20 or 21 during the current collection year. ",
)
def care_leaver_under_17(child: Child903, run: Run903) -> None:
    for item in _oc3_given(child):
        born = _born(item)
        if born is not None and birthday(born, 17) > run.end:
            run.report("391", item, "DOB")


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


@rule("ssda903", "132", "Data entry for activity after leaving care is invalid.")
def activity_missing(child: Child903, run: Run903) -> None:
    """A blank activity (an unknown code is the parser's check)."""
    for item in child.table("OC3"):
        if not item.has("ACTIV"):
            run.report("132", item, "ACTIV")


@rule(
    "ssda903",
    "133",
    "Data entry for accommodation after leaving care is invalid. If reporting on a childs "
    "accommodation after leaving care the data entry must be valid",
)
def accommodation_missing(child: Child903, run: Run903) -> None:
    """A blank accommodation (an unknown code is the parser's check)."""
    for item in child.table("OC3"):
        if not item.has("ACCOM"):
            run.report("133", item, "ACCOM")
