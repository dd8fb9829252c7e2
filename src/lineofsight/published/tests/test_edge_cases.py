"""Small hand-made files: byte-order marks, suppressed cells, missing areas, unknown files."""

from __future__ import annotations

from pathlib import Path

import pytest

from lineofsight.published import (
    UnknownTableError,
    benchmark_series,
    detect_table,
    read_neighbours,
    read_population,
    read_table,
    read_tables,
    statistical_neighbour_average,
)

from .conftest import WriteCsv

BOM = "\ufeff"
C1_HEADER = [
    "time_period", "time_identifier", "geographic_level", "country_code", "country_name",
    "region_code", "region_name", "old_la_code", "new_la_code", "la_name", "category",
    "referral_count", "rereferral_count", "rereferral_percent",
    "no_further_action_count", "no_further_action_percent",
]  # fmt: skip
NORTH = ("E12000001", "North")


def c1_row(level: str, code: str, percent: str, year: str = "2021") -> list[str]:
    region_code, region_name = NORTH if level != "National" else ("", "")
    la_code, la_name = (code, f"LA {code}") if level == "Local authority" else ("", "")
    return [
        year, "Reporting year", level, "E92000001", "England", region_code, region_name,
        la_code, "", la_name, "Referrals and Re-referrals", "100", percent, percent, "c", "c",
    ]  # fmt: skip


@pytest.fixture
def small_c1(write_csv: WriteCsv) -> Path:
    rows = [
        [BOM + C1_HEADER[0], *C1_HEADER[1:]],
        c1_row("National", "", "20"),
        c1_row("Regional", "", "30"),
        c1_row("Local authority", "101", "10"),
        c1_row("Local authority", "102", "20"),
        c1_row("Local authority", "103", "c"),
        c1_row("Local authority", "104", "25"),
    ]
    return write_csv("c1.csv", rows)


def test_a_bom_in_the_header_is_ignored(small_c1: Path) -> None:
    assert small_c1.read_bytes().startswith(BOM.encode("utf-8"))
    assert detect_table(small_c1) == "c1_referrals"
    assert {item.level for item in read_table(small_c1)} == {
        "national", "regional", "local_authority"
    }  # fmt: skip


def test_suppressed_cells_keep_their_symbol(small_c1: Path) -> None:
    values = {(v.indicator_id, v.area_code): v for v in read_table(small_c1)}
    suppressed = values[("rereferral_pct", "103")]
    assert suppressed.value is None and suppressed.suppressed == "c"
    assert suppressed.numerator is None and suppressed.denominator == 100
    nfa = values[("referral_nfa_pct", "101")]
    assert nfa.value is None and nfa.suppressed == "c"
    assert values[("rereferral_pct", "101")].suppressed is None


def test_neighbour_average_leaves_out_suppressed_and_missing(small_c1: Path) -> None:
    neighbours = {"101": ["102", "103", "104", "999"]}  # 103 suppressed, 999 not in the file
    (row,) = benchmark_series(list(read_table(small_c1)), "101", "rereferral_pct", neighbours)
    assert row.sn_count == 2
    assert row.sn_average == (20 + 25) / 2
    assert (row.la_value, row.region_value, row.england_value) == (10, 30, 20)
    assert (row.region_code, row.region_name) == NORTH


def test_an_la_without_neighbours_has_no_average(small_c1: Path) -> None:
    (row,) = benchmark_series(list(read_table(small_c1)), "101", "rereferral_pct", {})
    assert (row.sn_average, row.sn_count) == (None, 0)


def test_a_year_without_a_row_gives_empty_cells(small_c1: Path) -> None:
    rows = benchmark_series(list(read_table(small_c1)), "101", "referrals", {}, years=[2020, 2021])
    assert [row.year for row in rows] == [2020, 2021]
    assert rows[0].la_value is None and rows[0].england_value is None
    assert rows[0].region_name == NORTH[1]  # region still known from the LA's other rows


