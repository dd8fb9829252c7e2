"""Ofsted Annex A workbook: lists 1-11 found by sheet name or heading.

List 1 (contacts) becomes ``contacts`` and List 2 (early help) becomes ``early_help``; the other
lists are read and counted.  Headings are matched without regard to case or spacing.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from lineofsight.formats.csv_rows import looks_like_formula
from lineofsight.formats.dates import DateProblem, collection_year_of, from_cell, year_end
from lineofsight.formats.problems import Parsed, ProblemLog
from lineofsight.formats.workbook import cell_text, find_header, open_workbook, sheet_rows

LIST_PATTERN = re.compile(r"list\s*[_-]?\s*(\d{1,2})\b", re.IGNORECASE)
CHILD_ID = "child unique id"
ADOPTER_ID = "individual adopter identifier"
# list -> (table, {column: (heading, kind)}); kind: id | date | text
MAPPED: dict[int, tuple[str, dict[str, tuple[str, str]]]] = {
    1: (
        "contacts",
        {
            "child_id": (CHILD_ID, "id"),
            "contact_date": ("date of contact", "date"),
            "contact_source": ("contact source", "text"),
        },
    ),
    2: (
        "early_help",
        {
            "child_id": (CHILD_ID, "id"),
            "start_date": ("assessment start date", "date"),
            "end_date": ("assessment completion date", "date"),
            "provider": ("organisation completing assessment", "text"),
        },
    ),
}


def list_number(sheet: Any) -> int | None:
    match = LIST_PATTERN.search(sheet.title or "")
    return int(match[1]) if match and 1 <= int(match[1]) <= 11 else None


def parse_annex_a(
    path: Path, log: ProblemLog, *, max_bytes: int, collection_year: int | None, la_code: str | None
) -> Parsed:
    parsed = Parsed.of_file("annex_a", path, la_code, "contacts", "early_help")
    book = open_workbook(path, log, max_bytes)
    if book is None:
        return parsed
    found: set[int] = set()
    latest: date | None = None
    try:
        for sheet in book.worksheets:
            number = list_number(sheet)
            if number is None or number in found:
                continue
            found.add(number)
            count, last = _read_list(sheet, number, log, parsed)
            parsed.record_count += count
            if last is not None and (latest is None or last > latest):
                latest = last
    finally:
        book.close()
    if not found:
        log.error(
            "annex_a.no_lists",
            "No sheet is named 'List 1' to 'List 11': this does not "
            "look like an Ofsted Annex A workbook.",
        )
    for number in sorted(set(MAPPED) - found):
        if found:
            log.warning(
                "annex_a.missing_list",
                f"The workbook has no List {number} sheet.",
                field=f"List {number}",
            )
    parsed.collection_year = collection_year or (collection_year_of(latest) if latest else None)
    if parsed.collection_year is not None:
        parsed.reference_date = year_end(parsed.collection_year)
    _check_future(parsed, log)
    return parsed


def _read_list(sheet: Any, number: int, log: ProblemLog, parsed: Parsed) -> tuple[int, date | None]:
    rows = sheet_rows(sheet, log)
    header = find_header(rows, ADOPTER_ID if number == 11 else CHILD_ID)
    sheet_name = f"List {number}"
    if header is None:
        log.error(
            "annex_a.missing_column",
            f"{sheet_name} has no 'Child Unique ID' heading in its first rows.",
            location=f"sheet '{sheet.title}'",
            field="Child Unique ID",
        )
        return 0, None
    _, headings = header
    mapping = MAPPED.get(number)
    if mapping is None:
        return sum(1 for _, values in rows if any(v is not None for v in values)), None
    table, columns = mapping
    positions: dict[str, int] = {}
    for column, (heading, _) in columns.items():
        if heading in headings:
            positions[column] = headings.index(heading)
        else:
            log.error(
                "annex_a.missing_column",
                f"{sheet_name} has no '{heading}' column.",
                location=f"sheet '{sheet.title}'",
                field=heading,
            )
    count, latest = 0, None
    for row_number, values in rows:
        if not any(v is not None and cell_text(v) for v in values):
            continue
        count += 1
        where = f"sheet '{sheet.title}' row {row_number}"
        out: dict[str, object] = {}
        for column, (heading, kind) in columns.items():
            index = positions.get(column)
            value = values[index] if index is not None and index < len(values) else None
            out[column] = _cell(value, kind, heading, where, log)
        child = out.get("child_id")
        if child is None:
            continue
        for column in ("contact_date", "start_date"):
            day = out.get(column)
            if isinstance(day, date) and (latest is None or day > latest):
                latest = day
        start, end = out.get("start_date"), out.get("end_date")
        if isinstance(start, date) and isinstance(end, date) and end < start:
            log.error(
                "annex_a.end_before_start",
                "The assessment completion date is before its start date.",
                location=where,
                field="Assessment completion date",
                value=f"{end:%d/%m/%Y} < {start:%d/%m/%Y}",
                child=str(child),
            )
        parsed.tables[table].append(out | {"_where": where})
    return count, latest


def _cell(value: object, kind: str, heading: str, where: str, log: ProblemLog) -> object:
    text = cell_text(value)
    if not text:
        if kind == "id" or heading in ("date of contact", "assessment start date"):
            log.error(
                "annex_a.missing_value", f"'{heading}' is blank.", location=where, field=heading
            )
        return None
    if isinstance(value, str) and looks_like_formula(text):
        log.warning(
            "annex_a.formula_like_cell",
            "This cell starts like a spreadsheet formula; it is kept as text, never run.",
            location=where,
            field=heading,
            value=text,
        )
    if kind == "date":
        try:
            return from_cell(value)
        except DateProblem as exc:
            log.error(
                "annex_a.date_invalid",
                f"'{heading}': {exc}.",
                location=where,
                field=heading,
                value=text,
            )
            return None
    return text


def _check_future(parsed: Parsed, log: ProblemLog) -> None:
    reference = parsed.reference_date
    for table, columns in (
        ("contacts", ("contact_date",)),
        ("early_help", ("start_date", "end_date")),
    ):
        for row in parsed.tables[table]:
            where = str(row.pop("_where", ""))
            for column in columns:
                day = row.get(column)
                if reference is not None and isinstance(day, date) and day > reference:
                    log.error(
                        "annex_a.date_after_year_end",
                        f"{column.replace('_', ' ')} is after "
                        f"the end of the collection year ({reference:%d/%m/%Y}).",
                        location=where,
                        field=column,
                        value=f"{day:%d/%m/%Y}",
                        child=str(row.get("child_id")),
                    )
