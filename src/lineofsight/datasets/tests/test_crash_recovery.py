"""Issue 8 item 5: a crash (``kill -9``) at any point of an ingest never blocks that return, and
two simultaneous ingests of one file give the second a clear message, never a traceback."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from lineofsight.cli import main
from lineofsight.datasets import services, storage
from lineofsight.datasets.models import Snapshot, Submission
from lineofsight.formats.tests.builders import child, cin_xml
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.roles import Role
from lineofsight.testing.fixtures import client_for

# Run in a child process: optionally arrange to be killed (SIGKILL: no clean-up runs) at one
# step of the ingest, then ingest; print what is stored.
SCRIPT = """
import json, os, signal, sys
from pathlib import Path
from lineofsight.cli import django_setup
django_setup()
from django.conf import settings
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
from lineofsight.datasets import services, storage
from lineofsight.datasets.models import Snapshot
from lineofsight.partnership import services as partnership_services
from lineofsight.partnership.models import Partnership
from lineofsight.partnership.actors import SYSTEM

source, point = Path(sys.argv[1]), sys.argv[2]
partnership = Partnership.objects.first() or partnership_services.create_partnership(
    actor=SYSTEM, name="T", la_code="371"
)
if point == "setup":
    sys.exit(0)

def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)

def then_die(real):
    def wrapper(*args, **kwargs):
        real(*args, **kwargs)
        die()
    return wrapper

if point == "writing_files":  # after the first Parquet file, before the others
    storage.pq.write_table = then_die(storage.pq.write_table)
elif point == "after_rename":  # the folder is in place, its database row is not
    storage.os.rename = then_die(storage.os.rename)
elif point == "before_commit":  # rows written inside the transaction, not committed
    services.record = then_die(services.record)

[outcome] = services.ingest_paths(actor=SYSTEM, partnership=partnership, paths=[source])
import pyarrow.parquet as pq
root = Path(settings.SNAPSHOT_DIR)
print(json.dumps({
    "accepted": outcome.accepted,
    "snapshots": [[s.return_key, s.version, s.directory] for s in Snapshot.objects.all()],
    "folders": sorted(p.name for p in root.iterdir()),
    "rows": {
        table: pq.read_table(root / s.directory / m["file"]).to_pylist()
        for s in Snapshot.objects.all() for table, m in sorted(s.tables.items())
    },
}, default=str))
"""


def _run(var: Path, source: Path, point: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env |= {
        "LINEOFSIGHT_VAR_DIR": str(var),
        "DJANGO_SETTINGS_MODULE": "lineofsight.config.settings",
        "PSEUDONYMISATION_KEY": "crash-test-key-0123456789abcdef0123456789",
    }
    return subprocess.run(
        [sys.executable, "-c", SCRIPT, str(source), point],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):
    """A migrated var folder with a partnership, and the outcome of one clean ingest."""
    base = tmp_path_factory.mktemp("crash")
    source = base / "cin.xml"
    source.write_text(cin_xml(child("C1"), child("C2"), child("C3")))
    template = base / "template"
    assert _run(template, source, "setup").returncode == 0
    clean = base / "clean"
    shutil.copytree(template, clean)
    result = _run(clean, source, "none")
    assert result.returncode == 0, result.stderr
    return template, source, json.loads(result.stdout)


@pytest.mark.parametrize("point", ["writing_files", "after_rename", "before_commit"])
def test_a_rerun_after_kill_9_equals_one_clean_ingest(prepared, tmp_path, point):
    template, source, clean = prepared
    var = tmp_path / "var"
    shutil.copytree(template, var)
    killed = _run(var, source, point)
    assert killed.returncode == -9, killed.stderr  # really killed at that step
    left = sorted(p.name for p in (var / "snapshots").iterdir())
    assert left, "the crash should have left a folder behind"
    again = _run(var, source, "none")
    assert again.returncode == 0, again.stderr  # no FileExistsError
    assert json.loads(again.stdout) == clean
    assert len(clean["snapshots"]) == 1 and clean["folders"] == [clean["snapshots"][0][2]]


# ---- two ingests of one file at the same moment ----
@pytest.fixture
def var_dir(settings, tmp_path):
    settings.SNAPSHOT_DIR = tmp_path / "snapshots"
    settings.VAR_DIR = tmp_path
    return tmp_path


CIN = cin_xml(child("C1")).encode()


def _digest_of(tmp_path: Path) -> str:
    path = tmp_path / "probe" / "cin.xml"
    path.parent.mkdir()
    path.write_bytes(CIN)
    return services.checksum([path])


@pytest.mark.django_db
def test_a_second_upload_of_a_file_being_stored_gets_a_clear_message(make_user, var_dir):
    analyst = make_user(Role.PERFORMANCE_ANALYST)
    with storage.ingest_lock(_digest_of(var_dir)):  # the first upload is being stored
        response = client_for(analyst).post(
            "/data/upload/", {"returns": SimpleUploadedFile("cin.xml", CIN)}
        )
    assert response.status_code == 409
    assert "already being stored" in response.content.decode()
    assert not Submission.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_second_cli_ingest_of_a_file_being_stored_says_so(partnership, var_dir, capsys):
    path = var_dir / "cin.xml"
    path.write_bytes(CIN)
    with storage.ingest_lock(services.checksum([path])):
        assert main(["ingest", str(path)]) == 1
    assert "already being stored" in capsys.readouterr().err
    assert main(["ingest", str(path)]) == 0 and Snapshot.objects.count() == 1


@pytest.mark.django_db
def test_an_ingest_tidies_staging_and_orphan_folders_first(partnership, var_dir):
    root = storage.snapshot_root()
    (root / ".staging-deadbeef").mkdir()
    (root / "cin-census-371-2024-v1-000000000000").mkdir()
    path = var_dir / "cin.xml"
    path.write_bytes(CIN)
    [outcome] = services.ingest_paths(actor=SYSTEM, partnership=partnership, paths=[path])
    assert sorted(p.name for p in root.iterdir()) == [outcome.snapshot.directory]
