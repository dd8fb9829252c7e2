"""What several SSDA903 rule families share: code groups, ages, periods of care, and whether a
child was looked after continuously through the year."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from datetime import date, timedelta

from lineofsight.formats.rules.registry import ALL_YEARS, rule
from lineofsight.formats.rules.ssda903.run import Child903, Row903, Run903

TEMPORARY = frozenset({"T0", "T1", "T2", "T3", "T4"})  # temporary placements
RESPITE = frozenset({"V3", "V4"})  # short breaks: legal statuses outside most rules
PLACED_FOR_ADOPTION = frozenset({"A3", "A4", "A5", "A6"})
ADOPTED = frozenset({"E11", "E12"})
FOSTER = frozenset({"U1", "U2", "U3", "U4", "U5", "U6"})
OTHER_PLACEMENTS = frozenset({"Z1"})  # "other placement", to 2024-25
OTHER_PLACEMENTS_FROM_2026 = frozenset({"Z11", "Z12", "Z13", "Z14"})  # Z1 split in 2025-26
OC2_TWELVE_MONTHS = (  # the OC2 items for children looked after for 12 months
    "CONVICTED",
    "HEALTH_CHECK",
    "IMMUNISATIONS",
    "TEETH_CHECK",
    "HEALTH_ASSESSMENT",
    "SUBSTANCE_MISUSE",
    "INTERVENTION_RECEIVED",
    "INTERVENTION_OFFERED",
)
OC2_HEALTH = ("IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE")
OC3_ITEMS = ("IN_TOUCH", "ACTIV", "ACCOM")
AD1_ITEMS = ("DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR")
YEAR_DAYS = 365.2425  # numpy's year, which the public validator's ages in years use


def birthday(born: date, years: int) -> date:
    try:
        return born.replace(year=born.year + years)
    except ValueError:  # 29 February: pandas' DateOffset gives 28 February
        return born.replace(year=born.year + years, day=28)


def any_given(item: Row903, columns: tuple[str, ...]) -> bool:
    return any(item.has(c) for c in columns)


def all_given(item: Row903, columns: tuple[str, ...]) -> bool:
    return all(item.has(c) for c in columns)


def dob(child: Child903, item: Row903) -> date | None:
    """The row's own DOB (supporting tables carry one), else the Header's."""
    return item.day("DOB") or child.birth


def in_year(run: Run903, item: Row903) -> bool:
    """The episode was open at some time in the collection year."""
    start, ended = item.day("DECOM"), item.day("DEC")
    return start is not None and start <= run.end and (ended is None or ended >= run.start)


def continuously_looked_after(child: Child903, run: Run903) -> bool:
    """Looked after throughout the year: open at some time in it, and no episode that starts a
    period of care after 1 April, ends one before 31 March, or is a short break (V3/V4)."""
    if child.looked_after_all_year is None:
        during = False
        broken = False
        for item in child.episodes:
            start, ended = item.day("DECOM"), item.day("DEC")
            open_in_year = in_year(run, item)
            during = during or open_in_year
            if item.text("RNE") == "S" and start is not None and run.start < start <= run.end:
                broken = True
            if item.text("REC") != "X1" and ended is not None and run.start <= ended < run.end:
                broken = True
            if item.text("LS") in RESPITE and open_in_year:
                broken = True
        child.looked_after_all_year = during and not broken
    return child.looked_after_all_year


def previous_pairs(child: Child903) -> Iterator[tuple[Row903, Row903]]:
    """Each episode with the one before it (episodes in start-date order)."""
    return zip(child.episodes, child.episodes[1:], strict=False)


def periods_of_care(child: Child903) -> list[tuple[date, date | None]]:
    """(start, end) of each period of care: episodes run on while each starts on or before the
    previous one's end; the end is the last episode's DEC (``None`` while open)."""
    periods: list[tuple[date, date | None]] = []
    first: date | None = None
    last_end: date | None = None
    previous: Row903 | None = None
    for item in child.episodes:
        start = item.day("DECOM")
        if start is None:
            continue
        ended_before = previous.day("DEC") if previous is not None else None
        if first is None or (ended_before is not None and start > ended_before):
            if first is not None:
                periods.append((first, last_end))
            first = start
        last_end = item.day("DEC")
        previous = item
    if first is not None:
        periods.append((first, last_end))
    return periods


def days(n: int) -> timedelta:
    return timedelta(days=n)


def report_all(run: Run903, code: str, items: list[Row903], field: str) -> None:
    for item in items:
        run.report(code, item, field)


def report_listed(
    run: Run903, code: str, items: list[Row903], field: str, values: Collection[str]
) -> None:
    """Report each of ``items`` whose ``field`` is one of ``values``, there, with its value."""
    for item in items:
        value = item.text(field)
        if value in values:
            run.report(code, item, field, value or "")


def rows_of(child: Child903, table: str) -> list[Row903]:
    """The child's rows of ``table`` ("Header", "Episodes", "OC2", ...)."""
    if table == "Header":
        return child.header
    if table == "Episodes":
        return child.episodes
    return child.table(table)


