"""The statistical-neighbour method reproduces figures a partnership published from LAIT.

Oracle: Doncaster Safeguarding Children Partnership, annual report 2020-21, table 2
"Percentage of Re-referrals into Children's Social Care within previous 12 months" (source:
Local authority interactive tool (LAIT)). The table is shipped verbatim as a fixture
(``fixtures/doncaster_2020-21_table2.txt``), so these tests run in any checkout; when the report
text is beside the checkout (``shared/context``), the fixture is also checked against it.
"""

from __future__ import annotations

from pathlib import Path

from lineofsight.published import BenchmarkRow, PublishedIndex, benchmark_series

DONCASTER = "371"
FIXTURE = Path(__file__).parent / "fixtures" / "doncaster_2020-21_table2.txt"
REPORT_GLOB = "shared/context/001_*.txt"


def _table_lines() -> list[str]:
    """The table's header and rows: the fixture's tab-separated lines."""
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if "\t" in line and not line.startswith("#")]


def _read_table() -> tuple[tuple[int, ...], dict[str, tuple[float, ...]]]:
    header, *rows = _table_lines()
    years = tuple(int(cell) for cell in header.split("\t")[1:])
    table = {}
    for row in rows:
        label, *cells = row.split("\t")
        table[label] = tuple(float(cell) for cell in cells)
    return years, table


REPORT_YEARS, PUBLISHED_TABLE_2 = _read_table()


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


def test_the_fixture_is_the_reports_table() -> None:
    assert REPORT_YEARS == (2018, 2019, 2020, 2021)
    assert set(PUBLISHED_TABLE_2) == {
        "Doncaster",
        "Yorkshire and the Humber",
        "Statistical Neighbours",
        "England",
    }
    assert all(len(figures) == len(REPORT_YEARS) for figures in PUBLISHED_TABLE_2.values())
    report = _report_path()  # beside the checkout in development and CI, absent in a bare clone
    if report is not None:
        text = report.read_text(encoding="utf-8")
        assert "\n".join(_table_lines()) in text
