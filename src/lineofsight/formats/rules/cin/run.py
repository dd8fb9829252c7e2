"""Running the CIN census rules over the children one parsed return holds."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from lineofsight.calendar import subtract_working_days
from lineofsight.formats.problems import ProblemLog
from lineofsight.formats.rules import registry
from lineofsight.formats.rules.cin.model import CinChild, CinEpisode, Row


@dataclass
class CinRun:
    """What every rule needs: the return's dates, its children and where problems go."""

    log: ProblemLog
    year: int | None
    reference_date: date  # the census end (ReferenceDate)
    children: list[CinChild]
    header_reference_date: date | None = None  # as the file gives it
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def start(self) -> date:
        """The first day of the census year (1 April)."""
        return census_start(self.reference_date)

    def in_year(self, day: date) -> bool:
        return self.start <= day <= self.reference_date

    def working_days_before_end(self, days: int) -> date:
        return working_days_before(self.reference_date, days)

    def report(
        self,
        code: str,
        child: CinChild | None,
        where: str,
        field: str,
        value: object = "",
    ) -> None:
        rule = registry.version("cin", code, self.year)
        self.log.add(
            f"cin.{code}",
            rule.description,
            location=where,
            field=field,
            value=value,
            severity=rule.severity,
            child=child.id if child is not None else None,
            code=code,
        )


@cache
def working_days_before(day: date, days: int) -> date:
    """``days`` working days before ``day`` (the rules ask the same few, for every child)."""
    return subtract_working_days(day, days)


@cache
def census_start(reference: date) -> date:
    try:
        return reference.replace(year=reference.year - 1) + timedelta(days=1)
    except ValueError:  # 29 February
        return reference.replace(year=reference.year - 1, day=28) + timedelta(days=1)


def at(child: CinChild, episode: CinEpisode | None = None, part: str = "", k: int = 0) -> str:
    """A problem's location: ``child X / CINdetails 2 / Assessments 1``."""
    where = f"child {child.id}"
    if episode is not None:
        where += f" / CINdetails {episode.number}"
    if part:
        where += f" / {part} {k}"
    return where


def assessments(child: CinChild) -> Iterator[tuple[CinEpisode, int, Row]]:
    """Each assessment of the child with its episode and its number in the episode."""
    for episode in child.episodes:
        for k, item in enumerate(episode.assessments, start=1):
            yield episode, k, item


def section47s(child: CinChild) -> Iterator[tuple[CinEpisode, int, Row]]:
    """Each section 47 enquiry of the child with its episode and its number in the episode."""
    for episode in child.episodes:
        for k, item in enumerate(episode.s47s, start=1):
            yield episode, k, item


def run_cin_rules(run: CinRun) -> None:
    """Every CIN rule of the return's year, then the DfE codes of the parser's own checks."""
    registry.run_checks("cin", run.year, run.children, run)
    registry.apply_codes("cin", run.year, run.log.problems)
