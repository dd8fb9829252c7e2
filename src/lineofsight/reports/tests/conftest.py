import datetime as dt

import pytest

from lineofsight.assurance import demo as assurance_demo
from lineofsight.cdop import demo as cdop_demo
from lineofsight.datasets import demo as datasets_demo
from lineofsight.delivery import demo as delivery_demo
from lineofsight.governance import demo as governance_demo
from lineofsight.lado import demo as lado_demo
from lineofsight.partnership import demo as partnership_demo
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.models import User
from lineofsight.partnership.selectors import current_partnership
from lineofsight.performance.benchmark_services import import_files
from lineofsight.performance.compute import recompute
from lineofsight.reviews import demo as reviews_demo
from lineofsight.testing.fixtures import BENCHMARK_FILES
from lineofsight.voice import demo as voice_demo
from lineofsight.workforce import demo as workforce_demo


@pytest.fixture
def borough(db, settings, synthetic_var_dir, tmp_path, capsys):
    """The demo partnership with a small synthetic borough (so small numbers occur), its
    indicators computed, and its case reviews, audits, Section 11, challenges and plans."""
    settings.VAR_DIR = synthetic_var_dir  # generated returns are reused between tests
    settings.SNAPSHOT_DIR = tmp_path / "snapshots"
    partnership_demo.load()
    partnership = current_partnership()
    datasets_demo.load(seed=3, scale=0.05, years=range(2019, 2022))
    import_files(actor=SYSTEM, paths=BENCHMARK_FILES)
    recompute(actor=SYSTEM, partnership=partnership)
    for loader in (reviews_demo, assurance_demo, delivery_demo):
        loader.load(seed=3)
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
