"""The eight Section 11 standards, read from the reference data file shipped with the app."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_FILE = Path(__file__).parent / "data" / "section11_standards.csv"


@dataclass(frozen=True)
class Standard:
    number: int
    code: str
    title: str
    description: str


@lru_cache(maxsize=1)
def standards() -> tuple[Standard, ...]:
    with DATA_FILE.open(encoding="utf-8", newline="") as handle:
        rows = [
            Standard(int(r["number"]), r["code"], r["title"], r["description"])
            for r in csv.DictReader(handle)
        ]
    return tuple(sorted(rows, key=lambda s: s.number))


def standard(code: str) -> Standard:
    for item in standards():
        if item.code == code:
            return item
    raise KeyError(f"No Section 11 standard {code!r}")


def codes() -> list[str]:
    return [s.code for s in standards()]
