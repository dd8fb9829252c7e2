"""Reading a CSV return safely: encoding checked, formula-like cells flagged, rows numbered."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from lineofsight.formats.problems import ProblemLog
from lineofsight.formats.safe_files import decode_text

FORMULA_STARTS = ("=", "+", "@", "\t", "\r")
MAX_CELL_CHARS = 10_000
csv.field_size_limit(MAX_CELL_CHARS)


@dataclass
class CsvTable:
    header: list[str]  # stripped, as written
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)  # (row number, cells)


def looks_like_formula(cell: str) -> bool:
    """True for cells a spreadsheet would run as a formula (CSV injection)."""
    if cell.startswith(FORMULA_STARTS):
        return True
    return cell.startswith("-") and len(cell) > 1 and not cell[1:2].isdigit()


def read_csv(path: Path, log: ProblemLog, *, upper: bool = False) -> CsvTable | None:
    """Rows keyed by header; ``row N`` counts the header as row 1, as a spreadsheet does."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        log.error("file.unreadable", f"The file could not be read: {exc.strerror or exc}.")
        return None
    text = decode_text(data, log)
    if text is None:
        return None
    return rows_from_text(text, log, upper=upper)


def rows_from_text(text: str, log: ProblemLog, *, upper: bool = False) -> CsvTable | None:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header_cells = next(reader, None)
        if not header_cells or not any(cell.strip() for cell in header_cells):
            log.error(
                "csv.no_header",
                "The file has no header row (the first row must name the columns).",
                location="row 1",
            )
            return None
        header = [cell.strip().upper() if upper else cell.strip() for cell in header_cells]
        table = CsvTable(header)
        for number, cells in enumerate(reader, start=2):
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) > len(header):
                log.error(
                    "csv.too_many_cells",
                    f"This row has {len(cells)} cells but the header "
                    f"names {len(header)} columns, so its values cannot be matched to "
                    "columns (check for unquoted commas).",
                    location=f"row {number}",
                    value=",".join(cells[len(header) :]),
                )
                continue
            row = {}
            for name, cell in zip(header, cells, strict=False):
                value = cell.strip()
                if value and looks_like_formula(value):
                    log.warning(
                        "csv.formula_like_cell",
                        "This cell starts like a spreadsheet "
                        "formula. It is kept as text and never run, but check the value.",
                        location=f"row {number}",
                        field=name,
                        value=value,
                    )
                row[name] = value
            table.rows.append((number, row))
    except csv.Error as exc:
        log.error(
            "csv.malformed",
            f"The CSV cannot be read past line {reader.line_num}: {exc}.",
            location=f"line {reader.line_num}",
        )
        return None
    return table
