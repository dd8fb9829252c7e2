"""Ingest benchmark (issue 3): parse + validate + pseudonymise + write Parquet, against the peer.

Cases: one borough-year (CIN census XML, SSDA903 CSVs, both) and an England-scale year of
150 borough returns.  Each case runs in a fresh process (``benchmarks.ingest_worker``) twice:
once timed (seconds, peak RSS) and once under tracemalloc (Python peak).  The same CIN files go
through the peer validator ``csc-validator-be-cin`` (``benchmarks.peer``); the ratio is our
records/s over theirs.  Targets: a borough-year in under 5 s; at least 10x the peer.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from benchmarks import peer
from benchmarks.harness import Row
from benchmarks.ingest_data import FULL, QUICK, YEAR, Borough, Inputs, prepare

MB = 1024 * 1024
BOROUGH_SECONDS = 5.0
PEER_FACTOR = 10.0
ENGLAND_PEER_FILES = 1  # peer runs take ~100 s per borough file: time it on a sample


def worker(sources: list[Path], trace: bool = False) -> dict[str, Any]:
    """Run the ingest worker on ``sources`` in a fresh Python process; its JSON result."""
    command = [sys.executable, "-m", "benchmarks.ingest_worker", *map(str, sources)]
    if trace:
        command.insert(3, "--trace")
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(command, capture_output=True, text=True, cwd=root, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"ingest worker failed: {done.stderr.strip()[-500:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def case(name: str, sources: list[Path], traced: list[Path] | None = None) -> Row:
    """One case: a timed run over ``sources`` and traced runs (one per file in ``traced``)."""
    print(f"  ingest: {name} ({len(sources)} returns) ...", flush=True)
    timed = worker(sources)
    peaks = [worker([source], trace=True) for source in (traced or sources)]
    notes = []
    if traced is not None:
        notes.append(f"py MB: largest of traced runs over the {len(traced)} distinct returns")
    if timed["rejected"]:
        notes.append(f"{timed['rejected']} returns had errors (timed all the same)")
    return {
        "case": name,
        "records": timed["records"],
        "seconds": timed["seconds"],
        "peak_mb": timed["maxrss_bytes"] / MB,
        "start_mb": timed["start_rss_bytes"] / MB,
        "py_peak_mb": max(p["py_peak_bytes"] for p in peaks) / MB,
        "returns": timed["returns"],
        "problems": timed["problems"],
        "notes": notes,
        "_per_file": {str(s): p["records"] for s, p in zip(traced or sources, peaks, strict=True)},
    }


def with_peer(row: Row, python: Path | None, why_not: str | None, files: list[Path]) -> Row:
    """Add the peer's time on ``files`` (CIN) and our ratio to it; never a guess."""
    per_file: dict[str, int] = row.pop("_per_file")
    if python is None:
        row["ratio_vs_peer"] = None
        row["notes"].append(f"ratio not measured: {why_not}")
        return row
    print(f"  peer: csc-validator-be-cin on {len(files)} file(s) ...", flush=True)
    run = peer.run_cin(python, [(path, YEAR) for path in files])
    if run.failure is not None or not run.seconds:
        row["ratio_vs_peer"] = None
        row["notes"].append(f"ratio not measured: {run.failure}")
        return row
    records = sum(per_file[str(path)] for path in files)
    peer_rate = records / run.seconds
    row["ratio_vs_peer"] = row["records"] / row["seconds"] / peer_rate
    row["peer"] = {
        "files": run.files,
        "records": records,
        "seconds": run.seconds,
        "records_per_s": peer_rate,
        "issues_reported": run.issues,
        "rulesets": run.rulesets,
    }
    row["notes"].append(
        f"peer: {run.files} file(s), {records:,} children in {run.seconds:.1f} s "
        f"({peer_rate:,.0f}/s, ruleset {', '.join(run.rulesets)}, {run.issues} issues reported)"
    )
    return row


def judge(row: Row, seconds: bool, factor: bool) -> Row:
    """Set target and met? for the parts of the target this case carries."""
    parts, verdicts = [], []
    if seconds:
        parts.append(f"< {BOROUGH_SECONDS:g} s")
        verdicts.append(row["seconds"] < BOROUGH_SECONDS)
    if factor:
        parts.append(f">= {PEER_FACTOR:g}x peer")
        ratio = row.get("ratio_vs_peer")
        verdicts.append(None if ratio is None else ratio >= PEER_FACTOR)
    row.pop("_per_file", None)
    row["target"] = ", ".join(parts) or "-"
    row["met"] = None if not parts or None in verdicts else all(verdicts)
    return row


def cases(inputs: Inputs, python: Path | None, why_not: str | None) -> list[Row]:
    one: Borough = inputs.distinct[0]
    england = inputs.england
    count = len(england)
    by_cin = with_peer(case("borough-year CIN", [one.cin]), python, why_not, [one.cin])
    sample = [b.cin for b in inputs.distinct[1 : 1 + ENGLAND_PEER_FILES]] or [one.cin]
    distinct_cin = [b.cin for b in inputs.distinct]
    en_cin = case(f"{count} boroughs CIN", [b.cin for b in england], distinct_cin)
    en_cin = with_peer(en_cin, python, why_not, sample)
    if python is not None and en_cin.get("peer"):
        en_cin["notes"].append(f"peer timed on {len(sample)} of the {count} files (a sample)")
    return [
        judge(by_cin, seconds=True, factor=True),
        judge(case("borough-year SSDA903", [one.ssda903]), seconds=True, factor=False),
        judge(case("borough-year CIN+SSDA903", [one.cin, one.ssda903]), seconds=True, factor=False),
        judge(en_cin, seconds=False, factor=True),
        judge(
            case(
                f"{count} boroughs SSDA903",
                [b.ssda903 for b in england],
                [b.ssda903 for b in inputs.distinct],
            ),
            seconds=False,
            factor=False,
        ),
    ]


def run(quick: bool) -> list[Row]:
    """The ingest benchmark's rows (see the module docstring)."""
    scale = QUICK if quick else FULL
    python, why_not = peer.ensure_venv(install=not quick)
    if python is None:
        print(f"  PEER VALIDATOR NOT AVAILABLE: {why_not}; ratios will be 'not measured'.")
    with tempfile.TemporaryDirectory(prefix="los-ingest-bench-") as scratch:
        print(f"  generating synthetic boroughs (scale {scale.scale}, not timed) ...", flush=True)
        inputs = prepare(Path(scratch), scale)
        rows = cases(inputs, python, why_not)
    for row in rows:
        row["notes"] = [*row["notes"], *inputs.notes] if "boroughs" in row["case"] else row["notes"]
        if quick:
            row["met"] = None
            row["notes"].append("quick scale: the numbers say nothing about the targets")
    return rows
