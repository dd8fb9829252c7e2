from __future__ import annotations

import json

from lineofsight.cli import main
from lineofsight.formats.tests.builders import child, cin_xml, episode, write, write_903


def test_valid_files_exit_0_with_a_summary(tmp_path, capsys):
    path = write(tmp_path, "cin.xml", cin_xml(child("C1")))
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert "ACCEPTED: cin_census LA 371 2024 - 1 record, 0 errors, 0 warnings (cin.xml)" in out


def test_rejected_return_prints_table_and_exits_1(tmp_path, capsys):
    bad = episode(referral="2023-06-01", closure="2023-05-01")
    path = write(tmp_path, "cin.xml", cin_xml(child("C7", episodes=(bad,))))
    assert (
        main(["validate", str(path), str(write_903(tmp_path / "903")), "--collection-year", "2024"])
        == 1
    )
    out = capsys.readouterr().out
    assert "SEVERITY" in out and "child C7 / CINdetails 1" in out
    assert "CINclosureDate is before CINreferralDate." in out
    assert "REJECTED: cin_census" in out and "ACCEPTED: ssda903" in out


def test_json_output_and_progress_bar(tmp_path, capsys):
    path = write(tmp_path, "cin.xml", cin_xml(child(ethnicity="XXXX")))
    assert main(["validate", str(path), "--json", "--progress"]) == 1
    captured = capsys.readouterr()
    [result] = json.loads(captured.out)
    assert result["format"] == "cin_census" and result["rejected"] is True
    [problem] = result["problems"]
    assert (problem["rule"], problem["code"], problem["severity"]) == (
        "cin.code_unknown",
        "4220",
        "error",
    )
    assert "100%" in captured.err


def test_json_carries_each_query_code(tmp_path, capsys):
    """A DfE query (code ending in Q) is a warning: the return is accepted, the code is shown."""
    born_and_expected = child(
        identifiers_extra="<ExpectedPersonBirthDate>2015-01-05</ExpectedPersonBirthDate>"
    )
    path = write(tmp_path, "cin.xml", cin_xml(born_and_expected))
    assert main(["validate", str(path), "--json"]) == 0
    [result] = json.loads(capsys.readouterr().out)
    assert {(p["code"], p["severity"]) for p in result["problems"]} == {
        ("8525Q", "warning"),  # both dates given
        ("8530Q", "warning"),  # an expected date long before the census
    }


def test_rules_lists_every_rule_with_its_code(capsys):
    assert main(["validate", "--rules"]) == 0
    out = capsys.readouterr().out
    assert "cin       1510       error  2023-24 to 2025-26" in out
    assert "cin       8945Q      query  2024-25 to 2025-26" in out
    assert "ssda903   356        error" in out
    # a rule the DfE changed: one line per version, each with its years and wording
    assert "ssda903   101        error  2023-24               Gender code is not valid." in out
    assert "ssda903   101        error  2024-25 to 2025-26    The child or young person" in out
    assert "ssda903   SW17STG2   error  2025-26               There is no social worker" in out
    assert "ssda903   217t       error  2023-24               Placement type 'P2'" in out


def test_oversized_file_with_a_small_limit(tmp_path, capsys):
    path = write(tmp_path, "cin.xml", cin_xml(child("C1")))
    assert main(["validate", str(path), "--max-size-mb", "0.0001", "--json"]) == 1
    [result] = json.loads(capsys.readouterr().out)
    assert result["problems"][0]["rule"] == "file.too_large"


def test_a_folder_of_folders_is_read_whole_each_903_year_one_return(tmp_path, capsys):
    borough = tmp_path / "borough" / "371"
    write(borough / "cin", "cin_census_2024.xml", cin_xml(child("C1")))
    write_903(borough / "ssda903" / "2023")
    write_903(borough / "ssda903" / "2024")
    assert main(["validate", str(tmp_path / "borough"), "--collection-year", "2024"]) == 0
    out = capsys.readouterr().out
    assert out.count("ACCEPTED: ssda903") == 2
    assert out.count("ACCEPTED: cin_census") == 1


def test_hidden_folders_are_not_read(tmp_path, capsys):
    write(tmp_path / ".git", "cin.xml", cin_xml(child("C1")))
    write(tmp_path / "cin", "cin.xml", cin_xml(child("C2")))
    assert main(["validate", "--json", str(tmp_path)]) == 0
    [result] = json.loads(capsys.readouterr().out)
    assert result["source_files"] == [str(tmp_path / "cin" / "cin.xml")]


def test_no_files_at_all_is_a_failure_with_a_reason(tmp_path, capsys):
    (tmp_path / "empty" / "sub").mkdir(parents=True)
    (tmp_path / "empty" / ".hidden").write_text("x")
    assert main(["validate", str(tmp_path / "empty")]) == 2
    assert main(["validate", "--json", str(tmp_path / "empty")]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("Nothing was read: no files were found in") == 2


def test_a_903_summary_names_its_folder_not_every_csv(tmp_path, capsys):
    folder = write_903(tmp_path / "2024")
    assert main(["validate", str(folder), "--collection-year", "2024"]) == 0
    files = len(list(folder.iterdir()))
    assert f"warnings (2024/, {files} files)" in capsys.readouterr().out
