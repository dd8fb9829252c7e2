"""``lineofsight backup DIR`` and ``lineofsight restore DIR`` (see ``operations.backup``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lineofsight.cli import django_setup


def run(args: argparse.Namespace) -> int:
    django_setup()
    from lineofsight.operations.backup import BackupError, backup

    try:
        summary = backup(Path(args.folder))
    except BackupError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    print(
        f"Backed up the {summary.engine} database, snapshots and keys into {summary.folder}: "
        f"{summary.files} files, {summary.bytes / 1e6:,.1f} MB, with SHA-256 checksums in "
        "manifest.json. Keep it somewhere safe: it holds the pseudonymisation key."
    )
    return 0


def run_restore(args: argparse.Namespace) -> int:
    django_setup()
    from lineofsight.operations.backup import BackupError, restore

    try:
        manifest = restore(Path(args.folder), force=args.force)
    except BackupError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    print(
        f"Restored the backup of {manifest['created_at']} ({len(manifest['files'])} files, "
        "checksums verified). Run `lineofsight migrate` if this version is newer, then restart "
        "the web server and the worker."
    )
    for name in manifest.get("keys_from_environment", []):
        print(f"  {name} came from the environment when the backup was made: set it again.")
    return 0


HELP = "back up the database, snapshots and keys into a new folder (with checksums)"
DESCRIPTION = (
    "Write the database (SQLite online backup or pg_dump), the snapshot files "
    "and the key files into FOLDER, with manifest.json listing each file's SHA-256. Safe "
    "while the site is running."
)


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", metavar="DIR")
