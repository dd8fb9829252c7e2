"""The shipped copies of the DfE tables, and reading a set of files in one go."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Final, Literal

from lineofsight.published.layouts import NEIGHBOUR_LAYOUTS, detect_table
from lineofsight.published.neighbours import read_neighbours
from lineofsight.published.population import PopulationIndex, read_population
from lineofsight.published.tables import read_table
from lineofsight.published.values import PublishedValue

DATA_DIR: Final = Path(__file__).resolve().parent / "data"

NEIGHBOUR_FILES: Final[dict[str, str]] = {
    "2021": "New_Statistical_Neighbour_Groupings_April_2021.csv",
    "2025": "sn_model_2025_wide.csv",
}
Grouping = Literal["2021", "2025"]


def default_files() -> list[Path]:
    """Every CSV shipped in ``published/data`` (value tables and neighbour groupings), sorted."""
    return sorted(DATA_DIR.glob("*.csv"))


def default_neighbours(grouping: Grouping = "2021") -> dict[str, list[str]]:
    """The shipped statistical neighbour groupings: "2021" (what LAIT used for 2020-21 reports,
    and what reproduces their figures) or "2025" (DfE's newer model)."""
    return read_neighbours(DATA_DIR / NEIGHBOUR_FILES[grouping])


def read_tables(paths: Iterable[Path | str] | None = None) -> list[PublishedValue]:
    """Every value of the given DfE table files (default: the shipped ones).

    Neighbour groupings among ``paths`` are skipped (read them with :func:`read_neighbours`).
    When an ONS population file is among them, it is read first so the B1 table also yields
    ``cin_rate_per_10k``. Raises ``UnknownTableError`` for a file in no known layout.
    """
    files = [Path(path) for path in (paths if paths is not None else default_files())]
    kinds = {path: detect_table(path) for path in files}
    population: PopulationIndex = {}
    for path, kind in kinds.items():
        if kind == "ons_population":
            population.update(read_population(path))
    values: list[PublishedValue] = []
    for path, kind in kinds.items():
        if kind in NEIGHBOUR_LAYOUTS:
            continue
        values.extend(read_table(path, population if population else None))
    return values
