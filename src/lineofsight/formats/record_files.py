"""What the record-file parsers share (child deaths, LADO referrals, training records): the
header check, one dict per row with unique references, the collection year from the latest
date, and a code cell read against a list.  Each parser passes its rule prefix ("cdop",
"lado", "training") so that its problems keep their own rule names.  The partner return and the
practitioner survey use its cell checks (``all_given``) too, and the survey ``open_table``."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from lineofsight.formats.csv_rows import CsvTable, read_csv
from lineofsight.formats.dates import collection_year_of, year_end
from lineofsight.formats.problems import Parsed, ProblemLog

ReadRow = Callable[[dict[str, str], str, ProblemLog], dict[str, object] | None]
Refuse = Callable[[list[str], ProblemLog], bool]


@dataclass(frozen=True)
class RecordFile:
    """One record-file format: the file is told apart by its ``marks`` columns and read row by
    row with ``read_row`` (see ``collect`` for the other fields)."""

    format: str
    required: tuple[str, ...]
    read_row: ReadRow
    prefix: str
    marks: frozenset[str]
    reference: str
    each: str
    dated_by: str
    refuse: Refuse | None = None

    def is_header(self, cells: list[str]) -> bool:
        """Whether a CSV's first row is this format's header."""
        return self.marks <= {c.strip().lower() for c in cells}

    def parse(self, path: Path, log: ProblemLog, *, la_code: str | None) -> Parsed:
        """The file read whole into one table named as its format (see ``collect``); nothing is
        read when a required column is missing or ``refuse`` (given the header) says so."""
        parsed = Parsed.of_file(self.format, path, la_code, self.format)
        opened = open_table(path, log, prefix=self.prefix, required=self.required)
        if opened is None:
            return parsed
        table, header, complete = opened
        refused = self.refuse is not None and self.refuse(header, log)
        if complete and not refused:
            self.collect(parsed, log, table, header)
        return parsed

    def collect(self, parsed: Parsed, log: ProblemLog, table: CsvTable, header: list[str]) -> None:
        """Read every row with ``read_row`` into ``parsed``'s one table: a reference (column
        ``reference``) already seen is an error ("each ``each`` is one row"); each row kept gets
        its row number; the collection year is that of the latest ``dated_by`` date."""
        [name] = parsed.tables
        seen: dict[str, int] = {}
        latest: date | None = None
        for number, cells in table.rows:
            row = named_cells(table, header, cells)
            where = f"row {number}"
            out = self.read_row(row, where, log)
            if out is None:
                continue
            ref = str(out["reference"])
            if ref in seen:
                log.error(
                    f"{self.prefix}.duplicate_ref",
                    f"This {self.reference} is already on row {seen[ref]}: "
                    f"each {self.each} is one row.",
                    location=where,
                    field=self.reference,
                    value=ref,
                )
                continue
            seen[ref] = number
            out["row"] = number
            day = out[self.dated_by]
            if isinstance(day, date) and (latest is None or day > latest):
                latest = day
            parsed.tables[name].append(out)
        parsed.record_count = len(table.rows)
        if latest is not None:
            parsed.collection_year = collection_year_of(latest)
            parsed.reference_date = year_end(parsed.collection_year)


def open_table(
    path: Path,
    log: ProblemLog,
    *,
    prefix: str,
    required: Collection[str],
    header_must: str | None = None,
) -> tuple[CsvTable, list[str], bool] | None:
    """The CSV with its lower-cased header, and whether it has every ``required`` column (an
    error is logged for each one missing, saying what the header must hold: ``header_must``,
    by default the required columns); None when the file cannot be read."""
    table = read_csv(path, log)
    if table is None:
        return None
    header = [h.strip().lower() for h in table.header]
    missing = [name for name in required if name not in header]
    must = header_must or f"The header must include: {','.join(required)}."
    for name in missing:
        log.error(
            f"{prefix}.missing_column",
            f"The file has no {name} column. {must}",
            location="row 1",
            field=name,
        )
    return table, header, not missing


def named_cells(table: CsvTable, header: list[str], cells: dict[str, str]) -> dict[str, str]:
    """A row's cells by the lower-cased ``header`` names, stripped (blank when missing)."""
    return {
        column: cells.get(original, "").strip()
        for column, original in zip(header, table.header, strict=True)
    }


def missing_value(log: ProblemLog, name: str, where: str, *, prefix: str) -> None:
    """Log that cell ``name`` is blank when it must not be."""
    log.error(f"{prefix}.missing_value", f"{name} must not be blank.", location=where, field=name)


def all_given(
    row: dict[str, str], names: Iterable[str], where: str, log: ProblemLog, *, prefix: str
) -> bool:
    """Whether every cell in ``names`` is filled in; each blank one is logged."""
    given = True
    for name in names:
        if not row.get(name):
            missing_value(log, name, where, prefix=prefix)
            given = False
    return given


def code_cell(
    row: dict[str, str],
    name: str,
    allowed: dict[str, str] | tuple[str, ...],
    where: str,
    log: ProblemLog,
    *,
    prefix: str,
    required: bool = True,
    in_order: bool = False,
) -> str | None | bool:
    """The code in cell ``name`` (matched without regard to case): a dict maps what is written
    to the code stored, a tuple lists the codes themselves.  None when blank and not
    ``required``; False (and an error logged) when blank and required, or not a known code.
    The message lists the codes sorted, or a tuple's in its own order when ``in_order``."""
    text = row.get(name, "")
    if not text:
        if required:
            missing_value(log, name, where, prefix=prefix)
            return False
        return None
    choices = allowed if isinstance(allowed, dict) else {code: code for code in allowed}
    key = text.lower()
    if key in choices:
        return choices[key]
    known = list(allowed) if in_order and isinstance(allowed, tuple) else sorted(choices)
    log.error(
        f"{prefix}.code_invalid",
        f"'{text}' is not a {name} this system knows (use one of: {', '.join(known)}).",
        location=where,
        field=name,
        value=text,
    )
    return False
