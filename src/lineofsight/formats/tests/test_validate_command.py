from __future__ import annotations

import json

from lineofsight.cli import main
from lineofsight.formats.tests.builders import child, cin_xml, episode, write, write_903


def test_valid_files_exit_0_with_a_summary(tmp_path, capsys):
    path = write(tmp_path, "cin.xml", cin_xml(child("C1")))
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert "ACCEPTED: cin_census LA 371 2024 - 1 records, 0 errors, 0 warnings (cin.xml)" in out


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
    assert main(["validate", str(path), "--json", "--progress"]) == 0
    captured = capsys.readouterr()
    [result] = json.loads(captured.out)
    assert result["format"] == "cin_census" and result["rejected"] is False
    assert result["problems"][0]["rule"] == "cin.code_unknown"
    assert result["problems"][0]["severity"] == "warning"
    assert "100%" in captured.err


def test_oversized_file_with_a_small_limit(tmp_path, capsys):
    path = write(tmp_path, "cin.xml", cin_xml(child("C1")))
    assert main(["validate", str(path), "--max-size-mb", "0.0001", "--json"]) == 1
    [result] = json.loads(capsys.readouterr().out)
    assert result["problems"][0]["rule"] == "file.too_large"