def each_row(
    code: str,
    text: str,
    table: str,
    field: str,
    *,
    only: Callable[[Child903, Run903], bool] | None = None,
    show: bool = False,
    applies: frozenset[int] = ALL_YEARS,
) -> Callable[[Callable[[Row903, Run903], bool]], Callable[[Row903, Run903], bool]]:
    """Register the decorated ``fails(row, run)`` as the check of rule ``code``: each of the
    child's rows of ``table`` it holds for is reported at ``field`` (with the cell's value when
    ``show``), for children ``only`` admits (all when not given)."""

    def wrap(fails: Callable[[Row903, Run903], bool]) -> Callable[[Row903, Run903], bool]:
        def check(child: Child903, run: Run903) -> None:
            if only is not None and not only(child, run):
                return
            for item in rows_of(child, table):
                if fails(item, run):
                    run.report(code, item, field, (item.text(field) or "") if show else "")

        check.__name__, check.__module__, check.__doc__ = (
            fails.__name__,
            fails.__module__,
            fails.__doc__,
        )
        rule("ssda903", code, text, applies)(check)
        return fails

    return wrap


# Rules that differ only in their code, wording, table and columns: one check each, registered
# per rule by ``each_row`` (the rule's implementation is the shared check).


def value_listed(code: str, text: str, table: str, field: str, allowed: Collection[str]) -> None:
    """Rule ``code``: a row of ``table`` whose ``field`` is given but not one of ``allowed`` is
    reported there, with its value."""

    def value_not_listed(item: Row903, run: Run903) -> bool:
        value = item.text(field)
        return value is not None and value not in allowed

    each_row(code, text, table, field, show=True)(value_not_listed)


def value_given(code: str, text: str, table: str, field: str) -> None:
    """Rule ``code``: a row of ``table`` with ``field`` blank is reported there."""

    def value_blank(item: Row903, run: Run903) -> bool:
        return not item.has(field)

    each_row(code, text, table, field)(value_blank)


def value_unexpected(
    code: str, text: str, table: str, field: str, *, only: Callable[[Child903, Run903], bool]
) -> None:
    """Rule ``code``: a row of ``table`` with ``field`` given is reported there, for the children
    ``only`` admits (those who should not have it)."""

    def value_present(item: Row903, run: Run903) -> bool:
        return item.has(field)

    each_row(code, text, table, field, only=only)(value_present)


def given_with(code: str, text: str, table: str, given: str, needed: str) -> None:
    """Rule ``code``: a row of ``table`` with ``given`` filled in and ``needed`` blank is
    reported at ``needed``."""

    def needed_blank(item: Row903, run: Run903) -> bool:
        return item.has(given) and not item.has(needed)

    each_row(code, text, table, needed)(needed_blank)


def flag_needs(code: str, text: str, table: str, flag: str, needed: tuple[str, ...]) -> None:
    """Rule ``code``: a row of ``table`` with ``flag`` "1" and any of ``needed`` blank is
    reported at ``flag``."""

    def flagged_without(item: Row903, run: Run903) -> bool:
        return item.text(flag) == "1" and not all_given(item, needed)

    each_row(code, text, table, flag)(flagged_without)
