"""The var folder (database, secrets, snapshots, uploads) is private to the account running
Line of Sight: folders 0700, files 0600 (pure: no Django).

Two layers, so neither a forgotten ``chmod`` nor a changed umask exposes anything:
- ``start_private`` (called by the settings at start-up) sets the process umask to 077 and makes
  the var folder itself 0700, which also closes files made before this rule existed;
- code that creates files or folders there uses ``private_dir``/``make_private`` explicitly.
"""

from __future__ import annotations

import os
from pathlib import Path

PRIVATE_UMASK = 0o077
DIR_MODE = 0o700
FILE_MODE = 0o600


def private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) if need be and make it 0700; returns it."""
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    os.chmod(path, DIR_MODE)
    return path


def make_private(path: Path) -> Path:
    """Make an existing file 0600 (or folder 0700); returns it."""
    os.chmod(path, DIR_MODE if path.is_dir() else FILE_MODE)
    return path


def start_private(var_dir: Path) -> None:
    """At start-up: everything this process creates is private, and so is the var folder."""
    os.umask(PRIVATE_UMASK)
    private_dir(var_dir)
