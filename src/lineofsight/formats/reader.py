"""``read``: turn the files a user gives into returns, each parsed and validated.

Grouping: one CIN XML is one return; the SSDA903 CSVs of one folder are one return; one Annex A
workbook is one return; one partner-return file is one return.  A folder stands for its files and
those of its sub-folders (so ``synth``'s output folder, or ``ssda903/`` with a folder per year, is
read whole: each year folder's CSVs are one return).
Sizes are checked before any file is opened.  Nothing here raises for a bad file: every failure
becomes a ``Problem`` on the return it belongs to.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Protocol

from lineofsight.formats.annex_a import parse_annex_a
from lineofsight.formats.child_deaths import parse_child_deaths
from lineofsight.formats.cin_census import parse_cin_census
from lineofsight.formats.detect import detect, explain_unknown
from lineofsight.formats.lado_referrals import parse_lado_referrals
from lineofsight.formats.partner_return import parse_partner_return
from lineofsight.formats.practitioner_survey import parse_practitioner_survey
from lineofsight.formats.problems import Parsed, ProblemLog
from lineofsight.formats.safe_files import DEFAULT_MAX_BYTES, check_size
from lineofsight.formats.ssda903 import parse_ssda903
from lineofsight.formats.training_records import parse_training_records

ProgressCallback = Callable[[int, int], None]


def expand(paths: Sequence[Path | str]) -> list[Path]:
    """Each path, with a folder replaced by its non-hidden files, sub-folders included, in name
    order (a folder's own files first).  Hidden folders and symbolic links to folders are not
    followed."""
    files: list[Path] = []
    for item in paths:
        path = Path(item)
        if path.is_dir():
            files.extend(_files_under(path))
        else:
            files.append(path)
    return files


def _files_under(folder: Path) -> list[Path]:
    entries = sorted(p for p in folder.iterdir() if not p.name.startswith("."))
    files = [p for p in entries if p.is_file()]
    for sub in entries:
        if sub.is_dir() and not sub.is_symlink():
            files.extend(_files_under(sub))
    return files


class _Progress:
    def __init__(self, callback: ProgressCallback | None, total: int) -> None:
        self.callback, self.total, self.done = callback, total, 0

    def within(self, offset: int) -> None:
        if self.callback is not None:
            self.callback(min(self.done + offset, self.total), self.total)

    def finish(self, size: int) -> None:
        self.done += size
        self.within(0)


@dataclass(frozen=True)
class _Options:
    collection_year: int | None
    la_code: str | None
    max_bytes: int


def read(
    paths: Sequence[Path | str],
    progress: ProgressCallback | None = None,
    *,
    collection_year: int | None = None,
    la_code: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> list[Parsed]:
    """Parse and validate every return in ``paths``; ``progress(done, total)`` counts bytes."""
    options = _Options(collection_year, la_code, max_bytes)
    returns: list[Parsed] = []
    ready: list[tuple[Path, int, str | None]] = []
    for path in expand(paths):
        log = ProblemLog(str(path))
        if not path.exists():
            log.error("file.not_found", "There is no file at this path.", value=str(path))
            returns.append(_failed(path, log))
            continue
        size = check_size(path, log, max_bytes)
        if size is None:
            returns.append(_failed(path, log, detect(path) if path.is_file() else None))
            continue
        ready.append((path, size, detect(path)))
    meter = _Progress(progress, sum(size for _, size, _ in ready))
    folders_903: dict[Path, list[Path]] = {}
    strays: list[tuple[Path, ProblemLog]] = []
    for path, size, kind in ready:
        log = ProblemLog(str(path))
        if kind == "ssda903":
            folders_903.setdefault(path.parent, []).append(path)
        elif kind is None:
            strays.append((path, log))
        else:
            returns.append(
                _guarded(path, log, partial(_parse_one, kind, path, log, options, meter))
            )
        meter.finish(size)
    unknown_csv: dict[Path, list[ProblemLog]] = {}
    for path, log in strays:
        if path.suffix.lower() == ".csv" and path.parent in folders_903:
            log.warning(
                "ssda903.unknown_file",
                "This CSV is not an SSDA903 table (no CHILD column), so it was not read.",
            )
            unknown_csv.setdefault(path.parent, []).append(log)
        else:
            returns.append(_guarded(path, log, partial(_unknown, path, log, max_bytes)))
    for folder, files in folders_903.items():
        log = ProblemLog(str(folder))
        returns.append(
            _guarded(
                files[0],
                log,
                partial(
                    parse_ssda903,
                    files,
                    collection_year=collection_year,
                    la_code=la_code,
                    extra_problems=unknown_csv.get(folder, []),
                ),
            )
        )
    return returns


class _ReadCsv(Protocol):
    def __call__(self, path: Path, log: ProblemLog, *, la_code: str | None) -> Parsed: ...


# The formats read from one CSV with only the LA code given (the others: below).
_CSV_RECORDS: dict[str, _ReadCsv] = {
    "child_deaths": parse_child_deaths,
    "practitioner_survey": parse_practitioner_survey,
    "lado_referrals": parse_lado_referrals,
    "training_records": parse_training_records,
}


def _parse_one(
    kind: str, path: Path, log: ProblemLog, options: _Options, meter: _Progress
) -> Parsed:
    if kind == "cin_census":
        parsed = parse_cin_census(
            path, log, collection_year=options.collection_year, on_read=meter.within
        )
        given = options.la_code
        if given and parsed.la_code and parsed.la_code != given:
            log.warning(
                "cin.la_mismatch",
                f"The file's LEA is {parsed.la_code}, not {given} as "
                "given; the file's code was used.",
                value=parsed.la_code,
            )
        parsed.la_code = parsed.la_code or given
    elif kind in _CSV_RECORDS:
        parsed = _CSV_RECORDS[kind](path, log, la_code=options.la_code)
    else:
        parse = parse_annex_a if kind == "annex_a" else parse_partner_return
        parsed = parse(
            path,
            log,
            max_bytes=options.max_bytes,
            collection_year=options.collection_year,
            la_code=options.la_code,
        )
    return parsed


def _unknown(path: Path, log: ProblemLog, max_bytes: int) -> Parsed:
    explain_unknown(path, log, max_bytes)
    return Parsed(format="unknown", source_files=[str(path)])


def _guarded(path: Path, log: ProblemLog, parse: Callable[[], Parsed]) -> Parsed:
    """Run ``parse``; an unexpected failure becomes a problem, never a traceback."""
    try:
        parsed = parse()
    except Exception as exc:  # noqa: BLE001 - the safety net: report, never crash
        log.error(
            "internal.unexpected",
            "The file could not be checked because of an unexpected "
            f"error ({type(exc).__name__}). Please report this with the file's format.",
        )
        return _failed(path, log)
    return _finish(parsed, log)


def _failed(path: Path, log: ProblemLog, kind: str | None = None) -> Parsed:
    log.close()
    return Parsed(format=kind or "unknown", problems=log.problems, source_files=[str(path)])


def _finish(parsed: Parsed, log: ProblemLog) -> Parsed:
    """Attach the file's problems and stamp every row with the return's LA and year."""
    log.close()
    parsed.problems = log.problems + parsed.problems
    for rows in parsed.tables.values():
        for row in rows:
            row["la_code"] = parsed.la_code
            row["collection_year"] = parsed.collection_year
    return parsed
