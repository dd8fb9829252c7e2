"""Issue 8 item 8: the var folder and everything created in it is private (0700 / 0600)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from lineofsight.formats.tests.builders import child, cin_xml

SCRIPT = """
import os, sys
from pathlib import Path
os.umask(0o022)  # a typical, permissive umask: start-up must tighten it
from lineofsight.cli import django_setup
django_setup()
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
from lineofsight.datasets.services import ingest_paths
from lineofsight.partnership import services
from lineofsight.partnership.actors import SYSTEM
partnership = services.create_partnership(actor=SYSTEM, name="T", la_code="371")
[outcome] = ingest_paths(actor=SYSTEM, partnership=partnership, paths=[Path(sys.argv[1])])
assert outcome.accepted, outcome.parsed.problems
"""


def _loose(root: Path) -> list[str]:
    """Everything under ``root`` (itself included) that group or others may use."""
    found = []
    for path in [root, *root.rglob("*")]:
        mode = stat.S_IMODE(path.lstat().st_mode)
        if mode & 0o077:
            found.append(f"{path.relative_to(root.parent)} {oct(mode)}")
    return found


def test_database_secrets_and_snapshots_are_private_whatever_the_umask(tmp_path):
    var = tmp_path / "var"
    source = tmp_path / "cin.xml"
    source.write_text(cin_xml(child("C1")))
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "PSEUDONYMISATION_KEY")}
    env |= {
        "LINEOFSIGHT_VAR_DIR": str(var),
        "DJANGO_SETTINGS_MODULE": "lineofsight.config.settings",
    }
    subprocess.run([sys.executable, "-c", SCRIPT, str(source)], env=env, check=True, timeout=300)
    created = {p.name for p in var.rglob("*")}
    assert {"lineofsight.sqlite3", "secret_key", "pseudonymisation_key", "snapshots"} <= created
    assert any(name.endswith(".parquet") for name in created)
    assert _loose(var) == []


def test_an_existing_var_folder_is_closed_at_start_up(tmp_path):
    from lineofsight.lib.private_files import start_private

    var = tmp_path / "old-var"
    var.mkdir(mode=0o755)
    os.chmod(var, 0o755)
    before = os.umask(0o022)
    try:
        start_private(var)
        assert os.umask(0o022) == 0o077
    finally:
        os.umask(before)
    assert stat.S_IMODE(var.stat().st_mode) == 0o700
