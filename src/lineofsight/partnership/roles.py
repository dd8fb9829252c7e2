"""The roles people hold, and what each lets them do.

Permissions are named capabilities (``"audit.view"``); a role grants a set of them.  Anything
not granted here is refused: views declare the permission they need (``partnership.access``).
"""

from __future__ import annotations

from django.db import models


class Role(models.TextChoices):
    PARTNERSHIP_ADMIN = "partnership_admin", "Partnership administrator"
    PERFORMANCE_ANALYST = "performance_analyst", "Performance analyst"
    BOARD_MEMBER = "board_member", "Board member or scrutineer"
    AGENCY_LEAD = "agency_lead", "Agency lead"
    LADO = "lado", "Local authority designated officer (LADO)"
    CDOP_COORDINATOR = "cdop_coordinator", "Child death review (CDOP) coordinator"
    CDOP_PANEL_MEMBER = "cdop_panel_member", "Child death overview panel member"
    TRAINING_MANAGER = "training_manager", "Training manager"


# Roles whose work involves child-level (pseudonymised) records.
CHILD_LEVEL_ROLES = frozenset(
    {
        Role.PERFORMANCE_ANALYST,
        Role.AGENCY_LEAD,
        Role.LADO,
        Role.CDOP_COORDINATOR,
        Role.CDOP_PANEL_MEMBER,
    }
)

# Roles that can see personal or confidential data (child-level records, the audit log, agencies'
# Section 11 returns, board papers, LADO and CDOP cases, staff training records): they must use
# two-factor authentication whenever REQUIRE_TWO_FACTOR is on, and production settings refuse to
# start with it off (config/production.py).  Today that is every role; a new role is added here
# only after deciding it sees nothing personal or confidential.
TWO_FACTOR_ROLES = frozenset(
    {
        Role.PARTNERSHIP_ADMIN,
        Role.PERFORMANCE_ANALYST,
        Role.BOARD_MEMBER,
        Role.AGENCY_LEAD,
        Role.LADO,
        Role.CDOP_COORDINATOR,
        Role.TRAINING_MANAGER,
    }
)

_ALL = frozenset(Role)

PERMISSIONS: dict[str, frozenset[Role]] = {
    # partnership administration
    "partnership.view": _ALL,
    "partnership.manage": frozenset({Role.PARTNERSHIP_ADMIN}),
    "audit.view": frozenset({Role.PARTNERSHIP_ADMIN}),
    # data in
    # the CDOP coordinator uploads child death records (and sees only their own uploads)
    # the training manager uploads booking and evaluation exports (training records)
    "datasets.view": frozenset(
        {
            Role.PARTNERSHIP_ADMIN,
            Role.PERFORMANCE_ANALYST,
            Role.AGENCY_LEAD,
            Role.CDOP_COORDINATOR,
            Role.TRAINING_MANAGER,
        }
    ),
    "datasets.upload": frozenset(
        {Role.PERFORMANCE_ANALYST, Role.AGENCY_LEAD, Role.CDOP_COORDINATOR, Role.TRAINING_MANAGER}
    ),
    # indicators and dashboards (aggregate figures)
    "performance.view": frozenset(
        {Role.PARTNERSHIP_ADMIN, Role.PERFORMANCE_ANALYST, Role.BOARD_MEMBER, Role.AGENCY_LEAD}
    ),
    "performance.manage": frozenset({Role.PERFORMANCE_ANALYST}),
    # learning and improvement
    "learning.view": frozenset(
        {
            Role.PARTNERSHIP_ADMIN,
            Role.PERFORMANCE_ANALYST,
            Role.BOARD_MEMBER,
            Role.AGENCY_LEAD,
            Role.TRAINING_MANAGER,
        }
    ),
    "learning.manage": frozenset({Role.PARTNERSHIP_ADMIN}),
    # board members and scrutineers hold agencies to account: they log challenges themselves
    "challenge.log": frozenset({Role.PARTNERSHIP_ADMIN, Role.BOARD_MEMBER}),
    "actions.update": frozenset({Role.PARTNERSHIP_ADMIN, Role.AGENCY_LEAD}),
    "section11.respond": frozenset({Role.AGENCY_LEAD}),
    # specialist functions
    "lado.manage": frozenset({Role.LADO}),
    # child death reviews (ADR 0017): records to the CDOP roles only; suppressed statistics to
    # the partnership's leaders
    "cdop.view": frozenset({Role.CDOP_COORDINATOR, Role.CDOP_PANEL_MEMBER}),
    "cdop.manage": frozenset({Role.CDOP_COORDINATOR}),
    "cdop.statistics": frozenset(
        {
            Role.PARTNERSHIP_ADMIN,
            Role.PERFORMANCE_ANALYST,
            Role.BOARD_MEMBER,
            Role.CDOP_COORDINATOR,
            Role.CDOP_PANEL_MEMBER,
        }
    ),
    "workforce.manage": frozenset({Role.TRAINING_MANAGER}),
    # reports
    "reports.view": frozenset(
        {Role.PARTNERSHIP_ADMIN, Role.PERFORMANCE_ANALYST, Role.BOARD_MEMBER}
    ),
    "reports.manage": frozenset({Role.PARTNERSHIP_ADMIN, Role.PERFORMANCE_ANALYST}),
    # a section's narrative ("What has been done?", "What next?", "Impact"): written by the
    # section's owner, approved by the business manager (the partnership administrator)
    "reports.narrate": frozenset(
        {
            Role.PARTNERSHIP_ADMIN,
            Role.PERFORMANCE_ANALYST,
            Role.AGENCY_LEAD,
            Role.LADO,
            Role.CDOP_COORDINATOR,
            Role.TRAINING_MANAGER,
        }
    ),
    "reports.approve": frozenset({Role.PARTNERSHIP_ADMIN}),
}


def roles_with(permission: str) -> frozenset[Role]:
    """The roles that grant ``permission``; an unknown permission is an error, not a refusal."""
    try:
        return PERMISSIONS[permission]
    except KeyError:
        raise KeyError(
            f"Unknown permission {permission!r}: declare it in roles.PERMISSIONS"
        ) from None
