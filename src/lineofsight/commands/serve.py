"""``lineofsight serve``: the production web server (gunicorn), static files by WhiteNoise.

Workers default to ``2 x cores + 1`` (gunicorn's own advice for synchronous workers); the
process is replaced by gunicorn so a service manager's signals (systemd) reach it directly.
"""

from __future__ import annotations

import argparse
import os
import sys

from lineofsight.cli import django_setup


def default_workers() -> int:
    return 2 * (os.cpu_count() or 1) + 1


def pending_migrations() -> list[str]:
    """Migrations not applied yet (``serve`` refuses to start on an out-of-date database)."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _ in plan]


def gunicorn_argv(args: argparse.Namespace) -> list[str]:
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "lineofsight.config.wsgi:application",
        "--bind",
        args.bind,
        "--workers",
        str(args.workers),
        "--threads",
        str(args.threads),
        "--timeout",
        str(args.timeout),
        "--graceful-timeout",
        "30",
        "--max-requests",
        "2000",
        "--max-requests-jitter",
        "200",
        "--forwarded-allow-ips",
        os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
        "--access-logfile",
        "-" if args.access_log else "/dev/null",
        "--error-logfile",
        "-",
    ]


def run(args: argparse.Namespace) -> int:
    django_setup()
    from django.conf import settings
    from django.core.management import call_command

    pending = pending_migrations()
    if pending:
        print(
            f"The database needs {len(pending)} migration(s) ({', '.join(pending[:3])}"
            f"{', ...' if len(pending) > 3 else ''}): run `lineofsight migrate` first.",
            file=sys.stderr,
        )
        return 2
    if settings.STATIC_ROOT and not args.no_collectstatic:  # production settings only: else
        call_command("collectstatic", interactive=False, verbosity=0)  # WhiteNoise finds them
    argv = gunicorn_argv(args)
    print(
        f"Serving {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]} on "
        f"http://{args.bind}/ with {args.workers} workers x {args.threads} threads",
        flush=True,
    )
    os.execv(argv[0], argv)  # noqa: S606 - our own interpreter, fixed arguments
    return 0  # pragma: no cover - execv does not return


HELP = "run the production web server (gunicorn) behind a TLS reverse proxy"
DESCRIPTION = (
    "Serve the site with gunicorn (static files by WhiteNoise). Run "
    "`lineofsight migrate` first; see docs/deploy.md for the reverse proxy and services."
)


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--bind", default="127.0.0.1:8000", help="address:port or unix:/path (default %(default)s)"
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=int(os.environ.get("WEB_WORKERS", 0)) or default_workers(),
        help="worker processes (default: WEB_WORKERS or 2 x cores + 1)",
    )
    parser.add_argument(
        "--threads", type=int, default=1, help="threads per worker (default %(default)s)"
    )
    parser.add_argument(
        "--timeout", type=int, default=120, help="seconds before a stuck request's worker restarts"
    )
    parser.add_argument("--access-log", action="store_true", help="log every request to stdout")
    parser.add_argument(
        "--no-collectstatic",
        action="store_true",
        help="do not collect static files first (production settings collect them into "
        "LINEOFSIGHT_VAR_DIR/static for WhiteNoise)",
    )
