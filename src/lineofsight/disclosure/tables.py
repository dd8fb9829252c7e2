"""The shape every published table and chart takes before disclosure control: cells that know
what they count, and the sums that tie them together.

A cell is addressed ``(row, column)`` over the body (the row labels are not cells).  A ``Sum``
says that one cell is the total of others (a row total, a column total, a chart series with its
total): those are the relations someone could use to work a suppressed cell out, so secondary
suppression reads them.  A percentage or rate keeps the count it is built on (its numerator), so
the small-number rule applies to it even when that count is not shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from lineofsight.disclosure.rounding import percentage, rate, to_decimal

CellKind = Literal["count", "percent", "rate", "number", "missing"]
Position = tuple[int, int]
Places = Literal[0, 1] | None  # decimal places a ``number`` cell is shown with (``Cell``)


@dataclass(frozen=True)
class Cell:
    """One figure.

    - ``count``: a number of children, events or records (``count`` is the figure);
    - ``percent`` / ``rate``: ``value`` built on ``count`` (the numerator) and ``denominator``;
      ``denominator_is_count`` when the denominator is itself a count of children (a percentage
      of those assessed), not a population;
    - ``number``: any other figure (an average, a score, a change in per cent, a tally that is
      not a count of children), with the ``count`` of cases behind it when there is one;
      ``places`` says how it is shown: 1 always one decimal place ("-8.0" beside "-7.5" in a
      column of percentage changes), 0 a whole number (rounded half up), None as the value
      comes (a whole value as a whole number, "12"; any other to one decimal place, "7.3");
    - ``missing``: not available (DfE's ``:``).

    ``depends_on`` names the cells of the same table this one is computed from: if any of them
    is suppressed, so is this one.
    """

    kind: CellKind
    count: int | None = None
    value: Decimal | None = None
    denominator: int | None = None
    denominator_is_count: bool = False
    per: int = 100
    depends_on: tuple[Position, ...] = ()
    places: Places = None

    @property
    def is_count(self) -> bool:
        return self.kind == "count"


def count(value: int | float) -> Cell:
    number = int(value)
    if number != value or number < 0:
        raise ValueError(f"a count must be a whole number of 0 or more, not {value!r}")
    return Cell("count", count=number)


def percent(
    numerator: int | float, denominator: int | float, depends_on: Sequence[Position] = ()
) -> Cell:
    """``numerator`` of ``denominator`` (both counts of children or events) as a percentage."""
    top, bottom = int(numerator), int(denominator)
    if bottom <= 0:
        return missing()
    return Cell(
        "percent",
        count=top,
        value=percentage(top, bottom),
        denominator=bottom,
        denominator_is_count=True,
        depends_on=tuple(depends_on),
    )


def rate_per(
    numerator: int | float,
    population: int | float,
    per: int = 10_000,
    depends_on: Sequence[Position] = (),
) -> Cell:
    """``numerator`` per ``per`` of a population (the population is public, not a count)."""
    top, bottom = int(numerator), int(population)
    if bottom <= 0:
        return missing()
    return Cell(
        "rate",
        count=top,
        value=rate(top, bottom, per),
        denominator=bottom,
        per=per,
        depends_on=tuple(depends_on),
    )


def number(
    value: float | Decimal | None,
    based_on: int | None = None,
    depends_on: Sequence[Position] = (),
    *,
    places: Places = None,
) -> Cell:
    """A figure that is not a count (an average, a score); ``based_on`` cases when known;
    ``places`` 1 for a figure always shown to one decimal place (a percentage, a change in per
    cent), 0 for a whole number, None to show a whole value as one (see ``Cell``)."""
    if value is None:
        return missing()
    return Cell(
        "number",
        count=based_on,
        value=to_decimal(value),
        depends_on=tuple(depends_on),
        places=places,
    )


def missing() -> Cell:
    return Cell("missing")


@dataclass(frozen=True)
class Sum:
    """``total`` is the sum of ``parts`` (all count cells of the same table)."""

    total: Position
    parts: tuple[Position, ...]
    name: str = ""

    @property
    def cells(self) -> tuple[Position, ...]:
        return (self.total, *self.parts)


@dataclass
class Table:
    """A table (or the data behind a chart) as it will be published.

    ``columns`` are the headers of the body columns; ``row_header`` heads the label column.
    """

    title: str
    row_header: str
    columns: list[str]
    row_labels: list[str]
    cells: list[list[Cell]]
    sums: list[Sum] = field(default_factory=list)
    note: str = ""

    def __post_init__(self) -> None:
        if len(self.cells) != len(self.row_labels):
            raise ValueError(
                f"{self.title}: {len(self.row_labels)} labels for {len(self.cells)} rows"
            )
        for label, row in zip(self.row_labels, self.cells, strict=True):
            if len(row) != len(self.columns):
                raise ValueError(
                    f"{self.title}: row {label!r} has {len(row)} cells for "
                    f"{len(self.columns)} columns"
                )
        for relation in self.sums:
            for position in relation.cells:
                if not self.cell(position).is_count:
                    raise ValueError(f"{self.title}: a sum joins count cells only ({position})")

    def cell(self, position: Position) -> Cell:
        row, column = position
        return self.cells[row][column]

    def positions(self) -> list[Position]:
        return [(r, c) for r in range(len(self.cells)) for c in range(len(self.columns))]

    def label(self, position: Position) -> str:
        row, column = position
        return f"{self.row_labels[row]} / {self.columns[column]}"


def grid(
    title: str,
    row_header: str,
    columns: Sequence[str],
    rows: Sequence[tuple[str, Sequence[Cell]]],
    *,
    total_row: bool = False,
    total_column: bool = False,
    note: str = "",
) -> Table:
    """A table whose last row (``total_row``) and/or last column (``total_column``) are totals
    of the count cells before them: the sums are declared for you."""
    labels = [label for label, _ in rows]
    cells = [list(row) for _, row in rows]
    table = Table(title, row_header, list(columns), labels, cells, note=note)
    width, height = len(columns), len(rows)
    if total_column:
        for r in range(height):
            parts = tuple((r, c) for c in range(width - 1) if cells[r][c].is_count)
            if cells[r][width - 1].is_count and parts:
                table.sums.append(Sum((r, width - 1), parts, f"row {labels[r]}"))
    if total_row:
        for c in range(width):
            parts = tuple((r, c) for r in range(height - 1) if cells[r][c].is_count)
            if cells[height - 1][c].is_count and parts:
                table.sums.append(Sum((height - 1, c), parts, f"column {columns[c]}"))
    table.__post_init__()
    return table
