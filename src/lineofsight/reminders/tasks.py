"""The scheduled reminders task (queued by ``lineofsight reminders --enqueue`` from a timer)."""

from __future__ import annotations

from lineofsight.background.compat import task
from lineofsight.reminders.services import send_reminders


@task()
def send_reminders_task() -> dict[str, int]:
    return {"emails": send_reminders()}
