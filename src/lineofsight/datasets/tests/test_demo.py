import pytest

from lineofsight.datasets import demo
from lineofsight.datasets.models import Snapshot, Submission


@pytest.mark.django_db
def test_demo_generates_and_ingests_every_return_once(partnership, settings, tmp_path, capsys):
    settings.VAR_DIR = tmp_path
    settings.SNAPSHOT_DIR = tmp_path / "snapshots"
    demo.load(seed=7, scale=0.03)
    formats = set(Submission.objects.values_list("format", flat=True))
    assert {"cin_census", "ssda903"} <= formats
    assert not Submission.objects.filter(status="rejected").exists(), capsys.readouterr().out
    snapshots = Snapshot.objects.count()
    demo.load(seed=7, scale=0.03)  # idempotent: the same files are already stored
    assert Snapshot.objects.count() == snapshots
