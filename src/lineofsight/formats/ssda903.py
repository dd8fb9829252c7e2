"""SSDA903 (children looked after) CSVs: one return is the set of tables from one folder.

Each CSV is recognised by its header row, not its name.  Values are checked against the code
lists and date rules in ``reference/``; cross-table rules are in ``ssda903_rules``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from lineofsight.formats.codelists import codes
from lineofsight.formats.csv_rows import read_csv
from lineofsight.formats.dates import DateProblem, collection_year_of, parse_uk, year_end
from lineofsight.formats.problems import Parsed, ProblemLog
from lineofsight.formats.rules.registry import apply_codes
from lineofsight.formats.rules.ssda903.run import run_903_rules
from lineofsight.formats.ssda903_rules import check_cross_table
from lineofsight.formats.ssda903_spec import ColumnSpec, identify, table_specs

Typed = dict[str, object]
OUTPUT_TABLES = (
    "cla_children",
    "cla_episodes",
    "cla_reviews",
    "cla_uasc",
    "cla_outcomes",
    "care_leavers",
    "cla_missing",
)
YEAR_DATES = {"Episodes": ("DECOM", "DEC"), "Reviews": ("REVIEW",), "Missing": ("MIS_START",)}


@dataclass
class DateCell:
    log: ProblemLog
    row: int
    column: str
    raw: str
    value: date
    child: str | None


@dataclass
class Return903:
    parsed: Parsed
    typed: dict[str, list[tuple[ProblemLog, int, Typed]]] = field(default_factory=dict)
    dates: list[DateCell] = field(default_factory=list)


def parse_ssda903(
    paths: Sequence[Path],
    *,
    collection_year: int | None = None,
    la_code: str | None = None,
    extra_problems: Sequence[ProblemLog] = (),
) -> Parsed:
    parsed = Parsed(
        format="ssda903",
        la_code=la_code,
        source_files=[str(p) for p in paths],
        tables={name: [] for name in OUTPUT_TABLES},
    )
    work = Return903(parsed)
    for path in paths:
        _read_file(path, ProblemLog(str(path), parsed.problems), work)
    for log in extra_problems:
        parsed.problems.extend(log.problems)
    if not work.typed:
        ProblemLog(str(paths[0]) if paths else "", parsed.problems).error(
            "ssda903.no_tables", "None of the files is an SSDA903 table (Header, Episodes, ...)."
        )
    parsed.collection_year = collection_year or _infer_year(work, parsed)
    if parsed.collection_year is not None:
        parsed.reference_date = year_end(parsed.collection_year)
        _check_future(work, parsed.reference_date)
        _check_codes_of_year(work, parsed.collection_year)
    check_cross_table(work.typed)
    if parsed.collection_year is not None:
        run_903_rules(work.typed, parsed.collection_year)
    apply_codes("ssda903", parsed.collection_year, parsed.problems)
    parsed.record_count = sum(len(rows) for rows in work.typed.values())
    return parsed


def _read_file(path: Path, log: ProblemLog, work: Return903) -> None:
    table = read_csv(path, log, upper=True)
    if table is None:
        return
    name = identify(table.header)
    if name is None:
        log.warning(
            "ssda903.unknown_file",
            "This CSV's columns do not match any SSDA903 table, so it was not read.",
            value=",".join(table.header),
        )
        return
    if name in work.typed:
        log.error(
            "ssda903.duplicate_table",
            f"A second {name} table was found; give one file per table.",
            value=name,
        )
        return
    specs = table_specs()[name]
    present = set(table.header)
    for spec in specs:
        if spec.column not in present and not spec.optional:
            log.add(
                "ssda903.missing_column",
                f"The {name} table has no {spec.column} column.",
                field=spec.column,
                severity="error" if spec.required else "warning",
            )
    known = {spec.column for spec in specs}
    for extra in [h for h in table.header if h not in known]:
        log.warning(
            "ssda903.extra_column",
            f"{extra} is not a column of the {name} table and was ignored.",
            field=extra,
        )
    rows = work.typed.setdefault(name, [])
    for number, cells in table.rows:
        rows.append((log, number, _read_row(name, specs, cells, log, number, work)))


def _read_row(
    table: str,
    specs: tuple[ColumnSpec, ...],
    cells: dict[str, str],
    log: ProblemLog,
    number: int,
    work: Return903,
) -> Typed:
    child = cells.get("CHILD") or None
    typed: Typed = {}
    out: Typed = {}
    where = f"row {number}"
    for spec in specs:
        raw = cells.get(spec.column, "")
        try:
            value = _value(spec, raw, log, child, work, number) if raw else None
        except _Unreadable as bad:
            log.add(
                bad.rule,
                bad.message,
                location=where,
                field=spec.column,
                value=raw,
                severity=spec.on_bad,
                child=child,
            )
            value = bad.kept
        if not raw and spec.required and spec.column in cells:
            log.add(
                "ssda903.missing_value",
                f"{spec.column} must not be blank in the {table} table.",
                location=where,
                field=spec.column,
                severity=spec.on_bad,
                child=child,
            )
        # a value given but unreadable still counts as given for the rules (as the DfE's do):
        # the rules see its text, the stored tables see nothing
        typed[spec.column] = raw if value is None and raw else value
        if spec.target_table:
            out[spec.target_column] = value
    if out and specs[0].target_table and child:
        work.parsed.tables[specs[0].target_table].append(out)
    return typed


class _Unreadable(Exception):
    """A cell that cannot be read: the rule and message to log, and the value kept for it."""

    def __init__(self, rule: str, message: str, kept: object = None) -> None:
        super().__init__(message)
        self.rule, self.message, self.kept = rule, message, kept


def _value(
    spec: ColumnSpec,
    raw: str,
    log: ProblemLog,
    child: str | None,
    work: Return903,
    number: int,
) -> object:
    """The typed value of cell ``raw``; raises ``_Unreadable`` for one that cannot be read."""
    if spec.kind == "date":
        try:
            value = parse_uk(raw)
        except DateProblem as exc:
            raise _Unreadable("ssda903.date_invalid", f"{spec.column}: {exc}.") from None
        work.dates.append(DateCell(log, number, spec.column, raw, value, child))
        return value
    if spec.kind in ("code", "bool") and raw not in codes(spec.codelist):
        allowed = ", ".join(sorted(codes(spec.codelist)))
        raise _Unreadable(
            "ssda903.code_unknown",
            f"'{raw}' is not a valid {spec.column} code (allowed: {allowed}).",
            None if spec.kind == "bool" else raw,
        )
    if spec.kind == "bool":
        return raw == "1"
    if spec.kind == "int":
        if not (raw.isascii() and raw.isdigit() and len(raw) <= 6):
            raise _Unreadable("ssda903.number_invalid", f"{spec.column} must be a whole number.")
        return int(raw)
    return raw


def _check_codes_of_year(work: Return903, year: int) -> None:
    """Codes valid in some year but not in this return's (e.g. placement H5 after 2023-24, or
    sex 1/2 from 2024-25 on, when M/F/U replaced them): the parser read them against every
    year's list before the year was known."""
    for table, rows in work.typed.items():
        for spec in table_specs()[table]:
            if spec.kind != "code" or codes(spec.codelist, year) == codes(spec.codelist):
                continue
            allowed, known = codes(spec.codelist, year), codes(spec.codelist)
            for log, number, row in rows:
                value = row.get(spec.column)
                if value is None or value in allowed or value not in known:
                    continue  # unknown in every year: the parser has said so
                log.add(
                    "ssda903.code_unknown",
                    f"'{value}' is not a valid {spec.column} code in {year - 1}-{year % 100:02d} "
                    f"(allowed: {', '.join(sorted(allowed))}).",
                    location=f"row {number}",
                    field=spec.column,
                    value=str(value),
                    severity=spec.on_bad,
                    child=str(row.get("CHILD") or "") or None,
                )


def _infer_year(work: Return903, parsed: Parsed) -> int | None:
    today = date.today()
    latest: date | None = None
    for table, columns in YEAR_DATES.items():
        for _, _, row in work.typed.get(table, []):
            for column in columns:
                value = row.get(column)
                if (
                    isinstance(value, date)
                    and value <= today
                    and (latest is None or value > latest)
                ):
                    latest = value
    if latest is None:
        return None
    year = collection_year_of(latest)
    ProblemLog(parsed.source_files[0], parsed.problems).warning(
        "ssda903.year_inferred",
        f"The collection year was taken as {year - 1}-{year % 100:02d} "
        f"from the latest date in the return ({latest:%d/%m/%Y}). Give the year if this is wrong.",
        value=str(year),
    )
    return year


def _check_future(work: Return903, reference: date) -> None:
    for cell in work.dates:
        if cell.value > reference:
            cell.log.error(
                "ssda903.date_after_year_end",
                f"{cell.column} is after the end of the collection year ({reference:%d/%m/%Y}).",
                location=f"row {cell.row}",
                field=cell.column,
                value=cell.raw,
                child=cell.child,
            )
