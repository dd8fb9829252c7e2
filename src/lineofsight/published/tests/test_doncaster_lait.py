"""The statistical-neighbour method reproduces figures a partnership published from LAIT.

Oracle: Doncaster Safeguarding Children Partnership, annual report 2020-21, table 2
"Percentage of Re-referrals into Children's Social Care within previous 12 months" (source:
Local authority interactive tool (LAIT)). The four rows are copied below from the report; when
the report text is beside the checkout (``shared/context``), a test also checks the copy.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lineofsight.published import BenchmarkRow, PublishedIndex, benchmark_series

DONCASTER = "371"
REPORT_YEARS = (2018, 2019, 2020, 2021)
PUBLISHED_TABLE_2 = {
    "Doncaster": (25.5, 27.0, 27.6, 25.4),
    "Yorkshire and the Humber": (22.9, 24.6, 23.8, 22.6),
    "Statistical Neighbours": (20.5, 19.4, 20.9, 21.8),
    "England": (21.9, 22.6, 22.6, 22.7),
}
REPORT_GLOB = "shared/context/001_*.txt"


def _series(index: PublishedIndex, neighbours: dict[str, list[str]]) -> list[BenchmarkRow]:
    return benchmark_series(index, DONCASTER, "rereferral_pct", neighbours, years=REPORT_YEARS)


def test_statistical_neighbour_average_matches_lait_with_2021_groupings(
    shipped_index: PublishedIndex, neighbours_2021: dict[str, list[str]]
) -> None:
    rows = _series(shipped_index, neighbours_2021)
    assert [row.sn_average for row in rows] == list(PUBLISHED_TABLE_2["Statistical Neighbours"])
    assert all(row.sn_count == 10 for row in rows)


def test_la_region_and_england_columns_match_the_report(
    shipped_index: PublishedIndex, neighbours_2021: dict[str, list[str]]
) -> None:
    rows = _series(shipped_index, neighbours_2021)
    assert [row.la_value for row in rows] == list(PUBLISHED_TABLE_2["Doncaster"])
    assert [row.region_value for row in rows] == list(PUBLISHED_TABLE_2["Yorkshire and the Humber"])
    assert [row.england_value for row in rows] == list(PUBLISHED_TABLE_2["England"])
    assert {row.region_name for row in rows} == {"Yorkshire and The Humber"}


def test_the_2025_model_does_not_reproduce_lait_2021(
    shipped_index: PublishedIndex, neighbours_2025: dict[str, list[str]]
) -> None:
    rows = _series(shipped_index, neighbours_2025)
    assert [row.sn_average for row in rows] != list(PUBLISHED_TABLE_2["Statistical Neighbours"])


def test_a_pooled_ratio_does_not_reproduce_lait(
    shipped_index: PublishedIndex, neighbours_2021: dict[str, list[str]]
) -> None:
    for year, published in zip(
        REPORT_YEARS, PUBLISHED_TABLE_2["Statistical Neighbours"], strict=True
    ):
        items = [
            shipped_index.get("rereferral_pct", year, code) for code in neighbours_2021[DONCASTER]
        ]
        rereferrals = sum(item.numerator or 0 for item in items if item)
        referrals = sum(item.denominator or 0 for item in items if item)
        assert abs(100 * rereferrals / referrals - published) > 0.05


def _report_path() -> Path | None:
    for folder in Path(__file__).resolve().parents:
        found = sorted(folder.glob(REPORT_GLOB))
        if found:
            return found[0]
    return None


def test_the_copied_oracle_matches_the_report_text() -> None:
    report = _report_path()
    if report is None:
        pytest.skip("the Doncaster report text (shared/context) is not beside this checkout")
    text = report.read_text(encoding="utf-8")
    for label, figures in PUBLISHED_TABLE_2.items():
        match = re.search(rf"^{re.escape(label)}\t(.+)$", text, flags=re.MULTILINE)
        assert match, label
        assert tuple(float(cell) for cell in match.group(1).split("\t")) == figures
