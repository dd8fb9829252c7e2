"""Shared fixtures: the shipped DfE files parsed once per test session, and a CSV writer."""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from lineofsight.published import (
    DATA_DIR,
    PublishedIndex,
    PublishedValue,
    default_neighbours,
    read_population,
    read_tables,
)
from lineofsight.published.files import NEIGHBOUR_FILES
from lineofsight.published.population import PopulationIndex

WriteCsv = Callable[[str, Sequence[Sequence[str]]], Path]


@pytest.fixture(scope="session")
def shipped_values() -> list[PublishedValue]:
    return read_tables()


@pytest.fixture(scope="session")
def shipped_index(shipped_values: list[PublishedValue]) -> PublishedIndex:
    return PublishedIndex(shipped_values)


@pytest.fixture(scope="session")
def neighbours_2021() -> dict[str, list[str]]:
    return default_neighbours("2021")


@pytest.fixture(scope="session")
def neighbours_2025() -> dict[str, list[str]]:
    return default_neighbours("2025")


@pytest.fixture(scope="session")
def shipped_population() -> PopulationIndex:
    return read_population(shipped_file("ons_mid-year"))


def shipped_file(prefix: str) -> Path:
    """The one shipped CSV whose name starts with ``prefix``."""
    (path,) = sorted(DATA_DIR.glob(f"{prefix}*.csv"))
    return path


def raw_rows(prefix: str) -> list[dict[str, str]]:
    """The rows of a shipped CSV as the csv module reads them (an independent oracle)."""
    with open(shipped_file(prefix), encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def neighbour_file(grouping: str) -> Path:
    return DATA_DIR / NEIGHBOUR_FILES[grouping]


@pytest.fixture
def write_csv(tmp_path: Path) -> WriteCsv:
    """Write rows to ``tmp_path/name`` as CSV (a first cell may carry a BOM by hand)."""

    def write(name: str, rows: Sequence[Sequence[str]]) -> Path:
        path = tmp_path / name
        with open(path, "w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(rows)
        return path

    return write
