"""SSDA903 rules on social worker episodes (SWEpisodes, from 2023-24): complete, in the year, in
order, with a valid reason for the change of social worker."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from lineofsight.formats.rules.registry import rule, years
from lineofsight.formats.rules.ssda903.common import RESPITE, YEAR_DAYS, all_given
from lineofsight.formats.rules.ssda903.run import Child903, Row903, Run903

REASONS = frozenset("MANAGE FCONTA LEFTRL ORGRST TSPROC ABSENC CHCHAN PCCHAN SWDIED OTHERS".split())
REASON_REQUIRED_FROM = date(2023, 4, 1)  # reasons for a change are collected from 2023-24
COMPLETE = "For each social worker episode, information should be complete"


def _episodes(child: Child903) -> list[Row903]:
    return child.table("SWEpisodes")


@rule("ssda903", "SW01aSTG1", COMPLETE, years(2025, 2025))  # SW01STG1 split; gone in 2025-26
def incomplete_before_reasons(child: Child903, run: Run903) -> None:
    """No start date, or a start before 1 April 2023 with no social worker."""
    for item in _episodes(child):
        start = item.day("SW_DECOM")
        if not item.has("SW_DECOM") or (
            start is not None and start < REASON_REQUIRED_FROM and not item.has("SW_ID")
        ):
            run.report("SW01aSTG1", item, "SW_DECOM")


@rule("ssda903", "SW01bSTG1", COMPLETE, years(2025, 2025))
def incomplete_with_reasons(child: Child903, run: Run903) -> None:
    """No start date, or a start from 1 April 2023 with no social worker or no reason."""
    for item in _episodes(child):
        start = item.day("SW_DECOM")
        if not item.has("SW_DECOM") or (
            start is not None
            and start >= REASON_REQUIRED_FROM
            and not (item.has("SW_ID") and item.has("SW_REASON"))
        ):
            run.report("SW01bSTG1", item, "SW_ID")


@rule(
    "ssda903",
    "SW02STG1",
    "Social worker ID does not begin with the characters ‘SW’ or ‘XX’.",
)
def social_worker_id_invalid(child: Child903, run: Run903) -> None:
    """From 2025-26 the ID must also be at least four characters long."""
    shortest = 4 if run.year >= 2026 else 0
    for item in _episodes(child):
        worker = item.text("SW_ID")
        if worker is None or worker[:2] not in ("SW", "XX") or len(worker) < shortest:
            run.report("SW02STG1", item, "SW_ID")


@rule(
    "ssda903",
    "SW07STG2",
    "Social worker episode end date should be on or after the start of the social worker "
    "reporting period, and should be on or before the collection end date.",
)
def ended_before_reporting_period(child: Child903, run: Run903) -> None:
    """Before the reporting period (a year of 365.2425 days before the collection year, as the
    public validator counts it; in 2023-24, the first year of the collection, the collection
    year itself); after the collection year is the parser's date check."""
    back = timedelta(days=YEAR_DAYS) if run.year >= 2025 else timedelta(0)
    earliest = datetime.combine(run.start, datetime.min.time()) - back
    for item in _episodes(child):
        ended = item.day("SW_DEC")
        if ended is not None and datetime.combine(ended, datetime.min.time()) < earliest:
            run.report("SW07STG2", item, "SW_DEC")


@rule(
    "ssda903",
    "SW08STG2",
    "A new social worker episode has started, but the previous episode has not ended.",
)
def previous_not_ended(child: Child903, run: Run903) -> None:
    dated = sorted(
        (e for e in _episodes(child) if e.day("SW_DECOM") is not None),
        key=lambda e: (e.day("SW_DECOM") or date.max, e.number),
    )
    for item in dated[:-1]:
        if not item.has("SW_DEC"):
            run.report("SW08STG2", item, "SW_DEC")


