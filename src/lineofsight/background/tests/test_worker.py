"""Background work: an accepted return queues a recompute after commit; the real database worker
runs it; the pages say how fresh the figures are; a task whose worker died is run again."""

import datetime as dt

import pytest
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from lineofsight.background.models import WorkerHeartbeat
from lineofsight.background.worker import RecoveringWorker, requeue_orphans
from lineofsight.datasets import demo as datasets_demo
from lineofsight.partnership.roles import Role
from lineofsight.performance import selectors
from lineofsight.performance.models import ComputeRun
from lineofsight.performance.tasks import recompute_indicators
from lineofsight.testing.fixtures import client_for


def _worker(worker_id: str = "test-worker") -> RecoveringWorker:
    return RecoveringWorker(
        queue_names=["*"],
        excluded_queue_names=[],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
    )


def _recomputes():
    return DBTaskResult.objects.filter(task_path=recompute_indicators.module_path)


@pytest.mark.django_db(transaction=True)
def test_accepted_returns_queue_a_recompute_that_the_database_worker_runs(
    partnership, make_user, settings, synthetic_var_dir, tmp_path, capsys
):
    settings.VAR_DIR = synthetic_var_dir  # the same synthetic files as the `computed` fixture
    settings.SNAPSHOT_DIR = tmp_path / "snapshots"
    datasets_demo.load(seed=3, scale=0.05, years=range(2019, 2022))
    queued = _recomputes()
    assert queued.count() >= 2  # one per accepted return, each after its commit
    assert {tuple(t.args_kwargs["args"]) for t in queued} == {(partnership.pk,)}
    before = selectors.freshness(partnership)
    assert before.computed_at is None and before.returns_waiting >= 2 and before.recompute_queued
    assert not before.worker_running
    board = client_for(make_user(Role.BOARD_MEMBER))
    page = board.get("/performance/").content.decode()
    assert "No figures have been computed yet" in page and "newer returns are waiting" in page
    assert "no background worker is running" in page
    WorkerHeartbeat.objects.create(worker_id="w", host="h", pid=1, last_seen=timezone.now())
    assert "will include them shortly" in board.get("/performance/").content.decode()
    WorkerHeartbeat.objects.all().delete()

    _worker().run()

    assert set(queued.values_list("status", flat=True)) == {TaskResultStatus.SUCCESSFUL}
    returned = [t.return_value for t in queued.order_by("finished_at")]
    assert "results" in returned[0]  # the first recompute did the work ...
    assert all(r["skipped"] == "results already current" for r in returned[1:])  # ... once
    assert ComputeRun.objects.filter(status=ComputeRun.Status.COMPLETE).count() == 1
    after = selectors.freshness(partnership)
    assert after.computed_at is not None and after.returns_waiting == 0
    assert not after.recompute_queued
    page = board.get("/performance/?period=2020-21").content.decode()
    assert "Figures computed" in page and "No newer returns are waiting" in page
    indicator = board.get("/performance/rereferral_pct/?period=2020-21").content.decode()
    assert "Figures computed" in indicator
    assert not WorkerHeartbeat.objects.exists()  # a worker that stops removes its heartbeat


@pytest.mark.django_db(transaction=True)
def test_a_task_claimed_by_a_worker_that_died_is_run_again(partnership):
    dead = recompute_indicators.enqueue(partnership.pk)
    alive = recompute_indicators.enqueue(partnership.pk)
    long_ago = timezone.now() - dt.timedelta(minutes=5)
    WorkerHeartbeat.objects.create(worker_id="dead", host="h", pid=1, last_seen=long_ago)
    WorkerHeartbeat.objects.create(worker_id="alive", host="h", pid=2, last_seen=timezone.now())
    DBTaskResult.objects.get(pk=dead.id).claim("dead")
    DBTaskResult.objects.get(pk=alive.id).claim("alive")

    _worker("rescuer").run()

    rescued = DBTaskResult.objects.get(pk=dead.id)
    assert rescued.status == TaskResultStatus.SUCCESSFUL
    assert rescued.worker_ids == ["dead", "rescuer"]
    # the task of a worker still beating is left to it
    assert DBTaskResult.objects.get(pk=alive.id).status == TaskResultStatus.RUNNING
    assert list(WorkerHeartbeat.objects.values_list("worker_id", flat=True)) == ["alive"]


@pytest.mark.django_db
def test_a_running_task_with_no_heartbeat_at_all_is_requeued(partnership):
    orphan = recompute_indicators.enqueue(partnership.pk)
    DBTaskResult.objects.get(pk=orphan.id).claim("never-registered")
    assert requeue_orphans() == [str(DBTaskResult.objects.get(pk=orphan.id).pk)]
    assert DBTaskResult.objects.get(pk=orphan.id).status == TaskResultStatus.READY
    assert requeue_orphans() == []


@pytest.mark.django_db
def test_recompute_task_skips_when_results_are_current(computed, partnership):
    assert recompute_indicators.call(partnership.pk) == {
        "skipped": "results already current",
        "run": computed.pk,
    }
    assert recompute_indicators.call(10_000) == {"skipped": "no such partnership"}
