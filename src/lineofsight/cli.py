"""The ``lineofsight`` command line: thin sub-commands that parse arguments and call services.

Each sub-command lives in ``lineofsight.commands.<name>`` and exposes ``HELP`` (its line in
``lineofsight --help``), ``DESCRIPTION`` (the top of ``lineofsight <name> --help``), optionally
``arguments(parser)`` (adds its options; may add sub-commands of its own, each with its own
``run``), ``PARSER_OPTIONS`` (more ``add_parser`` keywords) and ``run(args) -> int``.
Commands that touch the database call ``django_setup()`` first; pure
commands (``synth``, ``validate``) do not, so they run without a configured site.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

COMMANDS = (
    "demo",
    "setup",
    "migrate",
    "serve",
    "worker",
    "reminders",
    "backup",
    "restore",
    "synth",
    "validate",
    "ingest",
    "benchmarks",
    "indicators",
    "report",
    "manage",
    "roles",
)

NO_PARTNERSHIP = (
    "No partnership is set up yet: run `lineofsight setup` "
    "(or `lineofsight demo --no-serve` for the synthetic demo) first."
)


def django_setup() -> None:
    """Configure Django for a command that needs the database."""
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lineofsight.config.settings")
    django.setup()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lineofsight",
        description="Line of Sight: performance, learning and reporting for a Safeguarding "
        "Children Partnership.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"lineofsight.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"lineofsight.commands.{name}":
                continue  # command not built yet
            raise
        command = subparsers.add_parser(
            name,
            help=module.HELP,
            description=module.DESCRIPTION,
            **getattr(module, "PARSER_OPTIONS", {}),
        )
        if hasattr(module, "arguments"):
            module.arguments(command)
        if hasattr(module, "run"):
            command.set_defaults(run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra:
        if getattr(args, "command", None) != "manage":
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
        # `lineofsight manage --help`: options before the Django command go to Django too
        args.arguments = [*extra, *args.arguments]
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        result = args.run(args)
    except BrokenPipeError:  # e.g. `lineofsight indicators --list | head`
        return 0
    return int(result or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
