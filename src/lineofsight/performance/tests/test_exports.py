"""Indicator downloads: in full to the analysts, through disclosure control to everyone else;
a count of 1 to 5 never leaves in a published export, nor can it be worked out from the rest."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from lineofsight.disclosure import disclosure_problems
from lineofsight.indicators import catalogue
from lineofsight.partnership.roles import Role
from lineofsight.performance import exports
from lineofsight.performance.models import ComputeRun, IndicatorResult
from lineofsight.testing.fixtures import client_for

D = dt.date


def _result(run, indicator, period_type, label, start, end, *, numerator=None, denominator=None,
            value=None, breakdown="", ci=(None, None)):  # fmt: skip
    return IndicatorResult.objects.create(
        partnership=run.partnership, run=run, indicator_id=indicator, period_type=period_type,
        period_label=label, period_start=start, period_end=end, breakdown=breakdown,
        numerator=numerator, denominator=denominator, value=value, ci_low=ci[0], ci_high=ci[1],
    )  # fmt: skip


@pytest.fixture
def contacts(partnership):
    """Contacts (a count of events), 2020-21: April 3, May 9, June 8 (Q1 20, the year 20), the
    rest 0; the year also broken down: "police" 2 and "health" 18."""
    run = ComputeRun.objects.create(partnership=partnership, status=ComputeRun.Status.COMPLETE)
    months = {4: 3, 5: 9, 6: 8}
    for month in range(4, 16):
        year, m = (2020, month) if month <= 12 else (2021, month - 12)
        start = D(year, m, 1)
        end = (D(year + (m == 12), m % 12 + 1, 1)) - dt.timedelta(days=1)
        n = months.get(month, 0)
        _result(run, "contacts", "month", start.strftime("%Y-%m"), start, end, numerator=n,
                value=n)  # fmt: skip
    for q, (start, end, n) in enumerate(
        [(D(2020, 4, 1), D(2020, 6, 30), 20), (D(2020, 7, 1), D(2020, 9, 30), 0),
         (D(2020, 10, 1), D(2020, 12, 31), 0), (D(2021, 1, 1), D(2021, 3, 31), 0)], start=1
    ):  # fmt: skip
        _result(run, "contacts", "quarter", f"2020-21 Q{q}", start, end, numerator=n, value=n)
    year = (D(2020, 4, 1), D(2021, 3, 31))
    _result(run, "contacts", "financial_year", "2020-21", *year, numerator=20, value=20)
    _result(run, "contacts", "financial_year", "2020-21", *year, numerator=2, value=2,
            breakdown="police")  # fmt: skip
    _result(run, "contacts", "financial_year", "2020-21", *year, numerator=18, value=18,
            breakdown="health")  # fmt: skip
    # a percentage on 4 of 50 (8.0%), with its confidence interval
    _result(run, "rereferral_pct", "financial_year", "2020-21", *year, numerator=4,
            denominator=50, value=8.0, ci=(3.2, 18.8))  # fmt: skip
    _result(run, "rereferral_pct", "financial_year", "2019-20", D(2019, 4, 1), D(2020, 3, 31),
            numerator=25, denominator=200, value=12.5, ci=(8.6, 17.8))  # fmt: skip
    return run


def _csv(client, indicator, query=""):
    response = client.get(f"/performance/{indicator}/results.csv{query}")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    return response, {(r["period type"], r["period"], r["breakdown"]): r for r in rows}


@pytest.mark.django_db
def test_the_board_downloads_the_published_edition_with_secondary_suppression(contacts, make_user):
    board = client_for(make_user(Role.BOARD_MEMBER))
    response, rows = _csv(board, "contacts")
    assert "contacts-results-published" in response["Content-Disposition"]
    shown = {key: r["numerator"] for key, r in rows.items()}
    assert shown[("month", "2020-04", "")] == "c"  # 3: primary
    assert shown[("month", "2020-06", "")] == "c"  # 8: else April = 20 - 9 - 8
    assert shown[("month", "2020-05", "")] == "9"
    assert shown[("month", "2020-07", "")] == "0"  # a true zero is shown
    assert shown[("quarter", "2020-21 Q1", "")] == "20"
    assert shown[("financial_year", "2020-21", "")] == "20"
    assert shown[("financial_year", "2020-21", "police")] == "c"  # 2
    assert shown[("financial_year", "2020-21", "health")] == "c"  # else police = 20 - 18
    assert rows[("month", "2020-04", "")]["value"] == "c"
    _, rates = _csv(board, "rereferral_pct")
    small = rates[("financial_year", "2020-21", "")]
    assert [small[k] for k in ("numerator", "denominator", "value", "95% CI low")] == [
        "c", "50", "c", "c"
    ]  # fmt: skip
    large = rates[("financial_year", "2019-20", "")]
    assert [large[k] for k in ("numerator", "value", "95% CI low", "95% CI high")] == [
        "25", "12.5", "8.6", "17.8"
    ]  # fmt: skip


@pytest.mark.django_db
def test_analysts_download_full_figures_or_ask_for_the_published_edition(contacts, make_user):
    analyst = client_for(make_user(Role.PERFORMANCE_ANALYST))
    response, rows = _csv(analyst, "contacts")
    assert "published" not in response["Content-Disposition"]
    assert rows[("month", "2020-04", "")]["numerator"] == "3"  # a count, as the page shows it
    _, published = _csv(analyst, "contacts", "?edition=published")
    assert published[("month", "2020-04", "")]["numerator"] == "c"
    xlsx = analyst.get("/performance/contacts/results.xlsx?edition=published")
    assert xlsx.status_code == 200
    page = analyst.get("/performance/contacts/?period=2020-21").content.decode()
    assert "results.csv?edition=published" in page


@pytest.mark.django_db
def test_no_count_of_1_to_5_leaves_in_any_published_export(computed, make_user, partnership):
    """Every indicator of a small synthetic borough: each published table passes the independent
    check, and no numerator of 1 to 5 is in the downloaded file."""
    board = client_for(make_user(Role.BOARD_MEMBER))
    suppressed = 0
    for spec in catalogue.CATALOGUE.values():
        results = IndicatorResult.objects.filter(partnership=partnership, indicator_id=spec.id)
        for _rows, shown in exports.protected_tables(spec, results):
            assert disclosure_problems(shown) == []
            suppressed += len(shown.suppressions)
        _, rows = _csv(board, spec.id)
        for row in rows.values():
            for column in ("numerator", "denominator"):
                value = row[column]
                assert value in ("", "c") or not 1 <= float(value) <= 5, (spec.id, row)
    assert suppressed > 0  # the small borough has small numbers to hide
