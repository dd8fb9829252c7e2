"""SSDA903 rules on the Header: UPNs, ages, sex and motherhood, set against the child's episodes,
reviews and care-leaver record; and the UASC table against the Header."""

from __future__ import annotations

import re
from datetime import date

from lineofsight.formats.rules.registry import rule, years
from lineofsight.formats.rules.ssda903.common import OC3_ITEMS, RESPITE, any_given, birthday
from lineofsight.formats.rules.ssda903.run import Child903, Row903, Run903

UNKNOWN_UPN = frozenset({"UN1", "UN2", "UN3", "UN4", "UN5"})
UPN = re.compile(r"^(?:[A-HJ-NP-RT-Z](?:\d{12}|\d{11}[A-Z])|UN[1-5])$")


@rule(
    "ssda903",
    "168",
    "Unique Pupil Number (UPN) is not valid. If unknown, default codes should be UN1, UN2, UN3, "
    "UN4 or UN5.",
)
def upn_invalid(child: Child903, run: Run903) -> None:
    """The shape only (a letter other than I, O or S, then 12 characters): the public
    validator does not check the UPN's check letter, and neither does the DfE's rule."""
    for item in child.header:
        upn = item.text("UPN")
        if upn is not None and not UPN.match(upn):
            run.report("168", item, "UPN", upn)


@rule("ssda903", "444", "Duplicate UPN has been reported", years(2026), scope="return")
def upn_duplicated(run: Run903) -> None:
    """A UPN (other than the unknown codes UN1 to UN5) on more than one Header row: every such
    row is reported."""
    rows: dict[str, list[Row903]] = {}
    for child in run.children:
        for item in child.header:
            upn = item.text("UPN")
            if upn is not None and upn not in UNKNOWN_UPN:
                rows.setdefault(upn, []).append(item)
    for upn, items in rows.items():
        if len(items) > 1:
            for item in items:
                run.report("444", item, "UPN", upn)


@rule(
    "ssda903",
    "209",
    "Child looked after is of school age and should not have an unknown Unique Pupil Number "
    "(UPN) code of UN1.",
)
def school_age_un1(child: Child903, run: Run903) -> None:
    """UN1 for a child already 4 on 31 August of the calendar year before the one the
    collection year starts in (for 2024-25: 31/08/2023), as the DfE's note says."""
    reference = date(run.start.year - 1, 8, 31)
    for item in child.header:
        born = item.day("DOB")
        if item.text("UPN") == "UN1" and born is not None and birthday(born, 4) <= reference:
            run.report("209", item, "UPN", "UN1")


@rule(
    "ssda903",
    "210",
    "Children looked after for more than a week at 31 March should not have an unknown Unique "
    "Pupil Number (UPN) code of UN4.",
)
def un4_after_a_week(child: Child903, run: Run903) -> None:
    week_before = date(run.end.year, 3, 24)
    if not any((e.day("DECOM") or date.min) >= week_before for e in child.episodes):
        return
    for item in child.header:
        if item.text("UPN") == "UN4":
            run.report("210", item, "UPN", "UN4")


@rule("ssda903", "442", "Unique Pupil Number (UPN) field is not completed.")
def upn_missing(child: Child903, run: Run903) -> None:
    if any(e.text("LS") not in RESPITE for e in child.episodes):
        for item in child.header:
            if not item.has("UPN"):
                run.report("442", item, "UPN")


@rule("ssda903", "232", "Sex of the child/young person has been reported as unknown.", years(2025))
def sex_unknown(child: Child903, run: Run903) -> None:
    for item in child.header:
        if item.text("SEX") == "U":
            run.report("232", item, "SEX", "U")


@rule("ssda903", "351", "Child was over 25 at the start of the current collection year.")
def over_25(child: Child903, run: Run903) -> None:
    for item in child.header:
        born = item.day("DOB")
        if born is not None and run.start > birthday(born, 25):
            run.report("351", item, "DOB")


@rule("ssda903", "393", "Child is looked after but mother field is not completed.")
def mother_missing(child: Child903, run: Run903) -> None:
    if any(e.text("LS") not in RESPITE for e in child.episodes):
        for item in child.header:
            if item.text("SEX") == "F" and not item.has("MOTHER"):
                run.report("393", item, "MOTHER")


@rule(
    "ssda903",
    "607",
    "Child ceased to be looked after in the year, but mother field has not been completed.",
)
def mother_missing_on_leaving(child: Child903, run: Run903) -> None:
    for item in child.header:
        if item.text("SEX") != "F" or item.has("MOTHER"):
            continue
        for episode in child.episodes:
            ended = episode.day("DEC")
            if (
                ended is not None
                and episode.has("REC")
                and episode.text("REC") != "X1"
                and episode.text("LS") not in RESPITE
                and run.start <= ended <= run.end
            ):
                run.report("607", episode, "REC", episode.text("REC") or "")


@rule(
    "ssda903",
    "399",
    "Mother field, review field or participation field are completed but child is looked "
    "after under legal status V3 or V4.",
)
def short_breaks_with_mother_or_reviews(child: Child903, run: Run903) -> None:
    """Only when every episode of the child is a short break (V3/V4)."""
    if not child.episodes or any(e.text("LS") not in RESPITE for e in child.episodes):
        return
    given = any(h.has("MOTHER") for h in child.header) or any(
        r.has("REVIEW") or r.has("REVIEW_CODE") for r in child.table("Reviews")
    )
    if given:
        for episode in child.episodes:
            run.report("399", episode, "LS", episode.text("LS") or "")


@rule(
    "ssda903",
    "628",
    "Motherhood details are not required for care leavers who have not been looked after "
    "during the year.",
)
def mother_for_care_leaver(child: Child903, run: Run903) -> None:
    if child.episodes or not any(any_given(o, OC3_ITEMS) for o in child.table("OC3")):
        return
    for item in child.header:
        if item.has("MOTHER"):
            run.report("628", item, "MOTHER")


@rule("ssda903", "INT21", "Internal Check: SEX in UASC is different to SEX in Header.")
def uasc_sex_differs(child: Child903, run: Run903) -> None:
    if not child.header:
        return
    sex = child.header[0].text("SEX")
    for item in child.table("UASC"):
        if sex is not None and item.has("SEX") and item.text("SEX") != sex:
            run.report("INT21", item, "SEX", item.text("SEX") or "")


@rule(
    "ssda903",
    "231",
    "We expect that unaccompanied asylum seeking children are generally older young people. "
    "Please check the date of birth is correct. If the date of birth is correct then please "
    "provide details in a bypass request.",
    years(2025),
)
def young_uasc(child: Child903, run: Run903) -> None:
    """UASC (in a CSV return: in the UASC table) and born within 11 years of the year's end.
    The public validator reads a UASC_STATUS column that CSV returns do not have, and so never
    reports this rule; we follow the DfE's wording."""
    if not child.table("UASC"):
        return
    for item in child.header:
        born = item.day("DOB")
        if born is not None and birthday(born, 11) > run.end:
            run.report("231", item, "DOB")
