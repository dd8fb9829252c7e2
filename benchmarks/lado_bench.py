"""LADO statistics benchmark (issue 12): every table of the statistics page, for every year.

Ten reporting years of synthetic referrals at twice the 2016-17 report's magnitude (about 1,200 a
year, 17% meeting the threshold: ``synth.write_partnership.lado_rows``), turned into facts as the
selectors do, then the year-on-year and consultation tables and the nine breakdowns of each year,
each put through ``disclosure.protect`` as the board sees them (the slower path).  Pure Python,
no database.  Target: the whole page set for ten years in under 2 seconds.
"""

from __future__ import annotations

import random
import time
from datetime import date

from benchmarks.harness import Row
from lineofsight import disclosure
from lineofsight.lado import statistics
from lineofsight.lado.statistics import (
    ConsultationFact,
    Facts,
    MeetingFact,
    ReferralFact,
    year_bounds,
)
from lineofsight.synth.config import default_params
from lineofsight.synth.write_partnership import LADO_HEADER, lado_rows

TARGET_SECONDS = 2.0


def _facts(scale: float, years: range) -> Facts:
    rows = lado_rows(default_params(), scale, years, random.Random("bench:lado"))
    column = {name: i for i, name in enumerate(LADO_HEADER)}
    facts = Facts()
    for row in rows:

        def get(name: str, row: list[object] = row) -> str:
            return str(row[column[name]])

        met = get("met_threshold") == "Y"
        meeting = get("strategy_meeting_date")
        facts.referrals.append(
            ReferralFact(
                received_on=date.fromisoformat(get("received_date")),
                adult=get("adult_ref"),
                sector=get("employer_sector"),
                referring_agency=get("referring_agency"),
                category="other"
                if get("allegation_type") == "suitability"
                else get("allegation_type"),
                context=get("context"),
                threshold_met=met,
                decided_on=date.fromisoformat(get("decision_date")),
                criteria=frozenset({get("harm_test")}) if met else frozenset(),
                meetings=(MeetingFact(date.fromisoformat(meeting), frozenset({"lado"})),)
                if meeting
                else (),
                police_investigation=get("police_investigation") == "Y",
                outcome=get("outcome"),
                concluded_on=date.fromisoformat(get("concluded_date")),
            )
        )
    for r in facts.referrals[::4]:
        facts.consultations.append(ConsultationFact(r.received_on, True))
    return facts


def run(quick: bool) -> list[Row]:
    scale, count = (0.2, 2) if quick else (2.0, 10)
    years = range(2012, 2012 + count + 1)  # collection years: count reporting years
    facts = _facts(scale, years)
    reporting = list(range(2011, 2011 + count))
    started = time.perf_counter()
    cells = 0
    for table in (
        statistics.year_on_year(facts, reporting),
        statistics.consultations(facts, reporting),
    ):
        cells += len(disclosure.protect(table).decisions)
    for year in reporting:
        start, end = year_bounds(year)
        for table in statistics.period_tables(facts, start, end):
            cells += len(disclosure.protect(table).decisions)
    seconds = time.perf_counter() - started
    return [
        {
            "case": f"statistics, {count} years, protected",
            "records": len(facts.referrals),
            "seconds": seconds,
            "target": f"< {TARGET_SECONDS:.0f} s",
            "met": seconds < TARGET_SECONDS,
            "notes": [f"{cells} cells decided"],
        }
    ]
