"""Typed readers for settings that come from the environment.

Each helper fails loudly (``ImproperlyConfigured``) on a value it cannot interpret, rather than
silently falling back: a typo in ``DEBUG=ture`` must not switch debugging on or off by accident.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from lineofsight.lib.secret_file import read_or_create

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool, environ: Mapping[str, str] = os.environ) -> bool:
    raw = environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be one of true/false/1/0/yes/no/on/off, not {raw!r}")


def env_int(
    name: str, default: int, environ: Mapping[str, str] = os.environ, minimum: int | None = None
) -> int:
    raw = environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from None
    if minimum is not None and value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, not {value}")
    return value


def env_list(name: str, default: list[str], environ: Mapping[str, str] = os.environ) -> list[str]:
    raw = environ.get(name)
    if raw is None:
        return list(default)
    items = [item.strip() for item in raw.split(",")]
    if any(not item for item in items):
        raise ImproperlyConfigured(f"{name} is a comma-separated list with an empty item: {raw!r}")
    return items


def env_choice(
    name: str, default: str, choices: tuple[str, ...], environ: Mapping[str, str] = os.environ
) -> str:
    value = environ.get(name, default).strip()
    if value not in choices:
        raise ImproperlyConfigured(f"{name} must be one of {', '.join(choices)}, not {value!r}")
    return value


def database_url(environ: Mapping[str, str], var_dir: Path) -> str:
    """``DATABASE_URL`` or the embedded default, a SQLite file under ``var_dir``."""
    url = environ.get("DATABASE_URL", "").strip()
    if not url:
        return f"sqlite:///{var_dir / 'lineofsight.sqlite3'}"
    if not url.startswith(("sqlite://", "postgres://", "postgresql://")):
        raise ImproperlyConfigured(
            "DATABASE_URL must be a sqlite:// or postgres:// URL, not "
            f"{url.split('://', 1)[0]!r}://..."
        )
    return url


def secret_key(environ: Mapping[str, str], var_dir: Path) -> str:
    """``SECRET_KEY`` from the environment, else a key generated once and kept in ``var_dir``."""
    key = environ.get("SECRET_KEY", "").strip()
    if key:
        if len(key) < 50 or len(set(key)) < 5:
            raise ImproperlyConfigured("SECRET_KEY must be at least 50 varied characters long")
        return key
    return read_or_create(var_dir / "secret_key")


def two_factor_required_in_production(environ: Mapping[str, str]) -> bool:
    """Production always requires two-factor; ``REQUIRE_TWO_FACTOR=false`` there is an error
    (every role sees personal or confidential data: ``roles.TWO_FACTOR_ROLES``)."""
    if not env_bool("REQUIRE_TWO_FACTOR", True, environ):
        raise ImproperlyConfigured(
            "REQUIRE_TWO_FACTOR=false is not allowed with the production settings: every role "
            "sees personal or confidential data and must use two-factor authentication. Remove "
            "REQUIRE_TWO_FACTOR from the environment (only the demo may switch it off)."
        )
    return True
