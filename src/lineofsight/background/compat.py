"""Django's tasks framework: built in from Django 6 (``django.tasks``), the ``django-tasks``
backport on Django 5.2 (Python 3.11). Import ``task`` and ``task_backends`` from here."""

from __future__ import annotations

from importlib.util import find_spec

if find_spec("django.tasks"):  # pragma: no cover - Django 6
    from django.tasks import task, task_backends  # type: ignore[import-not-found,no-redef]
else:
    from django_tasks import task, task_backends  # type: ignore[no-redef]

BUILT_IN = bool(find_spec("django.tasks"))
# Runs each task where it is enqueued (tests; TASKS_BACKEND=immediate in the settings).
IMMEDIATE_BACKEND = (
    "django.tasks.backends.immediate.ImmediateBackend"
    if BUILT_IN
    else "django_tasks.backends.immediate.ImmediateBackend"
)

__all__ = ["BUILT_IN", "IMMEDIATE_BACKEND", "task", "task_backends"]
