"""The harness machinery on a tiny fake benchmark: the table and the JSON files (no timings)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from benchmarks.__main__ import main
from benchmarks.harness import Row, discover, format_table, run_one


def fake(quick: bool) -> list[Row]:
    return [
        {
            "case": "small",
            "records": 10,
            "seconds": 2.0,
            "peak_mb": 1.5,
            "ratio_vs_peer": None,
            "target": "< 5 s",
            "met": True,
            "notes": ["quick" if quick else "full"],
        },
        {
            "case": "compared",
            "records": 300,
            "seconds": 1.0,
            "ratio_vs_peer": 12.0,
            "target": ">= 10x peer",
            "met": True,
        },
    ]


def broken(quick: bool) -> list[Row]:
    raise RuntimeError("boom")


def test_main_prints_the_table_and_writes_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["fake", "--quick"], registry={"fake": fake}, results_dir=tmp_path) == 0
    out = capsys.readouterr().out
    assert "| name | case | records | seconds | records/s | peak MB |" in out
    assert "| fake | small | 10 | 2.00 | 5 | 1.5 |" in out
    assert "not measured" in out and "12.0x" in out
    saved = json.loads((tmp_path / "fake.json").read_text())
    assert saved["quick"] is True and saved["machine"]["cpus"]
    assert [row["case"] for row in saved["rows"]] == ["small", "compared"]
    assert saved["rows"][1]["records_per_s"] == 300
    latest = json.loads((tmp_path / "latest.json").read_text())
    assert len(latest["rows"]) == 2


def test_a_failing_benchmark_is_reported_and_the_others_still_run(tmp_path: Path):
    code = main([], registry={"fake": fake, "broken": broken}, results_dir=tmp_path)
    assert code == 1
    rows = json.loads((tmp_path / "latest.json").read_text())["rows"]
    assert {row["name"] for row in rows} == {"fake", "broken"}
    assert "boom" in format_table(run_one("broken", broken, True))


def test_unknown_names_are_refused(tmp_path: Path):
    assert main(["nope"], registry={"fake": fake}, results_dir=tmp_path) == 2
    assert not list(tmp_path.iterdir())


def test_discover_finds_bench_modules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    package = tmp_path / "fakebenches"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "tiny_bench.py").write_text("def run(quick):\n    return [{'case': 'x'}]\n")
    (package / "helper.py").write_text("def run(quick):\n    return []\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    found = discover(package, "fakebenches")
    assert list(found) == ["tiny"]
    assert found["tiny"](True) == [{"case": "x"}]
    sys.modules.pop("fakebenches.tiny_bench", None)
    sys.modules.pop("fakebenches", None)


def test_the_real_benchmarks_are_registered():
    assert {"ingest", "validation"} <= set(discover())
