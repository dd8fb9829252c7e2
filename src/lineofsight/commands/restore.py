"""``lineofsight restore DIR``: the other half of ``lineofsight backup`` (commands.backup)."""

from __future__ import annotations

import argparse

from lineofsight.commands.backup import run_restore


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "restore",
        help="restore a backup made by `lineofsight backup` (stop the server and worker first)",
        description="Check every file of the backup against its manifest, then replace this "
        "installation's database, snapshots and keys with it. Refuses a partial or altered "
        "backup, one of another database engine or a newer version, and an installation that "
        "already has data unless --force is given.",
    )
    parser.add_argument("folder", metavar="DIR")
    parser.add_argument(
        "--force", action="store_true", help="replace an installation that already has data"
    )
    parser.set_defaults(run=run_restore)
