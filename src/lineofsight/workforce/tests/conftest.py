import datetime as dt

import pytest

from lineofsight.actions.models import LearningTheme
from lineofsight.actions.themes import sync_themes
from lineofsight.partnership.roles import Role
from lineofsight.workforce import services
from lineofsight.workforce.models import Mode


@pytest.fixture
def themes(db):
    sync_themes(LearningTheme)


@pytest.fixture
def manager(make_user):
    return make_user(Role.TRAINING_MANAGER, username="training")


@pytest.fixture
def course(partnership, manager, themes):
    made = services.create_course(
        actor=manager,
        partnership=partnership,
        code="ME01",
        title="Managing engagement and disguised compliance",
        themes=[LearningTheme.objects.get(slug="disguised-compliance")],
    )
    services.add_question(
        actor=manager, course=made, statement="Self-reports should be checked.", answer=True
    )
    services.add_question(
        actor=manager, course=made, statement="Consent is always needed.", answer=False
    )
    return made


@pytest.fixture
def session(course, manager):
    return services.create_session(
        actor=manager,
        course=course,
        starts_on=dt.date(2021, 6, 10),
        mode=Mode.FACE_TO_FACE,
        venue="Civic Centre",
        capacity=2,
    )


@pytest.fixture
def make_booking(session, manager, agency):
    def make(learner="Learner One", **kwargs):
        values = {"agency": agency, "manager_email": "boss@example.org", **kwargs}
        return services.book(actor=manager, session=session, learner=learner, **values)

    return make
