"""SSDA903 rules on episodes: ages for placements and legal statuses, how long short orders and
temporary placements last, how one episode follows another, placement providers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from lineofsight.formats.rules.registry import ALL_YEARS, rule, years
from lineofsight.formats.rules.ssda903.common import (
    ADOPTED,
    FOSTER,
    OTHER_PLACEMENTS,
    OTHER_PLACEMENTS_FROM_2026,
    PLACED_FOR_ADOPTION,
    RESPITE,
    TEMPORARY,
    birthday,
    days,
    previous_pairs,
    report_listed,
)
from lineofsight.formats.rules.ssda903.run import Child903, Row903, Run903

FIRST_EPISODE = date(1991, 10, 14)  # the Children Act 1989 came into force
PLACEMENT_ORDERS = date(2005, 12, 1)  # E1 placement orders began in December 2005
A3_A5_RNE = date(2015, 4, 1)
SUPPORTED_ACCOMMODATION = date(2023, 10, 28)  # providers had to be registered with Ofsted by then
OUTSIDE_ENGLAND = ("CON", "NIR", "SCO", "WAL", "NUK")  # PL_LA of a placement outside England


def _each(
    child: Child903, run: Run903, code: str, field: str, fails: Callable[[Row903], bool]
) -> None:
    for item in child.episodes:
        if fails(item):
            run.report(code, item, field, item.row.get(field) or "")


def _simple(
    code: str,
    text: str,
    field: str,
    fails: Callable[[Row903], bool],
    name: str,
    applies: frozenset[int] = ALL_YEARS,
) -> None:
    def check(child: Child903, run: Run903) -> None:
        _each(child, run, code, field, fails)

    check.__name__ = name
    rule("ssda903", code, text, applies)(check)


# ---- dates and ages ----


_simple(
    "353",
    "No episode submitted can start before 14 October 1991.",
    "DECOM",
    lambda e: (e.day("DECOM") or date.max) < FIRST_EPISODE,
    "before_1991",
)
_simple(
    "355",
    "Episode appears to have lasted for less than 24 hours",
    "DEC",
    lambda e: e.has("DECOM") and e.text("DECOM") == e.text("DEC"),
    "under_a_day",
)


@rule(
    "ssda903",
    "357",
    "If this is the first episode ever for this child, reason for new episode must be S.  "
    "Check whether there is an episode immediately preceding this one, which has been left out.  "
    "If not the reason for new episode code must be amended to S.",
)
def first_episode_not_s(child: Child903, run: Run903) -> None:
    dated = [e for e in child.episodes if e.day("DECOM") is not None]
    if dated:
        first = dated[0]
        start = first.day("DECOM")
        if start is not None and start >= run.start and first.text("RNE") != "S":
            run.report("357", first, "RNE", first.text("RNE") or "")


_simple(
    "446",
    "E1 is not a valid code for episodes starting before December 2005.",
    "LS",
    lambda e: e.text("LS") == "E1" and (e.day("DECOM") or date.max) < PLACEMENT_ORDERS,
    "e1_before_2005",
)


def _age_at(child: Child903, item: Row903, column: str, years: int) -> bool | None:
    """Whether the child had reached ``years`` on the episode's ``column`` date (None: unknown)."""
    born, when = child.birth, item.day(column)
    if born is None or when is None:
        return None
    return birthday(born, years) <= when


@rule("ssda903", "352", "Child who started to be looked after was aged 18 or over.")
def started_at_18(child: Child903, run: Run903) -> None:
    _each(
        child,
        run,
        "352",
        "DECOM",
        lambda e: e.text("RNE") == "S" and _age_at(child, e, "DECOM", 18) is True,
    )


@rule("ssda903", "358", "Child with this legal status should not be under 10.")
def youth_justice_under_10(child: Child903, run: Run903) -> None:
    """J1-J3 with DECOM on or before the 10th birthday (the DfE: DOB at least 10 years before)."""

    def fails(e: Row903) -> bool:
        born, start = child.birth, e.day("DECOM")
        return (
            e.text("LS") in ("J1", "J2", "J3")
            and born is not None
            and start is not None
            and birthday(born, 10) >= start
        )

    _each(child, run, "358", "LS", fails)


