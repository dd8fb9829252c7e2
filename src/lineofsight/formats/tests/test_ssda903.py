from __future__ import annotations

from datetime import date

import pytest

from lineofsight.formats import read
from lineofsight.formats.tests.builders import (
    VALID_903,
    csv_text,
    episode_row,
    errors,
    rules,
    write,
    write_903,
)

L1_EPISODES = VALID_903["Episodes"][:2]  # L1's reviews and missing spell need its episodes (1012)


def read_903(folder, **options):
    [parsed] = read([folder], **options)
    return parsed


def test_valid_folder_is_one_return_found_by_headers(tmp_path):
    parsed = read_903(write_903(tmp_path / "903"), collection_year=2024, la_code="371")
    assert parsed.format == "ssda903" and len(parsed.source_files) == 5
    assert parsed.problems == []
    assert (parsed.collection_year, parsed.reference_date) == (2024, date(2024, 3, 31))
    episodes = parsed.tables["cla_episodes"]
    assert len(episodes) == 3 and episodes[0]["start_date"] == date(2023, 5, 1)
    assert episodes[0]["legal_status"] == "C2" and episodes[1]["end_date"] is None
    assert episodes[0]["la_code"] == "371"
    children = parsed.tables["cla_children"]
    assert children[1]["mother"] is False and children[0]["mother"] is None
    text = str(parsed.tables)
    assert "A123456789012" not in text and "DN1 1AA" not in text  # UPN and postcodes never kept
    assert parsed.tables["care_leavers"][0]["activity"] == "F2"
    assert parsed.tables["cla_missing"][0]["end_date"] == date(2023, 7, 3)


def test_collection_year_is_inferred_from_the_latest_date(tmp_path):
    parsed = read_903(write_903(tmp_path))
    assert parsed.collection_year == 2024  # latest date 20/01/2024
    assert rules(parsed) == {"ssda903.year_inferred"} and not parsed.rejected


@pytest.mark.parametrize(
    ("column", "value", "code"),
    [
        ("LS", "Q9", "144"),
        ("RNE", "Z", "143"),
        ("PLACE", "XX", "146"),
        ("REC", "E99", "149"),
        ("CIN", "N9", "145"),
        ("PLACE_PROVIDER", "PR9", "178"),
    ],
)
def test_episode_codes(tmp_path, column, value, code):
    """Each invalid code is an error with its DfE rule code."""
    parsed = read_903(
        write_903(tmp_path, Episodes=[episode_row(**{column: value})]), collection_year=2024
    )
    [problem] = [p for p in parsed.problems if p.rule == "ssda903.code_unknown"]
    assert (problem.field, problem.value, problem.code) == (column, value, code)
    assert problem.severity == "error"
    assert problem.location == "row 2" and problem.child == "L2"


def test_dec_before_decom(tmp_path):
    parsed = read_903(
        write_903(tmp_path, Episodes=[*L1_EPISODES, episode_row(DEC="01/01/2022")]),
        collection_year=2024,
    )
    assert errors(parsed) == {"ssda903.dec_before_decom"}


def test_overlapping_and_open_episodes(tmp_path):
    rows = [
        episode_row(DECOM="01/05/2023", DEC="01/08/2023", REC="X1"),
        episode_row(DECOM="01/07/2023", DEC="", REC=""),
        episode_row(DECOM="01/09/2023", DEC="", REC=""),
    ]
    parsed = read_903(write_903(tmp_path, Episodes=rows), collection_year=2024)
    found = {(p.code, p.location) for p in parsed.problems if p.code in ("142", "501")}
    # row 3 starts before row 2 ended (501); row 3 is open but row 4 follows it (142)
    assert found == {("501", "row 3"), ("142", "row 3")}


def test_duplicate_episode_start(tmp_path):
    rows = [episode_row(DEC="", REC=""), episode_row(DEC="", REC="")]
    codes = {
        p.code for p in read_903(write_903(tmp_path, Episodes=rows), collection_year=2024).problems
    }
    assert "142" in codes


def test_end_and_reason_must_come_together(tmp_path):
    rows = [episode_row(REC=""), episode_row(CHILD="L1", DECOM="01/01/2024", DEC="", REC="E11")]
    parsed = read_903(write_903(tmp_path, Episodes=rows), collection_year=2024)
    assert {"ssda903.dec_without_rec", "ssda903.rec_without_dec"} <= errors(parsed)


