import contextlib
import datetime as dt
import io
import warnings
from pathlib import Path

import pytest
from django.test import override_settings

from lineofsight.assurance import demo as assurance_demo
from lineofsight.cdop import demo as cdop_demo
from lineofsight.datasets import demo as datasets_demo
from lineofsight.delivery import demo as delivery_demo
from lineofsight.governance import demo as governance_demo
from lineofsight.lado import demo as lado_demo
from lineofsight.partnership import demo as partnership_demo
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.models import Partnership, User
from lineofsight.partnership.selectors import current_partnership
from lineofsight.performance.benchmark_services import import_files
from lineofsight.performance.compute import recompute
from lineofsight.performance.tasks import after_return_accepted
from lineofsight.reviews import demo as reviews_demo
from lineofsight.testing.fixtures import (
    BENCHMARK_FILES,
    FAST_HASHERS,
    SCALE,
    SEED,
    YEARS,
    generate_synthetic,
)
from lineofsight.testing.templates import Template, TemplateConflict, capture
from lineofsight.voice import demo as voice_demo
from lineofsight.workforce import demo as workforce_demo


def _build_borough() -> Partnership:
    partnership_demo.load()
    partnership = current_partnership()
    assert partnership is not None
    datasets_demo.load(seed=SEED, scale=SCALE, years=YEARS)
    import_files(actor=SYSTEM, paths=BENCHMARK_FILES)
    recompute(actor=SYSTEM, partnership=partnership)
    for loader in (reviews_demo, assurance_demo, delivery_demo):
        loader.load(seed=3)
    return partnership


@pytest.fixture(scope="session")
def borough_template(django_db_setup, django_db_blocker, synthetic_var_dir, tmp_path_factory):
    """``borough`` built once per test session (once per xdist worker) and rolled back."""
    snapshots = tmp_path_factory.mktemp("borough-template") / "snapshots"
    with (
        django_db_blocker.unblock(),
        override_settings(
            VAR_DIR=synthetic_var_dir, SNAPSHOT_DIR=snapshots, PASSWORD_HASHERS=FAST_HASHERS
        ),
        contextlib.redirect_stdout(io.StringIO()),
    ):
        generate_synthetic()  # the files in name order, as every later build reads them
        template = capture(lambda: None, [lambda _: _build_borough()])
    template.snapshot_dir = snapshots
    return template


def _copy_borough(template: Template) -> Partnership:
    made = template.results[0]

    def after(queued: int) -> None:
        for _ in range(queued):  # the recomputes each stored return queues (run on commit)
            after_return_accepted(made.pk)

    template.load(between=[after])
    return Partnership.objects.get(pk=made.pk)


@pytest.fixture
def borough(db, settings, synthetic_var_dir, borough_template, tmp_path, capsys):
    """The demo partnership with a small synthetic borough (so small numbers occur), its
    indicators computed, and its case reviews, audits, Section 11, challenges and plans: a copy
    of ``borough_template`` (built for real when a copy cannot be exact)."""
    settings.VAR_DIR = synthetic_var_dir  # generated returns are reused between tests
    settings.SNAPSHOT_DIR = tmp_path / "snapshots"
    try:
        partnership = _copy_borough(borough_template)
        borough_template.copy_snapshots(Path(settings.SNAPSHOT_DIR))
    except TemplateConflict as conflict:
        warnings.warn(f"borough: built for real, not copied ({conflict})", stacklevel=1)
        partnership = _build_borough()
    capsys.readouterr()
    return partnership


@pytest.fixture
def whole_borough(borough, capsys):
    """The small borough with every module that adds a section to the reports loaded too:
    child deaths, governance, scrutiny and voice, LADO and training (so their sections have
    tables with small numbers in them)."""
    today = dt.date(2021, 6, 30)
    cdop_demo.load(seed=3, today=today)
    governance_demo.load(seed=3, today=today)
    voice_demo.load(seed=3)
    lado_demo.load(seed=3, today=today)
    workforce_demo.load(seed=3, today=today, scale=0.2)
    capsys.readouterr()
    return borough


@pytest.fixture
def demo_user():
    return lambda username: User.objects.get(username=username)
