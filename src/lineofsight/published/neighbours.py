"""Statistical neighbour groupings: each LA's ten closest LAs, in DfE's two published layouts.

- ``neighbours_2021``: "New_Statistical_Neighbour_Groupings_April_2021.csv", columns
  ``LA num, LA Name, LA number, GOInd, GOReg, SN1, SNP, SN2, SNP, ...`` (the "SNP" closeness
  columns share one name). After the current LAs, a block headed "Old SNs:" lists the groupings
  of LAs that no longer exist (e.g. Northamptonshire, 928); they are kept, a current LA's row
  wins if a code appears twice.
- ``neighbours_2025``: "sn_model_2025_wide.csv", columns ``old_la_code, la_name, region_ind,
  region_name, SN_1, SN_1P, ..., SN_10, SN_10P``.

Neighbours are listed closest first, as old three-digit LA codes.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Final

from lineofsight.published.layouts import UnknownTableError, open_dfe_csv, require_layout

NEIGHBOUR_COUNT: Final = 10

_CODE_AND_NEIGHBOUR_COLUMNS: Final[dict[str, tuple[str, list[str]]]] = {
    "neighbours_2021": ("LA num", [f"SN{rank}" for rank in range(1, NEIGHBOUR_COUNT + 1)]),
    "neighbours_2025": ("old_la_code", [f"SN_{rank}" for rank in range(1, NEIGHBOUR_COUNT + 1)]),
}


def _is_la_code(text: str) -> bool:
    return text.isdigit()


def read_neighbours(path: Path | str) -> dict[str, list[str]]:
    """Old LA code -> its neighbours' old LA codes, closest first (up to ten)."""
    layout = require_layout(path)
    if layout.name not in _CODE_AND_NEIGHBOUR_COLUMNS:
        raise UnknownTableError(f"{path}: is {layout.description}, not a neighbour grouping")
    code_column, neighbour_columns = _CODE_AND_NEIGHBOUR_COLUMNS[layout.name]
    groupings: dict[str, list[str]] = {}
    with open_dfe_csv(path) as handle:
        reader = csv.reader(handle)
        header = [name.strip() for name in next(reader)]
        code_index = header.index(code_column)
        neighbour_indexes = [header.index(column) for column in neighbour_columns]
        for row in reader:
            code = row[code_index].strip() if len(row) > code_index else ""
            if not _is_la_code(code) or code in groupings:
                continue  # blank separator rows, the "Old SNs:" heading, later duplicates
            neighbours = [row[index].strip() for index in neighbour_indexes if index < len(row)]
            groupings[code] = [item for item in neighbours if _is_la_code(item)]
    return groupings
