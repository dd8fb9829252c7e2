"""SSDA903 checks across fields and rows: episode dates, missing spells, headers.

Episode order and overlaps (DfE 142, 501) and the other DfE rules are in ``formats/rules/ssda903``.
"""

from __future__ import annotations

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
