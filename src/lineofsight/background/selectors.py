from __future__ import annotations

from typing import Any

from django.conf import settings
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


def workers() -> list[WorkerHeartbeat]:
    return list(WorkerHeartbeat.objects.order_by("started_at"))
