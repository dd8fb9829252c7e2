"""Writing a snapshot's Parquet files so that a crash leaves the whole snapshot or nothing.

Files are written into a temporary folder beside the final one, flushed to disk, then the folder
is renamed into place in one step (``os.rename`` is atomic within a file system).  The database
row that makes a snapshot visible is created only after the rename; a folder without a row (a
crash between the two) is never read and is removed by ``remove_orphans``.

Every store runs under ``ingest_lock`` (one lock file for the var folder, held by one process at
a time; the operating system releases it when a process dies, even by ``kill -9``).  Holding it,
the ingest first removes staging folders and folders without a row, so a re-run after a crash at
any point is the same as one clean ingest.  A second process storing the *same* file while the
first holds the lock is told so at once (``AlreadyBeingStored``) instead of waiting.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
from django.conf import settings

from lineofsight.formats.tables import TABLES, to_arrow
from lineofsight.lib.private_files import make_private, private_dir


class AlreadyBeingStored(Exception):
    """Another process is storing the same file (same checksum) right now."""


LOCK_FILE = "ingest.lock"


@contextmanager
def ingest_lock(checksum: str) -> Iterator[None]:
    """Hold the var folder's ingest lock while a return is stored.

    The holder writes the checksum it is storing into the lock file.  Another process that finds
    the lock held reads it: the same checksum raises ``AlreadyBeingStored``; a different return
    waits its turn.
    """
    path = private_dir(Path(settings.VAR_DIR)) / LOCK_FILE
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if os.pread(fd, 128, 0).decode("ascii", "replace").strip() == checksum:
                raise AlreadyBeingStored(checksum) from None
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, checksum.encode("ascii"), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
    finally:
        os.close(fd)  # releases the lock


def snapshot_root() -> Path:
    return private_dir(Path(settings.SNAPSHOT_DIR))


def feed_file(digest: hashlib._Hash, path: Path) -> None:
    """Add the bytes of ``path`` to ``digest``, a megabyte at a time."""
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    feed_file(digest, path)
    return digest.hexdigest()


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_tables(
    directory_name: str, tables: dict[str, list[dict[str, Any]]], common: dict[str, Any]
) -> dict[str, dict[str, Any]]:
    """Write each table to ``<root>/<directory_name>/<table>.parquet``; return the manifest."""
    root = snapshot_root()
    final = root / directory_name
    if final.exists():
        raise FileExistsError(f"Snapshot folder {directory_name} already exists")
    staging = root / f".staging-{uuid.uuid4().hex}"
    staging.mkdir(mode=0o700)
    manifest: dict[str, dict[str, Any]] = {}
    try:
        for table, rows in tables.items():
            if table not in TABLES or not rows:
                continue
            path = staging / f"{table}.parquet"
            arrow = to_arrow(table, [{**common, **row} for row in rows])
            pq.write_table(arrow, path, compression="zstd")
            make_private(path)
            with path.open("rb") as handle:
                os.fsync(handle.fileno())
            manifest[table] = {"file": path.name, "rows": arrow.num_rows, "sha256": _sha256(path)}
        make_private(staging)
        _fsync_dir(staging)
        os.rename(staging, final)
        _fsync_dir(root)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return manifest


def remove_folder(directory_name: str) -> None:
    shutil.rmtree(snapshot_root() / directory_name, ignore_errors=True)


def remove_orphans(known: set[str]) -> list[str]:
    """Delete staging folders and folders no snapshot row refers to; returns what was removed.

    Call it only while holding ``ingest_lock``: another ingest's folder is an orphan until its
    row is committed."""
    removed = []
    for entry in snapshot_root().iterdir():
        if entry.is_dir() and entry.name not in known:
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry.name)
    return removed


def table_path(directory_name: str, file_name: str) -> Path:
    return snapshot_root() / directory_name / file_name
