"""The trust's participation return: valid, attendance within invitations, 2020-21 magnitudes."""

import random
from collections import Counter
from pathlib import Path

from lineofsight.formats.partner_return import parse_partner_return
from lineofsight.formats.problems import ProblemLog
from lineofsight.synth.config import default_params
from lineofsight.synth.demand import months
from lineofsight.synth.participation import figures_for, participation_rows
from lineofsight.synth.write_partnership import PARTNER_HEADER, _csv


def year_rows(collection_year: int, seed: int = 3) -> list[list[object]]:
    rng = random.Random(seed)
    params = default_params()
    return [
        row
        for y, m in months(collection_year, collection_year)
        for row in participation_rows(params, 1.0, y, m, rng)
    ]


def test_the_pandemic_year_has_its_own_figures():
    params = default_params()
    assert figures_for(params, 2020, 4)["children_invited"] == 110
    assert figures_for(params, 2021, 3)["children_invited"] == 110
    assert figures_for(params, 2020, 3)["children_invited"] == 241
    assert figures_for(params, 2021, 4)["children_invited"] == 241


def test_no_more_children_attend_than_were_invited_and_totals_are_near_the_report():
    rows = year_rows(2021)  # 2020-21
    by_month: dict[tuple[object, object], dict[str, int]] = {}
    totals: Counter[str] = Counter()
    for _agency, measure, start, _end, value, kind in rows:
        by_month.setdefault((start, kind), {})[str(measure)] = int(value)
        totals[str(measure)] += int(value)
    for (_, kind), measures in by_month.items():
        if kind in ("initial", "review"):
            invited = measures["cp_conference_children_invited"]
            assert measures["cp_conference_children_attended"] <= invited
    # the report: 110 invited, 53 attended, 225 advocacy referrals (Poisson noise around them)
    assert 80 <= totals["cp_conference_children_invited"] <= 140
    assert 30 <= totals["cp_conference_children_attended"] <= 75
    assert 190 <= totals["cp_advocacy_referrals"] <= 260


def test_the_rows_are_a_valid_partner_return(tmp_path: Path):
    path = tmp_path / "trust_2021.csv"
    path.write_text(_csv(PARTNER_HEADER, year_rows(2021)), encoding="utf-8")
    log = ProblemLog(path.name)
    parsed = parse_partner_return(path, log, max_bytes=10**7, collection_year=None, la_code="371")
    assert log.problems == []
    assert len(parsed.tables["partner_measures"]) == 12 * 11
