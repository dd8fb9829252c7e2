"""Django's tasks framework: built in from Django 6 (``django.tasks``), the ``django-tasks``
backport on Django 5.2 (Python 3.11). Import ``task`` and ``task_backends`` from here."""

from __future__ import annotations

from importlib.util import find_spec
from typing import TYPE_CHECKING

if TYPE_CHECKING or not find_spec("django.tasks"):  # mypy checks against the backport we run
    from django_tasks import task, task_backends
else:  # pragma: no cover - Django 6
    from django.tasks import task, task_backends

BUILT_IN = bool(find_spec("django.tasks"))
# Runs each task where it is enqueued (tests; TASKS_BACKEND=immediate in the settings).
IMMEDIATE_BACKEND = (
    "django.tasks.backends.immediate.ImmediateBackend"
    if BUILT_IN
    else "django_tasks.backends.immediate.ImmediateBackend"
)

__all__ = ["BUILT_IN", "IMMEDIATE_BACKEND", "task", "task_backends"]
