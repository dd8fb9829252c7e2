from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from lineofsight.background.models import WorkerHeartbeat

DATABASE_BACKEND = "django_tasks_db.DatabaseBackend"


def uses_database_queue() -> bool:
    return bool(settings.TASKS["default"]["BACKEND"] == DATABASE_BACKEND)


def pending(task: Any) -> bool:
    """Whether ``task`` is queued or running (always False without the database queue)."""
    if not uses_database_queue():
        return False
    return DBTaskResult.objects.filter(
        task_path=task.module_path,
        status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING],
    ).exists()


def worker_running() -> bool:
    """Whether a ``lineofsight worker`` has beaten within its lease (always True when tasks run
    where they are enqueued, without a worker)."""
    if not uses_database_queue():
        return True
    cutoff = timezone.now() - dt.timedelta(seconds=settings.TASK_WORKER_LEASE_SECONDS)
    return WorkerHeartbeat.objects.filter(last_seen__gte=cutoff).exists()