@rule(
    "ssda903",
    "SW09STG2",
    "Social worker episode appears to have lasted for less than 24 hours.",
)
def under_a_day(child: Child903, run: Run903) -> None:
    """The same start and end date; from 2025-26, as the public validator's 2025-26 rule, an
    end less than three days after the start (both dates given)."""
    for item in _episodes(child):
        if run.year >= 2026:
            start, ended = item.day("SW_DECOM"), item.day("SW_DEC")
            if start is not None and ended is not None and (ended - start).days < 3:
                run.report("SW09STG2", item, "SW_DEC")
        elif item.has("SW_DEC") and item.text("SW_DEC") == item.text("SW_DECOM"):
            run.report("SW09STG2", item, "SW_DEC")


@rule(
    "ssda903",
    "SW13STG1",
    "The reason for social worker change is either not valid or has not been entered.",
    years(2024, 2024),
)
@rule("ssda903", "SW13STG1", "The reason for social worker change is not valid.", years(2025))
def reason_invalid(child: Child903, run: Run903) -> None:
    """In 2023-24 every episode needs a valid reason; from 2024-25 only those starting on or
    after 1 April 2023 (earlier ones may have none)."""
    for item in _episodes(child):
        reason, start = item.text("SW_REASON"), item.day("SW_DECOM")
        if (reason is not None and reason not in REASONS) or (
            reason is None
            and (run.year <= 2024 or (start is not None and start >= REASON_REQUIRED_FROM))
        ):
            run.report("SW13STG1", item, "SW_REASON", reason or "")


@rule(
    "ssda903",
    "SW10STG2",
    "A new social worker episode has started before the end date of the previous social "
    "worker episode.",
)
def started_before_previous_ended(child: Child903, run: Run903) -> None:
    """The DfE's specification, not the public validator's code: from 2024-25, unless its
    reason is first contact (FCONTA), an episode's start must be on or after the previous
    episode's end less 7 days ("SW_DECOM >= SW_DEC +/- 7 days of the previous episode, if
    present"); in 2023-24 it must be within 7 days either side of that end (no FCONTA
    exception).  Pairs where either date is missing are not checked ("if present").  The public
    validator also reports a start more than 7 days after the previous end, and pairs with a
    date missing, and its answer changes with what its earlier rules have done to the shared
    tables."""
    ordered = _in_start_order(child, by_end=True)
    both_sides = run.year <= 2024
    for before, item in zip(ordered, ordered[1:], strict=False):
        ended, start = before.day("SW_DEC"), item.day("SW_DECOM")
        if ended is None or start is None:
            continue
        if both_sides:
            if abs((start - ended).days) > 7:
                run.report("SW10STG2", item, "SW_DECOM")
        elif item.text("SW_REASON") != "FCONTA" and (ended - start).days > 7:
            run.report("SW10STG2", item, "SW_DECOM")


# ---- 2023-24 only ----


@rule(
    "ssda903",
    "SW01STG1",
    "Child looked after on 31 March, but no social worker episode information is reported",
    years(2024, 2024),
)
def looked_after_without_social_worker(child: Child903, run: Run903) -> None:
    """An open episode (no DEC; not a short break) and no social worker episode, or one with
    no social worker, start date or reason.  Reported on the open episode; only when the return
    has a SWEpisodes table (as the public validator: a return without one is not checked)."""
    if "SWEpisodes" not in run.typed:
        return
    complete = bool(_episodes(child)) and all(
        all_given(item, ("SW_ID", "SW_DECOM", "SW_REASON")) for item in _episodes(child)
    )
    if complete:
        return
    for episode in child.episodes:
        if not episode.has("DEC") and episode.text("LS") not in RESPITE:
            run.report("SW01STG1", episode, "DEC")


@rule("ssda903", "SW03STG1", COMPLETE + ".", years(2024, 2024))
def social_worker_episode_incomplete(child: Child903, run: Run903) -> None:
    for item in _episodes(child):
        if not all_given(item, ("SW_ID", "SW_DECOM", "SW_REASON")):
            run.report("SW03STG1", item, "SW_ID")


@rule(
    "ssda903",
    "SW11aSTG2",
    "Social worker episode has ended before 31 March and no subsequent social worker episode "
    "has been provided.",
    years(2024, 2024),
)
def ended_without_successor(child: Child903, run: Run903) -> None:
    """An episode that ended 5 days or more before 31 March and the next one (in start order)
    starts without a date, or more than 5 days either side of that end.  As the public
    validator, the last episode is not checked (a child who left care has no next one)."""
    last_day = run.end - timedelta(days=5)
    ordered = _in_start_order(child)
    for before, item in zip(ordered, ordered[1:], strict=False):
        ended, start = before.day("SW_DEC"), item.day("SW_DECOM")
        if ended is None or ended > last_day:
            continue
        if start is None or abs((start - ended).days) > 5:
            run.report("SW11aSTG2", item, "SW_DECOM")


