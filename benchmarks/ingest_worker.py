"""One measured ingest case, run in a fresh process so its peak memory is its own.

    python -m benchmarks.ingest_worker [--trace] SOURCE...

Each SOURCE (a CIN census XML file or an SSDA903 folder) is one return, handled the way ingest
handles it and one at a time: ``read`` (parse + validate), ``pseudonymise``, then each table
written to Parquet (``to_arrow`` + ``pyarrow.parquet``, zstd) in a temporary folder.  Prints one
JSON object: records, seconds, returns, rejected, problems, maxrss_bytes and, with ``--trace``,
py_peak_bytes (tracemalloc; tracing slows Python down, so timing runs go without it).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from lineofsight.formats import pseudonymise, read
from lineofsight.formats.tables import TABLES, to_arrow

KEY = b"benchmark-key-not-a-secret-32byt"


def ingest(source: Path, out: Path) -> tuple[int, bool, int]:
    """Ingest one return into ``out``; return its record count, rejection and problem count."""
    records, rejected, problems = 0, False, 0
    for parsed in read([source]):
        records += parsed.record_count
        problems += len(parsed.problems)
        rejected = rejected or parsed.rejected
        hidden = pseudonymise(parsed, KEY)
        for table, rows in hidden.tables.items():
            if table in TABLES and rows:
                pq.write_table(to_arrow(table, rows), out / f"{table}.parquet", compression="zstd")
    return records, rejected, problems


def maxrss_bytes() -> int:
    """This process's peak resident memory so far: the high-water mark of its own memory map
    (``VmHWM``) where Linux gives it, since ``ru_maxrss`` also counts the parent's RSS at fork;
    else ``ru_maxrss`` (bytes on macOS, KiB elsewhere)."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        status = ""
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale


def measure(sources: list[Path], trace: bool) -> dict[str, Any]:
    start_rss = maxrss_bytes()  # the interpreter with the modules imported, before any work
    totals = {"records": 0, "returns": len(sources), "rejected": 0, "problems": 0}
    with tempfile.TemporaryDirectory(prefix="los-bench-") as scratch:
        if trace:
            tracemalloc.start()
        started = time.perf_counter()
        for number, source in enumerate(sources):
            out = Path(scratch) / str(number)
            out.mkdir()
            records, rejected, problems = ingest(source, out)
            totals["records"] += records
            totals["rejected"] += int(rejected)
            totals["problems"] += problems
        seconds = time.perf_counter() - started
        result: dict[str, Any] = {**totals, "seconds": seconds}
        if trace:
            result["py_peak_bytes"] = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
    result["maxrss_bytes"] = maxrss_bytes()
    result["start_rss_bytes"] = start_rss
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.ingest_worker")
    parser.add_argument("--trace", action="store_true", help="measure Python peak (tracemalloc)")
    parser.add_argument("sources", nargs="+", type=Path)
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.sources, args.trace)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
