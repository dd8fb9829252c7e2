"""The value type every published table is read into, and the parsing of DfE cells."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal, TypedDict

Level = Literal["national", "regional", "local_authority"]

ENGLAND_CODE: Final = "E92000001"

DFE_GEOGRAPHIC_LEVELS: Final[dict[str, Level]] = {
    "National": "national",
    "Regional": "regional",
    "Local authority": "local_authority",
}

INDICATOR_IDS: Final = (
    "referrals",
    "rereferral_pct",
    "referral_nfa_pct",
    "referral_rate_per_10k",
    "cin_at_31_march",
    "cin_rate_per_10k",
    "cp_repeat_plan_pct",
    "cla_rate_per_10k",
    "cla_starts",
    "cla_ceased",
    "care_leavers_19_21_eet_pct",
    "population_0_17",
    "hospital_admissions_injuries_0_14",
)

TITLES: Final[dict[str, str]] = {
    "referrals": "Referrals",
    "rereferral_pct": "Re-referrals within 12 months (%)",
    "referral_nfa_pct": "Referrals with no further action (%)",
    "cin_at_31_march": "Children in need at 31 March",
    "cin_rate_per_10k": "Children in need at 31 March per 10,000 children",
    "referral_rate_per_10k": "Referrals per 10,000 children",
    "cp_repeat_plan_pct": "Second or subsequent child protection plans (%)",
    "cla_rate_per_10k": "Children looked after at 31 March per 10,000 children",
    "cla_starts": "Children who started to be looked after",
    "cla_ceased": "Children who ceased to be looked after",
    "care_leavers_19_21_eet_pct": "Care leavers aged 19 to 21 in education, employment or "
    "training (%)",
    "population_0_17": "Children aged 0 to 17 (ONS mid-year estimate)",
    "hospital_admissions_injuries_0_14": "Hospital admissions caused by injuries, children "
    "aged 0 to 14, per 10,000",
}


@dataclass(frozen=True)
class PublishedValue:
    """One published figure for one area and one year.

    ``year`` is the year ending 31 March (2021 for 2020-21). ``area_code`` is the old three-digit
    LA code for local authorities, the region code (e.g. "E12000003") for regions and
    "E92000001" for England. When DfE publishes a symbol instead of a number ("c" suppressed,
    "x" not available, "z" not applicable, "u" low reliability, "k" less than 0.5, ...) ``value``
    is ``None`` and ``suppressed`` keeps the symbol as published.
    """

    indicator_id: str
    year: int
    level: Level
    area_code: str
    area_name: str
    value: float | None
    numerator: float | None = None
    denominator: float | None = None
    suppressed: str | None = None
    region_code: str | None = None
    region_name: str | None = None


@dataclass(frozen=True)
class Cell:
    """A parsed DfE cell: a number, or the symbol DfE published in its place."""

    number: float | None
    symbol: str | None

    @property
    def is_number(self) -> bool:
        return self.number is not None


def parse_cell(text: str | None) -> Cell:
    """Parse a DfE cell: "1,234" and "25.4" are numbers; anything else is kept as a symbol.

    An empty cell is reported with the symbol "" so a caller can tell it from a number.
    """
    raw = (text or "").strip()
    try:
        return Cell(number=float(raw.replace(",", "")), symbol=None)
    except ValueError:
        return Cell(number=None, symbol=raw)


class AreaColumns(TypedDict):
    level: Level
    area_code: str
    area_name: str
    region_code: str | None
    region_name: str | None


class Area:
    """Where a DfE row sits: level, code, name and (for an LA) its region."""

    __slots__ = ("level", "code", "name", "region_code", "region_name")

    def __init__(self, row: dict[str, str]) -> None:
        dfe_level = (row.get("geographic_level") or "").strip()
        if dfe_level not in DFE_GEOGRAPHIC_LEVELS:
            raise ValueError(f"unknown geographic_level {dfe_level!r}")
        self.level: Level = DFE_GEOGRAPHIC_LEVELS[dfe_level]
        self.region_code: str | None = (row.get("region_code") or "").strip() or None
        self.region_name: str | None = (row.get("region_name") or "").strip() or None
        if self.level == "national":
            self.code = (row.get("country_code") or "").strip() or ENGLAND_CODE
            self.name = (row.get("country_name") or "").strip() or "England"
        elif self.level == "regional":
            self.code = self.region_code or ""
            self.name = self.region_name or ""
        else:
            self.code = (row.get("old_la_code") or "").strip()
            self.name = (row.get("la_name") or "").strip()
        if not self.code:
            raise ValueError(f"{dfe_level} row without an area code")

    def columns(self) -> AreaColumns:
        """The area's fields of a :class:`PublishedValue` (England has no region)."""
        national = self.level == "national"
        return AreaColumns(
            level=self.level,
            area_code=self.code,
            area_name=self.name,
            region_code=None if national else self.region_code,
            region_name=None if national else self.region_name,
        )


def published_value(
    indicator_id: str,
    year: int,
    area: Area,
    value: Cell,
    numerator: Cell | None = None,
    denominator: Cell | None = None,
) -> PublishedValue:
    """Build a :class:`PublishedValue` from parsed cells."""
    return PublishedValue(
        indicator_id=indicator_id,
        year=year,
        value=value.number,
        numerator=numerator.number if numerator else None,
        denominator=denominator.number if denominator else None,
        suppressed=value.symbol,
        **area.columns(),
    )
