"""The partnership's pseudonymisation key: from ``PSEUDONYMISATION_KEY`` or generated once.

The same key must be used for every ingest, or the same child would get different pseudonyms in
different returns; losing it means new returns no longer link to old ones.  Keep it secret and
backed up with the database.
"""

from __future__ import annotations

import os
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from lineofsight.lib.secret_file import read_or_create


def pseudonymisation_key() -> bytes:
    configured = os.environ.get("PSEUDONYMISATION_KEY", "").strip()
    if configured:
        if len(configured) < 32:
            raise ImproperlyConfigured("PSEUDONYMISATION_KEY must be at least 32 characters")
        return configured.encode()
    return read_or_create(Path(settings.VAR_DIR) / "pseudonymisation_key").encode()
