import pytest

from lineofsight.audit.models import AuditLog
from lineofsight.lib.versioning import EditConflict
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
        value=22.7,
        reason="England 2020-21",
    )
    row = AuditLog.objects.get(verb="indicator_target.set")
    assert row.before is None and row.after["value"] == 22.7
    set_target(
        actor=analyst,
        partnership=partnership,
        indicator_id="rereferral_pct",
        value=20.0,
        expected_version=target.version,
    )
    with pytest.raises(EditConflict):
        set_target(
            actor=analyst,
            partnership=partnership,
            indicator_id="rereferral_pct",
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
        value=headline.headline.value + 1,
    )
    summaries = overview(partnership, "2020-21")
    first = summaries[0]
    assessed = next(s for s in summaries if s.spec.id == "assessments_45_days_pct")
    assert assessed.below_target and assessed.rank == 0 and first.rank == 0
    assert assessed.assurance in {"consistently_fail", "hit_and_miss", "consistently_pass"}
    assert sum("missed the target" in f for f in assessed.findings) == 1


@pytest.mark.django_db
def test_analyst_sets_a_target_from_the_page(computed, make_user):
    client = client_for(make_user(Role.PERFORMANCE_ANALYST))
    response = client.post(
        "/performance/rereferral_pct/target/", {"value": "22.7", "reason": "England"}
    )
    assert response.status_code == 302
    page = client.get("/performance/rereferral_pct/?period=2020-21").content.decode()
    assert "Target: 22.7 (England)" in page and "the target" in page
