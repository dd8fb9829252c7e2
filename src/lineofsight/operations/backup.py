"""``lineofsight backup DIR`` / ``restore DIR``: the database, the snapshots and the keys.

A backup folder holds ``database.sqlite3`` (SQLite's online backup API: consistent while the site
runs) or ``database.pgdump`` (``pg_dump --format=custom``), ``snapshots/`` (the Parquet files),
``keys/`` (the Django secret key and the pseudonymisation key, when they live in files) and, written
last, ``manifest.json``: the engine, the applied migrations, and every file's size and SHA-256.
A folder without a manifest is a partial backup.  Restore checks everything before it changes
anything, and refuses a partial, altered or mismatched backup, or a non-empty installation
without ``force``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from lineofsight.datasets.storage import feed_file

FORMAT = 1
MANIFEST = "manifest.json"
KEY_FILES = ("secret_key", "pseudonymisation_key")
DUMPS = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}


class BackupError(Exception):
    """The backup or restore cannot go ahead; the message says why. Nothing was changed."""


@dataclass(frozen=True)
class Summary:
    folder: Path
    files: int
    bytes: int
    engine: str


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    feed_file(digest, path)
    return digest.hexdigest()


def _vendor() -> str:
    if connection.vendor not in DUMPS:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {connection.vendor}")
    return connection.vendor


def _pg_args(tool: str) -> tuple[list[str], dict[str, str]]:
    """A PostgreSQL client command for the current database, and its environment."""
    found = shutil.which(tool)
    if found is None:
        raise BackupError(
            f"`{tool}` is not installed: install the PostgreSQL client tools "
            "(Debian: apt-get install postgresql-client) at the server's version or newer"
        )
    db = connection.settings_dict
    args = [found, "--dbname", db["NAME"], "--no-password"]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            args += [flag, str(db[key])]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return args, env


def _run(args: list[str], env: dict[str, str]) -> None:
    done = subprocess.run(args, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise BackupError(f"{Path(args[0]).name} failed: {done.stderr.strip()[:2000]}")


def _migrations() -> dict[str, str]:
    """The last applied migration of each app."""
    applied: dict[str, str] = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        applied[app] = max(applied.get(app, ""), name)
    return applied


def _key_paths() -> dict[str, Path]:
    var = Path(settings.VAR_DIR)
    return {name: var / name for name in KEY_FILES if (var / name).is_file()}


def backup(folder: Path) -> Summary:
    """Write a complete backup into ``folder`` (new or empty)."""
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()):
        raise BackupError(f"{folder} is not empty: back up into a new folder")
    vendor = _vendor()
    folder.mkdir(parents=True, exist_ok=True)
    dump = folder / DUMPS[vendor]
    if vendor == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(dump)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    else:
        args, env = _pg_args("pg_dump")
        _run([*args, "--format=custom", "--no-owner", "--no-acl", "--file", str(dump)], env)
    snapshots = Path(settings.SNAPSHOT_DIR)
    if snapshots.is_dir():
        shutil.copytree(snapshots, folder / "snapshots", ignore=shutil.ignore_patterns(".tmp-*"))
    keys = _key_paths()
    if keys:
        (folder / "keys").mkdir(mode=0o700)
        for name, path in keys.items():
            shutil.copy2(path, folder / "keys" / name)
            os.chmod(folder / "keys" / name, 0o600)
    files: dict[str, dict[str, Any]] = {
        str(path.relative_to(folder)): {"bytes": path.stat().st_size, "sha256": _sha256(path)}
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
    manifest = {
        "format": FORMAT,
        "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "engine": vendor,
        "database": DUMPS[vendor],
        "migrations": _migrations(),
        "keys_from_environment": sorted(
            name
            for name in ("SECRET_KEY", "PSEUDONYMISATION_KEY", "PSEUDONYMISATION_KEY_FILE")
            if os.environ.get(name)
        ),
        "files": files,
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True))
    return Summary(folder, len(files), sum(f["bytes"] for f in files.values()), vendor)


def verify(folder: Path) -> dict[str, Any]:
    """The backup's manifest, once every file it lists is present, unaltered and nothing else
    is there; otherwise ``BackupError`` saying what is wrong."""
    folder = Path(folder)
    path = folder / MANIFEST
    if not folder.is_dir():
        raise BackupError(f"There is no folder {folder}")
    if not path.is_file():
        raise BackupError(
            f"{folder} has no {MANIFEST}: it is not a backup, or the backup did not finish. "
            "Nothing was restored."
        )
    try:
        manifest = json.loads(path.read_text())
        files: dict[str, dict[str, Any]] = manifest["files"]
        engine = manifest["engine"]
    except (ValueError, KeyError, TypeError) as exc:
        raise BackupError(f"{path} is damaged ({exc}). Nothing was restored.") from exc
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Backup format {manifest.get('format')!r} is not {FORMAT}")
    problems = []
    for name, expected in sorted(files.items()):
        file = folder / name
        if not file.is_file():
            problems.append(f"{name} is missing")
        elif file.stat().st_size != expected["bytes"] or _sha256(file) != expected["sha256"]:
            problems.append(f"{name} does not match its checksum")
    present = {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()}
    problems += [
        f"{name} is not in the manifest" for name in sorted(present - set(files) - {MANIFEST})
    ]
    if manifest.get("database") not in files:
        problems.append("the database dump is not in the manifest")
    if problems:
        shown = "; ".join(problems[:10]) + ("; ..." if len(problems) > 10 else "")
        raise BackupError(
            f"The backup in {folder} is incomplete or altered: {shown}. Nothing was restored."
        )
    vendor = _vendor()
    if engine != vendor:
        raise BackupError(
            f"This backup is of a {engine} database and this installation uses {vendor}: "
            "restore it into an installation with the same kind of database."
        )
    from django.db.migrations.loader import MigrationLoader

    known = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    unknown = sorted(
        f"{app}.{name}"
        for app, name in manifest.get("migrations", {}).items()
        if (app, name) not in known
    )
    if unknown:
        raise BackupError(
            f"This backup was made by a newer version of Line of Sight ({', '.join(unknown[:3])}): "
            "upgrade this installation first, then restore."
        )
    return manifest


def installation_is_empty() -> bool:
    from lineofsight.partnership.models import Partnership, User

    tables = connection.introspection.table_names()
    has_rows = any(
        model._meta.db_table in tables and model.objects.exists() for model in (Partnership, User)
    )
    snapshots = Path(settings.SNAPSHOT_DIR)
    has_files = snapshots.is_dir() and any(snapshots.iterdir())
    return not has_rows and not has_files


def restore(folder: Path, *, force: bool = False) -> dict[str, Any]:
    """Replace this installation's database, snapshots and key files with the backup's."""
    folder = Path(folder)
    manifest = verify(folder)
    if not force and not installation_is_empty():
        raise BackupError(
            "This installation already has data (a partnership, users or snapshots): restoring "
            "would replace all of it. Use --force to do so. Nothing was restored."
        )
    dump = folder / manifest["database"]
    if manifest["engine"] == "sqlite":
        connection.ensure_connection()
        source = sqlite3.connect(f"file:{dump}?mode=ro", uri=True)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
    else:
        psql, env = _pg_args("psql")
        _run(
            [*psql, "--quiet", "--command", "DROP SCHEMA public CASCADE; CREATE SCHEMA public;"],
            env,
        )
        pg_restore, env = _pg_args("pg_restore")
        _run([*pg_restore, "--no-owner", "--no-acl", "--exit-on-error", str(dump)], env)
    connection.close()
    _replace_folder(folder / "snapshots", Path(settings.SNAPSHOT_DIR))
    var = Path(settings.VAR_DIR)
    for name in KEY_FILES:
        source_key = folder / "keys" / name
        if source_key.is_file():
            var.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source_key, var / name)
            os.chmod(var / name, 0o600)
    return manifest


def _replace_folder(source: Path, target: Path) -> None:
    """Make ``target`` a copy of ``source`` (empty if there is none), swapping it in whole."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=target.parent))
    incoming = staging / "incoming"
    if source.is_dir():
        shutil.copytree(source, incoming)
    else:
        incoming.mkdir()
    if target.exists():
        target.rename(staging / "old")
    incoming.rename(target)
    shutil.rmtree(staging)
