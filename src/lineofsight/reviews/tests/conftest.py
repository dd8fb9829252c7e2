import datetime as dt

import pytest

from lineofsight.actions.models import LearningTheme
from lineofsight.actions.themes import sync_themes
from lineofsight.partnership.roles import Role
from lineofsight.reviews import services


@pytest.fixture
def themes(db):
    sync_themes(LearningTheme)


@pytest.fixture
def manager(make_user):
    return make_user(Role.PARTNERSHIP_ADMIN, username="manager")


@pytest.fixture
def make_review(partnership, manager, themes):
    def make(**kwargs):
        values = {
            "actor": manager,
            "partnership": partnership,
            "reference": "Child M",
            "incident_type": "serious_harm",
            "la_aware_on": dt.date(2021, 4, 1),
            "themes": ["neglect", "information-sharing"],
        }
        values.update(kwargs)
        return services.create_review(**values)

    return make
