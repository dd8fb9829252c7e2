"""Who may do what with reports and narratives: the one place services, views and templates ask.

- see reports and download them: ``reports.view`` (administrator, analyst, board);
- generate a report and record its publication: ``reports.manage`` (administrator, analyst);
- write a section's narrative: ``reports.narrate`` (the owners: administrator, analyst, agency
  leads, LADO, CDOP coordinator, training manager);
- approve a narrative: ``reports.approve`` (the business manager, the partnership
  administrator).  Only approved narratives appear in the published edition.
``partnership.actors.SYSTEM`` (the command line run by the operator on the server) may do
everything; ``None`` is refused (``MissingActor``).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from lineofsight.lib.policies import partnership_policy
from lineofsight.partnership.access import has_permission, partnership_id_along


def can_view_reports(actor: Any) -> bool:
    return has_permission(actor, "reports.view")


def can_generate_report(actor: Any) -> bool:
    return has_permission(actor, "reports.manage")


def _partnership_id(record: Any) -> int | None:
    return partnership_id_along(record, "partnership_id")


can_record_publication = partnership_policy("reports.manage", _partnership_id)
can_write_narrative = partnership_policy("reports.narrate", _partnership_id)
can_approve_narrative = partnership_policy("reports.approve", _partnership_id)


def require(actor: Any, allowed: bool, permission: str) -> None:
    """``PermissionDenied`` naming ``permission`` unless ``allowed``."""
    if not allowed:
        raise PermissionDenied(permission)