def test_missing_la_and_unknown_indicator_are_clear_errors(small_c1: Path) -> None:
    values = list(read_table(small_c1))
    with pytest.raises(LookupError, match="local authority '999'"):
        benchmark_series(values, "999", "rereferral_pct", {})
    with pytest.raises(LookupError, match="indicator 'cla_starts'"):
        benchmark_series(values, "101", "cla_starts", {})


def test_unknown_file_is_a_clear_error(write_csv: WriteCsv) -> None:
    path = write_csv("other.csv", [["name", "score"], ["a", "1"]])
    assert detect_table(path) is None
    with pytest.raises(UnknownTableError, match=r"not a DfE table.*header: name, score"):
        read_table(path)  # raised at the call, before any iteration
    with pytest.raises(UnknownTableError):
        read_tables([path])


def test_an_empty_file_is_unknown(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_text("", encoding="utf-8")
    assert detect_table(path) is None


def test_a_neighbour_file_is_not_read_as_values(write_csv: WriteCsv) -> None:
    header = ["old_la_code", "la_name", "region_ind", "region_name"]
    for rank in range(1, 11):
        header += [f"SN_{rank}", f"SN_{rank}P"]
    path = write_csv("sn.csv", [header, ["101", "A", "1", "North", *(["102", "Close "] * 10)]])
    assert read_neighbours(path) == {"101": ["102"] * 10}
    with pytest.raises(UnknownTableError, match="read_neighbours"):
        list(read_table(path))


def test_2021_layout_skips_separator_rows_and_keeps_old_las(write_csv: WriteCsv) -> None:
    header = ["LA num", "LA Name", "LA number", "GOInd", "GOReg"]
    for rank in range(1, 11):
        header += [f"SN{rank}", "SNP"]
    header.append("")
    current = (
        ["101", "A", "101", "1", "North"]
        + [f"{200 + rank}" if i % 2 == 0 else "Close" for rank in range(10) for i in (0, 1)]
        + [""]
    )
    old_copy = ["101", "A (Pre LG)", "101", "1", "North"] + ["999", "Close"] * 10 + [""]
    retired = ["928", "Old", "928", "1", "North"] + ["101", "Close"] * 10 + [""]
    blank = [""] * len(header)
    path = write_csv(
        "sn21.csv",
        [
            [BOM + header[0], *header[1:]],
            current,
            blank,
            ["", "Old SNs:"] + [""] * (len(header) - 2),
            old_copy,
            retired,
        ],
    )
    groupings = read_neighbours(path)
    assert groupings["101"] == [f"{200 + rank}" for rank in range(10)]
    assert groupings["928"] == ["101"] * 10
    assert set(groupings) == {"101", "928"}


def test_population_file_keys_by_area_and_mid_year(write_csv: WriteCsv) -> None:
    header = [
        "time_period", "time_identifier", "geographic_level", "country_code", "country_name",
        "region_code", "region_name", "old_la_code", "new_la_code", "la_name", "age_group",
        "population_estimate",
    ]  # fmt: skip
    row = ["2020", "Reporting year", "Local authority", "E92000001", "England", *NORTH, "101",
           "", "A", "Children aged 0 to 17 years"]  # fmt: skip
    path = write_csv("ons.csv", [header, [*row, "5000"], [*row[:-1], "Adults", "9"]])
    population = read_population(path)
    assert list(population) == [("101", 2020)]
    assert population[("101", 2020)].population == 5000


def test_average_rounds_halves_away_from_zero() -> None:
    assert statistical_neighbour_average([20.4, 20.5]) == (20.5, 2)  # mean 20.45
    assert statistical_neighbour_average([0.1, 0.2, None]) == (0.2, 2)  # mean 0.15
    assert statistical_neighbour_average([None, None]) == (None, 0)
    assert statistical_neighbour_average([3, 4], decimals=0) == (4.0, 2)
