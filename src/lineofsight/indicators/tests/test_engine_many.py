"""``compute_many``: many local authorities in one pass equal ``compute`` on each alone."""

import datetime as dt
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from lineofsight.calendar.workdays import covered_years, working_day_index
from lineofsight.formats.tables import to_arrow
from lineofsight.indicators import periods as P
from lineofsight.indicators.breakdowns import DIMENSIONS, split
from lineofsight.indicators.engine import compute, compute_many
from lineofsight.indicators.sources import calendar_arrays

D = dt.date
PERIODS = P.all_periods(2020, 2021)
POPULATION = {"101": {2021: 50_000, 2022: 51_000}, "202": {2021: 20_000, 2022: 20_500}}


def _episodes(shift: int) -> list[dict[str, object]]:
    day = dt.timedelta(days=shift)
    return [
        {"child_id": "A", "episode_no": 1, "referral_date": D(2020, 5, 30) + day},
        {
            "child_id": "A",
            "episode_no": 2,
            "referral_date": D(2021, 4, 30) + day,
            "closure_date": D(2021, 9, 1),
            "referral_nfa": True,
        },
        {"child_id": "B", "episode_no": 1, "referral_date": D(2021, 6, 2) + day},
    ]


def _borough(la: str, shift: int) -> dict[str, list[dict[str, object]]]:
    """A small borough; ``shift`` moves its dates so that the two boroughs differ."""
    day = dt.timedelta(days=shift)
    return {
        "contacts": [
            {"child_id": "A", "contact_date": D(2021, 4, 2) + day, "contact_source": "1A"},
            {"child_id": "B", "contact_date": D(2021, 5, 9) + day, "contact_source": "2A"},
        ],
        "cin_episodes": _episodes(shift),
        "cin_assessments": [
            {
                "child_id": "A",
                "episode_no": 2,
                "start_date": D(2021, 4, 30) + day,
                "authorisation_date": D(2021, 6, 1) + day * 3,
            }
        ],
        "s47_enquiries": [
            {
                "child_id": "B",
                "episode_no": 1,
                "start_date": D(2021, 6, 3) + day,
                "icpc_date": D(2021, 6, 20) + day,
            }
        ],
        "cp_plans": [
            {
                "child_id": "B",
                "episode_no": 1,
                "start_date": D(2021, 7, 1) + day,
                "initial_category": "NEG",
                "previous_plans": 1 if la == "101" else 0,
            }
        ],
        "cla_episodes": [
            {
                "child_id": "A",
                "start_date": D(2020, 11, 1) + day,
                "reason_new_episode": "S",
                "legal_status": "C2",
                "end_date": D(2021, 8, 1) + day,
                "reason_episode_ceased": "E11",
            },
            {
                "child_id": "A",
                "start_date": D(2021, 2, 1),
                "reason_new_episode": "P",
                "legal_status": "C2",
            },
        ],
        "partner_measures": [
            {
                "agency": "police",
                "measure_id": "exploitation_tracked",
                "period_start": D(2021, 5, 1),
                "period_end": D(2021, 5, 31),
                "value": 3.0 + shift,
                "breakdown": "High",
            }
        ],
    }


@pytest.fixture
def boroughs(tmp_path: Path) -> dict[str, dict[str, list[Path]]]:
    """Two boroughs sharing child ids; each repeats its 2021 census in a 2022 snapshot."""
    sources: dict[str, dict[str, list[Path]]] = {}
    for la, shift in (("101", 0), ("202", 3)):
        for table, rows in _borough(la, shift).items():
            for year in (2021, 2022) if table == "cin_episodes" else (2022,):
                path = tmp_path / f"{la}_{table}_{year}.parquet"
                full = [{"la_code": la, "collection_year": year, **row} for row in rows]
                pq.write_table(to_arrow(table, full), path)
                sources.setdefault(la, {}).setdefault(table, []).append(path)
    return sources


