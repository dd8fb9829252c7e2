import datetime as dt

import pytest

from lineofsight.actions.models import LearningTheme
from lineofsight.actions.themes import sync_themes
from lineofsight.cdop import services
from lineofsight.partnership.roles import Role


@pytest.fixture
def themes(db):
    sync_themes(LearningTheme)


@pytest.fixture
def coordinator(make_user):
    return make_user(Role.CDOP_COORDINATOR, username="cdop")


@pytest.fixture
def panel_member(make_user):
    return make_user(Role.CDOP_PANEL_MEMBER, username="panel")


@pytest.fixture
def board(make_user):
    return make_user(Role.BOARD_MEMBER, username="board")


NOTIFICATION = {
    "reference": "Child D 101",
    "age_band": "28_364d",
    "sex": "female",
    "died_on": dt.date(2021, 5, 3),
    "notified_on": dt.date(2021, 5, 4),
    "place_of_death": "hospital",
    "expectation": "unexpected",
}


@pytest.fixture
def make_death(partnership, coordinator):
    def make(**kwargs):
        values = {**NOTIFICATION, **kwargs}
        return services.create_death(actor=coordinator, partnership=partnership, **values)

    return make


@pytest.fixture
def death(make_death):
    return make_death()
