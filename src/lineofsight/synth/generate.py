"""The public entry point: generate synthetic boroughs as files in the real return formats."""

from __future__ import annotations

import csv
import random
from functools import cache
from importlib import resources
from pathlib import Path

from lineofsight.synth.config import BoroughParams, code_lists, default_params
from lineofsight.synth.model import Borough
from lineofsight.synth.simulate import Simulator
from lineofsight.synth.write_903 import write_ssda903
from lineofsight.synth.write_cin import write_cin_census

DEFAULT_YEARS = range(2016, 2022)


@cache
def postcodes_by_la() -> dict[str, list[str]]:
    text = resources.files("lineofsight.synth").joinpath("postcodes.csv").read_text("utf-8")
    table: dict[str, list[str]] = {}
    for row in csv.DictReader(text.splitlines()):
        table.setdefault(row["la_code"], []).append(row["postcode"])
    return table


def la_codes_for(count: int, first: str) -> list[str]:
    """``count`` distinct real LA codes starting with ``first``."""
    known = [c for c in code_lists().la_codes if c != first]
    if count > len(known) + 1:
        raise ValueError(f"at most {len(known) + 1} boroughs are available")
    return [first, *known[: count - 1]]


def simulate_borough(
    seed: int, la_code: str, years: range, scale: float, params: BoroughParams | None = None
) -> Borough:
    rng = random.Random(f"{seed}:{la_code}")
    postcodes = postcodes_by_la().get(la_code) or postcodes_by_la()["371"]
    simulator = Simulator(
        rng,
        params or default_params(),
        code_lists(),
        la_code,
        scale,
        years.start,
        years.stop - 1,
        postcodes,
    )
    return simulator.run()


def generate(
    out_dir: Path,
    seed: int = 1,
    years: range = DEFAULT_YEARS,
    las: int = 1,
    la_code: str = "371",
    scale: float = 1.0,
    params: BoroughParams | None = None,
) -> list[Path]:
    """Write ``las`` synthetic boroughs for collection ``years`` (ending 31 March) under
    ``out_dir/<la>/``; return the files written, in a stable order."""
    if not years:
        raise ValueError("years must not be empty")
    written: list[Path] = []
    for index, code in enumerate(la_codes_for(las, la_code)):
        borough_scale = (
            scale if index == 0 else scale * random.Random(f"{seed}:{code}:size").uniform(0.4, 2.0)
        )
        borough = simulate_borough(seed, code, years, borough_scale, params)
        written += write_borough(borough, out_dir / code, years, seed)
    return written


def write_borough(borough: Borough, root: Path, years: range, seed: int) -> list[Path]:
    written: list[Path] = []
    cin_dir = root / "cin"
    cin_dir.mkdir(parents=True, exist_ok=True)
    for year in years:
        written.append(write_cin_census(borough.children, borough.la_code, year, cin_dir))
        written += write_ssda903(
            borough.children, borough.la_code, year, root / "ssda903" / str(year), seed
        )
    return written
