"""pytest fixtures shared by every app's tests (registered in the root conftest.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pytest
from django.test import Client

from lineofsight.datasets import demo as datasets_demo
from lineofsight.partnership import services
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.models import Agency, Partnership, User
from lineofsight.partnership.roles import Role
from lineofsight.partnership.services import set_population
from lineofsight.performance.benchmark_services import import_files
from lineofsight.performance.compute import recompute
from lineofsight.published import DATA_DIR

PASSWORD = "correct-horse-battery-staple"  # noqa: S105 - test-only


def pytest_configure(config: pytest.Config) -> None:
    from lineofsight.testing.append_only import allow_test_flush

    allow_test_flush()  # the test run's flush may empty the append-only audit log (ADR 4)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: object) -> None:
    # Argon2 is the configured hasher (tested in accounts/tests); tests use a fast one.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]


@pytest.fixture
def partnership(db: None) -> Partnership:
    partnership = services.create_partnership(actor=SYSTEM, name="Test Partnership", la_code="371")
    services.set_population(actor=SYSTEM, partnership=partnership, year=2020, under_18=66_918)
    return partnership


@pytest.fixture
def agency(partnership: Partnership) -> Agency:
    return services.create_agency(
        actor=SYSTEM,
        partnership=partnership,
        name="Test Police",
        code="police",
        kind=Agency.Kind.POLICE,
    )


@pytest.fixture
def other_agency(partnership: Partnership) -> Agency:
    return services.create_agency(
        actor=SYSTEM,
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
            actor=SYSTEM,
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


# ---- a small computed synthetic borough (performance pages, CLI, browser tests) ----
BENCHMARK_FILES = [
    DATA_DIR / "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv",
    DATA_DIR / "New_Statistical_Neighbour_Groupings_April_2021.csv",
]


@pytest.fixture(scope="session")
def synthetic_var_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("synthetic-borough")


@pytest.fixture
def computed(partnership, settings, synthetic_var_dir, tmp_path, capsys):
    settings.VAR_DIR = synthetic_var_dir  # the generated files are reused between tests
    settings.SNAPSHOT_DIR = tmp_path / "snapshots"
    for year in range(2018, 2021):
        set_population(actor=SYSTEM, partnership=partnership, year=year, under_18=66_918)
    datasets_demo.load(seed=3, scale=0.05, years=range(2019, 2022))
    import_files(actor=SYSTEM, paths=BENCHMARK_FILES)
    run = recompute(actor=SYSTEM, partnership=partnership)
    capsys.readouterr()
    return run


@pytest.fixture(autouse=True)
def _empty_page_cache() -> None:
    """Each test starts with no cached performance figures (primary keys repeat between tests)."""
    from lineofsight.performance import cache

    cache.clear()
