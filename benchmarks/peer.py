"""The peer validator: Data to Insight's public DfE-rule checker ``csc-validator-be-cin``.

It pins old pandas, so it lives in its own virtual environment: ``$PEER_VENV`` if set, else
``benchmarks/.peer-venv`` (git-ignored), created and filled from PyPI when missing.  Nothing of
it is imported here: it is timed as a command, ``python -m cin_validator run FILE -r RULESET -o``,
one run per file, wall time including its start-up (that is what a user of it waits for).
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
PACKAGES = ("csc-validator-be-cin", "csc-validator-be-903", "pytest")
INSTALL_TIMEOUT_S = 1800
RUN_TIMEOUT_S = 3600


@dataclass
class PeerRun:
    """The peer validator's time over some files, or why it was not measured."""

    files: int = 0
    seconds: float = 0.0
    issues: int = 0
    rulesets: list[str] = field(default_factory=list)
    failure: str | None = None


def venv_dir() -> Path:
    return Path(os.environ.get("PEER_VENV") or HERE / ".peer-venv")


def python_in(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def installed(venv: Path) -> bool:
    python = python_in(venv)
    if not python.exists():
        return False
    check = [str(python), "-c", "import cin_validator"]
    return subprocess.run(check, capture_output=True, timeout=120).returncode == 0


def ensure_venv(install: bool = True) -> tuple[Path | None, str | None]:
    """The peer venv's python, installing it when missing; else None and the reason."""
    venv = venv_dir()
    if installed(venv):
        return python_in(venv), None
    if not install:
        return None, f"peer validator not installed in {venv} (not installed in --quick runs)"
    print(f"Installing the peer validator into {venv} (one-off, from PyPI) ...", flush=True)
    steps = [
        [sys.executable, "-m", "venv", str(venv)],
        [str(python_in(venv)), "-m", "pip", "install", "--quiet", *PACKAGES],
    ]
    for step in steps:
        try:
            done = subprocess.run(step, capture_output=True, text=True, timeout=INSTALL_TIMEOUT_S)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return None, f"could not install the peer validator ({exc!r})"
        if done.returncode != 0:
            tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
            return None, f"could not install the peer validator (no network?): {tail[0]}"
    if not installed(venv):
        return None, "the peer validator installed but `import cin_validator` fails"
    return python_in(venv), None


def rulesets(python: Path) -> list[str]:
    """The CIN rulesets the installed peer knows, e.g. ['cin2022_23', ..., 'cin2026_27']."""
    code = (
        "import os, cin_validator.rules as r; "
        "print(' '.join(sorted(n for n in os.listdir(os.path.dirname(r.__file__)) "
        "if n.startswith('cin'))))"
    )
    out = subprocess.run([str(python), "-c", code], capture_output=True, text=True, timeout=120)
    return out.stdout.split()


def ruleset_for(year: int, known: list[str]) -> str:
    """The ruleset of collection ``year`` (2025 -> cin2024_25), else the nearest one known."""
    wanted = f"cin{year - 1}_{year % 100:02d}"
    if wanted in known or not known:
        return wanted
    return known[0] if wanted < known[0] else known[-1]


def run_cin(python: Path, files: list[tuple[Path, int]]) -> PeerRun:
    """Time the peer over each (CIN file, collection year), one run per file."""
    result = PeerRun()
    known = rulesets(python)
    for path, year in files:
        ruleset = ruleset_for(year, known)
        with tempfile.TemporaryDirectory(prefix="los-peer-") as work:
            command = [str(python), "-m", "cin_validator", "run", str(path), "-r", ruleset, "-o"]
            started = time.perf_counter()
            done = subprocess.run(
                command, cwd=work, capture_output=True, text=True, timeout=RUN_TIMEOUT_S
            )
            seconds = time.perf_counter() - started
            if done.returncode != 0:
                tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
                result.failure = f"peer validator failed on {path.name}: {tail[0]}"
                return result
            report = Path(work) / "user_report.csv"
            if report.exists():
                with report.open(newline="", encoding="utf-8") as handle:
                    result.issues += sum(1 for _ in csv.DictReader(handle))
        result.files += 1
        result.seconds += seconds
        if ruleset not in result.rulesets:
            result.rulesets.append(ruleset)
    return result
