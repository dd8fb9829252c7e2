"""What a report is made of, before it is rendered: sections of blocks (plain data, no Django).

A section builder returns ``Block``s; tables and charts carry a ``disclosure.Table`` so that the
assembler can put every one of them through disclosure control before any renderer sees it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from lineofsight.disclosure import Protected, Table


@dataclass
class Paragraph:
    text: str


@dataclass
class Bullets:
    items: list[str]


@dataclass
class Subheading:
    text: str


@dataclass
class TableBlock:
    table: Table
    published: Protected | None = None  # set by the assembler


@dataclass
class ChartBlock:
    """A chart drawn from ``table`` (rows are series, columns the x axis), followed in every
    format by that table as its text alternative.

    ``kind``: ``line`` (benchmarks by year) or ``spc`` (monthly XmR: ``points`` gives each
    point's x label and table cell, in order, and ``spc`` its (mean, upper, lower, signal))."""

    table: Table
    kind: Literal["line", "spc"]
    description: str
    unit_suffix: str = ""
    spc: list[tuple[float | None, float | None, float | None, str | None]] = field(
        default_factory=list
    )
    target: float | None = None
    points: list[tuple[str, tuple[int, int]]] = field(default_factory=list)  # spc: x label, cell
    published: Protected | None = None
    svg: str = ""  # drawn by the assembler from the protected figures


Block = Paragraph | Bullets | Subheading | TableBlock | ChartBlock


@dataclass
class Narrative:
    """The owner's words for a section and period (approved, or a draft in the internal edition)."""

    done: str
    next: str
    impact: str
    status: str
    version: int


@dataclass
class SectionContent:
    key: str
    title: str
    information: list[Block] = field(default_factory=list)  # "What does the information tell us?"
    narrative: Narrative | None = None
    owner: str = ""

    @property
    def anchor(self) -> str:
        return f"section-{self.key}"


@dataclass
class ReportDocument:
    partnership: str
    title: str
    kind: str
    period_label: str
    period_text: str
    edition: str
    sections: list[SectionContent]
    generated_at: str
    inputs: dict[str, object] = field(default_factory=dict)

    def tables(self) -> list[TableBlock | ChartBlock]:
        return [
            block
            for section in self.sections
            for block in section.information
            if isinstance(block, TableBlock | ChartBlock)
        ]
