from datetime import date

import pytest

from lineofsight.performance.summaries import _months_before, overview


def test_months_before_crosses_years():
    # 36 months ending March 2021 start in April 2018: March 2021 minus 35 months
    assert _months_before(date(2021, 3, 1), 35) == date(2018, 4, 1)
    assert _months_before(date(2021, 1, 1), 1) == date(2020, 12, 1)


@pytest.mark.django_db
def test_overview_reads_only_the_spc_window_of_months(computed, partnership):
    for summary in overview(partnership, "2020-21"):
        assert len(summary.monthly) <= 36
        assert all(m.period_end <= date(2021, 3, 31) for m in summary.monthly)
