"""Backup, wipe, restore: every table and every snapshot file comes back identical; a partial,
altered or mismatched backup, or a non-empty installation without --force, is refused.

Runs on SQLite normally and on PostgreSQL when DATABASE_URL is postgres (pg_dump/pg_restore).
"""

import json
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from lineofsight.cli import main
from lineofsight.datasets.models import Snapshot
from lineofsight.operations.backup import BackupError, backup, restore, verify
from lineofsight.performance.models import IndicatorResult


def _tables() -> dict[str, list]:
    every = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names()):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            every[table] = sorted(tuple(map(str, row)) for row in cursor.fetchall())
    return every


def _files(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


@pytest.fixture
def installation(computed, settings, tmp_path):
    """The computed synthetic borough, with its key files in this test's own var folder."""
    var = tmp_path / "var"
    var.mkdir()
    shutil.copy2(Path(settings.VAR_DIR) / "pseudonymisation_key", var / "pseudonymisation_key")
    (var / "secret_key").write_text("s" * 60)
    settings.VAR_DIR = var
    assert Snapshot.objects.count() >= 2 and IndicatorResult.objects.exists()
    return var


@pytest.mark.django_db(transaction=True)
def test_backup_wipe_restore_gives_back_every_table_and_snapshot(installation, settings, tmp_path):
    tables, snapshots = _tables(), _files(Path(settings.SNAPSHOT_DIR))
    keys = _files(installation)
    assert len(snapshots) >= 4 and sum(len(rows) for rows in tables.values()) > 1000
    folder = tmp_path / "backup"
    assert main(["backup", str(folder)]) == 0
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["engine"] == connection.vendor
    assert set(manifest["files"]) >= {"keys/pseudonymisation_key", manifest["database"]}

    # wipe: the database, the snapshots and the keys
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(settings.SNAPSHOT_DIR)
    for key in installation.iterdir():
        key.unlink()
    assert not Snapshot.objects.exists()

    assert main(["restore", str(folder)]) == 0
    assert _tables() == tables
    assert _files(Path(settings.SNAPSHOT_DIR)) == snapshots
    assert _files(installation) == keys
    # and a second restore over the data it put back needs --force
    assert main(["restore", str(folder)]) == 2
    assert main(["restore", "--force", str(folder)]) == 0
    assert _tables() == tables


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_partial_altered_and_mismatched_backups(installation, tmp_path, capsys):
    folder = tmp_path / "backup"
    backup(folder)
    with pytest.raises(BackupError, match="not empty"):
        backup(folder)
    assert main(["restore", str(folder)]) == 2
    assert "already has data" in capsys.readouterr().err
    verify(folder)

    def broken(change, message):
        copy = tmp_path / f"copy-{len(list(tmp_path.glob('copy-*')))}"
        shutil.copytree(folder, copy)
        change(copy)
        with pytest.raises(BackupError, match=message):
            restore(copy, force=True)

    def edit_manifest(**changes):
        def change(copy):
            manifest = json.loads((copy / "manifest.json").read_text())
            manifest.update(changes)
            (copy / "manifest.json").write_text(json.dumps(manifest))

        return change

    snapshot_file = next(p for p in (folder / "snapshots").rglob("*.parquet"))
    relative = snapshot_file.relative_to(folder)
    broken(lambda c: (c / "manifest.json").unlink(), "did not finish")
    broken(lambda c: (c / relative).unlink(), f"{relative} is missing")
    broken(lambda c: (c / relative).write_bytes(b"tampered"), "does not match its checksum")
    broken(lambda c: (c / "keys" / "extra").write_text("x"), "keys/extra is not in the manifest")
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    broken(edit_manifest(engine=other), f"backup is of a {other} database")
    broken(edit_manifest(migrations={"datasets": "9999_from_the_future"}), "newer version")
    with pytest.raises(BackupError, match="no folder"):
        restore(tmp_path / "nowhere")
    # nothing was changed by any refused restore
    assert Snapshot.objects.count() >= 2
