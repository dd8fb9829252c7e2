"""``lineofsight manage ...``: Django's management commands (migrate, createsuperuser, check...)."""

from __future__ import annotations

import argparse


def run(args: argparse.Namespace) -> int:
    import os

    from django.core.management import execute_from_command_line

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lineofsight.config.settings")
    arguments = args.arguments or ["help"]
    if arguments[0] in ("-h", "--help"):
        print("usage: lineofsight manage COMMAND [OPTIONS]  (Django's management commands)\n")
        arguments = ["help", *arguments[1:]]
    execute_from_command_line(["lineofsight manage", *arguments])
    return 0


HELP = "run a Django management command (e.g. migrate, check --deploy)"
DESCRIPTION = "Run a Django management command, e.g. `lineofsight manage migrate`."
PARSER_OPTIONS = {"add_help": False}


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("arguments", nargs=argparse.REMAINDER)