@rule(
    "ssda903",
    "359",
    "Child being looked after following 18th birthday must be accommodated under section "
    "20(5) of the Children Act 1989 in a community home.",
)
def over_18_not_v2_k2(child: Child903, run: Run903) -> None:
    born = child.birth
    if born is None or birthday(born, 18) >= run.end:
        return
    _each(
        child,
        run,
        "359",
        "LS",
        lambda e: not e.has("DEC") and not (e.text("LS") == "V2" and e.text("PLACE") == "K2"),
    )


def _placed_under(code: str, place: str, years: int) -> Callable[[Child903, Run903], None]:
    def check(child: Child903, run: Run903) -> None:
        """The DfE's rule has no condition on DEC; the public validator checks only episodes
        that have ended (it drops open ones first)."""
        _each(
            child,
            run,
            code,
            "PLACE",
            lambda e: e.text("PLACE") == place and _age_at(child, e, "DECOM", years) is False,
        )

    check.__name__ = f"placed_{place.lower()}_under_{years}"
    return check


for _code, _place, _years, _text, _applies in (
    (
        "370",
        "P2",
        16,
        "Child in independent living should be at least 16.",
        years(2024, 2024),  # P2 is gone from 2024-25
    ),
    (
        "371",
        "H5",
        16,
        "Child in semi-independent living accommodation not subject to children’s homes "
        "regulations should be at least 16.",
        years(2024, 2024),
    ),
    (
        "371",
        "K3",
        16,
        "Child in supported accomodation not subject to children’s homes regulations should "
        "be at least 16.",
        years(2025),  # K3 (supported accommodation) replaced H5
    ),
    ("372", "R5", 10, "Child in youth custody or prison should be at least 10.", ALL_YEARS),
    ("373", "S1", 4, "Child placed in a school should be at least 4 years old.", ALL_YEARS),
    (
        "374",
        "P3",
        14,
        "Child in residential employment should be at least 14 years old.",
        ALL_YEARS,
    ),
):
    rule("ssda903", _code, _text, _applies)(_placed_under(_code, _place, _years))


@rule(
    "ssda903",
    "389",
    "Reason episode ceased is that child transferred to care of adult social care services, "
    "but child is aged under 16.",
)
def adult_care_under_16(child: Child903, run: Run903) -> None:
    _each(
        child,
        run,
        "389",
        "REC",
        lambda e: e.text("REC") == "E7" and not _age_at(child, e, "DEC", 16),
    )


@rule(
    "ssda903",
    "460",
    "Reason episode ceased is that child stayed with current carers at age 18 (or above), but "
    "child is aged under 18.",
)
def staying_put_under_18(child: Child903, run: Run903) -> None:
    _each(
        child,
        run,
        "460",
        "REC",
        lambda e: e.text("REC") == "E17" and _age_at(child, e, "DEC", 18) is False,
    )


# ---- how long ----


def _ended_after(item: Row903, limit: int) -> bool:
    start, ended = item.day("DECOM"), item.day("DEC")
    return start is not None and ended is not None and ended > start + days(limit)


for _code, _place, _limit, _text in (
    ("375", "T1", 42, "Hospitalisation coded as a temporary placement exceeds six weeks."),
    (
        "376",
        "T3",
        21,
        "Temporary placements coded as being due to holiday of usual foster carer(s) cannot "
        "exceed three weeks.",
    ),
    (
        "379",
        "T4",
        7,
        "Temporary placements for unspecified reason (placement code T4) cannot exceed seven days.",
    ),
):

    def _too_long(
        child: Child903, run: Run903, code: str = _code, place: str = _place, limit: int = _limit
    ) -> None:
        _each(
            child, run, code, "DEC", lambda e: e.text("PLACE") == place and _ended_after(e, limit)
        )

    _too_long.__name__ = f"temporary_{_place.lower()}_over_{_limit}_days"
    rule("ssda903", _code, _text)(_too_long)


