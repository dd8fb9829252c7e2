"""``lineofsight restore DIR``: the other half of ``lineofsight backup`` (commands.backup)."""

from __future__ import annotations

import argparse

from lineofsight.commands.backup import run_restore as run  # noqa: F401 (the command's run)

HELP = "restore a backup made by `lineofsight backup` (stop the server and worker first)"
DESCRIPTION = (
    "Check every file of the backup against its manifest, then replace this "
    "installation's database, snapshots and keys with it. Refuses a partial or altered "
    "backup, one of another database engine or a newer version, and an installation that "
    "already has data unless --force is given."
)


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", metavar="DIR")
    parser.add_argument(
        "--force", action="store_true", help="replace an installation that already has data"
    )
