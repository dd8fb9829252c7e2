import datetime as dt

import pytest

from lineofsight.assurance.services import audits, section11
from lineofsight.partnership.roles import Role


@pytest.fixture
def manager(make_user):
    return make_user(Role.PARTNERSHIP_ADMIN, username="manager")


@pytest.fixture
def lead(make_user, agency):
    return make_user(Role.AGENCY_LEAD, agency_=agency, username="lead")


@pytest.fixture
def other_lead(make_user, other_agency):
    return make_user(Role.AGENCY_LEAD, agency_=other_agency, username="otherlead")


@pytest.fixture
def audit(partnership, manager):
    return audits.create_audit(
        actor=manager,
        partnership=partnership,
        title="Neglect",
        theme="Neglect",
        year=2016,
        quarter=2,
        lead="Jo Auditor",
        expert="Neglect lead nurse",
    )


@pytest.fixture
def round_(partnership, manager):
    return section11.create_round(
        actor=manager, partnership=partnership, year=2021, due_date=dt.date(2021, 6, 30)
    )
