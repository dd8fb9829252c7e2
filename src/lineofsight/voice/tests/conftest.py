import datetime as dt

import pytest

from lineofsight.actions.models import LearningTheme
from lineofsight.actions.themes import sync_themes
from lineofsight.partnership import services as partnership_services
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.models import Agency
from lineofsight.partnership.roles import Role
from lineofsight.voice import services


@pytest.fixture
def themes(db):
    sync_themes(LearningTheme)


@pytest.fixture
def scrutineer(make_user):
    return make_user(Role.SCRUTINEER, username="scrutineer")


@pytest.fixture
def manager(make_user):
    return make_user(Role.PARTNERSHIP_ADMIN, username="business")


@pytest.fixture
def board(make_user):
    return make_user(Role.BOARD_MEMBER, username="board")


@pytest.fixture
def lead(make_user):
    return make_user(Role.AGENCY_LEAD, username="lead")


@pytest.fixture
def elsewhere(db, make_user):
    """A scrutineer and business manager of another partnership."""
    other = partnership_services.create_partnership(actor=SYSTEM, name="Elsewhere", la_code="372")
    agency = partnership_services.create_agency(
        actor=SYSTEM, partnership=other, name="Elsewhere Council", code="council",
        kind=Agency.Kind.COUNCIL,
    )  # fmt: skip
    return {
        "scrutineer": make_user(Role.SCRUTINEER, agency_=agency, username="far.scrutineer"),
        "manager": make_user(Role.PARTNERSHIP_ADMIN, agency_=agency, username="far.manager"),
    }


ACTIVITY = {
    "title": "Review of the partnership arrangements",
    "kind": "arrangements",
    "held_on": dt.date(2021, 6, 14),
    "examined": "The published arrangements and how the executive group works",
    "evidence": "Minutes of the board and executive group since 2019",
    "findings": "The board had drifted and had no plan to deliver its priorities",
}


@pytest.fixture
def activity(partnership, scrutineer):
    return services.create_activity(actor=scrutineer, partnership=partnership, **ACTIVITY)


@pytest.fixture
def recommendation(activity, scrutineer, agency, themes):
    return services.add_recommendation(
        actor=scrutineer,
        activity=activity,
        text="Give the board systematic multi-agency performance information",
        agency=agency,
        themes=["information-sharing"],
    )


@pytest.fixture
def feedback(partnership, manager, themes):
    return services.record_feedback(
        actor=manager,
        partnership=partnership,
        source="conference",
        given_by="children",
        received_on=dt.date(2021, 2, 3),
        said="My advocate helped me say what I wanted the conference to hear",
        themes=["voice-of-the-child"],
    )


@pytest.fixture
def survey(partnership, manager):
    return services.create_survey(
        actor=manager,
        partnership=partnership,
        reference="workforce-2021",
        title="Children's workforce survey 2021",
        opened_on=dt.date(2021, 3, 1),
        questions=[
            "I know how to escalate a concern about a child",
            "The threshold document helps me decide when to refer",
        ],
    )
