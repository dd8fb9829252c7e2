import json

import pytest

from lineofsight.cli import main
from lineofsight.datasets.models import Snapshot
from lineofsight.formats.tests.builders import child, cin_xml, write, write_903


@pytest.fixture(autouse=True)
def snapshot_dir(settings, tmp_path):
    settings.SNAPSHOT_DIR = tmp_path / "snapshots"
    settings.VAR_DIR = tmp_path


@pytest.mark.django_db(transaction=True)
def test_ingest_command_stores_then_reports_no_change(partnership, tmp_path, capsys):
    path = tmp_path / "cin.xml"
    path.write_text(cin_xml(child("C1")))
    assert main(["ingest", str(path)]) == 0
    assert "stored as cin_census:371:2024:" in capsys.readouterr().out
    assert main(["ingest", str(path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report[0]["already_stored"] is True and report[0]["stored"] is True
    assert Snapshot.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_ingest_command_exits_non_zero_on_a_rejected_file(partnership, tmp_path, capsys):
    path = tmp_path / "broken.xml"
    path.write_bytes(b"<Message><Children>")
    assert main(["ingest", str(path)]) == 1
    out = capsys.readouterr().out
    assert "rejected: nothing stored" in out
    assert Snapshot.objects.count() == 0


def test_ingest_has_help(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["ingest", "--help"])
    assert exit_.value.code == 0
    assert "pseudonyms" in capsys.readouterr().out.replace("\n", " ")


@pytest.mark.django_db(transaction=True)
def test_ingest_of_an_empty_folder_fails_and_says_why(partnership, tmp_path, capsys):
    (tmp_path / "returns" / "2021").mkdir(parents=True)
    assert main(["ingest", str(tmp_path / "returns")]) == 2
    assert "Nothing was read: no files were found in" in capsys.readouterr().err


@pytest.mark.django_db(transaction=True)
def test_ingest_walks_sub_folders_and_says_figures_need_a_recompute(partnership, tmp_path, capsys):
    write_903(tmp_path / "ssda903" / "2024")
    write(tmp_path / "cin", "cin.xml", cin_xml(child("C1")))
    assert main(["ingest", str(tmp_path), "--collection-year", "2024"]) == 0
    out = capsys.readouterr().out
    assert out.count("stored as") == 2
    assert "run `lineofsight indicators --recompute`" in out
