"""The partnership's pseudonymisation key: from ``PSEUDONYMISATION_KEY`` or generated once.

The same key must be used for every ingest, or the same child would get different pseudonyms in
different returns; losing it means new returns no longer link to old ones.  Keep it secret and
backed up with the database.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def pseudonymisation_key() -> bytes:
    configured = os.environ.get("PSEUDONYMISATION_KEY", "").strip()
    if configured:
        if len(configured) < 32:
            raise ImproperlyConfigured("PSEUDONYMISATION_KEY must be at least 32 characters")
        return configured.encode()
    path = Path(settings.VAR_DIR) / "pseudonymisation_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            return path.read_text().strip().encode()
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(48))
    return path.read_text().strip().encode()
