"""The benchmark's input files: synthetic boroughs from ``lineofsight.synth`` (not timed).

One collection year (``YEAR``, the 2024-25 layout) is generated for a few distinct boroughs, the
first being the default borough (LA 371) at full scale: that is the "borough-year".  The England
scale set is ``ENGLAND`` returns made by reusing the distinct boroughs' files under different
folder names (hard links where possible): generating 150 boroughs would take far longer than
ingesting them, and what is measured is ingest, not generation.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

YEAR = 2025  # collection year 2024-25: the <Sex> layout, peer ruleset cin2024_25
SEED = 20250331
ENGLAND = 150


@dataclass(frozen=True)
class Scale:
    """How much to generate: borough scale, distinct boroughs, England-scale returns."""

    scale: float
    distinct: int
    england: int


FULL = Scale(scale=1.0, distinct=4, england=ENGLAND)
QUICK = Scale(scale=0.03, distinct=2, england=6)


@dataclass(frozen=True)
class Borough:
    """One borough-year's CIN census file and SSDA903 folder."""

    cin: Path
    ssda903: Path


@dataclass(frozen=True)
class Inputs:
    distinct: list[Borough]  # distinct[0] is the borough-year
    england: list[Borough]  # ``england`` returns, reusing the distinct ones in turn
    notes: list[str]


def borough_in(folder: Path) -> Borough:
    return Borough(folder / "cin" / f"cin_census_{YEAR}.xml", folder / "ssda903" / str(YEAR))


def link(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def reuse(borough: Borough, folder: Path) -> Borough:
    """The borough's files again under ``folder`` (same bytes, different names)."""
    copy = borough_in(folder)
    link(borough.cin, copy.cin)
    for table in sorted(borough.ssda903.iterdir()):
        link(table, copy.ssda903 / table.name)
    return copy


def generate_in_child(root: Path, scale: Scale) -> None:
    """Run the generator in its own process, so the benchmark's process stays small (a child
    inherits its parent's peak RSS in ``ru_maxrss`` on Linux)."""
    code = (
        "import sys; from pathlib import Path; from lineofsight.synth import generate; "
        "generate(Path(sys.argv[1]), seed=int(sys.argv[2]), years=range(int(sys.argv[3]), "
        "int(sys.argv[3]) + 1), las=int(sys.argv[4]), scale=float(sys.argv[5]))"
    )
    arguments = [str(root / "generated"), str(SEED), str(YEAR), str(scale.distinct)]
    command = [sys.executable, "-c", code, *arguments, str(scale.scale)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"synthetic data generation failed: {done.stderr.strip()[-500:]}")


def prepare(root: Path, scale: Scale) -> Inputs:
    """Generate the distinct boroughs under ``root`` and lay out the England-scale set."""
    generate_in_child(root, scale)
    folders = sorted(p for p in (root / "generated").iterdir() if p.is_dir())
    first = [p for p in folders if p.name == "371"] + [p for p in folders if p.name != "371"]
    distinct = [borough_in(folder) for folder in first]
    england = [
        reuse(distinct[number % len(distinct)], root / "england" / f"{number:03d}")
        for number in range(scale.england)
    ]
    notes = [
        f"{scale.england} returns = {len(distinct)} distinct synthetic boroughs (seed {SEED}, "
        f"scale {scale.scale}, collection year {YEAR}) reused under different names"
    ]
    return Inputs(distinct, england, notes)
