"""pytest fixtures shared by every app's tests (registered in the root conftest.py)."""

from __future__ import annotations

import contextlib
import io
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.test import Client, override_settings

from lineofsight.datasets import demo as datasets_demo
from lineofsight.datasets.models import Submission
from lineofsight.partnership import services
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.models import Agency, Partnership, User
from lineofsight.partnership.roles import Role
from lineofsight.partnership.services import set_population
from lineofsight.performance.benchmark_services import import_files
from lineofsight.performance.compute import recompute
from lineofsight.performance.models import ComputeRun
from lineofsight.performance.tasks import after_return_accepted
from lineofsight.published import DATA_DIR
from lineofsight.synth import generate
from lineofsight.testing.templates import Template, TemplateConflict, capture

PASSWORD = "correct-horse-battery-staple"  # noqa: S105 - test-only
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def pytest_configure(config: pytest.Config) -> None:
    from lineofsight.testing.append_only import allow_test_flush

    allow_test_flush()  # the test run's flush may empty the append-only audit log (ADR 4)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: object) -> None:
    # Argon2 is the configured hasher (tested in accounts/tests); tests use a fast one.
    settings.PASSWORD_HASHERS = FAST_HASHERS  # type: ignore[attr-defined]


def _test_partnership() -> Partnership:
    partnership = services.create_partnership(actor=SYSTEM, name="Test Partnership", la_code="371")
    services.set_population(actor=SYSTEM, partnership=partnership, year=2020, under_18=66_918)
    return partnership


@pytest.fixture
def partnership(db: None) -> Partnership:
    return _test_partnership()


def _agency(partnership: Partnership, name: str, kind: str) -> Agency:
    return services.create_agency(
        actor=SYSTEM, partnership=partnership, name=f"Test {name}", code=name.lower(), kind=kind
    )


@pytest.fixture
def agency(partnership: Partnership) -> Agency:
    return _agency(partnership, "Police", Agency.Kind.POLICE)


@pytest.fixture
def other_agency(partnership: Partnership) -> Agency:
    return _agency(partnership, "Health", Agency.Kind.HEALTH)


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


SEED, SCALE, YEARS = 3, 0.05, range(2019, 2022)  # the synthetic borough of ``computed``


def _computed_populations(partnership: Partnership) -> None:
    for year in range(2018, 2021):
        set_population(actor=SYSTEM, partnership=partnership, year=year, under_18=66_918)


def synthetic_root() -> Path:
    """Where ``datasets_demo.load`` keeps the generated returns of the synthetic borough."""
    return (
        Path(django_settings.VAR_DIR) / "demo-data" / f"seed-{SEED}-{YEARS.start}-{YEARS.stop - 1}"
    )


def generate_synthetic() -> None:
    """Generate the synthetic borough's returns unless they are there: ``datasets_demo.load``
    ingests freshly generated files in the order written and kept ones in name order, so a
    template built from fresh files would differ from every later build."""
    root = synthetic_root()
    if not root.exists():
        generate(root, seed=SEED, years=YEARS, la_code="371", scale=SCALE)


def _ingest_synthetic(partnership: Partnership) -> dict[int, str]:
    """Generate (once) and ingest the synthetic borough's returns; -> submission pk -> the code
    of the agency whose return it is (partner returns: stored as that agency's if it exists)."""
    datasets_demo.load(seed=SEED, scale=SCALE, years=YEARS)
    root = synthetic_root()
    files = sorted(p for p in root.rglob("*") if p.is_file())
    groups = datasets_demo.by_submitter(datasets_demo.returns_in(files, root), root)
    codes: dict[str, set[str]] = {}
    for code, paths in groups.items():
        for path in paths:
            codes.setdefault(path.name, set()).add(code)
    submitters = {}
    for submission in Submission.objects.filter(partnership=partnership):
        found = set().union(*(codes.get(f["name"], {""}) for f in submission.source_files))
        if len(found) == 1 and "" not in found:  # the files of one agency only
            submitters[submission.pk] = found.pop()
    return submitters


def _compute(partnership: Partnership) -> ComputeRun:
    import_files(actor=SYSTEM, paths=BENCHMARK_FILES)
    return recompute(actor=SYSTEM, partnership=partnership)


def _signature(partnership: Partnership) -> tuple[object, ...]:
    """What the computed figures depend on in the partnership itself."""
    populations = sorted(partnership.populations.values_list("year", "under_18"))
    return (
        partnership.name,
        partnership.la_code,
        partnership.financial_year_start_month,
        populations,
    )


@dataclass
class ComputedTemplate:
    template: Template
    signature: tuple[object, ...]


@pytest.fixture(scope="session")
def computed_template(
    django_db_setup: None,
    django_db_blocker: Any,
    synthetic_var_dir: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> ComputedTemplate:
    """The ``computed`` borough built once per test session (once per xdist worker) and rolled
    back: its rows and snapshot files, for ``computed`` to copy into each test."""
    snapshots = tmp_path_factory.mktemp("computed-template") / "snapshots"
    signature: list[tuple[object, ...]] = []

    def before() -> Partnership:
        made = _test_partnership()
        _computed_populations(made)
        signature.append(_signature(made))
        return made

    with (
        django_db_blocker.unblock(),
        override_settings(VAR_DIR=synthetic_var_dir, SNAPSHOT_DIR=snapshots),
        contextlib.redirect_stdout(io.StringIO()),
    ):
        generate_synthetic()
        template = capture(before, [_ingest_synthetic, _compute])
    template.snapshot_dir = snapshots
    return ComputedTemplate(template, signature[0])


def _copy_computed(computed_template: ComputedTemplate, partnership: Partnership) -> ComputeRun:
    """The template's rows and files in this test, as if ingested and computed here."""
    template = computed_template.template
    if _signature(partnership) != computed_template.signature:
        raise TemplateConflict("the test's partnership is not the template's")
    submitters: dict[int, str] = template.results[0]
    agencies = dict(partnership.agencies.values_list("code", "pk"))

    def adjust(row: dict[str, Any]) -> None:
        if row["id"] in submitters:
            row["agency_id"] = agencies.get(submitters[row["id"]])

    def after_ingest(queued: int) -> None:
        for _ in range(queued):  # the recomputes each stored return queues (run on commit)
            after_return_accepted(partnership.pk)
        datasets_demo.schedule(partnership)  # as datasets_demo.load ends, with this test's agencies

    template.load(partnership, adjust={Submission: adjust}, between=[after_ingest])
    template.copy_snapshots(Path(django_settings.SNAPSHOT_DIR))
    return ComputeRun.objects.get(pk=template.results[1].pk)


@pytest.fixture
def computed(
    partnership: Partnership,
    settings: Any,
    synthetic_var_dir: Path,
    computed_template: ComputedTemplate,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> ComputeRun:
    """The test partnership with a small synthetic borough ingested and its indicators computed:
    a copy of ``computed_template`` (built for real when a copy cannot be exact)."""
    settings.VAR_DIR = synthetic_var_dir  # the generated files are reused between tests
    settings.SNAPSHOT_DIR = tmp_path / "snapshots"
    _computed_populations(partnership)
    try:
        run = _copy_computed(computed_template, partnership)
    except TemplateConflict as conflict:
        warnings.warn(f"computed: built for real, not copied ({conflict})", stacklevel=1)
        _ingest_synthetic(partnership)
        run = _compute(partnership)
    capsys.readouterr()
    return run


@pytest.fixture(autouse=True)
def _empty_page_cache() -> None:
    """Each test starts with no cached performance figures (primary keys repeat between tests)."""
    from lineofsight.performance import cache

    cache.clear()
