"""Which hidden cells a reader could work out exactly from the published cells and the sums.

Each ``Sum`` is a linear equation ``total - parts = 0``; the published cells are constants and
the hidden cells (suppressed or not available) are unknowns.  A hidden cell is derivable when its
unit vector lies in the row space of the equations: in reduced row-echelon form, some row has a
single non-zero coefficient, on that cell.  Arithmetic is exact (``Fraction``), so no tolerance
hides a leak.  This also catches chains (a secondary cell alone in its column reveals itself, and
then the primary cell in its row) that a row-by-row rule misses.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from fractions import Fraction

from lineofsight.disclosure.tables import Position, Sum


def derivable(sums: Sequence[Sum], hidden: Iterable[Position]) -> set[Position]:
    """The cells of ``hidden`` that the sums pin down exactly."""
    unknowns = sorted(set(hidden))
    index = {position: i for i, position in enumerate(unknowns)}
    rows: list[list[Fraction]] = []
    for relation in sums:
        row = [Fraction(0)] * len(unknowns)
        touched = False
        for position, sign in ((relation.total, 1), *((p, -1) for p in relation.parts)):
            if position in index:
                row[index[position]] += sign
                touched = True
        if touched:
            rows.append(row)
    reduced = _row_echelon(rows, len(unknowns))
    found: set[Position] = set()
    for row in reduced:
        nonzero = [i for i, value in enumerate(row) if value != 0]
        if len(nonzero) == 1:
            found.add(unknowns[nonzero[0]])
    return found


def _row_echelon(rows: list[list[Fraction]], width: int) -> list[list[Fraction]]:
    """Reduced row-echelon form (Gauss-Jordan) of ``rows``."""
    matrix = [row[:] for row in rows]
    pivot_row = 0
    for column in range(width):
        pivot = next((r for r in range(pivot_row, len(matrix)) if matrix[r][column] != 0), None)
        if pivot is None:
            continue
        matrix[pivot_row], matrix[pivot] = matrix[pivot], matrix[pivot_row]
        lead = matrix[pivot_row][column]
        matrix[pivot_row] = [value / lead for value in matrix[pivot_row]]
        for r in range(len(matrix)):
            if r != pivot_row and matrix[r][column] != 0:
                factor = matrix[r][column]
                matrix[r] = [
                    a - factor * b for a, b in zip(matrix[r], matrix[pivot_row], strict=True)
                ]
        pivot_row += 1
        if pivot_row == len(matrix):
            break
    return matrix[:pivot_row]
