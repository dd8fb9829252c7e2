"""The benchmark harness: find benchmarks, run them, print one table and write the JSON results.

A benchmark is a module ``benchmarks/<name>_bench.py`` exposing ``run(quick: bool) -> list[dict]``.
Each dict is one row (one case) with these keys (only ``case`` is required):

    case           str     what was measured, e.g. "borough-year cin"
    records        int     records processed
    seconds        float   wall time of the measured work
    records_per_s  float   filled in from records / seconds when absent
    peak_mb        float   peak resident memory of the process that did the work (ru_maxrss)
    py_peak_mb     float   peak Python allocations (tracemalloc)
    ratio_vs_peer  float   our records/s divided by the peer tool's, or None when not measured
    target         str     the target in words, e.g. "< 5 s, >= 10x peer"
    met            bool    whether the target was met, or None when it could not be judged
    notes          list    plain-English caveats (reused files, sample sizes, why not measured)
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import os
import platform
import traceback
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

Row = dict[str, Any]
Benchmark = Callable[[bool], list[Row]]

HERE = Path(__file__).resolve().parent
RESULTS_DIR = HERE / "results"
SUFFIX = "_bench"
COLUMNS = (
    ("name", "name"),
    ("case", "case"),
    ("records", "records"),
    ("seconds", "seconds"),
    ("records_per_s", "records/s"),
    ("peak_mb", "peak MB"),
    ("py_peak_mb", "py MB"),
    ("ratio_vs_peer", "ratio vs peer"),
    ("target", "target"),
    ("met", "met?"),
)


def discover(directory: Path = HERE, package: str = "benchmarks") -> dict[str, Benchmark]:
    """Every ``<name>_bench.py`` module in ``directory`` with a ``run`` function, by name."""
    found: dict[str, Benchmark] = {}
    for path in sorted(directory.glob(f"*{SUFFIX}.py")):
        module = importlib.import_module(f"{package}.{path.stem}")
        run = getattr(module, "run", None)
        if callable(run):
            found[path.stem.removesuffix(SUFFIX)] = run
    return found


def complete(name: str, row: Row) -> Row:
    """The row with its benchmark name and records/s filled in."""
    done = {"name": name, **row}
    records, seconds = done.get("records"), done.get("seconds")
    if done.get("records_per_s") is None and records is not None and seconds:
        done["records_per_s"] = records / seconds
    done.setdefault("notes", [])
    return done


def run_one(name: str, benchmark: Benchmark, quick: bool) -> list[Row]:
    """Run one benchmark; a failure becomes a single row saying so (the others still run)."""
    try:
        rows = benchmark(quick)
    except Exception as exc:  # noqa: BLE001 - report the failure, keep the other benchmarks
        detail = traceback.format_exc(limit=3)
        return [complete(name, {"case": "(failed)", "error": f"{exc!r}", "notes": [detail]})]
    return [complete(name, row) for row in rows]


def cell(key: str, value: Any) -> str:
    """One value as shown in the table."""
    if key == "met":
        return {True: "yes", False: "NO", None: "-"}[value]
    if value is None:
        return "not measured" if key == "ratio_vs_peer" else "-"
    if key == "ratio_vs_peer":
        return f"{value:.1f}x"
    if key == "seconds":
        return f"{value:.2f}"
    if isinstance(value, float):
        return f"{value:,.1f}" if key.endswith("_mb") else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def format_table(rows: Iterable[Row]) -> str:
    """A Markdown table of the rows, then their notes, numbered."""
    lines = ["| " + " | ".join(title for _, title in COLUMNS) + " |"]
    lines.append("|" + "|".join("---" for _ in COLUMNS) + "|")
    notes: list[str] = []
    for row in rows:
        lines.append("| " + " | ".join(cell(key, row.get(key)) for key, _ in COLUMNS) + " |")
        notes += [f"{row.get('name')} / {row.get('case')}: {note}" for note in row["notes"]]
        if row.get("error"):
            notes.append(f"{row.get('name')}: FAILED {row['error']}")
    return "\n".join(lines + ([""] + [f"- {note}" for note in notes] if notes else []))


def machine() -> dict[str, Any]:
    """Where the numbers were measured."""
    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.machine(),
        "cpus": os.cpu_count(),
        "load_average": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
    }


def write_results(results: Mapping[str, list[Row]], directory: Path, quick: bool) -> list[Path]:
    """``<name>.json`` per benchmark and ``latest.json`` with all of them."""
    directory.mkdir(parents=True, exist_ok=True)
    about = {"machine": machine(), "quick": quick}
    written = []
    for name, rows in results.items():
        path = directory / f"{name}.json"
        path.write_text(json.dumps({**about, "name": name, "rows": rows}, indent=2, default=str))
        written.append(path)
    latest = directory / "latest.json"
    everything = [row for rows in results.values() for row in rows]
    latest.write_text(json.dumps({**about, "rows": everything}, indent=2, default=str))
    return [*written, latest]
