import datetime as dt

import pytest

from lineofsight.lado import services
from lineofsight.lado.models import Outcome, Sector
from lineofsight.partnership.roles import Role


@pytest.fixture
def lists(db):
    services.sync_lists()


@pytest.fixture
def lado(make_user, lists):
    return make_user(Role.LADO, username="lado")


@pytest.fixture
def deputy(make_user, lists):
    return make_user(Role.LADO_DEPUTY, username="deputy")


@pytest.fixture
def board(make_user):
    return make_user(Role.BOARD_MEMBER, username="board")


@pytest.fixture
def administrator(make_user):
    return make_user(Role.PARTNERSHIP_ADMIN, username="administrator")


def sector(code: str = "education") -> Sector:
    return Sector.objects.get(code=code)


def outcome(code: str) -> Outcome:
    return Outcome.objects.get(code=code)


ADULT_NAME = "Jonathan Quill-Peverell"


@pytest.fixture
def make_referral(partnership, lado):
    def make(**kwargs):
        values = {
            "received_on": dt.date(2021, 5, 4),
            "referrer": "Headteacher",
            "referring_agency": "employer",
            "adult_reference": "A-2021-001",
            "adult_role": "Teaching assistant",
            "adult_name": ADULT_NAME,
            "employer": "Demo Primary School",
            "sector": sector(),
            "category": "physical",
            **kwargs,
        }
        return services.create_referral(actor=lado, partnership=partnership, **values)

    return make


@pytest.fixture
def referral(make_referral):
    return make_referral()


@pytest.fixture
def consultation(partnership, lado):
    return services.create_consultation(
        actor=lado,
        partnership=partnership,
        consulted_on=dt.date(2021, 5, 3),
        employer="Demo Primary School",
        sector=sector(),
        category="physical",
        advice="Gather the facts and call back",
    )
