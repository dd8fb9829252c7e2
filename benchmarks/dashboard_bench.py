"""Dashboard pages' server time (issue 4 target: under 200 ms), measured on a demo partnership.

The work runs in a fresh process with its own temporary data folder, so the benchmark never
touches ./var. Full: the whole synthetic borough (6 years); quick: a small one (3 years).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from typing import Any

TARGET_SECONDS = 0.2


def run(quick: bool) -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "LINEOFSIGHT_VAR_DIR": folder, "REQUIRE_TWO_FACTOR": "false"}
        env.pop("DATABASE_URL", None)
        command = [sys.executable, "-m", "benchmarks.dashboard_worker"]
        if quick:
            command.append("--quick")
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"the dashboard worker failed:\n{done.stderr[-3000:]}")
    timings = json.loads(done.stdout.strip().splitlines()[-1])
    rows = []
    for name, result in timings.items():
        rows.append(
            {
                "case": f"dashboard {name} page, median of {result['n']}",
                "seconds": result["median"],
                "target": "< 200 ms server time",
                "met": result["p95"] < TARGET_SECONDS,
                "notes": [
                    f"p95 {result['p95'] * 1000:.0f} ms; SQLite; signed in as a board member"
                ],
            }
        )
    return rows
