"""CSV and Excel downloads of tables, safe to open in a spreadsheet.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return can be run as a
formula by Excel or LibreOffice ("CSV injection"); such text cells are prefixed with a single
quote.  Numbers stay numbers (a negative number is not text and is not prefixed).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Sequence
from typing import Any

from django.http import HttpResponse
from openpyxl import Workbook

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def safe_cell(value: Any) -> Any:
    """The value to write: text that could run as a formula is neutralised; others unchanged."""
    if value is None:
        return ""
    if isinstance(value, bool | int | float | dt.date | dt.datetime):
        return value
    text = str(value)
    if text.startswith(FORMULA_START):
        return "'" + text
    return text


def _filename(name: str, extension: str) -> str:
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", name).strip("-") or "export"
    return f"{stem}.{extension}"


def csv_response(name: str, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type=CSV_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{_filename(name, "csv")}"'
    return response


def xlsx_bytes(sheet_title: str, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=re.sub(r"[\[\]:*?/\\]", " ", sheet_title)[:31] or "Data")
    sheet.append([safe_cell(h) for h in header])
    for row in rows:
        cells = []
        for value in row:
            cell = safe_cell(value)
            if isinstance(cell, dt.datetime) and cell.tzinfo is not None:
                cell = cell.replace(tzinfo=None)
            cells.append(cell)
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_response(name: str, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> HttpResponse:
    response = HttpResponse(xlsx_bytes(name, header, rows), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{_filename(name, "xlsx")}"'
    return response


def export_response(
    export_format: str, name: str, header: Sequence[str], rows: Iterable[Sequence[Any]]
) -> HttpResponse:
    """``export_format`` is "csv" or "xlsx" (anything else is a ValueError)."""
    if export_format == "csv":
        return csv_response(name, header, rows)
    if export_format == "xlsx":
        return xlsx_response(name, header, rows)
    raise ValueError(f"Unknown export format {export_format!r}")