def _figures(results, la_code=None):
    return {
        (r.indicator_id, r.period_type, r.period_label, r.breakdown): (
            r.numerator,
            r.denominator,
            r.value,
            r.ci_low,
            r.ci_high,
        )
        for r in results
        if r.la_code == la_code
    }


def test_compute_many_equals_compute_on_each_borough(boroughs):
    union: dict[str, list[Path]] = {}
    for sources in boroughs.values():
        for table, paths in sources.items():
            union.setdefault(table, []).extend(paths)
    many = compute_many(union, PERIODS, population_by_la=POPULATION)
    assert {r.la_code for r in many} == {"101", "202"}
    for la, sources in boroughs.items():
        alone = compute(sources, PERIODS, population=POPULATION[la])
        assert {r.la_code for r in alone} == {None}
        assert len(_figures(alone)) == len(alone)
        assert _figures(many, la) == _figures(alone)


def test_the_two_boroughs_really_differ_and_count_their_own_children(boroughs):
    union = {t: boroughs["101"][t] + boroughs["202"][t] for t in boroughs["101"]}
    many = compute_many(union, PERIODS, ["cla_rate_per_10k", "referrals", "cp_repeat_plan_pct"])
    by = {(r.la_code, r.indicator_id, r.period_label, r.breakdown): r for r in many}
    # child A is looked after in both boroughs at 31 March 2021: one child in each
    assert by[("101", "cla_rate_per_10k", "2021-03-31", None)].numerator == 1
    assert by[("202", "cla_rate_per_10k", "2021-03-31", None)].numerator == 1
    # the shift moves borough 202's first referral (30 May 2020) into June
    assert by[("101", "referrals", "2020-05", None)].numerator == 1
    assert by[("202", "referrals", "2020-05", None)].numerator == 0
    # a repeat plan is per borough: B's plan in 202 is its first there
    assert by[("101", "cp_repeat_plan_pct", "2021-07", None)].value == 100
    assert by[("202", "cp_repeat_plan_pct", "2021-07", None)].value == 0
    # no population given: rates have no value, but the counts are there
    assert by[("101", "cla_rate_per_10k", "2021-03-31", None)].value is None


def test_compute_many_without_files_gives_nothing():
    assert compute_many({}, PERIODS) == []


def test_the_engine_calendar_is_the_working_day_index_of_the_calendar_package():
    first, last = covered_years()
    expected = working_day_index(dt.date(first, 1, 1), dt.date(last, 12, 31))
    days, before = calendar_arrays()
    assert [(day.item(), int(count)) for day, count in zip(days, before, strict=True)] == expected
    # by hand: Friday 1 April 2022 counts, the weekend not; Good Friday 15 and Easter Monday
    # 18 April 2022 are bank holidays
    index = dict(expected)
    assert index[dt.date(2022, 4, 4)] - index[dt.date(2022, 4, 1)] == 1
    assert index[dt.date(2022, 4, 19)] - index[dt.date(2022, 4, 14)] == 1


def test_without_dimensions_every_other_figure_is_the_same(boroughs):
    """A caller comparing authorities' totals may leave the breakdowns by who the children are
    out; the totals and an indicator's own breakdowns stay exactly as they are with them."""
    union: dict[str, list[Path]] = {}
    for sources in boroughs.values():
        for table, paths in sources.items():
            union.setdefault(table, []).extend(paths)
    full = compute_many(union, PERIODS, population_by_la=POPULATION)
    totals = compute_many(union, PERIODS, population_by_la=POPULATION, dimensions=False)
    dimension_rows = [r for r in full if r.breakdown and split(r.breakdown)[0]]
    assert dimension_rows  # the fixture has breakdowns to leave out
    assert {split(r.breakdown)[0] for r in dimension_rows if r.breakdown} <= set(DIMENSIONS)
    assert totals == [r for r in full if not (r.breakdown and split(r.breakdown)[0])]
    assert any(r.breakdown is None for r in totals)
