"""SSDA903 rules on adoption: AD1 (children adopted in the year: dates, adopters) and
PlacedAdoption (decisions that a child should, or should no longer, be placed for adoption),
against each other and the episodes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from lineofsight.formats.rules.registry import rule, years
from lineofsight.formats.rules.ssda903.common import (
    AD1_ITEMS,
    ADOPTED,
    PLACED_FOR_ADOPTION,
    RESPITE,
    all_given,
    any_given,
    report_listed,
)
from lineofsight.formats.rules.ssda903.run import Child903, Row903, Run903

COUPLES = ("MM", "FF", "MF")
FREEING_ORDERS_TO = 2024  # rules on freeing orders (D1) end with 2023-24
SINGLE = ("M1", "F1")


def _ad1(child: Child903) -> list[Row903]:
    return child.table("AD1")


def _placed(child: Child903) -> list[Row903]:
    return child.table("PlacedAdoption")


def _code_list(code: str, column: str, allowed: tuple[str, ...], text: str) -> None:
    def check(child: Child903, run: Run903) -> None:
        for item in _ad1(child) if column != "REASON_PLACED_CEASED" else _placed(child):
            value = item.text(column)
            if value is not None and value not in allowed:
                run.report(code, item, column, value)

    check.__name__ = f"{column.lower()}_invalid"
    rule("ssda903", code, text)(check)


_code_list("175", "NB_ADOPTR", ("1", "2"), "The number of adopter(s) code is not a valid code.")
_code_list(
    "176",
    "SEX_ADOPTR",
    ("M1", "F1", *COUPLES),
    "The gender of adopter(s) at the date of adoption code is not a valid code.",
)
_code_list(
    "177",
    "LS_ADOPTR",
    ("L0", "L11", "L12", "L2", "L3", "L4"),
    "The legal status of adopter(s) code is not a valid code.",
)
_code_list(
    "120",
    "REASON_PLACED_CEASED",
    ("RD1", "RD2", "RD3", "RD4"),
    "The reason for the reversal of the decision that the child should be placed for adoption "
    "code is not valid.",
)


def _adopters(code: str, fails: object, text: str, name: str) -> None:
    def check(child: Child903, run: Run903) -> None:
        for item in _ad1(child):
            if fails(item.text("LS_ADOPTR"), item.text("SEX_ADOPTR"), item.text("NB_ADOPTR")):  # type: ignore[operator]
                run.report(code, item, "SEX_ADOPTR", item.text("SEX_ADOPTR") or "")

    check.__name__ = name
    rule("ssda903", code, text)(check)


_adopters(
    "511",
    lambda ls, sex, n: n == "2" and sex in SINGLE,
    "If reporting that the number of person(s) adopting the looked after child is two adopters "
    "then the code should only be MM, FF or MF. MM = the adopting couple are both males; FF = "
    "the adopting couple are both females; MF = The adopting couple are male and female.",
    "two_adopters_single_sex_code",
)
_adopters(
    "514",
    lambda ls, sex, n: ls == "L0" and sex not in SINGLE,
    "Data entry on the legal status of adopters shows a single adopter but data entry for the "
    "numbers of adopters shows it as a couple.",
    "single_adopter_couple_code",
)
_adopters(
    "517",
    lambda ls, sex, n: ls == "L3" and sex != "MF",
    "If reporting legal status of adopters is L3 then the genders of adopters should be coded "
    "as MF. MF = the adopting couple are male and female.",
    "l3_not_mf",
)
_adopters(
    "518",
    lambda ls, sex, n: ls == "L4" and sex not in ("MM", "FF"),
    "If reporting legal status of adopters is L4 then the genders of adopters should be coded "
    "as MM or FF. MM = the adopting couple are both males. FF = the adopting couple are both "
    "females.",
    "l4_not_same_sex",
)
_adopters(
    "519",
    lambda ls, sex, n: ls == "L2" and sex not in COUPLES,
    "Data entered on the legal status of adopters shows civil partnership couple, but data "
    "entered on genders of adopters does not show it as a couple.",
    "civil_partners_not_couple",
)
_adopters(
    "520",
    lambda ls, sex, n: ls == "L11" and sex != "MF",
    "Data entry on the legal status of adopters shows different gender married couple but data "
    "entry on genders of adopters shows it as a same gender couple.",
    "l11_not_mf",
)
_adopters(
    "524",
    lambda ls, sex, n: ls == "L12" and sex not in ("MM", "FF"),
    "If reporting legal status of adopters is L12 then the genders of adopters should be coded "
    "as MM or FF. MM = the adopting couple are both males. FF = the adopting couple are both "
    "females",
    "l12_not_same_sex",
)


@rule(
    "ssda903",
    "151",
    "All data items relating to a childs adoption must be coded or left blank.",
)
def adoption_items_partial(child: Child903, run: Run903) -> None:
    for item in _ad1(child):
        if any_given(item, AD1_ITEMS) and not all_given(item, AD1_ITEMS):
            run.report("151", item, "DATE_INT")


@rule(
    "ssda903",
    "333",
    "Date should be placed for adoption must be on or prior to the date of matching child with "
    "adopter(s).",
)
def decision_after_match(child: Child903, run: Run903) -> None:
    for item in _ad1(child):
        matched, decided = item.day("DATE_MATCH"), item.day("DATE_INT")
        if matched is not None and (decided is None or decided > matched):
            run.report("333", item, "DATE_INT")


def _episode_and_ad1(
    code: str, text: str, field: str, *, on_episode: bool = False
) -> Callable[[Callable[[Row903, Row903], bool]], Callable[[Row903, Row903], bool]]:
    """Register the decorated ``fails(episode, ad1_row)`` as rule ``code``: every pair of the
    child's episodes and AD1 rows it holds for is reported at ``field`` of the AD1 row (of the
    episode when ``on_episode``)."""

    def wrap(fails: Callable[[Row903, Row903], bool]) -> Callable[[Row903, Row903], bool]:
        def check(child: Child903, run: Run903) -> None:
            for episode in child.episodes:
                for item in _ad1(child):
                    if fails(episode, item):
                        run.report(code, episode if on_episode else item, field)

        check.__name__, check.__module__ = fails.__name__, fails.__module__
        rule("ssda903", code, text)(check)
        return fails

    return wrap


@_episode_and_ad1(
    "331",
    "Date of matching child and adopter(s) should be the same as, or prior to, the date of "
    "placement of adoption.",
    "DATE_MATCH",
)
def matched_after_placement(e: Row903, a: Row903) -> bool:
    matched, start = a.day("DATE_MATCH"), e.day("DECOM")
    return (
        e.text("REC") in ADOPTED and matched is not None and start is not None and matched > start
    )


@rule(
    "ssda903",
    "334",
    "Date child started to be looked after in latest period of care must be on or prior to the "
    "date should be placed for adoption. ",
)
def decision_before_care(child: Child903, run: Run903) -> None:
    starts = [e for e in child.episodes if e.text("RNE") == "S" and e.day("DECOM") is not None]
    if not starts:
        return
    began = starts[-1].day("DECOM")
    for item in _ad1(child):
        decided = item.day("DATE_INT")
        if decided is not None and began is not None and decided < began:
            run.report("334", item, "DATE_INT")


@_episode_and_ad1(
    "335",
    "The current foster value (0) suggests that child is not adopted by current foster carer, "
    "but last placement is A2, A3, or A5. Or the current foster value (1) suggests that child is "
    "adopted by current foster carer, but last placement is A1, A4 or A6.",
    "FOSTER_CARE",
)
def foster_carer_flag_contradicts_placement(e: Row903, a: Row903) -> bool:
    place, foster = e.text("PLACE"), a.text("FOSTER_CARE")
    return e.text("REC") in ("E1", "E11", "E12") and (
        (place in ("A2", "A3", "A5") and foster == "0")
        or (place in ("A1", "A4", "A6") and foster == "1")
    )


@_episode_and_ad1(
    "521",
    "Date of local authority's decision (LA) that adoption is in the best interests of the "
    "child (date should be placed) must be on or prior to the date the child is placed for "
    "adoption.",
    "DATE_INT",
)
def decision_after_placed(e: Row903, a: Row903) -> bool:
    decided, start = a.day("DATE_INT"), e.day("DECOM")
    return (
        e.text("PLACE") in PLACED_FOR_ADOPTION
        and decided is not None
        and start is not None
        and decided > start
    )


@_episode_and_ad1(
    "582",
    "Child is showing as ceasing to be looked after due to adoption, but the date of adoption "
    "is the same as the date reported for being matched with adopters. In most circumstances we "
    "expect the date the child is matched with adopters to be before the date of adoption.",
    "DEC",
    on_episode=True,
)
def adopted_on_match_day(e: Row903, a: Row903) -> bool:
    return (
        e.text("REC") in ADOPTED
        and e.day("DEC") is not None
        and e.day("DEC") == a.day("DATE_MATCH")
    )


def _adopted_in_year(child: Child903, run: Run903) -> list[Row903]:
    return [
        e
        for e in child.episodes
        if e.text("REC") in ADOPTED
        and (ended := e.day("DEC")) is not None
        and run.start <= ended <= run.end
    ]


@rule(
    "ssda903",
    "601",
    "The additional fields relating to adoption have not been completed although the episode "
    "data shows that the child was adopted during the year.",
)
def adoption_items_missing(child: Child903, run: Run903) -> None:
    if _adopted_in_year(child, run):
        for item in _ad1(child):
            if not all_given(item, AD1_ITEMS):
                run.report("601", item, "DATE_INT")


@rule(
    "ssda903",
    "602",
    "The episode data submitted for this child does not show that he/she was adopted during the "
    "year.",
)
def adoption_items_without_adoption(child: Child903, run: Run903) -> None:
    if "Episodes" in run.typed and not _adopted_in_year(child, run):
        for item in _ad1(child):
            if any_given(item, AD1_ITEMS):
                run.report("602", item, "DATE_INT")


# ---- PlacedAdoption ----


@rule(
    "ssda903",
    "119",
    "If the decision is made that a child should no longer be placed for adoption, then the date "
    "of this decision and the reason why this decision was made must be completed.",
)
def ceased_date_and_reason_apart(child: Child903, run: Run903) -> None:
    for item in _placed(child):
        if item.has("DATE_PLACED_CEASED") != item.has("REASON_PLACED_CEASED"):
            run.report("119", item, "DATE_PLACED_CEASED")


@rule(
    "ssda903",
    "184",
    "Date of decision that a child should be placed for adoption is before the child was born.",
)
def decision_before_birth(child: Child903, run: Run903) -> None:
    born = child.birth
    for item in _placed(child):
        decided = item.day("DATE_PLACED")
        if decided is not None and (born is None or decided < born):
            run.report("184", item, "DATE_PLACED")


@rule(
    "ssda903",
    "522",
    "Date of decision that the child should be placed for adoption must be on or before the date "
    "that a child should no longer be placed for adoption.",
)
def ceased_before_decision(child: Child903, run: Run903) -> None:
    for item in _placed(child):
        decided, ceased = item.day("DATE_PLACED"), item.day("DATE_PLACED_CEASED")
        if decided is not None and ceased is not None and ceased < decided:
            run.report("522", item, "DATE_PLACED_CEASED")


@rule(
    "ssda903",
    "523",
    "Date of decision that the child should be placed for adoption should be the same date as "
    "the decision that adoption is in the best interest (date should be placed).",
)
def decision_dates_differ(child: Child903, run: Run903) -> None:
    """Both dates readable and different (an unreadable one is 112's or 115's)."""
    for item in _placed(child):
        for adopted in _ad1(child):
            decided, best_interest = item.day("DATE_PLACED"), adopted.day("DATE_INT")
            if decided is not None and best_interest is not None and decided != best_interest:
                run.report("523", item, "DATE_PLACED")


@rule(
    "ssda903",
    "525",
    "A child for whom the decision to be placed for adoption has been reversed cannot be "
    "adopted during the year.",
)
def reversed_then_adopted(child: Child903, run: Run903) -> None:
    if any(any_given(a, AD1_ITEMS) for a in _ad1(child)):
        for item in _placed(child):
            if item.has("DATE_PLACED_CEASED"):
                run.report("525", item, "DATE_PLACED_CEASED")


@rule(
    "ssda903",
    "563",
    "The child should no longer be placed for adoption but the date of the decision that the "
    "child should be placed for adoption is blank",
)
def ceased_without_decision(child: Child903, run: Run903) -> None:
    for item in _placed(child):
        if (
            item.has("REASON_PLACED_CEASED")
            and item.has("DATE_PLACED_CEASED")
            and not item.has("DATE_PLACED")
        ):
            run.report("563", item, "DATE_PLACED")


def _by_decision(child: Child903) -> list[Row903]:
    return sorted(_placed(child), key=lambda r: (r.day("DATE_PLACED") or date.max, r.number))


@rule(
    "ssda903",
    "579",
    "A new decision that the child should be placed for adoption this year cannot start when "
    "the previous decision is still open. Decisions to place the child for adoption should "
    "also not overlap. The date of any new decision to place the child for adoption must not be "
    "before the date placed ceased of previous decisions.",
)
def decisions_overlap(child: Child903, run: Run903) -> None:
    rows = _by_decision(child)
    for before, item in zip(rows, rows[1:], strict=False):
        ceased, decided = before.day("DATE_PLACED_CEASED"), item.day("DATE_PLACED")
        if not before.has("DATE_PLACED_CEASED") or (
            ceased is not None and decided is not None and decided < ceased
        ):
            run.report("579", item, "DATE_PLACED")


@rule(
    "ssda903",
    "583",
    "More than one date the child should be placed for adoption has been reported, but an "
    "earlier decision has not been revoked. Check that both dates are required and add in the "
    "date the earlier decision was revoked. Note this may be in a previous year.",
)
def earlier_decision_not_revoked(child: Child903, run: Run903) -> None:
    rows = _by_decision(child)
    dated = [r for r in rows if r.day("DATE_PLACED") is not None]
    latest = dated[-1] if dated else None
    for item in rows:
        if item is not latest and len(rows) > 1 and not item.has("DATE_PLACED_CEASED"):
            run.report("583", item, "DATE_PLACED_CEASED")


@rule(
    "ssda903",
    "1003",
    "Date of LA's decision that a child should be placed for adoption is before the child "
    "started to be looked after.",
)
def decision_before_looked_after(child: Child903, run: Run903) -> None:
    starts = [e for e in child.episodes if e.text("RNE") == "S" and e.day("DECOM") is not None]
    if not starts:
        return
    began = starts[0].day("DECOM")
    for item in _placed(child):
        decided = item.day("DATE_PLACED")
        if decided is not None and began is not None and decided < began:
            run.report("1003", item, "DATE_PLACED")


@rule(
    "ssda903",
    "117",
    "Date of decision that a child should/should no longer be placed for adoption is beyond the "
    "current collection year or after the child ceased to be looked after.",
)
def decision_after_year_or_care(child: Child903, run: Run903) -> None:
    """Against the latest episode whose reason ceased is not X1 (an open one included)."""
    candidates = [e for e in child.episodes if e.day("DECOM") is not None and e.text("REC") != "X1"]
    if not candidates:
        return
    ended = candidates[-1].day("DEC")
    for item in _placed(child):
        for column in ("DATE_PLACED", "DATE_PLACED_CEASED"):
            when = item.day(column)
            if when is not None and (when > run.end or (ended is not None and when > ended)):
                run.report("117", item, column)
                break


@rule(
    "ssda903",
    "118",
    "Date of decision that a child should no longer be placed for adoption is before the "
    "current collection year or before the date the child started to be looked after.",
)
def ceased_before_year_or_care(child: Child903, run: Run903) -> None:
    eligible = [e for e in child.episodes if e.text("LS") not in RESPITE and e.day("DECOM")]
    if not eligible:
        return
    began = eligible[0].day("DECOM")
    for item in _placed(child):
        ceased = item.day("DATE_PLACED_CEASED")
        if ceased is not None and began is not None and (ceased < began or ceased < run.start):
            run.report("118", item, "DATE_PLACED_CEASED")


@rule(
    "ssda903",
    "551",
    "Child has been placed for adoption but there is no date of the decision that the child "
    "should be placed for adoption.",
)
def placed_without_decision(child: Child903, run: Run903) -> None:
    if "PlacedAdoption" not in run.typed:
        return
    rows = _placed(child)
    if rows and all(r.has("DATE_PLACED") for r in rows):
        return
    report_listed(run, "551", child.episodes, "PLACE", PLACED_FOR_ADOPTION)


@rule(
    "ssda903",
    "552",
    "Date of Decision to place a child for adoption should be on or prior to the date that the "
    "child was placed for adoption.",
)
def decision_after_placement(child: Child903, run: Run903) -> None:
    placements = [
        e for e in child.episodes if e.text("PLACE") in PLACED_FOR_ADOPTION and e.day("DECOM")
    ]
    decisions = [d for r in _placed(child) if (d := r.day("DATE_PLACED")) is not None]
    if placements and decisions:
        first = placements[0]
        start = first.day("DECOM")
        if start is not None and start < max(decisions):
            run.report("552", first, "DECOM")


@rule(
    "ssda903",
    "553",
    "Placement order has been granted but there is no date of decision that the child should be "
    "placed for adoption.",
)
def order_without_decision(child: Child903, run: Run903) -> None:
    if "PlacedAdoption" not in run.typed:
        return
    rows = _placed(child)
    for episode in child.episodes:
        if episode.text("LS") != "E1":
            continue
        if not rows:
            run.report("553", episode, "LS", "E1")
        elif not episode.has("DEC"):
            for item in rows:
                if item.has("DATE_PLACED_CEASED") or item.has("REASON_PLACED_CEASED"):
                    run.report("553", item, "DATE_PLACED_CEASED")


@rule(
    "ssda903",
    "554",
    "Date of decision that the child should be placed for adoption should be on or prior to "
    "the date that the placement order was granted. [NOTE: This rule may result in false "
    "positives or false negatives if relevant episodes are in previous years; please check "
    "carefully!]",
)
def decision_after_order(child: Child903, run: Run903) -> None:
    orders = [e for e in child.episodes if e.text("LS") == "E1" and e.day("DECOM")]
    if not orders:
        return
    granted = orders[0].day("DECOM")
    for item in _placed(child):
        decided = item.day("DATE_PLACED")
        if decided is not None and granted is not None and decided > granted:
            run.report("554", item, "DATE_PLACED")


@rule(
    "ssda903",
    "557",
    "Child for whom the decision was made that they should be placed for adoption has left care "
    "but was not adopted and information on the decision that they should no longer be placed "
    "for adoption items has not been completed.",
)
def left_without_reversal(child: Child903, run: Run903) -> None:
    """Until 2023-24 a freeing order (legal status D1) counted as well as a placement order."""
    if "PlacedAdoption" not in run.typed:
        return
    rows = _placed(child)
    complete = bool(rows) and all(
        r.has("DATE_PLACED_CEASED") and r.has("REASON_PLACED_CEASED") for r in rows
    )
    if complete:
        return
    orders = ("D1", "E1") if run.year <= FREEING_ORDERS_TO else ("E1",)
    for episode in child.episodes:
        rec = episode.text("REC")
        if (
            (episode.text("PLACE") in PLACED_FOR_ADOPTION or episode.text("LS") in orders)
            and rec is not None
            and rec not in ADOPTED
            and rec != "X1"
        ):
            run.report("557", episode, "REC", rec)


@rule(
    "ssda903",
    "558",
    "If a child has been adopted, then the decision to place them for adoption has not been "
    "disrupted and the date of the decision that a child should no longer be placed for "
    "adoption should be left blank.",
)
def adopted_after_reversal(child: Child903, run: Run903) -> None:
    """As the public validator: only when every decision of an adopted child has a ceased
    date, and there is more than one (a single reversed decision followed by adoption is
    525's)."""
    rows = _placed(child)
    if len(rows) > 1 and all(r.has("DATE_PLACED_CEASED") for r in rows):
        report_listed(run, "558", child.episodes, "REC", ADOPTED)


# ---- freeing orders (legal status D1): rules to 2023-24 ----

FREEING = years(2024, FREEING_ORDERS_TO)


def _freed(child: Child903) -> list[Row903]:
    return [e for e in child.episodes if e.text("LS") == "D1"]


@rule(
    "ssda903",
    "445",
    "D1 is not a valid code for episodes starting after December 2005.",
    FREEING,
)
def freeing_order_after_2005(child: Child903, run: Run903) -> None:
    for episode in _freed(child):
        start = episode.day("DECOM")
        if start is not None and start > date(2005, 12, 31):
            run.report("445", episode, "LS", "D1")


@rule(
    "ssda903",
    "451",
    "Child is still freed for adoption, but freeing orders could not be applied for since 30 "
    "December 2005.",
    FREEING,
)
def still_freed(child: Child903, run: Run903) -> None:
    for episode in _freed(child):
        if not episode.has("DEC") and not episode.has("REC"):
            run.report("451", episode, "LS", "D1")


@rule(
    "ssda903",
    "555",
    "Freeing order has been granted but there is no date of decision that the child should "
    "be placed for adoption.",
    FREEING,
)
def freed_without_decision(child: Child903, run: Run903) -> None:
    """A D1 episode with no PlacedAdoption row; and, while a D1 episode is open, a decision
    shown as ceased (the public validator's reading: the decision must still stand)."""
    freed = _freed(child)
    rows = _placed(child)
    if freed and not rows:
        for episode in freed:
            run.report("555", episode, "LS", "D1")
    if any(not e.has("DEC") for e in freed):
        for item in rows:
            if item.has("DATE_PLACED_CEASED") or item.has("REASON_PLACED_CEASED"):
                run.report("555", item, "DATE_PLACED_CEASED")


@rule(
    "ssda903",
    "556",
    "Date of decision that the child should be placed for adoption should be on or prior to "
    "the date that the freeing order was granted.",
    FREEING,
)
def decision_after_freeing_order(child: Child903, run: Run903) -> None:
    decided = [d for d in (r.day("DATE_PLACED") for r in _placed(child)) if d is not None]
    for episode in _freed(child):
        start = episode.day("DECOM")
        if start is not None and any(d > start for d in decided):
            run.report("556", episode, "DECOM")
