"""The roles people hold, and what each lets them do.

Permissions are named capabilities (``"audit.view"``); a role grants a set of them.  Anything
not granted here is refused: views declare the permission they need (``partnership.access``).
"""

from __future__ import annotations

from django.db import models


class Role(models.TextChoices):
    PARTNERSHIP_ADMIN = "partnership_admin", "Partnership administrator"
    PERFORMANCE_ANALYST = "performance_analyst", "Performance analyst"
    BOARD_MEMBER = "board_member", "Board member"
    AGENCY_LEAD = "agency_lead", "Agency lead"
    LADO = "lado", "Local authority designated officer (LADO)"
    CDOP_COORDINATOR = "cdop_coordinator", "Child death review (CDOP) coordinator"
    CDOP_PANEL_MEMBER = "cdop_panel_member", "Child death overview panel member"
    TRAINING_MANAGER = "training_manager", "Training manager"
    SCRUTINEER = "scrutineer", "Independent scrutineer"
    LADO_DEPUTY = "lado_deputy", "Deputy designated officer (LADO cover)"


# Roles whose work involves child-level (pseudonymised) records.
CHILD_LEVEL_ROLES = frozenset(
    {
        Role.PERFORMANCE_ANALYST,
        Role.AGENCY_LEAD,
        Role.LADO,
        Role.CDOP_COORDINATOR,
        Role.CDOP_PANEL_MEMBER,
        Role.LADO_DEPUTY,
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
        Role.CDOP_PANEL_MEMBER,  # reads child death records
        Role.TRAINING_MANAGER,
        Role.SCRUTINEER,
        Role.LADO_DEPUTY,
    }
)

# Roles that oversee the whole partnership: their home page starts with what needs the board's
# attention (performance exceptions, overdue actions, the delivery plan's red items: issue 10).
OVERSIGHT_ROLES = frozenset({Role.PARTNERSHIP_ADMIN, Role.BOARD_MEMBER, Role.SCRUTINEER})

_ALL = frozenset(Role)

# The partnership's leaders and its independent scrutineer: they read the reports and governance
# papers, and (with others below) performance, learning and the statistics of specialist work.
LEADERS = frozenset(
    {Role.PARTNERSHIP_ADMIN, Role.PERFORMANCE_ANALYST, Role.BOARD_MEMBER, Role.SCRUTINEER}
)
# Who reads learning and improvement and the voice of children, families and practitioners: the
# leaders, the agency leads and the training manager.
LEARNING_READERS = LEADERS | {Role.AGENCY_LEAD, Role.TRAINING_MANAGER}

PERMISSIONS: dict[str, frozenset[Role]] = {
    # partnership administration
    "partnership.view": _ALL,
    "partnership.manage": frozenset({Role.PARTNERSHIP_ADMIN}),
    "audit.view": frozenset({Role.PARTNERSHIP_ADMIN}),
    # data in
    # the CDOP coordinator uploads child death records (and sees only their own uploads)
    # (and the LADO, LADO referrals; the training manager, booking and evaluation exports)
    "datasets.view": frozenset(
        {
            Role.PARTNERSHIP_ADMIN,
            Role.PERFORMANCE_ANALYST,
            Role.AGENCY_LEAD,
            Role.CDOP_COORDINATOR,
            Role.LADO,
            Role.TRAINING_MANAGER,
        }
    ),
    "datasets.upload": frozenset(
        {
            Role.PERFORMANCE_ANALYST,
            Role.AGENCY_LEAD,
            Role.CDOP_COORDINATOR,
            Role.LADO,
            Role.TRAINING_MANAGER,
        }
    ),
    # indicators and dashboards (aggregate figures)
    "performance.view": LEADERS | {Role.AGENCY_LEAD},
    "performance.manage": frozenset({Role.PERFORMANCE_ANALYST}),
    # learning and improvement
    "learning.view": LEARNING_READERS,
    "learning.manage": frozenset({Role.PARTNERSHIP_ADMIN}),
    # board members and scrutineers hold agencies to account: they log challenges themselves
    "challenge.log": frozenset({Role.PARTNERSHIP_ADMIN, Role.BOARD_MEMBER, Role.SCRUTINEER}),
    "actions.update": frozenset({Role.PARTNERSHIP_ADMIN, Role.AGENCY_LEAD}),
    "section11.respond": frozenset({Role.AGENCY_LEAD}),
    # specialist functions
    # allegations against people who work with children (ADR 0019): records to the LADO and the
    # named deputy only; statistics (suppressed) to the partnership's leaders; the lists of
    # sectors and outcomes and the timeliness standards are the LADO's to set
    "lado.manage": frozenset({Role.LADO, Role.LADO_DEPUTY}),
    "lado.configure": frozenset({Role.LADO}),
    "lado.statistics": LEADERS | {Role.LADO, Role.LADO_DEPUTY},
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
    "reports.view": LEADERS,
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
            Role.SCRUTINEER,
        }
    ),
    "reports.approve": frozenset({Role.PARTNERSHIP_ADMIN}),
    # partnership governance (ADR 0021): meetings and attendance, the assurance register,
    # inspections, funding and procedures; kept by the business manager, read by the leaders
    "governance.view": LEADERS,
    "governance.manage": frozenset({Role.PARTNERSHIP_ADMIN}),
    # independent scrutiny (ADR 0022): the scrutineer records scrutiny activities and their
    # recommendations (which become actions); the board and the business manager read them
    "scrutiny.view": frozenset({Role.PARTNERSHIP_ADMIN, Role.BOARD_MEMBER, Role.SCRUTINEER}),
    "scrutiny.manage": frozenset({Role.SCRUTINEER}),
    # the voice of children, families and practitioners (anonymised feedback, practitioner
    # surveys' results by agency with small numbers suppressed, forum notes)
    "voice.view": LEARNING_READERS,
    # the business unit records feedback, surveys and forum notes; analysts import responses
    "voice.manage": frozenset({Role.PARTNERSHIP_ADMIN, Role.PERFORMANCE_ANALYST}),
}


def roles_with(permission: str) -> frozenset[Role]:
    """The roles that grant ``permission``; an unknown permission is an error, not a refusal."""
    try:
        return PERMISSIONS[permission]
    except KeyError:
        raise KeyError(
            f"Unknown permission {permission!r}: declare it in roles.PERMISSIONS"
        ) from None