def _runs(child: Child903, run: Run903, legal_status: str) -> list[list[Row903]]:
    """Runs of episodes under ``legal_status`` that follow on from one another (each ends the day
    the next episode starts), as the public validator groups them."""
    runs: list[list[Row903]] = []
    flows = False
    for k, item in enumerate(child.episodes):
        if item.text("LS") != legal_status:
            continue
        if runs and flows:
            runs[-1].append(item)
        else:
            runs.append([item])
        following = child.episodes[k + 1] if k + 1 < len(child.episodes) else None
        flows = following is not None and (item.day("DEC") or run.end) == following.day("DECOM")
    return runs


def _order_too_long(child: Child903, run: Run903, code: str, status: str, limit: int) -> None:
    for episodes in _runs(child, run, status):
        starts = [d for e in episodes if (d := e.day("DECOM")) is not None]
        ends = [e.day("DEC") or run.end for e in episodes]
        if starts and (max(ends) - min(starts)).days > limit:
            for item in episodes:
                run.report(code, item, "DEC")


StatusCheck = Callable[[Child903, Run903, str, str, int], None]


def _status_limit(
    code: str, text: str, status: str, limit: int, measure: StatusCheck, name: str
) -> None:
    """Rule ``code``: episodes under legal status ``status`` lasting more than ``limit`` days,
    as ``measure`` counts them (``_order_too_long``, ``_summed_too_long``)."""

    def check(child: Child903, run: Run903) -> None:
        measure(child, run, code, status, limit)

    check.__name__ = name
    rule("ssda903", code, text)(check)


_status_limit(
    "361",
    "Police protection legal status lasted longer than maximum 72 hours allowed in the "
    "Children Act 1989.",
    "L1",
    3,
    _order_too_long,
    "police_protection_too_long",
)
_status_limit(
    "362",
    "Emergency protection order (EPO) lasted longer than 21 days",
    "L2",
    21,
    _order_too_long,
    "epo_too_long",
)


def _summed_too_long(child: Child903, run: Run903, code: str, status: str, limit: int) -> None:
    """Consecutive episodes under ``status`` (each starting on or before the last one's end)
    whose lengths add up to more than ``limit`` days."""
    period: list[Row903] = []
    total = 0
    previous_end: date | None = None

    def close() -> None:
        if total > limit:
            for item in period:
                run.report(code, item, "DEC")

    for item in child.episodes:
        start = item.day("DECOM")
        if item.text("LS") != status or start is None:
            continue
        ended = item.day("DEC") or run.end
        if period and previous_end is not None and start > previous_end:
            close()
            period, total = [], 0
        period.append(item)
        total += (ended - start).days
        previous_end = ended
    if period:
        close()


_status_limit(
    "363",
    "Child assessment order (CAO) lasted longer than 7 days allowed in the Children Act 1989.",
    "L3",
    7,
    _summed_too_long,
    "cao_too_long",
)
_status_limit(
    "364",
    "Sections 41-46 of Police and Criminal Evidence (PACE; 1984) severely limits the time a "
    "child can be detained in custody in Local Authority (LA) accommodation.",
    "J2",
    21,
    _summed_too_long,
    "pace_too_long",
)


@rule("ssda903", "365", "Any individual short- term respite placement must not exceed 17 days.")
def respite_over_17_days(child: Child903, run: Run903) -> None:
    def fails(e: Row903) -> bool:
        start = e.day("DECOM")
        return (
            e.text("LS") == "V3"
            and start is not None
            and (e.day("DEC") or run.end) > start + days(17)
        )

    _each(child, run, "365", "DEC", fails)


@rule(
    "ssda903",
    "366",
    "A child cannot change placement during the course of an individual short-term respite break.",
)
def respite_changes_placement(child: Child903, run: Run903) -> None:
    _each(child, run, "366", "RNE", lambda e: e.text("LS") == "V3" and e.text("RNE") != "S")


