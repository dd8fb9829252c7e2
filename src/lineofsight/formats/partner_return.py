"""Partner returns: aggregate figures an agency submits per period (no child-level data).

Columns: ``agency_code,measure_id,period_start,period_end,value,breakdown`` (breakdown optional).
The allowed measures are data: ``reference/partner_measures.csv``.
"""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

from lineofsight.formats.codelists import partner_measures
from lineofsight.formats.csv_rows import CsvTable, looks_like_formula, read_csv
from lineofsight.formats.dates import collection_year_of, date_cell, year_end
from lineofsight.formats.problems import Parsed, ProblemLog
from lineofsight.formats.record_files import all_given
from lineofsight.formats.workbook import cell_text, normal_heading, open_workbook, sheet_rows

REQUIRED = ("agency_code", "measure_id", "period_start", "period_end", "value")
OPTIONAL = ("breakdown",)
HEADER = REQUIRED + OPTIONAL


def is_partner_header(cells: list[str]) -> bool:
    names = {normal_heading(c).replace(" ", "_") for c in cells}
    return {"measure_id", "value"} <= names and "agency_code" in names


def parse_partner_return(
    path: Path, log: ProblemLog, *, max_bytes: int, collection_year: int | None, la_code: str | None
) -> Parsed:
    parsed = Parsed.of_file("partner_return", path, la_code, "partner_measures")
    table = (
        _read_xlsx(path, log, max_bytes) if path.suffix.lower() == ".xlsx" else read_csv(path, log)
    )
    if table is None:
        return parsed
    header = [normal_heading(h).replace(" ", "_") for h in table.header]
    missing = [name for name in REQUIRED if name not in header]
    for name in missing:
        log.error(
            "partner.missing_column",
            f"The return has no {name} column. The header must be: {','.join(HEADER)}.",
            location="row 1",
            field=name,
        )
    if missing:
        return parsed
    seen: dict[tuple[object, ...], int] = {}
    latest: date | None = None
    for number, cells in table.rows:
        row = {
            name: cells.get(original, "")
            for name, original in zip(header, table.header, strict=True)
        }
        out = _read_row(row, f"row {number}", log)
        if out is None:
            continue
        key = (
            out["agency"],
            out["measure_id"],
            out["period_start"],
            out["period_end"],
            out["breakdown"],
        )
        if key in seen:
            log.error(
                "partner.duplicate_row",
                f"This row repeats row {seen[key]} (same agency, measure, period and breakdown).",
                location=f"row {number}",
            )
        seen[key] = number
        end = out["period_end"]
        if isinstance(end, date) and (latest is None or end > latest):
            latest = end
        parsed.tables["partner_measures"].append(out)
    parsed.record_count = len(table.rows)
    parsed.collection_year = collection_year or (collection_year_of(latest) if latest else None)
    if parsed.collection_year is not None:
        parsed.reference_date = year_end(parsed.collection_year)
    return parsed


def _read_row(row: dict[str, str], where: str, log: ProblemLog) -> dict[str, object] | None:
    for name, text in row.items():
        if text and looks_like_formula(text) and name != "value":
            log.warning(
                "partner.formula_like_cell",
                "This cell starts like a spreadsheet formula; it is kept as text, never run.",
                location=where,
                field=name,
                value=text,
            )
    ok = all_given(row, REQUIRED, where, log, prefix="partner")
    measure = partner_measures().get(row["measure_id"])
    if row["measure_id"] and measure is None:
        log.error(
            "partner.unknown_measure",
            f"'{row['measure_id']}' is not a measure this "
            "partnership collects (see the partner return template).",
            location=where,
            field="measure_id",
            value=row["measure_id"],
        )
        ok = False
    dates: dict[str, date | None] = {}
    for name in ("period_start", "period_end"):
        day = date_cell(row, name, where, log, rule="partner.date_invalid")
        if day is False:
            ok = False
        dates[name] = day if isinstance(day, date) else None
    start, end = dates["period_start"], dates["period_end"]
    if start and end and end < start:
        log.error(
            "partner.period_end_before_start",
            "period_end is before period_start.",
            location=where,
            field="period_end",
            value=row["period_end"],
        )
        ok = False
    value = (
        _value(row["value"], measure.unit if measure else "", where, log) if row["value"] else None
    )
    breakdown = row.get("breakdown") or None
    if measure is not None and breakdown is not None and breakdown not in measure.breakdowns:
        allowed = ", ".join(sorted(measure.breakdowns)) or "none (leave it blank)"
        log.error(
            "partner.breakdown_invalid",
            f"'{breakdown}' is not a breakdown of {measure.measure_id} (allowed: {allowed}).",
            location=where,
            field="breakdown",
            value=breakdown,
        )
        ok = False
    if not ok or value is None:
        return None
    return {
        "agency": row["agency_code"],
        "measure_id": row["measure_id"],
        "period_start": start,
        "period_end": end,
        "value": value,
        "breakdown": breakdown,
    }


def _value(text: str, unit: str, where: str, log: ProblemLog) -> float | None:
    try:
        value = float(text.replace(",", ""))
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < 0:
        log.error(
            "partner.value_invalid",
            "value must be a number of 0 or more.",
            location=where,
            field="value",
            value=text,
        )
        return None
    # a percentage or rate measure is reported as its count too (the dashboard divides it)
    if unit in ("count", "percent", "rate_per_10k") and not value.is_integer():
        log.error(
            "partner.value_invalid",
            "This measure is a count, so value must be a whole number.",
            location=where,
            field="value",
            value=text,
        )
        return None
    return value


def _read_xlsx(path: Path, log: ProblemLog, max_bytes: int) -> CsvTable | None:
    book = open_workbook(path, log, max_bytes)
    if book is None:
        return None
    try:
        sheet = book.worksheets[0]
        rows = sheet_rows(sheet, log)
        first = next(rows, None)
        if first is None:
            log.error("partner.missing_column", "The workbook's first sheet is empty.")
            return None
        table = CsvTable([cell_text(v) for v in first[1]])
        for number, values in rows:
            cells = [cell_text(v) for v in values]
            if any(cells):
                table.rows.append((number, dict(zip(table.header, cells, strict=False))))
        return table
    finally:
        book.close()
