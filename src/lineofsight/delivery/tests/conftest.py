import datetime as dt

import pytest

from lineofsight.delivery import services
from lineofsight.partnership.roles import Role


@pytest.fixture
def manager(make_user):
    return make_user(Role.PARTNERSHIP_ADMIN, username="manager")


@pytest.fixture
def plan(partnership, manager):
    return services.create_plan(
        actor=manager,
        partnership=partnership,
        title="Delivery plan 2021-2022",
        starts=dt.date(2021, 4, 1),
        ends=dt.date(2022, 3, 31),
    )


@pytest.fixture
def priority(plan, manager):
    return services.add_priority(
        actor=manager, plan=plan, number=3, title="A more effective response to child neglect"
    )


@pytest.fixture
def item(priority, manager, agency):
    return services.add_item(
        actor=manager,
        priority=priority,
        reference="a",
        text="Implement the Graded Care Profile",
        lead_agency=agency,
    )
