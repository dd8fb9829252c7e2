"""pytest fixtures shared by every app's tests (registered in the root conftest.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pytest
from django.test import Client

from lineofsight.partnership import services
from lineofsight.partnership.models import Agency, Partnership, User
from lineofsight.partnership.roles import Role

PASSWORD = "correct-horse-battery-staple"  # noqa: S105 - test-only


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: object) -> None:
    # Argon2 is the configured hasher (tested in accounts/tests); tests use a fast one.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]


@pytest.fixture
def partnership(db: None) -> Partnership:
    partnership = services.create_partnership(actor=None, name="Test Partnership", la_code="371")
    services.set_population(actor=None, partnership=partnership, year=2020, under_18=66_918)
    return partnership


@pytest.fixture
def agency(partnership: Partnership) -> Agency:
    return services.create_agency(
        actor=None,
        partnership=partnership,
        name="Test Police",
        code="police",
        kind=Agency.Kind.POLICE,
    )


@pytest.fixture
def other_agency(partnership: Partnership) -> Agency:
    return services.create_agency(
        actor=None,
        partnership=partnership,
        name="Test Health",
        code="health",
        kind=Agency.Kind.HEALTH,
    )


UserFactory = Callable[..., User]


@pytest.fixture
def make_user(agency: Agency) -> UserFactory:
    counter = iter(range(1, 10_000))

    def make(*roles: Role, agency_: Agency | None = None, username: str | None = None) -> User:
        return services.create_user(
            actor=None,
            username=username or f"user{next(counter)}",
            password=PASSWORD,
            agency=agency_ or agency,
            roles=roles,
        )

    return make


@pytest.fixture
def outsider(other_agency: Agency, make_user: UserFactory) -> User:
    """Signed in, in another agency, holding no role: must be refused everywhere but home."""
    return make_user(agency_=other_agency, username="outsider")


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def admin_user(make_user: UserFactory) -> User:
    return make_user(Role.PARTNERSHIP_ADMIN, username="admin")


def login_clients(users: Iterable[User]) -> list[Client]:
    return [client_for(u) for u in users]
