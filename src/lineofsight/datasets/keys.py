"""The partnership's pseudonymisation key, from (first match wins):

1. ``PSEUDONYMISATION_KEY`` (environment): the key itself;
2. ``PSEUDONYMISATION_KEY_FILE`` (environment): a file holding it, e.g. on a separate mount or a
   secrets store, so the key does not sit beside the data it protects; it must exist;
3. ``<var>/pseudonymisation_key``, generated once (the embedded default, fine for a demo).

The same key must be used for every ingest, or the same child would get different pseudonyms in
different returns; losing it means new returns no longer link to old ones.  Keep it secret and
backed up separately from the database.  ``check --deploy`` warns when the key is the one in the
var folder (``key_beside_the_data``, a deploy-tagged system check).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from lineofsight.lib.secret_file import read_or_create

MINIMUM_LENGTH = 32


def _checked(key: str, source: str) -> bytes:
    if len(key) < MINIMUM_LENGTH:
        raise ImproperlyConfigured(f"{source} must be at least {MINIMUM_LENGTH} characters")
    return key.encode()


def key_file() -> Path | None:
    """The file the key is read from, or None when it comes from the environment itself."""
    if os.environ.get("PSEUDONYMISATION_KEY", "").strip():
        return None
    configured = os.environ.get("PSEUDONYMISATION_KEY_FILE", "").strip()
    if configured:
        return Path(configured)
    return Path(settings.VAR_DIR) / "pseudonymisation_key"


def pseudonymisation_key() -> bytes:
    configured = os.environ.get("PSEUDONYMISATION_KEY", "").strip()
    if configured:
        return _checked(configured, "PSEUDONYMISATION_KEY")
    named = os.environ.get("PSEUDONYMISATION_KEY_FILE", "").strip()
    if named:
        path = Path(named)
        if not path.is_file():
            raise ImproperlyConfigured(
                f"PSEUDONYMISATION_KEY_FILE is {named}, which does not exist: restore the key "
                "from its backup (a new key would stop new returns linking to old ones)"
            )
        return _checked(path.read_text().strip(), f"The key in {named}")
    return read_or_create(Path(settings.VAR_DIR) / "pseudonymisation_key").encode()


@checks.register(checks.Tags.security, deploy=True)
def key_beside_the_data(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """``check --deploy``: the key should not live in the var folder with the data it protects."""
    path = key_file()
    if path is None:
        return []
    var_dir = Path(settings.VAR_DIR).resolve()
    if not path.resolve().is_relative_to(var_dir):
        return []
    return [
        checks.Warning(
            f"The pseudonymisation key is kept in {path}, inside the var folder with the data it "
            "protects: anyone with a copy of the folder (or its backup) can link pseudonyms.",
            hint="Set PSEUDONYMISATION_KEY, or PSEUDONYMISATION_KEY_FILE to a file on a separate "
            "mount (README, 'Data protection'; ADR 6).",
            id="lineofsight.W001",
        )
    ]
