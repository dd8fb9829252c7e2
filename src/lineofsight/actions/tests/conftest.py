import datetime as dt

import pytest

from lineofsight.actions import services
from lineofsight.actions.models import LearningTheme
from lineofsight.actions.themes import sync_themes
from lineofsight.partnership.actors import SYSTEM

TODAY = dt.date(2021, 6, 1)


@pytest.fixture
def themes(db):
    sync_themes(LearningTheme)
    return {t.slug: t for t in LearningTheme.objects.all()}


@pytest.fixture
def make_action(agency, themes):
    def make(**kwargs):
        values = {
            "actor": SYSTEM,
            "title": "Refresh the escalation policy",
            "source": "review",
            "owner_agency": agency,
            "due_date": TODAY + dt.timedelta(days=60),
            "themes": ["information-sharing"],
        }
        values.update(kwargs)
        return services.create_action(**values)

    return make
