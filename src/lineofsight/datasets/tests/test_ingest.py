import pyarrow.parquet as pq
import pytest

from lineofsight.audit.models import AuditLog
from lineofsight.datasets import services, storage
from lineofsight.datasets.models import Snapshot, Submission
from lineofsight.datasets.selectors import current_table_files
from lineofsight.formats.tests.builders import child, cin_xml
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.roles import Role


@pytest.fixture
def snapshot_dir(settings, tmp_path):
    settings.SNAPSHOT_DIR = tmp_path / "snapshots"
    settings.VAR_DIR = tmp_path
    return settings.SNAPSHOT_DIR


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def ingest(partnership, *paths, actor=SYSTEM):
    return services.ingest_paths(actor=actor, partnership=partnership, paths=list(paths))


@pytest.mark.django_db
def test_an_accepted_return_becomes_a_pseudonymised_snapshot(
    partnership, make_user, snapshot_dir, tmp_path
):
    analyst = make_user(Role.PERFORMANCE_ANALYST)
    path = write(tmp_path, "cin.xml", cin_xml(child("RAWID1"), child("RAWID2")))
    [outcome] = ingest(partnership, path, actor=analyst)
    assert outcome.accepted and outcome.snapshot.version == 1
    files = current_table_files(partnership)
    episodes = pq.read_table(files["cin_episodes"][0]).to_pylist()
    assert len(episodes) == 2
    ids = {row["child_id"] for row in episodes}
    assert len(ids) == 2 and not ids & {"RAWID1", "RAWID2"}
    for table_files in files.values():
        raw = table_files[0].read_bytes()
        assert b"RAWID1" not in raw and b"A123456789012" not in raw
    assert episodes[0]["la_code"] == "371" and episodes[0]["collection_year"] == 2024
    audit = AuditLog.objects.get(verb="snapshot.create")
    assert audit.actor == analyst and audit.after["tables"]["cin_episodes"] == 2


@pytest.mark.django_db
def test_the_same_child_gets_the_same_pseudonym_across_returns(partnership, snapshot_dir, tmp_path):
    first = write(tmp_path, "a.xml", cin_xml(child("SAME"), year=2023))
    second = write(tmp_path, "b.xml", cin_xml(child("SAME"), year=2024))
    ingest(partnership, first, second)
    ids = set()
    for path in current_table_files(partnership)["cin_children"]:
        ids |= {row["child_id"] for row in pq.read_table(path).to_pylist()}
    assert len(ids) == 1


@pytest.mark.django_db
def test_re_ingesting_the_same_file_changes_nothing(partnership, snapshot_dir, tmp_path):
    path = write(tmp_path, "cin.xml", cin_xml(child("C1")))
    ingest(partnership, path)
    counts = (Submission.objects.count(), Snapshot.objects.count(), AuditLog.objects.count())
    [again] = ingest(partnership, path)
    assert again.already_stored
    assert (
        Submission.objects.count(),
        Snapshot.objects.count(),
        AuditLog.objects.count(),
    ) == counts


@pytest.mark.django_db
def test_a_corrected_return_supersedes_the_old_one_without_deleting_it(
    partnership, snapshot_dir, tmp_path
):
    [old] = ingest(partnership, write(tmp_path, "v1.xml", cin_xml(child("C1"))))
    [new] = ingest(partnership, write(tmp_path, "v2.xml", cin_xml(child("C1"), child("C2"))))
    old.snapshot.refresh_from_db()
    assert new.snapshot.version == 2 and old.snapshot.superseded_by == new.snapshot
    assert (snapshot_dir / old.snapshot.directory).is_dir()
    assert current_table_files(partnership)["cin_children"] == [
        storage.table_path(new.snapshot.directory, "cin_children.parquet")
    ]


@pytest.mark.django_db
def test_a_rejected_return_stores_its_problems_and_no_data(partnership, snapshot_dir, tmp_path):
    path = write(tmp_path, "bad.xml", "<Message><Children><Child>")
    [outcome] = ingest(partnership, path)
    assert not outcome.accepted and outcome.snapshot is None
    submission = Submission.objects.get()
    assert submission.status == "rejected" and submission.error_count >= 1
    assert submission.problems[0]["message"]
    assert not snapshot_dir.exists() or not any(snapshot_dir.iterdir())
    assert AuditLog.objects.filter(verb="submission.reject").exists()


@pytest.mark.django_db
def test_a_crash_while_writing_files_leaves_nothing(
    partnership, snapshot_dir, tmp_path, monkeypatch
):
    calls = []

    def failing_write(table, path, **kwargs):
        calls.append(path)
        if len(calls) == 2:
            raise OSError("disk full")
        return original(table, path, **kwargs)

    original = pq.write_table
    monkeypatch.setattr(storage.pq, "write_table", failing_write)
    with pytest.raises(OSError, match="disk full"):
        ingest(partnership, write(tmp_path, "cin.xml", cin_xml(child("C1"))))
    assert list(snapshot_dir.iterdir()) == []
    assert Submission.objects.count() == 0 and Snapshot.objects.count() == 0


@pytest.mark.django_db
def test_a_failure_to_record_the_snapshot_removes_its_files(
    partnership, snapshot_dir, tmp_path, monkeypatch
):
    def broken_record(**kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(services, "record", broken_record)
    with pytest.raises(RuntimeError, match="database went away"):
        ingest(partnership, write(tmp_path, "cin.xml", cin_xml(child("C1"))))
    assert list(snapshot_dir.iterdir()) == []
    assert Submission.objects.count() == 0 and Snapshot.objects.count() == 0


@pytest.mark.django_db
def test_orphan_folders_from_a_killed_ingest_are_tidied(partnership, snapshot_dir, tmp_path):
    [kept] = ingest(partnership, write(tmp_path, "cin.xml", cin_xml(child("C1"))))
    (snapshot_dir / ".staging-deadbeef").mkdir()
    (snapshot_dir / "orphan-v1-abc").mkdir()
    removed = services.remove_orphan_folders()
    assert sorted(removed) == [".staging-deadbeef", "orphan-v1-abc"]
    assert (snapshot_dir / kept.snapshot.directory).is_dir()
