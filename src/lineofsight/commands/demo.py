"""``lineofsight demo``: load the synthetic demo partnership into the embedded database; serve."""

from __future__ import annotations

import argparse
import subprocess
import sys
from typing import Any

from lineofsight.cli import django_setup


def run(args: argparse.Namespace) -> int:
    import os

    # The demo's users have no authenticator app; production settings always require one.
    os.environ.setdefault("REQUIRE_TWO_FACTOR", "false")
    django_setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.utils.module_loading import import_string

    from lineofsight.partnership import demo

    call_command("migrate", interactive=False, verbosity=0)
    print(f"Database ready: {settings.DATABASES['default']['NAME']}")
    passwords = demo.load()
    for dotted in [] if args.users_only else settings.DEMO_LOADERS:
        loader = import_string(dotted)
        print(f"Loading {loader.__doc__.strip().splitlines()[0] if loader.__doc__ else dotted}")
        loader(seed=args.seed)
    print(demo.describe(passwords))
    if args.no_serve:
        return 0
    address = f"{args.host}:{args.port}"
    worker = None if args.no_worker else start_worker()
    print(f"Serving on http://{address}/  (Ctrl+C to stop)")
    try:
        call_command("runserver", address, use_reloader=False, use_threading=True)
    finally:
        if worker is not None:
            stop_worker(worker)
    return 0


def start_worker(**popen: Any) -> subprocess.Popen[bytes]:
    """``lineofsight worker`` in a child process beside the development server."""
    worker = subprocess.Popen([sys.executable, "-m", "lineofsight.cli", "worker"], **popen)
    print(f"Background worker started (process {worker.pid})")
    return worker


def stop_worker(worker: subprocess.Popen[bytes], seconds: float = 15) -> None:
    """Ask the worker to finish its task and stop; kill it if it has not within ``seconds``
    (a killed worker's task is run again by the next worker)."""
    if worker.poll() is None:
        worker.terminate()
        try:
            worker.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()


HELP = "create the demo partnership (synthetic data) and serve it on 127.0.0.1:8000"
DESCRIPTION = (
    "Migrate the embedded database, load the synthetic demo partnership "
    "(idempotent: safe to run again), print the demo users and serve the site with a "
    "background task worker beside it."
)


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to serve on")
    parser.add_argument("--port", type=int, default=8000, help="port to serve on")
    parser.add_argument("--seed", type=int, default=2021, help="seed for the synthetic data")
    parser.add_argument("--no-serve", action="store_true", help="load the demo data and stop")
    parser.add_argument(
        "--users-only",
        action="store_true",
        help="create the demo partnership and its users only: no returns, reviews or plans "
        "(for a state folder of your own, e.g. the README's command-line tour)",
    )
    parser.add_argument(
        "--no-worker", action="store_true", help="serve without the background task worker"
    )
