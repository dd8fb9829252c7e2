"""``lineofsight migrate``: bring the database up to date (new installation or after an upgrade)."""

from __future__ import annotations

import argparse

from lineofsight.cli import django_setup


def run(args: argparse.Namespace) -> int:
    django_setup()
    from django.conf import settings
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=args.verbosity)
    print(f"Database up to date: {settings.DATABASES['default']['NAME']}")
    return 0


HELP = "create or upgrade the database tables (run after every upgrade)"
DESCRIPTION = (
    "Apply every pending database migration. Safe to run again; run it after "
    "installing a new version and before restarting `lineofsight serve` and the worker."
)


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--verbosity", type=int, default=1, choices=(0, 1, 2, 3))
