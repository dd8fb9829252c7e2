"""Who may do what with data returns (one place for the rules).

- Seeing submissions: ``datasets.view``; uploading: ``datasets.upload``.
- Which formats a user may submit, and for which agencies: ``datasets.submitters``.
"""

from __future__ import annotations

from typing import Any

from lineofsight.partnership.access import has_permission

UPLOAD = "datasets.upload"


def may_upload(user: Any) -> bool:
    return has_permission(user, UPLOAD)


def allowed(user: Any) -> dict[str, bool]:
    """What the data pages may offer ``user`` (templates read this)."""
    return {"upload": may_upload(user)}
