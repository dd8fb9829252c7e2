"""Validation benchmark (issue 16): every DfE rule on, against the public validator.

One synthetic CIN census of about 10,000 children (2024-25).  Three runs, one after another and
each in a fresh process, timed by wall clock including start-up (what a user waits for):
``lineofsight validate FILE --json``, the ingest worker (parse, validate, pseudonymise, write
Parquet; ``benchmarks.ingest_worker``), and the public validator ``csc-validator-be-cin`` on the
same file (``benchmarks.peer``).  Targets: validate and ingest each at least 40x faster than the
peer, peak memory under 300 MB.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import peer
from benchmarks.harness import Row
from benchmarks.ingest_bench import worker
from lineofsight.synth import generate

YEAR = 2025
FULL_SCALE, QUICK_SCALE = 1.3, 0.05  # 1.3: about 10,000 children in the census
SEED = 16
PEER_FACTOR = 40.0
PEAK_MB = 300.0
MB = 1024 * 1024


def _children(path: Path) -> int:
    return path.read_text(encoding="utf-8").count("<Child>")


VALIDATE = """
import sys
from pathlib import Path
from lineofsight.cli import main
code = main(sys.argv[1:])
status = Path("/proc/self/status")
lines = status.read_text().splitlines() if status.exists() else []
peak = [line for line in lines if line.startswith("VmHWM:")]
sys.stderr.write(f"VmHWM {int(peak[0].split()[1]) * 1024 if peak else 0}\\n")
sys.exit(code)
"""


def _validate(path: Path) -> tuple[float, float]:
    """Wall seconds and peak MB of ``lineofsight validate PATH --json`` in a fresh process
    (peak: the process's own high-water mark, as the ingest worker measures it)."""
    command = [sys.executable, "-c", VALIDATE, "validate", str(path), "--json"]
    started = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise RuntimeError(f"validate failed: {done.stderr.decode()[-500:]}")
    lines = [x for x in done.stderr.decode().splitlines() if x.startswith("VmHWM ")]
    return seconds, int(lines[-1].split()[1]) / MB if lines else float("nan")


def _row(case: str, records: int, seconds: float, peak: float, peer_seconds: float | None) -> Row:
    ratio = peer_seconds / seconds if peer_seconds else None
    met = None if ratio is None else ratio >= PEER_FACTOR and peak < PEAK_MB
    return {
        "case": case,
        "records": records,
        "seconds": seconds,
        "peak_mb": peak,
        "ratio_vs_peer": ratio,
        "target": f">= {PEER_FACTOR:.0f}x peer, < {PEAK_MB:.0f} MB",
        "met": met,
        "notes": [] if ratio is not None else ["ratio not measured: no peer run"],
    }


def run(quick: bool) -> list[Row]:
    python, why_not = peer.ensure_venv(install=not quick)
    with tempfile.TemporaryDirectory(prefix="los-validation-bench-") as scratch:
        print("  generating the synthetic census (not timed) ...", flush=True)
        scale = QUICK_SCALE if quick else FULL_SCALE
        generate(Path(scratch), seed=SEED, years=range(YEAR, YEAR + 1), scale=scale)
        [census] = sorted(Path(scratch).glob(f"*/cin/cin_census_{YEAR}.xml"))
        children = _children(census)
        print(f"  validate ({children} children) ...", flush=True)
        validate_s, validate_mb = _validate(census)
        print("  ingest ...", flush=True)
        started = time.perf_counter()
        ingested = worker([census])
        ingest_s = time.perf_counter() - started
        peer_seconds = None
        notes: list[str] = []
        if python is not None:
            print("  the public validator (slow) ...", flush=True)
            done = peer.run_cin(python, [(census, YEAR)])
            if done.failure:
                notes.append(done.failure)
            else:
                peer_seconds = done.seconds
        else:
            notes.append(f"peer not measured: {why_not}")
    rows = [
        _row("10k-child CIN census: validate", children, validate_s, validate_mb, peer_seconds),
        _row(
            "10k-child CIN census: ingest",
            children,
            ingest_s,
            ingested["maxrss_bytes"] / MB,
            peer_seconds,
        ),
        {
            "case": "10k-child CIN census: public validator",
            "records": children,
            "seconds": peer_seconds,
            "notes": notes,
        },
    ]
    for row in rows:
        row["notes"] = [*row.get("notes", []), "wall time including start-up"]
        if quick:
            row["met"] = None
            row["notes"].append("quick scale: the numbers say nothing about the targets")
    return rows
