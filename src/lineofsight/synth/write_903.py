"""The SSDA903 CSVs for one collection year, named as csc-validator-be-903 run-offline expects."""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path

from lineofsight.formats.rules.ssda903.common import OC2_TWELVE_MONTHS
from lineofsight.synth.care import age_on, birthday
from lineofsight.synth.config import code_lists
from lineofsight.synth.model import CarePeriod, Child
from lineofsight.synth.randomness import Picker
from lineofsight.synth.years import CollectionYear, uk

FILES: dict[str, list[str]] = {
    "header.csv": ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"],
    "episodes.csv": [
        "CHILD",
        "DECOM",
        "RNE",
        "LS",
        "CIN",
        "PLACE",
        "PLACE_PROVIDER",
        "DEC",
        "REC",
        "REASON_PLACE_CHANGE",
        "HOME_POST",
        "PL_POST",
        "URN",
    ],
    "reviews.csv": ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"],
    "uasc.csv": ["CHILD", "SEX", "DOB", "DUC"],
    "oc2.csv": ["CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", *OC2_TWELVE_MONTHS],
    "oc3.csv": ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"],
    "ad1.csv": [
        "CHILD",
        "DOB",
        "DATE_INT",
        "DATE_MATCH",
        "FOSTER_CARE",
        "NB_ADOPTR",
        "SEX_ADOPTR",
        "LS_ADOPTR",
    ],
    "placed_for_adoption_errors.csv": [
        "CHILD",
        "DOB",
        "DATE_PLACED",
        "DATE_PLACED_CEASED",
        "REASON_PLACED_CEASED",
    ],
    "previous_permanence.csv": ["CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"],
    "missing.csv": ["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"],
    "sw_episodes.csv": ["CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"],
}
SEX_903_BEFORE_2025 = {"M": "1", "F": "2", "U": "1"}  # 2024-25 on: M/F/U as in the CIN census
SW_CHANGE_REASONS = ("MANAGE", "LEFTRL", "ORGRST", "CHCHAN", "OTHERS")
LEFT_CARE_AT_16_PLUS = {"E7", "E8", "E17", "E13", "E4A"}

Row = dict[str, str]


