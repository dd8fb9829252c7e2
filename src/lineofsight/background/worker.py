"""The worker that runs background tasks: django-tasks-db's database worker, plus a heartbeat so a
task claimed by a worker that died is run again (docs/adr/0008-background-tasks.md).

django-tasks-db claims a task by marking it "running" in its own committed transaction; if the
process is then killed the row stays "running" for ever.  Each ``lineofsight worker`` therefore
records a heartbeat six times per lease (``TASK_WORKER_LEASE_SECONDS``, default 60 s); any
worker, when it starts and at each beat, puts back in the queue the tasks whose claiming worker
has been silent for a whole lease.  Tasks are run at least once, so every task must be safe to
run twice (the indicator recompute is).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import threading
from typing import Any

from django.conf import settings
from django.db import OperationalError, close_old_connections, connection, transaction
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from lineofsight.background.models import WorkerHeartbeat

logger = logging.getLogger(__name__)


def lease_seconds() -> float:
    """A worker silent this long is presumed dead (``TASK_WORKER_LEASE_SECONDS``)."""
    return float(settings.TASK_WORKER_LEASE_SECONDS)


def heartbeat_seconds() -> float:
    return lease_seconds() / 6


def new_worker_id() -> str:
    host = socket.gethostname()[:30]
    return f"{host}-{os.getpid()}-{get_random_string(8)}"


def beat(worker_id: str) -> None:
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={
            "host": socket.gethostname()[:255],
            "pid": os.getpid(),
            "last_seen": timezone.now(),
        },
    )


def requeue_orphans() -> list[str]:
    """Put back in the queue every running task whose worker's heartbeat has stopped; returns
    their ids. Heartbeats older than the lease are forgotten."""
    cutoff = timezone.now() - dt.timedelta(seconds=lease_seconds())
    with transaction.atomic():
        alive = set(
            WorkerHeartbeat.objects.filter(last_seen__gte=cutoff).values_list(
                "worker_id", flat=True
            )
        )
        orphans = [
            str(result.pk)
            for result in DBTaskResult.objects.running().only("pk", "worker_ids")
            if not result.worker_ids or result.worker_ids[-1] not in alive
        ]
        if orphans:
            DBTaskResult.objects.filter(pk__in=orphans, status=TaskResultStatus.RUNNING).update(
                status=TaskResultStatus.READY, started_at=None
            )
            logger.warning("Requeued %d task(s) whose worker stopped: %s", len(orphans), orphans)
        WorkerHeartbeat.objects.filter(last_seen__lt=cutoff).delete()
    return orphans


class RecoveringWorker(Worker):
    """django-tasks-db's ``Worker`` with a heartbeat and the recovery of orphaned tasks."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.heartbeat_seconds = heartbeat_seconds()
        self._stopped = threading.Event()

    def _heartbeat_loop(self) -> None:
        try:
            while not self._stopped.wait(self.heartbeat_seconds):
                try:
                    beat(self.worker_id)
                    requeue_orphans()
                except OperationalError as exc:  # e.g. SQLite busy: try again at the next beat
                    logger.warning("Worker heartbeat failed (will retry): %s", exc)
        finally:
            connection.close()

    def run(self) -> None:
        beat(self.worker_id)
        requeue_orphans()
        close_old_connections()
        thread = threading.Thread(target=self._heartbeat_loop, name="heartbeat", daemon=True)
        thread.start()
        try:
            super().run()
        finally:
            self._stopped.set()
            thread.join(timeout=self.heartbeat_seconds + 5)
            WorkerHeartbeat.objects.filter(worker_id=self.worker_id).delete()
