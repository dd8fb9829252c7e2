"""Helpers: write hand-built rows as Parquet snapshots and look results up."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from lineofsight.formats.tables import to_arrow
from lineofsight.indicators.engine import IndicatorResult

LA = "999"

Writer = Callable[..., Path]


@pytest.fixture
def write(tmp_path: Path) -> Writer:
    """``write(table, rows, collection_year=2022)`` -> the Parquet file written."""
    counter = iter(range(1_000_000))

    def _write(table: str, rows: Sequence[dict[str, object]], collection_year: int = 2022) -> Path:
        full = [{"la_code": LA, "collection_year": collection_year, **row} for row in rows]
        path = tmp_path / f"{table}_{collection_year}_{next(counter)}.parquet"
        pq.write_table(to_arrow(table, full), path)
        return path

    return _write


def pick(
    results: Sequence[IndicatorResult],
    indicator_id: str,
    label: str,
    breakdown: str | None = None,
) -> IndicatorResult:
    """The one result of ``indicator_id`` for the period labelled ``label``."""
    found = [
        r
        for r in results
        if r.indicator_id == indicator_id and r.period_label == label and r.breakdown == breakdown
    ]
    assert len(found) == 1, f"{indicator_id} {label} {breakdown}: {found}"
    return found[0]
