"""Who may do what with reports and narratives: the one place services, views and templates ask.

- see reports and download them: ``reports.view`` (administrator, analyst, board);
- generate a report and record its publication: ``reports.manage`` (administrator, analyst);
- write a section's narrative: ``reports.narrate`` (the owners: administrator, analyst, agency
  leads, LADO, CDOP coordinator, training manager);
- approve a narrative: ``reports.approve`` (the business manager, the partnership
  administrator).  Only approved narratives appear in the published edition.
A ``None`` actor is the system (the command line run by the operator on the server).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from lineofsight.partnership.access import has_permission


def may(actor: Any, permission: str) -> bool:
    return actor is None or has_permission(actor, permission)


def require(actor: Any, permission: str) -> None:
    if not may(actor, permission):
        raise PermissionDenied(permission)