@rule(
    "ssda903",
    "SW14STG2",
    "Social worker episode date ceased is blank.",
    years(2024, 2024),
)
def ended_blank_before_last(child: Child903, run: Run903) -> None:
    """Every episode but the latest must have an end date."""
    for item in _in_start_order(child)[:-1]:
        if not item.has("SW_DEC"):
            run.report("SW14STG2", item, "SW_DEC")


# ---- from 2025-26 ----


@rule(
    "ssda903",
    "SW10aSTG2",
    "A new social worker episode has started and it is not within +/- 7 days of a previous "
    "episode.",
    years(2026),
)
def not_within_a_week(child: Child903, run: Run903) -> None:
    """Unless its reason is first contact (FCONTA), an episode must start within 7 days either
    side of the previous one's end "if present", as the DfE's wording says: the public
    validator also reports an episode whose predecessor has no end date (SW08STG2's case) or
    that has no start date (SW04STG1's); we do not."""
    ordered = _in_start_order(child, by_end=True)
    for before, item in zip(ordered, ordered[1:], strict=False):
        ended, start = before.day("SW_DEC"), item.day("SW_DECOM")
        if item.text("SW_REASON") == "FCONTA" or ended is None or start is None:
            continue
        if abs((start - ended).days) > 7:
            run.report("SW10aSTG2", item, "SW_DECOM")


@rule(
    "ssda903",
    "SW10bSTG2",
    "A new social worker episode has started with a reason of first contact before the "
    "previous episode has ended.",
    years(2026),
)
def first_contact_before_previous_ended(child: Child903, run: Run903) -> None:
    ordered = _in_start_order(child, by_end=True)
    for before, item in zip(ordered, ordered[1:], strict=False):
        ended, start = before.day("SW_DEC"), item.day("SW_DECOM")
        if item.text("SW_REASON") == "FCONTA" and ended is not None and start is not None:
            if start <= ended:
                run.report("SW10bSTG2", item, "SW_DECOM")


@rule(
    "ssda903",
    "SW17STG2",
    "There is no social worker episode open at 31 March",
    years(2026),
)
def none_open_at_year_end(child: Child903, run: Run903) -> None:
    """The latest episode (by start date) has an end date."""
    ordered = _in_start_order(child)
    if ordered and ordered[-1].has("SW_DEC"):
        run.report("SW17STG2", ordered[-1], "SW_DEC")


@rule(
    "ssda903",
    "SW18STG2",
    "The end date of the social worker episode is before the start date",
    years(2026),
)
def ended_before_started(child: Child903, run: Run903) -> None:
    """Both dates given and the end not after the start (the DfE: SW_DEC must be later)."""
    for item in _episodes(child):
        start, ended = item.day("SW_DECOM"), item.day("SW_DEC")
        if start is not None and ended is not None and ended <= start:
            run.report("SW18STG2", item, "SW_DEC")


@rule(
    "ssda903",
    "SW19STG2",
    "There are 2 social worker episodes for the child starting on the same date.",
    years(2026),
)
def two_starting_on_one_day(child: Child903, run: Run903) -> None:
    """Every episode after the first with a start date another has (as given)."""
    seen: set[str | None] = set()
    for item in sorted(_episodes(child), key=lambda e: e.number):
        start = item.text("SW_DECOM")
        if start in seen:
            run.report("SW19STG2", item, "SW_DECOM", start or "")
        seen.add(start)


def _in_start_order(child: Child903, by_end: bool = False) -> list[Row903]:
    """The child's social worker episodes by start date (undated last), then by end date."""
    return sorted(
        _episodes(child),
        key=lambda e: (
            e.day("SW_DECOM") or date.max,
            (e.day("SW_DEC") or date.max) if by_end else date.min,
            e.number,
        ),
    )
