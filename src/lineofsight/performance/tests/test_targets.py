import pytest
from django.core.exceptions import ValidationError

from lineofsight.audit.models import AuditLog
from lineofsight.lib.versioning import EditConflict
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.roles import Role
from lineofsight.performance.models import IndicatorTarget
from lineofsight.performance.summaries import overview
from lineofsight.performance.target_services import set_target
from lineofsight.testing.access import assert_outsider_refused
from lineofsight.testing.fixtures import client_for


@pytest.mark.django_db
def test_outsider_refused(outsider):
    assert_outsider_refused(outsider, "/performance/rereferral_pct/target/")


@pytest.mark.django_db
def test_board_member_cannot_set_targets(make_user):
    board = client_for(make_user(Role.BOARD_MEMBER))
    assert board.get("/performance/rereferral_pct/target/").status_code == 403


@pytest.mark.django_db
def test_setting_a_target_is_audited_and_versioned(partnership, make_user):
    analyst = make_user(Role.PERFORMANCE_ANALYST)
    target = set_target(
        actor=analyst,
        partnership=partnership,
        indicator_id="rereferral_pct",
        financial_year="2020-21",
        value=22.7,
        reason="England 2020-21",
    )
    row = AuditLog.objects.get(verb="indicator_target.set")
    assert row.before is None and row.after["value"] == 22.7
    assert row.after["set_by"] == analyst.pk and row.after["financial_year"] == "2020-21"
    set_target(
        actor=analyst,
        partnership=partnership,
        indicator_id="rereferral_pct",
        financial_year="2020-21",
        value=20.0,
        expected_version=target.version,
    )
    with pytest.raises(EditConflict):
        set_target(
            actor=analyst,
            partnership=partnership,
            indicator_id="rereferral_pct",
            financial_year="2020-21",
            value=25.0,
            expected_version=target.version,
        )
    assert IndicatorTarget.objects.get().value == 20.0


@pytest.mark.django_db
def test_missing_the_target_puts_an_indicator_first(computed, partnership, make_user):
    analyst = make_user(Role.PERFORMANCE_ANALYST)
    headline = next(
        s for s in overview(partnership, "2020-21") if s.spec.id == "assessments_45_days_pct"
    )
    # higher is better: a target one point above this year's figure is missed
    set_target(
        actor=analyst,
        partnership=partnership,
        indicator_id="assessments_45_days_pct",
        financial_year="2020-21",
        value=headline.headline.value + 1,
    )
    summaries = overview(partnership, "2020-21")
    first = summaries[0]
    assessed = next(s for s in summaries if s.spec.id == "assessments_45_days_pct")
    assert assessed.below_target and assessed.rank == 0 and first.rank == 0
    assert assessed.assurance in {"consistently_fail", "hit_and_miss", "consistently_pass"}
    assert sum("missed the 2020-21 target" in f for f in assessed.findings) == 1
    # the 2020-21 target does not judge 2019-20: that year has none
    earlier = next(
        s for s in overview(partnership, "2019-20") if s.spec.id == "assessments_45_days_pct"
    )
    assert earlier.target is None and not earlier.below_target


@pytest.mark.django_db
def test_each_year_has_its_own_target_with_who_set_it(partnership, make_user):
    analyst = make_user(Role.PERFORMANCE_ANALYST)
    for year, value in (("2019-20", 22.6), ("2020-21", 22.7)):
        set_target(
            actor=analyst,
            partnership=partnership,
            indicator_id="rereferral_pct",
            financial_year=year,
            value=value,
            reason=f"England {year}",
        )
    targets = {t.financial_year: t for t in IndicatorTarget.objects.all()}
    assert {y: t.value for y, t in targets.items()} == {"2019-20": 22.6, "2020-21": 22.7}
    assert all(t.set_by == analyst for t in targets.values())
    with pytest.raises(ValidationError):
        set_target(
            actor=analyst,
            partnership=partnership,
            indicator_id="rereferral_pct",
            financial_year="2020",
            value=1.0,
        )


@pytest.mark.django_db
def test_analyst_sets_a_target_from_the_page(computed, make_user):
    client = client_for(make_user(Role.PERFORMANCE_ANALYST))
    response = client.post(
        "/performance/rereferral_pct/target/?year=2019-20",
        {"value": "22.7", "reason": "Board, delivery plan"},
    )
    assert response.status_code == 302
    page = client.get("/performance/rereferral_pct/?period=2019-20").content.decode()
    assert "Target for 2019-20: 22.7 (Board, delivery plan), set by" in page
    assert "Change the 2019-20 target" in page
    other = client.get("/performance/rereferral_pct/?period=2020-21").content.decode()
    assert "No target for 2020-21." in other


@pytest.mark.django_db
def test_demo_targets_are_england_of_each_year(partnership):
    """The demo sets, for each year with results, England's published figure of that year."""
    import datetime as dt

    from lineofsight.performance.benchmark_services import import_files
    from lineofsight.performance.demo import england_targets
    from lineofsight.performance.models import ComputeRun, IndicatorResult
    from lineofsight.testing.fixtures import BENCHMARK_FILES

    import_files(actor=SYSTEM, paths=BENCHMARK_FILES)
    run = ComputeRun.objects.create(partnership=partnership)
    for start in (2019, 2020):
        IndicatorResult.objects.create(
            partnership=partnership,
            indicator_id="rereferral_pct",
            period_type="financial_year",
            period_label=f"{start}-{(start + 1) % 100:02d}",
            period_start=dt.date(start, 4, 1),
            period_end=dt.date(start + 1, 3, 31),
            value=25.0,
            run=run,
        )
    england_targets(partnership)
    targets = {
        t.financial_year: (t.value, t.reason)
        for t in IndicatorTarget.objects.filter(indicator_id="rereferral_pct")
    }
    # DfE C1, England: 22.6% in 2019-20 and 22.7% in 2020-21 (the 2020-21 report's table 2)
    assert targets == {
        "2019-20": (22.6, "At least as good as England in 2019-20 (DfE published)"),
        "2020-21": (22.7, "At least as good as England in 2020-21 (DfE published)"),
    }
