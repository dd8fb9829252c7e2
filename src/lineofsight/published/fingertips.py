"""OHID Fingertips indicator files (e.g. hospital admissions caused by unintentional and
deliberate injuries in children aged 0 to 14, indicator 90284), read as published.

Fingertips names areas by ONS code (E08000017) and gives no old three-digit LA code and no
regional rows.  LA rows are filed under the old code from DfE's own tables (the ONS code ->
old code pairs in the shipped workforce table, ``AREA_FILE``), with the region DfE gives that
LA, so they line up with every other benchmark; an ONS code DfE's tables do not know keeps its
ONS code.  Regions have no published figure in this file, so the region comparator is empty.

Only whole-area rows are read: ``Sex`` "Persons" and no ``Category Type`` (the deprivation
decile rows are another breakdown); England's row listed again under itself is read once.
``Time period`` "2023/24" is the year ending 31 March 2024.  The value is the published rate
per 10,000 children aged 0 to 14, with ``Count`` and ``Denominator``; a row with no value keeps
its ``Value note`` as the mark.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Final

from lineofsight.published.layouts import open_dfe_csv
from lineofsight.published.values import ENGLAND_CODE, Cell, PublishedValue, parse_cell

AREA_FILE: Final = Path(__file__).resolve().parent / "data" / "csww_indicators_2017_to_2025.csv"
FINGERTIPS_IDS: Final[dict[str, str]] = {"90284": "hospital_admissions_injuries_0_14"}

Row = dict[str, str]


@cache
def dfe_areas(path: Path = AREA_FILE) -> dict[str, tuple[str, str, str, str]]:
    """ONS code -> (old LA code, LA name, region code, region name), latest year last wins."""
    areas: dict[str, tuple[str, str, str, str]] = {}
    with open_dfe_csv(path) as handle:
        rows = sorted(csv.DictReader(handle), key=lambda row: row["time_period"])
    for row in rows:
        ons, old = (row.get("new_la_code") or "").strip(), (row.get("old_la_code") or "").strip()
        if ons and old:
            areas[ons] = (
                old,
                row["la_name"].strip(),
                row["region_code"].strip(),
                row["region_name"].strip(),
            )
    return areas


def _year(period: str) -> int:
    """ "2023/24" -> 2024."""
    first, _, _ = period.partition("/")
    return int(first) + 1


def read_fingertips(rows: Iterable[Row]) -> Iterator[PublishedValue]:
    areas = dfe_areas()
    for row in rows:
        indicator_id = FINGERTIPS_IDS.get((row.get("Indicator ID") or "").strip())
        if indicator_id is None or row.get("Sex") != "Persons" or row.get("Category Type"):
            continue
        code = (row.get("Area Code") or "").strip()
        value = parse_cell(row.get("Value"))
        if value.number is None:
            value = Cell(None, (row.get("Value note") or "").strip()[:10] or "x")
        common = {
            "indicator_id": indicator_id,
            "year": _year(row["Time period"]),
            "value": value.number,
            "numerator": parse_cell(row.get("Count")).number,
            "denominator": parse_cell(row.get("Denominator")).number,
            "suppressed": value.symbol,
        }
        if code == ENGLAND_CODE:
            if (row.get("Parent Code") or "").strip():
                continue  # England is listed twice: on its own and as a child of itself
            yield PublishedValue(
                level="national",
                area_code=code,
                area_name="England",
                **common,  # type: ignore[arg-type]
            )
            continue
        old, name, region_code, region_name = areas.get(
            code, (code, (row.get("Area Name") or "").strip(), "", "")
        )
        yield PublishedValue(
            level="local_authority",
            area_code=old,
            area_name=name,
            region_code=region_code or None,
            region_name=region_name or None,
            **common,  # type: ignore[arg-type]
        )
