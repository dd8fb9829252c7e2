"""The DfE children in need rule, applied to one table, with a decision logged for every cell.

1. Primary: a count of 1 to 5 is shown as ``c``.  So is a percentage, rate or other figure built
   on a count of 1 to 5 (its numerator, or a denominator that counts children): 2 of 3 children
   is 66.7%, which gives both counts away.
2. Secondary: while any suppressed count could be worked out exactly from the published cells and
   the table's sums (``derive.derivable``), one more count is suppressed: from a sum that has a
   single hidden cell (the leak), the smallest count above zero, preferring a part to a total.
   A true zero is never chosen: suppressing it protects nothing (the total would still be known).
3. Dependent: a figure computed from a suppressed cell (``depends_on``) is suppressed too.
4. Zero is a true zero and is shown as ``0`` (DfE practice); ``:`` is not available; percentages
   and rates are shown to one decimal place, rounded half up.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from lineofsight.disclosure.derive import derivable
from lineofsight.disclosure.rounding import format_count, format_one_place, half_up
from lineofsight.disclosure.tables import Cell, Position, Sum, Table

SMALLEST_SHOWN = 6  # counts 1..5 are suppressed
SUPPRESSED = "c"
NOT_AVAILABLE = ":"


@dataclass(frozen=True)
class Decision:
    """What was published for one cell, and why."""

    row: str
    column: str
    position: Position
    shown: str
    rule: str  # shown | zero | primary | secondary | dependent | not_available
    reason: str

    def as_dict(self) -> dict[str, object]:
        return {
            "row": self.row,
            "column": self.column,
            "shown": self.shown,
            "rule": self.rule,
            "reason": self.reason,
        }


@dataclass
class Protected:
    """A table after disclosure control: what is shown, and the decision behind each cell."""

    table: Table
    shown: list[list[str]]
    hidden: set[Position]
    decisions: list[Decision]

    @property
    def title(self) -> str:
        return self.table.title

    @property
    def suppressions(self) -> list[Decision]:
        return [d for d in self.decisions if d.rule in ("primary", "secondary", "dependent")]

    def value(self, position: Position) -> float | None:
        """The figure a chart may draw (None where it is suppressed or not available)."""
        if position in self.hidden:
            return None
        cell = self.table.cell(position)
        if cell.kind == "count":
            return float(cell.count or 0)
        return float(cell.value) if cell.value is not None else None


def is_small(number: int | None) -> bool:
    return number is not None and 0 < number < SMALLEST_SHOWN


def _primary_reason(cell: Cell) -> str | None:
    if cell.kind == "count" and is_small(cell.count):
        return "count of 1 to 5"
    if cell.kind in ("percent", "rate", "number") and is_small(cell.count):
        return f"{cell.kind} built on a count of 1 to 5"
    if cell.kind == "percent" and cell.denominator_is_count and is_small(cell.denominator):
        return "percentage of 1 to 5 children or events"
    return None


WHOLE = Decimal(1)


def _display(cell: Cell) -> str:
    """A count as a whole number; a percentage or rate to one decimal place; a ``number`` as
    its ``places`` say (1: one place, "-8.0"; 0: whole, half up; None: a whole value whole,
    "12", any other to one place)."""
    if cell.kind == "missing":
        return NOT_AVAILABLE
    if cell.kind == "count":
        return format_count(cell.count or 0)
    if cell.value is None:
        return NOT_AVAILABLE
    if cell.kind == "number" and cell.places != 1:
        whole = half_up(cell.value, WHOLE)
        if cell.places == 0 or cell.value == whole:
            return format_count(int(whole))
    return format_one_place(cell.value)


def _choose(table: Table, sums: list[Sum], hidden: set[Position]) -> tuple[Position, Sum] | None:
    """The next cell to suppress: from a sum with exactly one hidden cell if there is one (else
    any sum touching a hidden cell), the smallest count above zero, parts before totals."""

    def candidates(relations: list[Sum]) -> list[tuple[tuple[int, int, Position], Sum]]:
        found = []
        for relation in relations:
            for position in relation.cells:
                value = table.cell(position).count or 0
                if position not in hidden and value > 0:
                    is_total = int(position == relation.total)
                    found.append(((value, is_total, position), relation))
        return found

    leaking = [s for s in sums if sum(p in hidden for p in s.cells) == 1]
    touching = [s for s in sums if any(p in hidden for p in s.cells)]
    for relations in (leaking, touching):
        found = candidates(relations)
        if found:
            (_, _, position), relation = min(found, key=lambda item: item[0])
            return position, relation
    return None


def protect(table: Table) -> Protected:
    """Apply the rule to ``table``; every cell gets a ``Decision``."""
    reasons: dict[Position, tuple[str, str]] = {}
    for position in table.positions():
        cell = table.cell(position)
        if cell.kind == "missing":
            reasons[position] = ("not_available", "not available")
        elif (reason := _primary_reason(cell)) is not None:
            reasons[position] = ("primary", reason)
    primaries = {p for p, (rule, _) in reasons.items() if rule == "primary"}
    hidden = set(reasons)
    while leaks := derivable(table.sums, hidden) & primaries:
        choice = _choose(table, table.sums, hidden)
        if choice is None:  # every count in reach is hidden already: nothing more can help
            break
        position, relation = choice
        leaked = ", ".join(table.label(p) for p in sorted(leaks))
        reasons[position] = (
            "secondary",
            f"otherwise {leaked} could be worked out from {relation.name or 'a total'}",
        )
        hidden.add(position)
    _suppress_dependents(table, reasons, hidden)
    return _publish(table, reasons, hidden)


def _suppress_dependents(
    table: Table, reasons: dict[Position, tuple[str, str]], hidden: set[Position]
) -> None:
    changed = True
    while changed:
        changed = False
        for position in table.positions():
            if position in hidden:
                continue
            sources = [p for p in table.cell(position).depends_on if p in hidden]
            if sources:
                reasons[position] = (
                    "dependent",
                    "computed from suppressed " + ", ".join(table.label(p) for p in sources),
                )
                hidden.add(position)
                changed = True


def _publish(
    table: Table, reasons: dict[Position, tuple[str, str]], hidden: set[Position]
) -> Protected:
    shown: list[list[str]] = []
    decisions: list[Decision] = []
    for r, row in enumerate(table.cells):
        shown_row = []
        for c, cell in enumerate(row):
            position = (r, c)
            if position in reasons:
                rule, reason = reasons[position]
                text = NOT_AVAILABLE if rule == "not_available" else SUPPRESSED
            else:
                text = _display(cell)
                rule, reason = _shown_reason(cell)
            shown_row.append(text)
            decisions.append(
                Decision(table.row_labels[r], table.columns[c], position, text, rule, reason)
            )
        shown.append(shown_row)
    return Protected(table, shown, hidden, decisions)


def _shown_reason(cell: Cell) -> tuple[str, str]:
    if cell.kind == "count" and cell.count == 0:
        return "zero", "a true zero is shown as 0 (DfE practice)"
    if cell.kind == "count":
        return "shown", "count of 6 or more"
    if cell.kind in ("percent", "rate"):
        base = "no small count behind it" if cell.count is None else "built on a count of 0 or 6+"
        return "shown", f"{base}; one decimal place, rounded half up"
    return "shown", "not built on a small count"


def unprotected(table: Table) -> Protected:
    """The internal edition: every figure shown in full (still formatted the same way)."""
    shown = [[_display(cell) for cell in row] for row in table.cells]
    hidden = {p for p in table.positions() if table.cell(p).kind == "missing"}
    decisions = [
        Decision(
            table.row_labels[r],
            table.columns[c],
            (r, c),
            shown[r][c],
            "internal",
            "internal edition: figures in full",
        )
        for r, c in table.positions()
    ]
    return Protected(table, shown, hidden, decisions)