@rule(
    "ssda903",
    "367",
    "The maximum amount of respite care allowable is 75 days in any 12-month period.",
)
def respite_over_75_days(child: Child903, run: Run903) -> None:
    """Days of V3 episodes within the collection year."""
    counted: list[tuple[Row903, int]] = []
    for item in child.episodes:
        start = item.day("DECOM")
        if item.text("LS") != "V3" or start is None:
            continue
        ended = item.day("DEC")
        ended = run.end if ended is None or ended > run.end else ended
        length = (ended - max(start, run.start)).days
        if length > 0:
            counted.append((item, length))
    if sum(length for _, length in counted) > 75:
        for item, _ in counted:
            run.report("367", item, "DEC")


@rule(
    "ssda903",
    "377",
    "Only two temporary placements coded as being due to holiday of usual foster carer(s) are "
    "allowed in any 12- month period.",
)
def three_holiday_placements(child: Child903, run: Run903) -> None:
    holidays = [e for e in child.episodes if e.text("PLACE") == "T3"]
    if len(holidays) > 2:
        for item in holidays:
            run.report("377", item, "PLACE", "T3")


# ---- what goes with what ----


def _by_year(
    code: str,
    text: str,
    field: str,
    fails: Callable[[Row903, frozenset[str]], bool],
    name: str,
    groups: tuple[tuple[frozenset[str], frozenset[int]], ...],
) -> None:
    """One rule whose placement code group changes with the year: ((codes, years), ...), one
    version per group."""

    def bound(places: frozenset[str]) -> Callable[[Row903], bool]:
        return lambda e: fails(e, places)

    for places, applies in groups:
        _simple(code, text, field, bound(places), name, applies)


