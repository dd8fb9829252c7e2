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

from lineofsight.partnership.access import has_permission
from lineofsight.partnership.actors import is_system, require_actor


def _may(actor: Any, permission: str) -> bool:
    require_actor(actor)
    return is_system(actor) or has_permission(actor, permission)


def _same_partnership(actor: Any, record: Any) -> bool:
    if is_system(actor) or record is None:
        return True
    agency = getattr(actor, "agency", None)
    return agency is not None and agency.partnership_id == record.partnership_id


def can_view_reports(actor: Any) -> bool:
    return _may(actor, "reports.view")


def can_generate_report(actor: Any) -> bool:
    return _may(actor, "reports.manage")


def can_record_publication(actor: Any, report: Any = None) -> bool:
    return _may(actor, "reports.manage") and _same_partnership(actor, report)


def can_write_narrative(actor: Any, narrative: Any = None) -> bool:
    return _may(actor, "reports.narrate") and _same_partnership(actor, narrative)


def can_approve_narrative(actor: Any, narrative: Any = None) -> bool:
    return _may(actor, "reports.approve") and _same_partnership(actor, narrative)


def require(actor: Any, allowed: bool, permission: str) -> None:
    """``PermissionDenied`` naming ``permission`` unless ``allowed``."""
    if not allowed:
        raise PermissionDenied(permission)