def test_dates(tmp_path):
    rows = [episode_row(DECOM="2022-06-15"), episode_row(CHILD="L1", DECOM="31/02/2023")]
    parsed = read_903(write_903(tmp_path, Episodes=rows), collection_year=2024)
    invalid = [p for p in parsed.problems if p.rule == "ssda903.date_invalid"]
    assert [p.value for p in invalid] == ["2022-06-15", "31/02/2023"]
    assert "dd/mm/YYYY" in invalid[0].message and "real calendar date" in invalid[1].message


def test_date_after_year_end(tmp_path):
    parsed = read_903(
        write_903(tmp_path, Episodes=[*L1_EPISODES, episode_row(DEC="02/04/2024")]),
        collection_year=2024,
    )
    assert errors(parsed) == {"ssda903.date_after_year_end"}


def test_missing_spell_end_before_start(tmp_path):
    missing = [
        {
            "CHILD": "L1",
            "DOB": "01/02/2012",
            "MISSING": "A",
            "MIS_START": "05/07/2023",
            "MIS_END": "03/07/2023",
        }
    ]
    parsed = read_903(write_903(tmp_path, Missing=missing), collection_year=2024)
    assert errors(parsed) == {"ssda903.missing_end_before_start"}


def test_missing_and_extra_columns(tmp_path):
    folder = write_903(tmp_path)
    columns = ["CHILD", "DECOM", "RNE", "CIN", "PLACE", "DEC", "REC", "NOTES"]
    write(folder, "export_1.csv", csv_text("Episodes", VALID_903["Episodes"], columns))
    parsed = read_903(folder, collection_year=2024)
    missing = {p.field: p.severity for p in parsed.problems if p.rule == "ssda903.missing_column"}
    assert missing["LS"] == "error" and missing["URN"] == "warning"
    assert [p.field for p in parsed.problems if p.rule == "ssda903.extra_column"] == ["NOTES"]
    assert parsed.rejected


def test_blank_required_value(tmp_path):
    parsed = read_903(
        write_903(tmp_path, Episodes=[*L1_EPISODES, episode_row(LS="")]), collection_year=2024
    )
    assert [(p.rule, p.field) for p in parsed.problems] == [("ssda903.missing_value", "LS")]


def test_unknown_csv_in_folder_is_a_warning(tmp_path):
    folder = write_903(tmp_path)
    write(folder, "notes.csv", "name,comment\nx,y\n")
    write(folder, "other.csv", "CHILD,FOO,BAR,BAZ,QUX\n1,2,3,4,5\n")
    parsed = read_903(folder, collection_year=2024)
    unknown = [p for p in parsed.problems if p.rule == "ssda903.unknown_file"]
    assert len(unknown) == 2 and all(p.severity == "warning" for p in unknown)
    assert not parsed.rejected


def test_duplicate_table_and_header_rules(tmp_path):
    folder = write_903(tmp_path, Header=VALID_903["Header"] + [VALID_903["Header"][0]])
    write(folder, "again.csv", csv_text("Reviews", VALID_903["Reviews"]))
    parsed = read_903(folder, collection_year=2024)
    assert {"ssda903.duplicate_table", "ssda903.duplicate_child"} <= errors(parsed)


def test_child_not_in_header_and_no_header(tmp_path):
    parsed = read_903(
        write_903(tmp_path / "a", Episodes=[episode_row(CHILD="L9")]), collection_year=2024
    )
    assert "ssda903.child_not_in_header" in rules(parsed)
    data = {k: v for k, v in VALID_903.items() if k != "Header"}
    folder = tmp_path / "b"
    for index, (table, rows) in enumerate(data.items()):
        write(folder, f"t{index}.csv", csv_text(table, rows))
    assert "ssda903.no_header" in errors(read_903(folder, collection_year=2024))


def test_formula_like_cells_are_warned_and_kept_as_text(tmp_path):
    parsed = read_903(
        write_903(tmp_path, Episodes=[episode_row(URN='=HYPERLINK("x")')]), collection_year=2024
    )
    [problem] = [p for p in parsed.problems if p.rule == "csv.formula_like_cell"]
    assert problem.field == "URN" and problem.severity == "warning"
    assert parsed.tables["cla_episodes"][0]["urn"] == '=HYPERLINK("x")'


def test_ragged_row_is_an_error(tmp_path):
    folder = write_903(tmp_path)
    header = ",".join(c for c in VALID_903["Reviews"][0])
    write(folder, "export_2.csv", f"{header}\nL1,01/02/2012,20/05/2023,PN1,extra\n")
    assert "csv.too_many_cells" in errors(read_903(folder, collection_year=2024))


def test_two_folders_are_two_returns(tmp_path):
    returns = read(
        [write_903(tmp_path / "2023"), write_903(tmp_path / "2024")], collection_year=2024
    )
    assert [r.format for r in returns] == ["ssda903", "ssda903"]
