"""SSDA903 rules on missing and away-from-placement spells, against each other and the child's
periods of care."""

from __future__ import annotations

from datetime import date

from lineofsight.formats.rules.registry import rule
from lineofsight.formats.rules.ssda903.common import (
    birthday,
    each_row,
    given_with,
    periods_of_care,
)
from lineofsight.formats.rules.ssda903.run import Child903, Row903, Run903


def _spells(child: Child903) -> list[Row903]:
    return child.table("Missing")


@each_row(
    "564",
    "Child was missing or away from placement without authorisation and the date started is blank.",
    "Missing",
    "MIS_START",
)
def missing_without_start(item: Row903, run: Run903) -> bool:
    return item.text("MISSING") in ("M", "A") and not item.has("MIS_START")


given_with(
    "565",
    "The date that the child started to be missing or away from placement without "
    "authorisation has been completed but whether the child was missing or away from placement "
    "without authorisation has not been completed.",
    "Missing",
    "MIS_START",
    "MISSING",
)
given_with(
    "566",
    "The date that the child's episode of being missing or away from placement without "
    "authorisation ended has been completed but whether the child was missing or away without "
    "authorisation has not been completed.",
    "Missing",
    "MIS_END",
    "MISSING",
)


@rule(
    "ssda903",
    "574",
    "A new missing/away from placement without authorisation period cannot start when the "
    "previous missing/away from placement without authorisation period is still open. "
    "Missing/away from placement without authorisation periods should also not overlap.",
)
def spells_overlap(child: Child903, run: Run903) -> None:
    """Spells in order of their end (an open spell by its start), as the public validator."""

    def order(item: Row903) -> tuple[date, date, int]:
        start = item.day("MIS_START") or date.max
        return (item.day("MIS_END") or start, start, item.number)

    spells = sorted(_spells(child), key=order)
    for before, item in zip(spells, spells[1:], strict=False):
        ended, start = before.day("MIS_END"), item.day("MIS_START")
        if not before.has("MIS_END") or (ended is not None and start is not None and start < ended):
            run.report("574", item, "MIS_START")


@rule(
    "ssda903",
    "575",
    "If the placement from which the child goes missing/away from placement without "
    "authorisation ends, the missing/away from placement without authorisation period in the "
    "missing module must also have an end date.",
)
def open_spell_after_placement_ended(child: Child903, run: Run903) -> None:
    for item in _spells(child):
        went = item.day("MIS_START")
        if went is None or item.has("MIS_END"):
            continue
        for episode in child.episodes:
            start, ended = episode.day("DECOM"), episode.day("DEC")
            if start is not None and ended is not None and start <= went <= ended:
                run.report("575", item, "MIS_END")
                break


@rule(
    "ssda903",
    "577",
    "Child ceased to be looked after but there is a missing/away from placement without "
    "authorisation period without an end date.",
)
def spell_outside_care(child: Child903, run: Run903) -> None:
    """A spell that fits no period of care: open after the period ended, open but starting
    before it, or ending outside it."""
    periods = periods_of_care(child)
    if not periods:
        return
    for item in _spells(child):
        if item.has("MIS_START") and all(_outside(item, p) for p in periods):
            run.report("577", item, "MIS_END")


def _outside(item: Row903, period: tuple[date, date | None]) -> bool:
    first, last = period
    went, back = item.day("MIS_START"), item.day("MIS_END")
    if not item.has("MIS_END"):
        return last is not None or (went is not None and went < first)
    return back is not None and ((last is not None and back > last) or back < first)


@rule(
    "ssda903",
    "578",
    "The date that the child started to be missing is after the child ceased to be looked after.",
)
def spell_starts_after_care(child: Child903, run: Run903) -> None:
    periods = periods_of_care(child)
    if not periods:
        return
    for item in _spells(child):
        went = item.day("MIS_START")
        if went is None:
            continue
        if all(went < first or (last is not None and went > last) for first, last in periods):
            run.report("578", item, "MIS_START")


@rule("ssda903", "581", "Child is missing but has not yet started to be looked after.")
def spell_outside_episodes(child: Child903, run: Run903) -> None:
    """A spell whose start falls in none of the child's episodes (an unreadable start in none)."""
    if not child.episodes:
        return
    for item in _spells(child):
        went = item.day("MIS_START")
        inside = went is not None and any(
            (start := e.day("DECOM")) is not None
            and start <= went
            and ((ended := e.day("DEC")) is None or went <= ended)
            for e in child.episodes
        )
        if not inside:
            run.report("581", item, "MIS_START")


@rule(
    "ssda903",
    "580",
    "Child is missing when cease being looked after but reason episode ceased not ‘E8’.",
)
def missing_at_18_not_e8(child: Child903, run: Run903) -> None:
    for item in _spells(child):
        born, back = item.day("DOB"), item.day("MIS_END")
        if born is None or back is None or back != birthday(born, 18):
            continue
        for episode in child.episodes:
            if episode.day("DEC") == back and episode.text("REC") != "E8":
                run.report("580", episode, "REC", episode.text("REC") or "")