NO_PROVIDER = TEMPORARY | OTHER_PLACEMENTS  # placements with no provider, to 2024-25
NO_PROVIDER_2026 = frozenset({"T0", "T1", "T2", "T3"}) | OTHER_PLACEMENTS_FROM_2026
_by_year(
    "213",
    "Placement provider information not required.",
    "PLACE_PROVIDER",
    lambda e, places: e.text("PLACE") in places and e.has("PLACE_PROVIDER"),
    "provider_for_temporary_placement",
    ((TEMPORARY, years(2024, 2025)), (TEMPORARY | OTHER_PLACEMENTS_FROM_2026, years(2026))),
)
_simple(
    "214",
    "Placement location information not required.",
    "PL_POST",
    lambda e: e.text("LS") in RESPITE and (e.has("PL_POST") or e.has("URN")),
    "location_for_short_break",
)
_simple(
    "217",
    "Children who are placed for adoption with current foster carers (placement types A3 or "
    "A5) must have a reason for new episode of S, T or U.",
    "RNE",
    lambda e: (
        e.text("PLACE") in ("A3", "A5")
        and (e.day("DECOM") or date.min) >= A3_A5_RNE
        and e.text("RNE") not in ("S", "T", "U")
    ),
    "adoption_with_foster_carers_rne",
)
_simple(
    "378",
    "A child who is placed with parent(s) cannot be looked after under a single period of "
    "accommodation under Section 20 of the Children Act 1989.",
    "LS",
    lambda e: e.text("PLACE") == "P1" and e.text("LS") == "V2",
    "placed_with_parents_under_v2",
)
_simple(
    "380",
    "A period of care cannot start with a temporary placement.",
    "RNE",
    lambda e: e.text("PLACE") in TEMPORARY and e.text("RNE") not in ("P", "B"),
    "period_starts_temporary",
)
_simple(
    "381",
    "A period of care cannot end with a temporary placement.",
    "REC",
    lambda e: e.text("PLACE") in TEMPORARY and e.has("REC") and e.text("REC") != "X1",
    "period_ends_temporary",
)
_simple(
    "382",
    "A child receiving respite care cannot be in a temporary placement.",
    "PLACE",
    lambda e: e.text("LS") in RESPITE and e.text("PLACE") in TEMPORARY,
    "respite_temporary",
)
_simple(
    "384",
    "A child receiving respite care cannot be in a long-term foster placement ",
    "PLACE",
    lambda e: e.text("LS") in RESPITE and e.text("PLACE") in ("U1", "U4"),
    "respite_long_term_foster",
)
_simple(
    "390",
    "Reason episode ceased is adopted but child has not been previously placed for adoption.",
    "REC",
    lambda e: e.text("REC") in ADOPTED and e.text("PLACE") not in PLACED_FOR_ADOPTION,
    "adopted_not_placed_for_adoption",
)
_simple(
    "392d",
    "Home and placement postcodes should not be same unless the placement type is P1.",
    "PL_POST",
    lambda e: (
        e.text("PLACE") != "P1" and e.has("HOME_POST") and e.text("HOME_POST") == e.text("PL_POST")
    ),
    "same_postcodes_not_with_parents",
)
_simple(
    "398",
    "Distance field completed but child looked after under legal status V3 or V4.",
    "HOME_POST",
    lambda e: e.text("LS") in RESPITE and (e.has("HOME_POST") or e.has("PL_POST")),
    "postcodes_for_short_break",
)
_simple(
    "408",
    "Child is placed for adoption with a placement order, but no placement order has been "
    "recorded.",
    "LS",
    lambda e: e.text("PLACE") in ("A5", "A6") and e.text("LS") != "E1",
    "placed_for_adoption_without_order",
)
_simple(
    "516",
    "The episode data submitted for this child does not show that he/she was with their former "
    "foster carer(s) during the year.If the code in the reason episode ceased is E45 or E46 the "
    "child must have a placement code of U1 to U6.",
    "PLACE",
    lambda e: e.text("REC") in ("E45", "E46") and e.text("PLACE") not in FOSTER,
    "sgo_former_foster_carers_not_fostered",
)
_by_year(
    "526",
    "Child is missing a placement provider code for at least one episode.",
    "PLACE_PROVIDER",
    lambda e, places: e.text("PLACE") not in places and not e.has("PLACE_PROVIDER"),
    "provider_missing",
    (
        (NO_PROVIDER, years(2024, 2025)),
        (TEMPORARY | OTHER_PLACEMENTS_FROM_2026, years(2026)),
    ),
)


def _provider_with(provider: str, places: tuple[str, ...]) -> Callable[[Row903], bool]:
    return lambda e: e.text("PLACE_PROVIDER") == provider and e.text("PLACE") in places


for _code, _provider, _places, _text in (
    (
        "527",
        "PR1",
        ("P1", "R2", "R5"),
        "A placement provider code of PR1 cannot be associated with placements P1, R2 or R5.",
    ),
    (
        "528",
        "PR2",
        ("P1", "R2", "R5"),
        "A placement provider code of PR2 cannot be associated with placements P1, R2 or R5.",
    ),
    (
        "529",
        "PR3",
        ("A3", "A4", "A5", "A6", "K1", "K2", "P1", *sorted(FOSTER)),
        "Placement provider code of PR3 cannot be associated with placements P1, A3 to A6, K1, "
        "K2 and U1 to U6 as these placements cannot be provided by other public organisations.",
    ),
    (
        "530",
        "PR4",
        ("P1",),
        "A placement provider code of PR4 cannot be associated with placement P1.",
    ),
    (
        "531",
        "PR5",
        ("P1",),
        "A placement provider code of PR5 cannot be associated with placements P1.",
    ),
):
    _simple(
        _code,
        _text,
        "PLACE_PROVIDER",
        _provider_with(_provider, _places),
        f"provider_{_provider.lower()}_with_wrong_placement",
    )
