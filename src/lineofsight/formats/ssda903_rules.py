"""SSDA903 rules across fields and rows: episode order and overlap, missing spells, headers."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from lineofsight.formats.problems import ProblemLog

TypedRows = dict[str, list[tuple[ProblemLog, int, dict[str, object]]]]


def _day(value: object) -> date | None:
    return value if isinstance(value, date) else None


def check_cross_table(typed: TypedRows) -> None:
    _check_episodes(typed.get("Episodes", []))
    _check_missing(typed.get("Missing", []))
    _check_header(typed)


def _check_episodes(rows: list[tuple[ProblemLog, int, dict[str, object]]]) -> None:
    by_child: dict[str, list[tuple[ProblemLog, int, date, date | None]]] = defaultdict(list)
    for log, number, row in rows:
        child = str(row.get("CHILD") or "")
        start, end = _day(row.get("DECOM")), _day(row.get("DEC"))
        where = f"row {number}"
        if start is not None and end is not None and end < start:
            log.error(
                "ssda903.dec_before_decom",
                "DEC (episode end) is before DECOM (episode start).",
                location=where,
                field="DEC",
                value=f"{end:%d/%m/%Y} < {start:%d/%m/%Y}",
                child=child or None,
            )
        if row.get("DEC") is not None and not row.get("REC"):
            log.error(
                "ssda903.dec_without_rec",
                "The episode has an end date (DEC) but no reason it ended (REC).",
                location=where,
                field="REC",
                child=child or None,
            )
        if row.get("REC") and row.get("DEC") is None and row.get("REC") != "X1":
            log.error(
                "ssda903.rec_without_dec",
                "The episode has a reason it ended (REC) but no end date (DEC).",
                location=where,
                field="DEC",
                child=child or None,
            )
        if child and start is not None:
            by_child[child].append((log, number, start, end))
    for child, episodes in by_child.items():
        episodes.sort(key=lambda item: (item[2], item[1]))
        for (_, _, start_a, end_a), (log, number, start_b, _) in zip(
            episodes, episodes[1:], strict=False
        ):
            if start_b == start_a:
                log.error(
                    "ssda903.duplicate_episode",
                    "Two episodes of this child start on the same day (DECOM).",
                    location=f"row {number}",
                    field="DECOM",
                    value=f"{start_b:%d/%m/%Y}",
                    child=child,
                )
            elif end_a is None:
                log.error(
                    "ssda903.overlapping_episodes",
                    "An earlier episode of this child has "
                    "no end date (DEC), so it overlaps this one.",
                    location=f"row {number}",
                    field="DECOM",
                    value=f"{start_b:%d/%m/%Y}",
                    child=child,
                )
            elif start_b < end_a:
                log.error(
                    "ssda903.overlapping_episodes",
                    f"This episode starts before the "
                    f"child's previous episode ended ({end_a:%d/%m/%Y}).",
                    location=f"row {number}",
                    field="DECOM",
                    value=f"{start_b:%d/%m/%Y}",
                    child=child,
                )


def _check_missing(rows: list[tuple[ProblemLog, int, dict[str, object]]]) -> None:
    for log, number, row in rows:
        start, end = _day(row.get("MIS_START")), _day(row.get("MIS_END"))
        if start is not None and end is not None and end < start:
            log.error(
                "ssda903.missing_end_before_start",
                "MIS_END is before MIS_START.",
                location=f"row {number}",
                field="MIS_END",
                value=f"{end:%d/%m/%Y} < {start:%d/%m/%Y}",
                child=str(row.get("CHILD") or "") or None,
            )


def _check_header(typed: TypedRows) -> None:
    header = typed.get("Header")
    if header is None:
        if typed.get("Episodes"):
            log = typed["Episodes"][0][0]
            log.error(
                "ssda903.no_header",
                "The return has Episodes but no Header table, so the "
                "children's details are unknown. Include the Header CSV.",
            )
        return
    seen: set[str] = set()
    for log, number, row in header:
        child = str(row.get("CHILD") or "")
        if child and child in seen:
            log.error(
                "ssda903.duplicate_child",
                "This CHILD appears more than once in the Header table.",
                location=f"row {number}",
                field="CHILD",
                child=child,
            )
        seen.add(child)
        if row.get("MC_DOB") is not None and row.get("MOTHER") is False:
            log.warning(
                "ssda903.mc_dob_not_mother",
                "MC_DOB is given but MOTHER is 0.",
                location=f"row {number}",
                field="MC_DOB",
                child=child or None,
            )
    for log, number, row in typed.get("Episodes", []):
        child = str(row.get("CHILD") or "")
        if child and child not in seen:
            log.warning(
                "ssda903.child_not_in_header",
                "This child has an episode but no row in the Header table.",
                location=f"row {number}",
                field="CHILD",
                child=child,
            )
            seen.add(child)
