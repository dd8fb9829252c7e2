"""Permission check shared by the assurance and delivery services.

The audited create/update/delete they use live in ``lineofsight.lib.audited``.
"""

from __future__ import annotations

from typing import Any

from lineofsight.partnership.access import check_permission


def require(actor: Any, permission: str) -> None:
    """Refuse an actor without ``permission`` (``SYSTEM`` holds every one; ``None`` raises)."""
    check_permission(actor, permission)