_simple(
    "550",
    "A placement provider code of PR0 can only be associated with placement P1.",
    "PLACE_PROVIDER",
    lambda e: e.text("PLACE_PROVIDER") == "PR0" and e.text("PLACE") != "P1",
    "provider_pr0_not_with_parents",
)
NO_URN = frozenset({"P1", "P3", "R1", "R2", "R5"}) | TEMPORARY  # and the "other" placements
_by_year(
    "222",
    "Ofsted Unique reference number (URN) should not be recorded for this placement type.",
    "URN",
    lambda e, places: e.text("PLACE") in places and e.has("URN") and e.text("URN") != "XXXXXX",
    "urn_for_placement_without_one",
    (
        (NO_URN | {"P2"} | OTHER_PLACEMENTS, years(2024, 2024)),
        (NO_URN | OTHER_PLACEMENTS, years(2025, 2025)),
        (NO_URN | OTHER_PLACEMENTS_FROM_2026, years(2026)),
    ),
)
_simple(
    "217t",
    "Placement type 'P2' is not a valid placement type from 28 October 2023.",
    "PLACE",
    lambda e: (
        e.text("PLACE") == "P2"
        and (e.day("DEC") or date.max) > SUPPORTED_ACCOMMODATION  # unreadable: as open
    ),
    "independent_living_after_october_2023",
    years(2024, 2024),
)
_simple(
    "230",
    "Ofsted Unique reference number (URN) is required for any English H5 placements from 28 "
    "October 2023.",
    "URN",
    lambda e: (
        e.text("PLACE") == "H5"
        and (e.day("DEC") or date.max) > SUPPORTED_ACCOMMODATION  # unreadable: as open
        and e.text("URN") in (None, "XXXXXXX")
        and not (e.text("PL_LA") or "").startswith(("N", "W", "S"))
    ),
    "semi_independent_without_urn",
    years(2024, 2024),
)
_simple(
    "233",
    "Reason for placement change is not required when the episode has not ceased.",
    "REASON_PLACE_CHANGE",
    lambda e: not e.has("DEC") and e.has("REASON_PLACE_CHANGE"),
    "placement_change_reason_while_open",
    years(2026),
)
_simple(
    "242",
    "URN = 'XXXXXXX' can only be used for regional adoption agencies",
    "URN",
    lambda e: e.text("URN") == "XXXXXXX" and e.text("PLACE") not in PLACED_FOR_ADOPTION | FOSTER,
    "urn_placeholder_outside_adoption",
    years(2026),
)
_simple(
    "243",
    "Only placements with providers registered with Ofsted should have a URN reported.",
    "URN",
    lambda e: e.text("PL_LA") in OUTSIDE_ENGLAND and e.has("URN"),
    "urn_outside_england",
    years(2026),
)


# ---- one episode after another ----


def _after_previous(
    code: str, text: str, field: str, fails: Callable[[Row903, Row903], bool], name: str
) -> None:
    """Rule ``code``: each episode for which ``fails(before, item)`` holds, with the episode
    before it, is reported at ``field`` with its value."""

    def check(child: Child903, run: Run903) -> None:
        for before, item in previous_pairs(child):
            if fails(before, item):
                run.report(code, item, field, item.text(field) or "")

    check.__name__ = name
    rule("ssda903", code, text)(check)


FOSTER_OR_ADOPTION = frozenset({"A3", "A4", "A5", "A6", *FOSTER})
_after_previous(
    "336",
    "Child does not have a foster placement immediately prior to being placed for adoption.",
    "PLACE",
    lambda before, item: (
        item.text("PLACE") in ("A3", "A4") and before.text("PLACE") not in FOSTER_OR_ADOPTION
    ),
    "adoption_not_after_foster",
)


@rule(
    "ssda903",
    "383",
    "A child in a temporary placement must subsequently return to his/her normal placement.",
)
def temporary_then_back(child: Child903, run: Run903) -> None:
    """From 2025-26 the return is to the same placement postcode too."""
    eps = child.episodes
    same_post = run.year >= 2026
    for k in range(2, len(eps)):
        if eps[k - 1].text("PLACE") in TEMPORARY and (
            eps[k].text("RNE") != "P"
            or eps[k].text("PLACE") != eps[k - 2].text("PLACE")
            or (same_post and eps[k].text("PL_POST") != eps[k - 2].text("PL_POST"))
        ):
            run.report("383", eps[k], "PLACE", eps[k].text("PLACE") or "")


