"""The demo borough's 2020-21 annual report in every format: time and peak memory (issue 15
targets: PDF under 15 s and 500 MB, HTML under 2 s).

A fresh process builds the demo partnership in a temporary folder; each format is then rendered
in its own process, so its peak memory (max RSS: Python, Django, WeasyPrint, data) is its own.
Full: the whole synthetic borough; quick: a small one.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from typing import Any

TARGETS = {"html": (2.0, None), "pdf": (15.0, 500.0), "docx": (None, None)}


def _worker(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.reports_worker", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"the reports worker ({' '.join(args)}) failed:\n{done.stderr[-3000:]}")
    return done.stdout


def run(quick: bool) -> list[dict[str, Any]]:
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "LINEOFSIGHT_VAR_DIR": folder, "REQUIRE_TWO_FACTOR": "false"}
        env.pop("DATABASE_URL", None)
        _worker(env, "setup", *(["--quick"] if quick else []))
        for fmt, (seconds_target, mb_target) in TARGETS.items():
            result = json.loads(_worker(env, "render", fmt).strip().splitlines()[-1])
            met = None
            if seconds_target is not None:
                met = result["seconds"] < seconds_target
                if mb_target is not None:
                    met = met and result["peak_mb"] < mb_target
            target = " and ".join(
                t
                for t in (
                    f"< {seconds_target:g} s" if seconds_target else "",
                    f"< {mb_target:g} MB" if mb_target else "",
                )
                if t
            )
            rows.append(
                {
                    "case": f"annual report 2020-21, published edition, {fmt}",
                    "records": result["tables"],
                    "seconds": result["seconds"],
                    "peak_mb": result["peak_mb"],
                    "target": target or "none set",
                    "met": met,
                    "notes": [
                        f"{result['sections']} sections, {result['tables']} tables and charts, "
                        f"{result['bytes']:,} bytes; CPU {result['cpu_seconds']:.1f} s "
                        "(wall time includes waiting for a shared CPU)"
                    ],
                }
            )
    return rows
