"""Collection years (1 April to 31 March) and what a return can know at its reference date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class CollectionYear:
    """The collection year ending 31 March ``year`` (2021 means 2020-21)."""

    year: int

    @property
    def start(self) -> date:
        return date(self.year - 1, 4, 1)

    @property
    def reference_date(self) -> date:
        return date(self.year, 3, 31)

    def known(self, d: date | None) -> date | None:
        """``d`` if it has happened by the reference date, else None (not yet known)."""
        return d if d is not None and d <= self.reference_date else None

    def overlaps(self, start: date, end: date | None) -> bool:
        """Whether something running from ``start`` to ``end`` was open during the year."""
        return start <= self.reference_date and (end is None or end >= self.start)

    def contains(self, d: date | None) -> bool:
        return d is not None and self.start <= d <= self.reference_date


def iso(d: date | None) -> str:
    return d.isoformat() if d is not None else ""


def uk(d: date | None) -> str:
    """dd/mm/YYYY as the SSDA903 CSVs and Annex A use."""
    return d.strftime("%d/%m/%Y") if d is not None else ""
