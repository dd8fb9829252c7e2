"""The daily training follow-ups task (queued by ``lineofsight reminders --enqueue``)."""

from __future__ import annotations

from lineofsight.background.compat import task
from lineofsight.workforce.services import send_all_due_follow_ups


@task()
def send_follow_ups_task() -> dict[str, int]:
    return {"links": send_all_due_follow_ups()}