class Year903:
    """Collects the rows of every 903 table for one collection year."""

    def __init__(self, year: int, seed: str, in_touch: float = 0.97) -> None:
        self.cy = CollectionYear(year)
        self.in_touch = in_touch  # share of care leavers the authority is in touch with
        self.rng = random.Random(seed)
        codes = code_lists()
        self.review_code = Picker(codes.review_code_age4plus)
        self.activity = Picker(codes.oc3_activity)
        self.accommodation = Picker(codes.oc3_accommodation)
        self.rows: dict[str, list[Row]] = {name: [] for name in FILES}

    def add_child(self, child: Child) -> None:
        cy, dob = self.cy, uk(child.birth_date)
        periods = [p for p in child.care_periods if cy.overlaps(p.start, cy.known(p.end))]
        self._adoption(child, periods)
        first_starting = next((p for p in periods if cy.contains(p.start)), None)
        for period in periods:
            self._episodes(child, period)
            for review in period.reviews:
                if cy.contains(review):
                    code = (
                        "PN0"
                        if age_on(child.birth_date, review) < 4
                        else self.review_code(self.rng)
                    )
                    self.rows["reviews.csv"].append(
                        {
                            "CHILD": child.child_id,
                            "DOB": dob,
                            "REVIEW": uk(review),
                            "REVIEW_CODE": code,
                        }
                    )
            for missing in period.missing:
                if cy.contains(missing.start) and cy.contains(missing.end):
                    self.rows["missing.csv"].append(
                        {
                            "CHILD": child.child_id,
                            "DOB": dob,
                            "MISSING": missing.kind,
                            "MIS_START": uk(missing.start),
                            "MIS_END": uk(cy.known(missing.end)),
                        }
                    )
            if cy.contains(period.start) and period is first_starting:
                # one PrevPerm row per child (INT35), for the first period starting in the year
                self.rows["previous_permanence.csv"].append(
                    {
                        "CHILD": child.child_id,
                        "DOB": dob,
                        "PREV_PERM": "Z1",
                        "LA_PERM": "",
                        "DATE_PERM": "",
                    }
                )
        if periods and self._continuously_looked_after(periods[-1]):
            self._oc2(child)
        if periods:
            self._social_workers(child, periods[0].start, periods[-1].end)
        leaver = self._care_leaver(child)
        if periods or leaver:
            sex = child.sex if cy.year >= 2025 else SEX_903_BEFORE_2025[child.sex]
            female = sex in {"F", "2"}
            self.rows["header.csv"].append(
                {
                    "CHILD": child.child_id,
                    "SEX": sex,
                    "DOB": dob,
                    "ETHNIC": child.ethnicity,
                    "UPN": child.upn,
                    "MOTHER": "0" if female and periods else "",
                    "MC_DOB": "",
                }
            )

    def _episodes(self, child: Child, period: CarePeriod) -> None:
        cy = self.cy
        for ep in period.episodes:
            end = cy.known(ep.end)
            if not cy.overlaps(ep.start, end) or ep.start > cy.reference_date:
                continue
            self.rows["episodes.csv"].append(
                {
                    "CHILD": child.child_id,
                    "DECOM": uk(ep.start),
                    "RNE": ep.reason_new_episode,
                    "LS": ep.legal_status,
                    "CIN": ep.cin_category,
                    "PLACE": ep.placement,
                    "PLACE_PROVIDER": ep.provider,
                    "DEC": uk(end),
                    "REC": (ep.reason_ceased or "") if end else "",
                    "REASON_PLACE_CHANGE": (ep.reason_place_change or "") if end else "",
                    "HOME_POST": ep.home_postcode,
                    "PL_POST": ep.placement_postcode,
                    "URN": ep.urn,
                }
            )

    def _continuously_looked_after(self, period: CarePeriod) -> bool:
        end = self.cy.known(period.end)
        # looked after all year, including a period ending on 31 March itself (rule 191)
        return (end is None or end >= self.cy.reference_date) and period.start <= self.cy.start

    def _oc2(self, child: Child) -> None:
        rng, cy, born = self.rng, self.cy, child.birth_date
        age = age_on(born, cy.reference_date)
        sdq_due = birthday(born, 4) <= cy.reference_date and birthday(born, 17) >= cy.start
        sdq = str(rng.randint(4, 30)) if sdq_due and rng.random() < 0.85 else ""
        misuse = "1" if age >= 12 and rng.random() < 0.04 else "0"
        received = "1" if rng.random() < 0.7 else "0"
        self.rows["oc2.csv"].append(
            {
                "CHILD": child.child_id,
                "DOB": uk(born),
                "SDQ_SCORE": sdq,
                # no score and no reason for a child already 17 at the start of the year (189)
                "SDQ_REASON": ""
                if sdq or age < 4 or birthday(born, 17) < cy.start
                else ("SDQ4" if sdq_due else "SDQ1"),
                "CONVICTED": ("1" if rng.random() < 0.03 else "0") if age >= 10 else "",
                "HEALTH_CHECK": ("1" if rng.random() < 0.9 else "0") if age < 5 else "",
                "IMMUNISATIONS": "1" if rng.random() < 0.85 else "0",
                "TEETH_CHECK": "1" if rng.random() < 0.8 else "0",
                "HEALTH_ASSESSMENT": "1" if rng.random() < 0.9 else "0",
                "SUBSTANCE_MISUSE": misuse,
                "INTERVENTION_RECEIVED": received if misuse == "1" else "",
                "INTERVENTION_OFFERED": "1" if misuse == "1" and received == "0" else "",
            }
        )

    def _care_leaver(self, child: Child) -> bool:
        """OC3: left care aged 16+ and has a 17th to 21st birthday in the year."""
        left = [p for p in child.care_periods if p.end is not None and p.end < self.cy.start]
        if not left:
            return False
        last = left[-1]
        assert last.end is not None
        if (
            age_on(child.birth_date, last.end) < 16
            or last.episodes[-1].reason_ceased not in LEFT_CARE_AT_16_PLUS
        ):
            return False
        birthdays = [birthday(child.birth_date, n) for n in range(17, 22)]
        if not any(self.cy.contains(b) for b in birthdays):
            return False
        in_touch = "YES" if self.rng.random() < self.in_touch else "NO"
        accommodation = self.accommodation(self.rng)
        if accommodation == "Z1" and self.cy.contains(birthday(child.birth_date, 17)):
            accommodation = "K1"  # staying put with former foster carers is for 18+
        self.rows["oc3.csv"].append(
            {
                "CHILD": child.child_id,
                "DOB": uk(child.birth_date),
                "IN_TOUCH": in_touch,
                "ACTIV": self.activity(self.rng) if in_touch == "YES" else "0",
                "ACCOM": accommodation if in_touch == "YES" else "0",
            }
        )
        return True

    def _adoption(self, child: Child, periods: list[CarePeriod]) -> None:
        """PlacedAdoption for children under a placement order; AD1 for those adopted."""
        cy, dob = self.cy, uk(child.birth_date)
        for period in periods:
            orders = [
                e
                for e in period.episodes
                if e.legal_status == "E1" and e.start <= cy.reference_date
            ]
            if not orders:
                continue
            decision = orders[0].start - timedelta(days=28)
            placed = [e for e in period.episodes if e.placement.startswith("A")]
            adopted = cy.known(period.end) and period.episodes[-1].reason_ceased == "E11"
            self.rows["placed_for_adoption_errors.csv"].append(
                {
                    "CHILD": child.child_id,
                    "DOB": dob,
                    "DATE_PLACED": uk(decision),
                    "DATE_PLACED_CEASED": "",
                    "REASON_PLACED_CEASED": "",
                }
            )
            if adopted and placed:
                self.rows["ad1.csv"].append(
                    {
                        "CHILD": child.child_id,
                        "DOB": dob,
                        "DATE_INT": uk(decision),
                        "DATE_MATCH": uk(placed[0].start - timedelta(days=14)),
                        "FOSTER_CARE": "0",
                        "NB_ADOPTR": "2",
                        "SEX_ADOPTR": "MF",
                        "LS_ADOPTR": "L11",
                    }
                )

    def _social_workers(self, child: Child, care_start: date, care_end: date | None) -> None:
        """Social worker episodes from the child's first day in care in the year (an allocated
        social worker stays open at 31 March, as the 2025-26 rules expect)."""
        cy, rng = self.cy, self.rng
        start = max(cy.start, care_start)
        change = start + timedelta(days=rng.randint(60, 400))
        number = rng.randint(1, 400)
        episodes: list[tuple[date, date | None, str]] = [(start, None, "FCONTA")]
        if change < (cy.known(care_end) or cy.reference_date):
            episodes = [(start, change, "FCONTA"), (change, None, rng.choice(SW_CHANGE_REASONS))]
        for index, (begin, end, reason) in enumerate(episodes):
            self.rows["sw_episodes.csv"].append(
                {
                    "CHILD": child.child_id,
                    "DOB": uk(child.birth_date),
                    "SW_ID": f"SW{number + index:06d}",
                    "SW_DECOM": uk(begin),
                    "SW_DEC": uk(end),
                    "SW_REASON": reason,
                }
            )


def _csv(columns: list[str], rows: Iterable[Row]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def write_ssda903(
    children: list[Child],
    la_code: str,
    year: int,
    directory: Path,
    seed: int,
    in_touch: float = 0.97,
) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    collector = Year903(year, f"{seed}:{la_code}:903:{year}", in_touch)
    for child in children:
        if child.care_periods:
            collector.add_child(child)
    paths = []
    for name, columns in FILES.items():
        path = directory / name
        path.write_text(_csv(columns, collector.rows[name]), encoding="utf-8", newline="\n")
        paths.append(path)
    return paths


def earliest(dates: Iterable[date]) -> date | None:
    return min(dates, default=None)
