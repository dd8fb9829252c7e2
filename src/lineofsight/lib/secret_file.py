"""A secret generated once and kept in a file only its owner can read (pure: no Django).

Used for the Django secret key and the pseudonymisation key.  Creation is exclusive, so two
processes starting at once end up reading the same secret.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def read_or_create(path: Path) -> str:
    """The secret in ``path``, creating it (mode 0600, 64 random bytes, URL-safe) if absent."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    else:
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(64))
    return path.read_text().strip()
