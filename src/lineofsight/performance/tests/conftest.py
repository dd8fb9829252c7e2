"""A small synthetic borough: generated once per test session, ingested and computed per test."""

import pytest

from lineofsight.datasets import demo as datasets_demo
from lineofsight.partnership.services import set_population
from lineofsight.performance.benchmark_services import import_files
from lineofsight.performance.compute import recompute
from lineofsight.published import DATA_DIR

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
        set_population(actor=None, partnership=partnership, year=year, under_18=66_918)
    datasets_demo.load(seed=3, scale=0.05, years=range(2019, 2022))
    import_files(actor=None, paths=BENCHMARK_FILES)
    run = recompute(actor=None, partnership=partnership)
    capsys.readouterr()
    return run
