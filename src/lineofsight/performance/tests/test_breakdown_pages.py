"""Breakdowns on the indicator page and in its download: a GOV.UK table per dimension, small
numbers hidden from everyone but the analysts, each dimension adding up to the total on its own."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest

from lineofsight.partnership.roles import Role
from lineofsight.performance.models import ComputeRun, IndicatorResult
from lineofsight.testing.fixtures import client_for

YEAR = (dt.date(2020, 4, 1), dt.date(2021, 3, 31))


@pytest.fixture
def referrals(partnership):
    """Referrals in 2020-21: 20; by age 3 under 1 and 17 aged 10 to 15; by sex 12 girls and
    8 boys; by source 20 from the police."""
    run = ComputeRun.objects.create(partnership=partnership, status=ComputeRun.Status.COMPLETE)
    for breakdown, n in (
        ("", 20),
        ("age:Under 1", 3),
        ("age:10 to 15", 17),
        ("sex:Female", 12),
        ("sex:Male", 8),
        ("source:Police", 20),
    ):
        IndicatorResult.objects.create(
            partnership=partnership,
            run=run,
            indicator_id="referrals",
            period_type="financial_year",
            period_label="2020-21",
            period_start=YEAR[0],
            period_end=YEAR[1],
            breakdown=breakdown,
            numerator=n,
            value=n,
        )
    return run


def _table(page: str, caption: str) -> dict[str, str]:
    """{row heading: the row's figure} of the table with ``caption``."""
    found = re.search(rf"<caption[^>]*>{caption}</caption>(.*?)</table>", page, re.S)
    assert found, caption
    rows = re.findall(
        r'<th scope="row" class="govuk-table__header">(.*?)</th>\s*<td[^>]*>(.*?)</td>',
        found.group(1),
        re.S,
    )
    return {heading.strip(): figure.strip() for heading, figure in rows}


@pytest.mark.django_db
def test_the_board_sees_a_table_per_dimension_with_small_numbers_hidden(referrals, make_user):
    board = client_for(make_user(Role.BOARD_MEMBER))
    page = board.get("/performance/referrals/?period=2020-21").content.decode()
    # 3 is 1 to 5: c; 17 would give it away (20 - 17), so it is c too
    assert _table(page, "By age band") == {"Under 1": "c", "10 to 15": "c"}
    # the sexes add up to the total on their own: nothing to hide there
    assert _table(page, "By sex") == {"Female": "12", "Male": "8"}
    assert _table(page, "By referral or contact source") == {"Police": "20"}
    analyst = client_for(make_user(Role.PERFORMANCE_ANALYST))
    page = analyst.get("/performance/referrals/?period=2020-21").content.decode()
    assert _table(page, "By age band") == {"Under 1": "3", "10 to 15": "17"}


@pytest.mark.django_db
def test_the_download_names_each_dimension_and_suppresses_within_it(referrals, make_user):
    board = client_for(make_user(Role.BOARD_MEMBER))
    response = board.get("/performance/referrals/results.csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    shown = {(r["breakdown by"], r["breakdown"]): r["numerator"] for r in rows}
    assert shown == {
        ("", ""): "20",
        ("Age band", "Under 1"): "c",
        ("Age band", "10 to 15"): "c",
        ("Sex", "Female"): "12",
        ("Sex", "Male"): "8",
        ("Referral or contact source", "Police"): "20",
    }
