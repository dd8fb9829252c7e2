"""The public entry point: generate synthetic boroughs as files in the real return formats."""

from __future__ import annotations

import csv
import random
from functools import cache
from importlib import resources
from pathlib import Path

from lineofsight.synth.config import BoroughParams, code_lists, default_params
from lineofsight.synth.demand import months
from lineofsight.synth.model import Borough
from lineofsight.synth.simulate import Simulator
from lineofsight.synth.write_903 import write_ssda903
from lineofsight.synth.write_annex_a import write_annex_a
from lineofsight.synth.write_cin import write_cin_census
from lineofsight.synth.write_partnership import month_end, write_partner_returns, write_records

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
        params_used = params or default_params()
        borough = simulate_borough(seed, code, years, borough_scale, params_used)
        written += write_borough(borough, out_dir / code, years, seed, params_used, borough_scale)
    return written


def early_help_open_by_month(borough: Borough, years: range) -> dict[tuple[int, int], int]:
    """Children with an early help episode open at each month end."""
    ends = [(y, m, month_end(y, m)) for y, m in months(years.start, years.stop - 1)]
    counts = dict.fromkeys(((y, m) for y, m, _ in ends), 0)
    for child in borough.children:
        for eh in child.early_help:
            for y, m, end in ends:
                if eh.start <= end < eh.end:
                    counts[(y, m)] += 1
    return counts


def front_door_by_month(borough: Borough, years: range) -> dict[tuple[int, int], tuple[int, int]]:
    """(contacts received, contacts passed to early help) in each month: the front door's own
    return, counted from the same contacts as Annex A list 1."""
    counts = {(y, m): (0, 0) for y, m in months(years.start, years.stop - 1)}
    for child in borough.children:
        for contact in child.contacts:
            key = (contact.date.year, contact.date.month)
            if key in counts:
                received, passed = counts[key]
                counts[key] = (received + 1, passed + contact.to_early_help)
    return counts


def write_borough(
    borough: Borough, root: Path, years: range, seed: int, params: BoroughParams, scale: float
) -> list[Path]:
    """Every file of one borough, in a stable order."""
    written: list[Path] = []
    code = borough.la_code
    early_help_open = early_help_open_by_month(borough, years)
    front_door = front_door_by_month(borough, years)
    for year in years:
        written.append(write_cin_census(borough.children, code, year, root / "cin"))
        written += write_ssda903(
            borough.children,
            code,
            year,
            root / "ssda903" / str(year),
            seed,
            params.care_leaver_in_touch,
        )
        written.append(write_annex_a(borough.children, year, root / "annex_a"))
        written += write_partner_returns(
            params,
            scale,
            year,
            root / "partner_returns",
            random.Random(f"{seed}:{code}:partners:{year}"),
            params.covid_multipliers,
            early_help_open,
            front_door,
        )
    written += write_records(params, scale, years, root, f"{seed}:{code}")
    return written
