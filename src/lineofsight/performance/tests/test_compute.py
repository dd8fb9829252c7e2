import pytest

from lineofsight.audit.models import AuditLog
from lineofsight.indicators.catalogue import CATALOGUE
from lineofsight.partnership.actors import SYSTEM
from lineofsight.performance import compute
from lineofsight.performance.models import ComputeRun, IndicatorResult


@pytest.mark.django_db
def test_recompute_stores_results_for_every_period_type(computed, partnership):
    assert computed.status == ComputeRun.Status.COMPLETE
    stored = IndicatorResult.objects.filter(partnership=partnership)
    assert set(stored.values_list("period_type", flat=True)) == {
        "month",
        "quarter",
        "financial_year",
        "snapshot",
    }
    assert set(stored.values_list("indicator_id", flat=True)) <= set(CATALOGUE)
    fy = stored.get(
        indicator_id="referrals", period_type="financial_year", period_label="2020-21", breakdown=""
    )
    months = stored.filter(
        indicator_id="referrals",
        period_type="month",
        period_start__gte=fy.period_start,
        period_end__lte=fy.period_end,
    )
    assert months.count() == 12
    assert sum(m.value for m in months) == fy.value  # the year is the sum of its months
    assert AuditLog.objects.filter(verb="indicators.recompute").exists()


@pytest.mark.django_db
def test_recompute_is_idempotent(computed, partnership):
    def snapshot_of_results():
        return sorted(
            IndicatorResult.objects.filter(partnership=partnership).values_list(
                "indicator_id", "period_type", "period_label", "breakdown", "value"
            )
        )

    before = snapshot_of_results()
    compute.recompute(actor=SYSTEM, partnership=partnership)
    assert snapshot_of_results() == before


@pytest.mark.django_db
def test_a_killed_run_resumes_where_it_stopped(computed, partnership, monkeypatch):
    IndicatorResult.objects.filter(partnership=partnership).delete()
    calls = []
    original = compute._replace

    def dies_after_three(partnership_, run, indicator_id, results):
        if len(calls) == 3:
            raise KeyboardInterrupt("killed")
        calls.append(indicator_id)
        original(partnership_, run, indicator_id, results)

    monkeypatch.setattr(compute, "_replace", dies_after_three)
    with pytest.raises(KeyboardInterrupt):
        compute.recompute(actor=SYSTEM, partnership=partnership)
    interrupted = ComputeRun.objects.filter(status=ComputeRun.Status.RUNNING).get()
    assert interrupted.completed == calls
    stored_ids = set(IndicatorResult.objects.values_list("indicator_id", flat=True))
    assert stored_ids == set(calls)

    monkeypatch.setattr(compute, "_replace", original)
    resumed = compute.recompute(actor=SYSTEM, partnership=partnership)
    assert resumed.pk == interrupted.pk and resumed.status == ComputeRun.Status.COMPLETE
    assert resumed.completed[:3] == calls and len(resumed.completed) == len(CATALOGUE)
