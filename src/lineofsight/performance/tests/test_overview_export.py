"""The workbook of every indicator for a year: rounded as shown, benchmarks beside, and small
numbers suppressed through lineofsight.disclosure for everyone but the analysts."""

import csv
import datetime as dt
import io

import pytest

from lineofsight.indicators import catalogue
from lineofsight.indicators.periods import parse_period
from lineofsight.partnership.roles import Role
from lineofsight.performance.models import IndicatorResult
from lineofsight.performance.overview_export import HEADER, overview_rows
from lineofsight.performance.summaries import Benchmark, Summary
from lineofsight.testing.access import assert_outsider_refused
from lineofsight.testing.fixtures import client_for

D = dt.date


def _row(indicator_id, numerator, denominator, value, breakdown=""):
    return IndicatorResult(
        indicator_id=indicator_id,
        period_type="financial_year",
        period_label="2020-21",
        period_start=D(2020, 4, 1),
        period_end=D(2021, 3, 31),
        breakdown=breakdown,
        numerator=numerator,
        denominator=denominator,
        value=value,
    )


def _summary(indicator_id, headline, breakdowns=(), benchmarks=()):
    return Summary(
        spec=catalogue.get(indicator_id),
        period=parse_period("2020-21"),
        headline=headline,
        breakdowns=list(breakdowns),
        monthly=[],
        spc=None,
        variation=None,
        benchmarks=list(benchmarks),
    )


def test_rounded_as_shown_with_benchmarks_and_small_numbers_suppressed_when_published():
    rereferral = _summary(
        "rereferral_pct",
        _row("rereferral_pct", 3, 7, 100 * 3 / 7),
        benchmarks=[Benchmark(2021, 42.86, 42.9, 20.04, 21.75, 22.65)],
    )
    exploitation = _summary(
        "exploitation_tracked",
        _row("exploitation_tracked", 17, None, 17),
        breakdowns=[
            _row("exploitation_tracked", 4, None, 4, "high"),
            _row("exploitation_tracked", 6, None, 6, "medium"),
            _row("exploitation_tracked", 7, None, 7, "low"),
        ],
    )
    internal = overview_rows([rereferral, exploitation], "internal")
    figures = HEADER.index("numerator")
    # 3 of 7 = 42.857...% shown to one place, as on the page; benchmarks beside it
    assert internal[0][figures : figures + 3] == ["3", "7", "42.9"]
    assert internal[0][HEADER.index("region") : HEADER.index("benchmark year") + 1] == [
        "20.0",
        "21.8",
        "22.7",
        "2020-21",
    ]
    assert [row[1] for row in internal[1:]] == [
        "",
        "Risk level: High",
        "Risk level: Medium",
        "Risk level: Low",
    ]
    published = overview_rows([rereferral, exploitation], "published")
    # 3 is 1 to 5: the count and the percentage built on it are c; 7 children are shown
    assert published[0][figures : figures + 3] == ["c", "7", "c"]
    # high (4) is c; one more breakdown is hidden so that 17 - 6 - 7 cannot give it away
    shown = {row[1]: row[figures] for row in published[1:]}
    assert shown[""] == "17" and shown["Risk level: High"] == "c"
    assert list(shown.values()).count("c") == 2
    assert published[0][HEADER.index("England")] == "22.7"  # published figures stay


@pytest.mark.django_db
def test_the_overview_download_is_published_for_board_members_and_full_for_analysts(
    make_user, partnership, outsider
):
    from lineofsight.performance.models import ComputeRun

    run = ComputeRun.objects.create(partnership=partnership, fingerprint="x", status="complete")
    for indicator_id, numerator, denominator in (
        ("rereferral_pct", 3, 7),
        ("referrals", 120, None),
    ):
        row = _row(
            indicator_id, numerator, denominator, numerator if denominator is None else 100 * 3 / 7
        )
        row.partnership, row.run = partnership, run
        row.save()
    assert_outsider_refused(outsider, "/performance/overview.csv?period=2020-21")
    board = client_for(make_user(Role.BOARD_MEMBER))
    response = board.get("/performance/overview.csv?period=2020-21&edition=internal")
    assert response.status_code == 200
    rows = {
        r["indicator"]: r for r in csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))
    }
    assert rows["Re-referrals within 12 months"]["numerator"] == "c"  # asked for full: refused
    assert rows["Referrals"]["value"] == "120"
    analyst = client_for(make_user(Role.PERFORMANCE_ANALYST))
    full = analyst.get("/performance/overview.csv?period=2020-21").content.decode("utf-8-sig")
    assert ",3,7,42.9," in full
    xlsx = analyst.get("/performance/overview.xlsx?period=2020-21&edition=published")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "published" in xlsx["Content-Disposition"]
    page = board.get("/performance/?period=2020-21").content.decode()
    assert "/performance/overview.xlsx?period=2020-21" in page
    assert analyst.get("/performance/overview.pdf?period=2020-21").status_code == 404


@pytest.mark.django_db
def test_an_indicator_page_hides_small_breakdowns_from_all_but_the_analysts(make_user, partnership):
    from lineofsight.performance.models import ComputeRun

    run = ComputeRun.objects.create(partnership=partnership, fingerprint="x", status="complete")
    for breakdown, value in (("", 17), ("high", 4), ("medium", 6), ("low", 7)):
        row = _row("exploitation_tracked", value, None, value, breakdown)
        row.partnership, row.run = partnership, run
        row.save()
    board = client_for(make_user(Role.BOARD_MEMBER))
    page = board.get("/performance/exploitation_tracked/?period=2020-21").content.decode()
    cells = page.split("By risk level")[1].split("</table>")[0]
    # high (4) is c, and medium (6, the smaller other) too, or 17 - 7 - 6 would give high away
    assert cells.count(">c<") == 2 and ">7<" in cells
    assert "a count of 1 to 5" in page
    analyst = client_for(make_user(Role.PERFORMANCE_ANALYST))
    full = analyst.get("/performance/exploitation_tracked/?period=2020-21").content.decode()
    cells = full.split("By risk level")[1].split("</table>")[0]
    assert ">c<" not in cells and ">4<" in cells
