from __future__ import annotations

from django.db import models


class WorkerHeartbeat(models.Model):
    """A running ``lineofsight worker``: it refreshes ``last_seen`` while alive.

    A task left "running" by a worker whose heartbeat stopped (killed, crashed, machine lost) is
    put back in the queue by the next worker (``background.worker``), so no task is lost.
    """

    worker_id = models.CharField(max_length=64, unique=True)
    host = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField(auto_now_add=True)
    last_seen = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.worker_id} ({self.host}:{self.pid})"
