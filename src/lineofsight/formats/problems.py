"""What a parser hands back: the normalised tables of one return and every problem found in it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal, TypedDict, Unpack

Severity = Literal["error", "warning"]

MAX_VALUE_CHARS = 80
MAX_PROBLEMS = 100_000  # per return; past this one closing problem says how many were left out


def shown(value: object) -> str:
    """A value as it is shown in a report: printable, one line, at most MAX_VALUE_CHARS."""
    if value is None:
        return ""
    text = str(value)
    text = "".join(ch if ch.isprintable() else "\N{REPLACEMENT CHARACTER}" for ch in text)
    if len(text) > MAX_VALUE_CHARS:
        text = text[: MAX_VALUE_CHARS - 1] + "\N{HORIZONTAL ELLIPSIS}"
    return text


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a return, said so a data officer can find and fix it."""

    file: str
    location: str  # "row 12", "line 3, column 7", "child LA123 / CINdetails 2", "whole file"
    field: str
    value: str
    message: str  # plain English
    severity: Severity
    rule: str  # short stable code, e.g. "cin.closure_before_referral"
    child: str | None = None  # the child's identifier named in ``location``, if any
    code: str = ""  # the DfE validation rule's code (e.g. "1510", "8525Q"), if it is one

    @property
    def is_query(self) -> bool:
        """A DfE query (code ending in Q): a warning the analyst may accept."""
        return self.code.endswith("Q")

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


@dataclass
class Parsed:
    """One return: its normalised tables (see ``formats/tables.py``) and its problems."""

    format: str  # "cin_census" | "ssda903" | "annex_a" | "partner_return" | "unknown"
    la_code: str | None = None
    collection_year: int | None = None
    reference_date: date | None = None
    tables: dict[str, list[dict[str, object]]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    source_files: list[str] = field(default_factory=list)
    record_count: int = 0
    pseudonymised: bool = False  # set by ``pseudonymise``: child_id holds pseudonyms

    @classmethod
    def of_file(cls, format: str, path: Path, la_code: str | None, *tables: str) -> Parsed:
        """An empty return read from the one file ``path``, with its (empty) ``tables``."""
        return cls(
            format=format,
            la_code=la_code,
            source_files=[str(path)],
            tables={name: [] for name in tables},
        )

    @property
    def rejected(self) -> bool:
        """True when any problem is an error: the return must not be stored."""
        return any(p.severity == "error" for p in self.problems)

    @property
    def error_count(self) -> int:
        return sum(1 for p in self.problems if p.severity == "error")

    @property
    def warning_count(self) -> int:
        return sum(1 for p in self.problems if p.severity == "warning")


class Where(TypedDict, total=False):
    """Where a problem is and what it is about (``ProblemLog.add``'s defaults for any not given:
    the whole file, no field, no value, no child)."""

    location: str
    field: str
    value: object
    child: str | None


class ProblemLog:
    """Collects problems for one file, filling in the file name and capping the count."""

    def __init__(self, file: str, sink: list[Problem] | None = None) -> None:
        self.file = file
        self.problems: list[Problem] = sink if sink is not None else []
        self.dropped = 0

    def add(
        self,
        rule: str,
        message: str,
        *,
        location: str = "whole file",
        field: str = "",
        value: object = "",
        severity: Severity = "error",
        child: str | None = None,
        code: str = "",
    ) -> None:
        if len(self.problems) >= MAX_PROBLEMS:
            self.dropped += 1
            return
        self.problems.append(
            Problem(self.file, location, field, shown(value), message, severity, rule, child, code)
        )

    def error(self, rule: str, message: str, **where: Unpack[Where]) -> None:
        self.add(rule, message, **where)

    def warning(self, rule: str, message: str, **where: Unpack[Where]) -> None:
        self.add(rule, message, severity="warning", **where)

    def close(self) -> None:
        """Say how many problems were left out, if the cap was reached."""
        if self.dropped:
            self.problems.append(
                Problem(
                    self.file,
                    "whole file",
                    "",
                    str(self.dropped),
                    f"Too many problems: {self.dropped} more were found but not listed. "
                    "Fix the ones above and validate again.",
                    "error",
                    "file.too_many_problems",
                )
            )
            self.dropped = 0