@rule(
    "ssda903",
    "388",
    "Reason episode ceased is coded new episode begins, but there is no continuation episode.",
)
def x1_without_continuation(child: Child903, run: Run903) -> None:
    """An episode with an unreadable start counts as the earliest (the public validator sorts
    it first), so the episode before it in time may be the last."""
    episodes = sorted(child.episodes, key=lambda e: (e.day("DECOM") or date.min, e.number))
    for before, item in zip(episodes, episodes[1:], strict=False):
        ended, rec, next_start = before.day("DEC"), before.text("REC"), item.day("DECOM")
        if ended is None or next_start is None:
            continue
        if (rec == "X1" and ended != next_start) or (
            rec not in (None, "X1") and ended == next_start
        ):
            run.report("388", before, "REC", rec or "")
    if episodes:
        last = episodes[-1]
        if last.has("DEC") and last.text("REC") == "X1":
            run.report("388", last, "REC", "X1")


CEASED = frozenset(
    "E2 E3 E4A E4B E5 E6 E7 E8 E9 E11 E12 E13 E14 E15 E16 E17 E41 E45 E46 E47 E48".split()
)


_after_previous(
    "432",
    "The child ceased to be looked after at the end of the previous episode but the reason for "
    "the new episode is not started to be looked after.",
    "RNE",
    lambda before, item: before.text("REC") in CEASED and item.text("RNE") != "S",
    "ceased_then_not_s",
)
_after_previous(
    "433",
    "The reason for new episode suggests that this is a continuation episode, but the episode "
    "does not start on the same day as the last episode finished.",
    "RNE",
    lambda before, item: (
        item.text("RNE") in ("P", "L", "T", "U", "B")
        and (before.day("DEC") is None or before.day("DEC") != item.day("DECOM"))
    ),
    "continuation_not_on_the_day",
)


PLACEMENT = ("PLACE", "PL_POST", "URN", "PLACE_PROVIDER")


def _same_placement(before: Row903, item: Row903) -> bool:
    return all((item.text(c) or "") == (before.text(c) or "") for c in PLACEMENT)


def _unchanged_placement_with_blanks(before: Row903, item: Row903) -> bool:
    """The public validator compares blanks as unequal (pandas' NaN), so a placement with a
    blank postcode, URN or provider in both episodes never counts as unchanged."""
    return all(item.has(c) and before.has(c) and item.text(c) == before.text(c) for c in PLACEMENT)


_after_previous(
    "434",
    "Reason for new episode is that child's legal status has changed but not the placement, "
    "but this is not reflected in the episode data.",
    "RNE",
    lambda before, item: (
        item.text("RNE") == "L"
        and (item.text("LS") == before.text("LS") or not _same_placement(before, item))
    ),
    "legal_status_change_not_shown",
)
_after_previous(
    "435",
    "Reason for new episode is that child’s placement has changed but not the legal status, "
    "but this is not reflected in the episode data recorded.",
    "RNE",
    lambda before, item: (
        item.text("RNE") in ("P", "T")
        and (item.text("LS") != before.text("LS") or _unchanged_placement_with_blanks(before, item))
    ),
    "placement_change_not_shown",
)
_after_previous(
    "436",
    "Reason for new episode is that both child’s placement and legal status have changed, but "
    "this is not reflected in the episode data.",
    "RNE",
    lambda before, item: (
        item.text("RNE") in ("U", "B")
        and (
            (item.text("LS") or "*") == (before.text("LS") or "*") or _same_placement(before, item)
        )
    ),
    "both_changed_not_shown",
)
_after_previous(
    "504",
    "The category of need code differs from that reported at start of current period of being "
    "looked after",
    "CIN",
    lambda before, item: (
        before.text("REC") == "X1"
        and before.day("DEC") is not None
        and before.day("DEC") == item.day("DECOM")
        and item.text("CIN") != before.text("CIN")
    ),
    "category_of_need_changed",
)


