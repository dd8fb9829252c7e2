"""Opening .xlsx workbooks safely (bounded zip, read-only streaming) and reading their cells."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from lineofsight.formats.problems import ProblemLog
from lineofsight.formats.safe_files import check_workbook_zip

HEADER_SEARCH_ROWS = 15


def open_workbook(path: Path, log: ProblemLog, max_bytes: int) -> Any | None:
    """An openpyxl read-only workbook, or ``None`` with a problem logged."""
    if not check_workbook_zip(path, log, max_bytes):
        return None
    import openpyxl  # imported here: only workbook returns need it

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any failure inside openpyxl means "cannot open"
        log.error(
            "file.corrupt_workbook",
            f"The workbook cannot be opened ({type(exc).__name__}: "
            f"{str(exc)[:120]}). Save it again from Excel as .xlsx.",
        )
        return None


def cell_text(value: object) -> str:
    """A cell as stripped text (dates as dd/mm/YYYY, whole floats without '.0')."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y") if value.time() == time() else value.isoformat()
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def normal_heading(value: object) -> str:
    """A heading folded for matching: lower case, single spaces, no trailing punctuation."""
    return " ".join(cell_text(value).lower().replace("_", " ").split()).rstrip(":?")


def sheet_rows(sheet: Any, log: ProblemLog) -> Iterator[tuple[int, tuple[object, ...]]]:
    """(row number, values) for each row of a read-only sheet; a problem stops it."""
    try:
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, tuple(values)
    except Exception as exc:  # noqa: BLE001 - a damaged sheet must not crash the reader
        log.error(
            "file.corrupt_workbook",
            f"The sheet '{sheet.title}' cannot be read past this point ({type(exc).__name__}).",
        )


def find_header(
    rows: Iterator[tuple[int, tuple[object, ...]]], must_have: str
) -> tuple[int, list[str]] | None:
    """The first row (within the first rows) that has the heading ``must_have``."""
    for number, values in rows:
        headings = [normal_heading(v) for v in values]
        if must_have in headings:
            return number, headings
        if number >= HEADER_SEARCH_ROWS:
            return None
    return None
