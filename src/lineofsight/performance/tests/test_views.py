import csv
import io

import pytest

from lineofsight.partnership.roles import Role
from lineofsight.testing.access import assert_outsider_refused
from lineofsight.testing.fixtures import client_for


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    ["/performance/", "/performance/rereferral_pct/", "/performance/rereferral_pct/results.csv"],
)
def test_outsider_refused(outsider, url):
    assert_outsider_refused(outsider, url)


@pytest.mark.django_db
def test_outsider_refused_recompute(outsider):
    assert_outsider_refused(outsider, "/performance/recompute/", method="post")


@pytest.mark.django_db
def test_lado_cannot_see_the_dashboard(make_user):
    assert client_for(make_user(Role.LADO)).get("/performance/").status_code == 403


@pytest.mark.django_db
def test_board_member_sees_the_dashboard_but_cannot_recompute(make_user, computed):
    board = client_for(make_user(Role.BOARD_MEMBER))
    page = board.get("/performance/?period=2020-21").content.decode()
    assert "Performance: 2020-21" in page and "Re-referrals within 12 months" in page
    assert "Recompute" not in page
    assert board.post("/performance/recompute/").status_code == 403


@pytest.mark.django_db
def test_indicator_page_shows_chart_table_benchmarks_and_definition(make_user, computed):
    analyst = client_for(make_user(Role.PERFORMANCE_ANALYST))
    page = analyst.get("/performance/rereferral_pct/?period=2020-21").content.decode()
    assert 'role="img"' in page and "statistical process control chart" in page
    assert "The figures by month" in page and "March 2021" in page
    assert "Compared with others" in page and "21.8" in page  # published SN average 2020-21
    assert "How this is defined" in page


@pytest.mark.django_db
def test_unknown_indicator_is_404(make_user, computed):
    analyst = client_for(make_user(Role.PERFORMANCE_ANALYST))
    assert analyst.get("/performance/no_such_thing/").status_code == 404
    assert analyst.get("/performance/rereferral_pct/results.pdf").status_code == 404


@pytest.mark.django_db
def test_export_matches_stored_results(make_user, computed, partnership):
    from lineofsight.performance.models import IndicatorResult

    analyst = client_for(make_user(Role.PERFORMANCE_ANALYST))
    response = analyst.get("/performance/referrals/results.csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == IndicatorResult.objects.filter(indicator_id="referrals").count()
    xlsx = analyst.get("/performance/referrals/results.xlsx")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


@pytest.mark.django_db
def test_analyst_recomputes_from_the_page(make_user, computed):
    analyst = client_for(make_user(Role.PERFORMANCE_ANALYST))
    response = analyst.post("/performance/recompute/")
    assert response.status_code == 302
    assert "Indicators recomputed" in analyst.get("/performance/").content.decode()
