"""Reading dates as the returns write them, saying exactly what is wrong when they cannot."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import TYPE_CHECKING

ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:Z|[+-]\d{2}:\d{2})?")
UK = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
EARLIEST_YEAR = 1900

if TYPE_CHECKING:
    from lineofsight.formats.problems import ProblemLog


class DateProblem(ValueError):
    """A date that cannot be used; ``str(exc)`` is a plain-English reason."""


def _build(year: int, month: int, day: int, text: str) -> date:
    if year < EARLIEST_YEAR:
        raise DateProblem(f"'{text}' is before {EARLIEST_YEAR}, which cannot be right")
    try:
        return date(year, month, day)
    except ValueError:
        raise DateProblem(f"'{text}' is not a real calendar date") from None


def parse_iso(text: str) -> date:
    """A YYYY-MM-DD date (as in CIN census XML); an optional time-zone suffix is ignored."""
    if len(text) == 10 and text[4] == "-" and text[7] == "-" and text[:4].isdigit():
        try:  # the fast path for the common, well-formed case
            value = date.fromisoformat(text)
        except ValueError:
            pass
        else:
            if value.year >= EARLIEST_YEAR:
                return value
    match = ISO.fullmatch(text)
    if not match:
        raise DateProblem(f"'{text}' is not a date in the form YYYY-MM-DD")
    return _build(int(match[1]), int(match[2]), int(match[3]), text)


def parse_uk(text: str) -> date:
    """A dd/mm/YYYY date (as in SSDA903 CSVs)."""
    match = UK.fullmatch(text)
    if not match:
        raise DateProblem(f"'{text}' is not a date in the form dd/mm/YYYY")
    return _build(int(match[3]), int(match[2]), int(match[1]), text)


def parse_either(text: str) -> date:
    """dd/mm/YYYY or YYYY-MM-DD, as partner returns and Annex A workbooks may use."""
    text = text.strip()
    if UK.fullmatch(text):
        return parse_uk(text)
    if len(text) >= 10 and ISO.fullmatch(text[:10]) and (len(text) == 10 or text[10] in " T"):
        return parse_iso(text[:10])
    raise DateProblem(f"'{text}' is not a date in the form dd/mm/YYYY or YYYY-MM-DD")


def from_cell(value: object) -> date:
    """A spreadsheet cell holding a date, a datetime or date text."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return parse_either(str(value))


def collection_year_of(day: date) -> int:
    """The collection year (the year ending 31 March) a date falls in."""
    return day.year + 1 if day.month >= 4 else day.year


def year_end(collection_year: int) -> date:
    """31 March of a collection year: the reference date of most returns."""
    return date(collection_year, 3, 31)


def date_cell(
    row: dict[str, str], name: str, where: str, log: ProblemLog, *, rule: str
) -> date | None | bool:
    """A record file's date cell ``name``: None if blank; False (and an error ``rule`` logged)
    if it is not a date in either form ``parse_either`` reads."""
    text = row.get(name, "")
    if not text:
        return None
    try:
        return parse_either(text)
    except DateProblem as exc:
        log.error(rule, f"{name}: {exc}.", location=where, field=name, value=text)
        return False
