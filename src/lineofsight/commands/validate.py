"""``lineofsight validate PATH...``: check returns and list every problem (nothing is stored).

Prints a table of problems (or, with ``--json``, a JSON list with one object per return) and a
summary line per return.  Exit status 1 when any return is rejected (has an error), 2 when the
paths hold no file at all, else 0.  Folders are read with their sub-folders.
A progress bar goes to stderr when it is a terminal, or always with ``--progress``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import asdict
from typing import TextIO

from lineofsight.formats import DEFAULT_MAX_BYTES, Parsed, Problem, read
from lineofsight.govuk.formatting import count

COLUMNS = (("severity", 8), ("file", 28), ("location", 34), ("field", 22), ("value", 20))
BAR_WIDTH = 30


def _cut(text: str, width: int, *, keep_end: bool) -> str:
    if len(text) <= width:
        return text
    if keep_end:  # file names and locations: the end says most
        return "\N{HORIZONTAL ELLIPSIS}" + text[-(width - 1) :]
    return text[: width - 1] + "\N{HORIZONTAL ELLIPSIS}"


def _short_file(problem: Problem) -> str:
    return problem.file.rsplit("/", 1)[-1]


def problem_table(problems: list[Problem]) -> str:
    """Problems as an aligned text table, message last."""
    header = "  ".join(name.upper().ljust(width) for name, width in COLUMNS) + "  MESSAGE"
    lines = [header, "-" * len(header)]
    for problem in problems:
        cells = {
            "severity": problem.severity,
            "file": _short_file(problem),
            "location": problem.location,
            "field": problem.field,
            "value": problem.value,
        }
        row = "  ".join(
            _cut(cells[name], width, keep_end=name in ("file", "location")).ljust(width)
            for name, width in COLUMNS
        )
        lines.append(f"{row}  {problem.message}")
    return "\n".join(lines)


def summary(parsed: Parsed) -> str:
    verdict = "REJECTED" if parsed.rejected else "ACCEPTED"
    files = ", ".join(name.rsplit("/", 1)[-1] for name in parsed.source_files)
    if len(parsed.source_files) > 3:  # an SSDA903 folder: name the folder, not every CSV
        folders = {name.rsplit("/", 2)[-2] for name in parsed.source_files if "/" in name}
        where = f"{folders.pop()}/, " if len(folders) == 1 else ""
        files = f"{where}{len(parsed.source_files)} files"
    year = parsed.collection_year if parsed.collection_year is not None else "unknown year"
    return (
        f"{verdict}: {parsed.format} LA {parsed.la_code or 'unknown'} {year} - "
        f"{count(parsed.record_count, 'record')}, {count(parsed.error_count, 'error')}, "
        f"{count(parsed.warning_count, 'warning')} ({files})"
    )


def as_json(parsed: Parsed) -> dict[str, object]:
    return {
        "format": parsed.format,
        "la_code": parsed.la_code,
        "collection_year": parsed.collection_year,
        "reference_date": parsed.reference_date.isoformat() if parsed.reference_date else None,
        "source_files": parsed.source_files,
        "record_count": parsed.record_count,
        "errors": parsed.error_count,
        "warnings": parsed.warning_count,
        "rejected": parsed.rejected,
        "problems": [asdict(problem) for problem in parsed.problems],
    }


def progress_bar(stream: TextIO) -> Callable[[int, int], None]:
    """A callback drawing ``[####------]  40%  10.0/25.0 MB`` on ``stream``, redrawn per percent."""
    last = [-1]

    def draw(done: int, total: int) -> None:
        percent = 100 if total <= 0 else done * 100 // total
        if percent == last[0]:
            return
        last[0] = percent
        filled = BAR_WIDTH * percent // 100
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        stream.write(f"\r[{bar}] {percent:3d}%  {done / 1e6:.1f}/{total / 1e6:.1f} MB")
        if percent >= 100:
            stream.write("\n")
        stream.flush()

    return draw


NOTHING_READ = 2  # exit status when the paths hold no file at all


def nothing_found(paths: list[str]) -> str:
    """The message for paths that hold no file: say what was looked at, never pass silently."""
    looked = ", ".join(paths)
    return (
        f"Nothing was read: no files were found in {looked} (folders are searched with their "
        "sub-folders; hidden files are skipped). Give the returns' files or the folders that "
        "hold them."
    )


def rules_table(family: str | None = None) -> str:
    """Every DfE rule checked: code, family, kind, years and the DfE's description."""
    from lineofsight.formats.rules.docs import span
    from lineofsight.formats.rules.registry import catalogue

    lines = [f"{'FAMILY':8}  {'CODE':9}  {'KIND':5}  {'YEARS':20}  DESCRIPTION"]
    for rule in catalogue():  # a rule the DfE changed: one line per version
        if family and rule.family != family:
            continue
        years = span(rule.years)
        lines.append(
            f"{rule.family:8}  {rule.code:9}  {rule.kind:5}  {years:20}  {rule.description.strip()}"
        )
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    if args.rules:
        print(rules_table())
        return 0
    if not args.paths:
        print("lineofsight validate: give one or more PATHs (or --rules)", file=sys.stderr)
        return 2
    show_progress = args.progress or sys.stderr.isatty()
    returns = read(
        args.paths,
        progress_bar(sys.stderr) if show_progress else None,
        collection_year=args.collection_year,
        la_code=args.la,
        max_bytes=int(args.max_size_mb * 1024 * 1024),
    )
    if not returns:
        print(nothing_found(args.paths), file=sys.stderr)
        return NOTHING_READ
    if args.json:
        print(json.dumps([as_json(parsed) for parsed in returns], indent=2, default=str))
    else:
        problems = [problem for parsed in returns for problem in parsed.problems]
        if problems:
            print(problem_table(problems))
            print()
        for parsed in returns:
            print(summary(parsed))
    return 1 if any(parsed.rejected for parsed in returns) else 0


HELP = "check CIN census, SSDA903, Annex A and partner returns and list every problem"
DESCRIPTION = (
    "Detect each file's format, parse it safely and list every problem with "
    "file, row or child, field, value and a plain-English message. Nothing is stored. "
    "Folders are read with their sub-folders (each SSDA903 year folder is one return). "
    "Exit status 1 if any return is rejected, 2 if no file was found."
)


def return_file_arguments(parser: argparse.ArgumentParser, *, paths: str) -> None:
    """The options ``validate`` and ``ingest`` share: which files, and what a file may not say."""
    parser.add_argument("paths", nargs=paths, metavar="PATH", help="files or folders")
    parser.add_argument(
        "--collection-year",
        type=int,
        metavar="N",
        help="the year the collection ends in (2024 for 2023-24) when a file does not say",
    )
    parser.add_argument(
        "--la", metavar="CODE", help="the three-digit DfE LA code, when a file does not say"
    )
    parser.add_argument("--json", action="store_true", help="machine-readable: one per return")
    parser.add_argument(
        "--progress", action="store_true", help="show a progress bar even when not a terminal"
    )


def arguments(parser: argparse.ArgumentParser) -> None:
    return_file_arguments(parser, paths="*")
    parser.add_argument(
        "--rules", action="store_true", help="list every DfE validation rule checked, and exit"
    )
    parser.add_argument(
        "--max-size-mb",
        type=float,
        default=DEFAULT_MAX_BYTES / (1024 * 1024),
        help="refuse files larger than this (default %(default).0f)",
    )
