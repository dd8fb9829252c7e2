"""``lineofsight worker``: run background tasks (indicator recomputes) from the database queue."""

from __future__ import annotations

import argparse
import sys

from lineofsight.cli import django_setup


def run(args: argparse.Namespace) -> int:
    django_setup()
    import logging

    from lineofsight.background.selectors import DATABASE_BACKEND, uses_database_queue
    from lineofsight.background.worker import RecoveringWorker, new_worker_id

    if not uses_database_queue():
        print(
            f"TASKS_BACKEND is not {DATABASE_BACKEND}: tasks run where they are enqueued and "
            "there is nothing for a worker to do.",
            file=sys.stderr,
        )
        return 2
    logging.getLogger("django_tasks_db").setLevel(logging.INFO)
    worker = RecoveringWorker(
        queue_names=["*"],
        excluded_queue_names=[],
        interval=args.interval,
        batch=args.batch,
        backend_name="default",
        startup_delay=not args.batch,
        max_tasks=None,
        worker_id=new_worker_id(),
    )
    worker.configure_signals()  # before saying it is ready: a stop from then on is graceful
    print(f"Worker {worker.worker_id} waiting for tasks (Ctrl+C to stop)", flush=True)
    worker.run()
    return 0


HELP = "run background tasks (indicator recomputes after accepted returns)"
DESCRIPTION = (
    "Run the database-backed task worker. Run one beside `lineofsight serve` "
    "(a systemd service in production: docs/deploy.md). A task left running by a worker "
    "that died is run again by the next worker."
)


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--interval", type=float, default=1.0, help="seconds between polls when idle"
    )
    parser.add_argument("--batch", action="store_true", help="run what is queued, then stop")
