"""An independent check of a published table: is any count of 1 to 5 visible or derivable?

Tests run this over every table and chart of every published output; it shares only the
derivation arithmetic with ``suppress`` (the rule itself is re-stated here, on purpose).
"""

from __future__ import annotations

from lineofsight.disclosure.derive import derivable
from lineofsight.disclosure.suppress import SUPPRESSED, Protected


def _small(number: int | None) -> bool:
    return number is not None and 1 <= number <= 5


def disclosure_problems(published: Protected) -> list[str]:
    """Every way ``published`` shows or gives away a count of 1 to 5 (empty when safe)."""
    table = published.table
    problems = []
    for position in table.positions():
        cell = table.cell(position)
        row, column = position
        visible = published.shown[row][column] != SUPPRESSED and position not in published.hidden
        small = _small(cell.count) or (cell.denominator_is_count and _small(cell.denominator))
        if visible and small:
            problems.append(f"{table.title}: {table.label(position)} shows a count of 1 to 5")
        if visible and any(p in published.hidden for p in cell.depends_on):
            problems.append(
                f"{table.title}: {table.label(position)} is computed from a suppressed cell"
            )
    small_hidden = {p for p in published.hidden if _small(table.cell(p).count)}
    for position in sorted(derivable(table.sums, published.hidden) & small_hidden):
        problems.append(f"{table.title}: {table.label(position)} can be worked out from totals")
    return problems
