import datetime as dt

import pytest

from lineofsight.governance import services
from lineofsight.partnership import services as partnership_services
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.models import Agency
from lineofsight.partnership.roles import Role


@pytest.fixture
def manager(make_user):
    return make_user(Role.PARTNERSHIP_ADMIN, username="manager")


@pytest.fixture
def board_member(make_user):
    return make_user(Role.BOARD_MEMBER, username="board")


@pytest.fixture
def agency_lead(make_user):
    return make_user(Role.AGENCY_LEAD, username="lead")


@pytest.fixture
def council(partnership):
    return partnership_services.create_agency(
        actor=SYSTEM,
        partnership=partnership,
        name="Test Council",
        code="council",
        kind=Agency.Kind.COUNCIL,
    )


@pytest.fixture
def hospital(partnership):
    return partnership_services.create_agency(
        actor=SYSTEM,
        partnership=partnership,
        name="Test Acute Trust",
        code="acute",
        kind=Agency.Kind.HEALTH_PROVIDER,
    )


@pytest.fixture
def board(partnership, agency, council, hospital):
    """The board: the police (``agency``, statutory), the council (statutory) and the acute
    trust (not statutory, not watched)."""
    group = services.create_group(
        actor=SYSTEM, partnership=partnership, name="Partnership Board", kind="board"
    )
    services.add_member(actor=SYSTEM, group=group, agency=agency, role="Chief Superintendent")
    services.add_member(actor=SYSTEM, group=group, agency=council, role="Director")
    services.add_member(actor=SYSTEM, group=group, agency=hospital, role="Chief Nurse")
    return group


P, A = "present", "absent"


@pytest.fixture
def record_meeting(board):
    def record(day: dt.date, **statuses: str):
        members = {m.agency.code: m.agency for m in board.memberships.select_related("agency")}
        return services.create_meeting(
            actor=SYSTEM,
            group=board,
            held_on=day,
            attendance={members[code]: status for code, status in statuses.items()},
            decisions=["Ask the acute trust for its safeguarding report"],
        )

    return record
