"""SSDA903 rules on social worker episodes (SWEpisodes, from 2023-24): complete, in the year, in
order, with a valid reason for the change of social worker."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from lineofsight.formats.rules.registry import rule, years
from lineofsight.formats.rules.ssda903.common import YEAR_DAYS
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
    for item in _episodes(child):
        worker = item.text("SW_ID")
        if worker is None or worker[:2] not in ("SW", "XX"):
            run.report("SW02STG1", item, "SW_ID")


@rule(
    "ssda903",
    "SW07STG2",
    "Social worker episode end date should be on or after the start of the social worker "
    "reporting period, and should be on or before the collection end date.",
)
def ended_before_reporting_period(child: Child903, run: Run903) -> None:
    """Before the reporting period (a year of 365.2425 days before the collection year, as the
    public validator counts it); after the collection year is the parser's date check."""
    earliest = datetime.combine(run.start, datetime.min.time()) - timedelta(days=YEAR_DAYS)
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
    for item in _episodes(child):
        if item.has("SW_DEC") and item.text("SW_DEC") == item.text("SW_DECOM"):
            run.report("SW09STG2", item, "SW_DEC")


@rule("ssda903", "SW13STG1", "The reason for social worker change is not valid.")
def reason_invalid(child: Child903, run: Run903) -> None:
    for item in _episodes(child):
        reason, start = item.text("SW_REASON"), item.day("SW_DECOM")
        if (reason is not None and reason not in REASONS) or (
            reason is None and start is not None and start >= REASON_REQUIRED_FROM
        ):
            run.report("SW13STG1", item, "SW_REASON", reason or "")