@rule("ssda903", "225", "Reason for placement change must be recorded.")
def placement_change_reason_missing(child: Child903, run: Run903) -> None:
    for before, item in previous_pairs(child):
        if (
            before.text("REC") == "X1"
            and not before.has("REASON_PLACE_CHANGE")
            and before.text("PLACE") not in TEMPORARY
            and item.text("RNE") in ("P", "B", "T", "U")
            and item.text("PLACE") not in TEMPORARY
        ):
            run.report("225", before, "REASON_PLACE_CHANGE")


@rule("ssda903", "226", "Reason for placement change is not required.", years(2024, 2025))
@rule(
    "ssda903",
    "226",
    "Reason for placement change is not required for temporary placements.",
    years(2026),
)
def placement_change_reason_not_required(child: Child903, run: Run903) -> None:
    previous: Row903 | None = None
    for item in child.episodes:
        if item.text("PLACE") in TEMPORARY and (
            item.has("REASON_PLACE_CHANGE")
            or (previous is not None and previous.has("REASON_PLACE_CHANGE"))
        ):
            run.report("226", item, "REASON_PLACE_CHANGE")
        previous = item


@rule(
    "ssda903",
    "426",
    "A child receiving respite care cannot be recorded under a legal status of V3 and V4 in the "
    "same year.",
)
def both_v3_and_v4(child: Child903, run: Run903) -> None:
    statuses = {e.text("LS") for e in child.episodes}
    if {"V3", "V4"} <= statuses:
        report_listed(run, "426", child.episodes, "LS", RESPITE)


@rule(
    "ssda903",
    "392b",
    "Child is looked after but no postcodes are recorded. [NOTE: This check may result in "
    "false positives for children formerly UASC, particularly if current & prior year UASC "
    "data not loaded]",
)
def postcodes_missing(child: Child903, run: Run903) -> None:
    """Children in the UASC table (UASC this year) are exempt, as their postcodes may be
    withheld; without a UASC table, nobody is."""
    if child.table("UASC"):
        return
    _each(
        child,
        run,
        "392b",
        "HOME_POST",
        lambda e: e.text("LS") not in RESPITE and not (e.has("HOME_POST") and e.has("PL_POST")),
    )


@rule("ssda903", "178", "Placement provider code is not a valid code.")
def provider_for_placement_without_one(child: Child903, run: Run903) -> None:
    """A valid provider code given for a temporary placement or an "other" placement (which
    have none; from 2025-26 T4 may have one, and Z1 is split into Z11 to Z14); an unknown code
    is the parser's check."""
    without = NO_PROVIDER_2026 if run.year >= 2026 else NO_PROVIDER
    _each(
        child,
        run,
        "178",
        "PLACE_PROVIDER",
        lambda e: (
            e.text("PLACE") in without
            and e.text("PLACE_PROVIDER") in ("PR0", "PR1", "PR2", "PR3", "PR4", "PR5")
        ),
    )


@rule(
    "ssda903",
    "234",
    "A child aged under 10 can not change placement due to being admitted to custody",
    years(2026),
)
def custody_under_10(child: Child903, run: Run903) -> None:
    """The DfE's wording: if the episode starts before the 10th birthday, the previous
    episode's reason for the placement change cannot be CUSTOD.  The public validator reads
    the reason from the same episode as the start date; we follow the wording and report the
    episode that carries the reason."""
    for before, item in previous_pairs(child):
        if (
            before.text("REASON_PLACE_CHANGE") == "CUSTOD"
            and _age_at(child, item, "DECOM", 10) is False
        ):
            run.report("234", before, "REASON_PLACE_CHANGE", "CUSTOD")
