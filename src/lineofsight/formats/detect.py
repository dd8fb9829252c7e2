"""Which format a file is, from its first bytes (never its name), and why when it is none."""

from __future__ import annotations

import csv
from pathlib import Path

from lineofsight.formats.annex_a import list_number
from lineofsight.formats.child_deaths import is_child_death_header
from lineofsight.formats.lado_referrals import is_lado_header
from lineofsight.formats.partner_return import is_partner_header
from lineofsight.formats.practitioner_survey import is_survey_header
from lineofsight.formats.problems import ProblemLog
from lineofsight.formats.safe_files import (
    DEFAULT_MAX_BYTES,
    OLE2_MAGIC,
    UTF16_BOMS,
    ZIP_MAGIC,
    check_workbook_zip,
    looks_binary,
    looks_utf16,
    read_head,
)
from lineofsight.formats.training_records import is_training_header
from lineofsight.formats.workbook import cell_text, open_workbook, sheet_rows


def _head_text(head: bytes) -> str | None:
    if head.startswith(UTF16_BOMS):
        return head.decode("utf-16", errors="replace")
    if looks_binary(head):
        return None
    return head.decode("utf-8", errors="replace").lstrip("\ufeff")


def _first_row(text: str) -> list[str]:
    lines = text.lstrip().splitlines()
    if not lines:
        return []
    try:
        return next(csv.reader([lines[0]]), [])
    except csv.Error:
        return []


def _detect_workbook(path: Path) -> str | None:
    quiet = ProblemLog(str(path))
    book = open_workbook(path, quiet, DEFAULT_MAX_BYTES)
    if book is None:
        return None
    try:
        if any(list_number(sheet) is not None for sheet in book.worksheets):
            return "annex_a"
        if book.worksheets:
            first = next(sheet_rows(book.worksheets[0], quiet), None)
            if first and is_partner_header([cell_text(v) for v in first[1]]):
                return "partner_return"
    finally:
        book.close()
    return None


def detect(path: Path) -> str | None:
    """``"cin_census"``, ``"ssda903"``, ``"annex_a"``, ``"partner_return"``, ``"child_deaths"``,
    ``"practitioner_survey"``, ``"lado_referrals"``, ``"training_records"`` or ``None``."""
    path = Path(path)
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return None
    except OSError:
        return None
    head = read_head(path)
    if head.startswith(ZIP_MAGIC):
        return _detect_workbook(path)
    text = _head_text(head)
    if text is None:
        return None
    if text.lstrip().startswith("<"):
        return "cin_census"
    cells = _first_row(text)
    if is_partner_header(cells):
        return "partner_return"
    if is_child_death_header(cells):
        return "child_deaths"
    if is_survey_header(cells):
        return "practitioner_survey"
    if is_lado_header(cells):
        return "lado_referrals"
    if is_training_header(cells):
        return "training_records"
    if "CHILD" in {cell.strip().upper() for cell in cells}:
        return "ssda903"
    return None


def explain_unknown(path: Path, log: ProblemLog, max_bytes: int) -> None:
    """Log the most specific reason a file is not a return this system reads."""
    head = read_head(path)
    if head.startswith(OLE2_MAGIC):
        log.error(
            "file.wrong_type",
            "This is an old-style Excel (.xls) or Word file. Save it as "
            "an .xlsx workbook or CSV UTF-8 and try again.",
        )
    elif head.startswith(ZIP_MAGIC):
        if check_workbook_zip(path, log, max_bytes):
            log.error(
                "file.not_recognised",
                "This workbook has no sheets named 'List 1'..'List "
                "11' (Annex A) and its first row is not the partner return header.",
            )
    elif looks_utf16(head):
        log.error(
            "file.encoding",
            "The file looks like UTF-16 text without a byte-order mark. "
            "Save it as UTF-8 (or 'CSV UTF-8') and try again.",
        )
    elif looks_binary(head):
        log.error(
            "file.binary",
            "The file holds binary data: it is not a CIN census XML, "
            "SSDA903 CSV, Annex A workbook or partner return.",
        )
    else:
        log.error(
            "file.not_recognised",
            "The file is text but not a return this system reads: "
            "CIN census XML starts with '<', SSDA903 CSVs have a CHILD column and partner "
            "returns start with the header agency_code,measure_id,...",
            location="row 1",
            value=(_first_row(_head_text(head) or "") or [""])[0],
        )
