"""The first `make demo` shows what it is doing while it installs (it takes about 90 s)."""

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_install_step_announces_each_step_and_shows_pip_progress(tmp_path):
    venv = tmp_path / "venv"
    dry_run = subprocess.run(
        ["make", "-n", f"VENV={venv}", f"{venv}/.installed"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    steps = [line for line in dry_run.splitlines() if line.startswith("echo")]
    assert len(steps) >= 3 and any("Installing Line of Sight" in step for step in steps)
    [install] = [line for line in dry_run.splitlines() if "-e '.[dev]'" in line]
    assert "--quiet" not in install and "-q" not in install.split()
