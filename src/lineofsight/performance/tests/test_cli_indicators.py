import json

import pytest

from lineofsight.cli import main
from lineofsight.formats.tests.builders import child, cin_xml, write
from lineofsight.indicators.catalogue import CATALOGUE
from lineofsight.performance.summaries import overview


def test_list_prints_the_catalogue(capsys):
    assert main(["indicators", "--list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["id"] for r in rows} == set(CATALOGUE)
    assert all(r["definition"] and r["unit"] and r["polarity"] for r in rows)


@pytest.mark.django_db(transaction=True)
def test_cli_agrees_with_the_dashboard(computed, partnership, capsys):
    assert main(["indicators", "--period", "2020-21", "--json"]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    for summary in overview(partnership, "2020-21"):
        row = rows[summary.spec.id]
        assert row["value"] == (summary.headline.value if summary.headline else None)
        assert row["findings"] == summary.findings
    assert rows["rereferral_pct"]["benchmarks"]["statistical_neighbours"] == 21.8


def test_list_prints_each_indicators_definition(capsys):
    assert main(["indicators", "--list"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    for spec in CATALOGUE.values():
        assert f"{spec.title} ({spec.id})" in out
        assert " ".join(spec.dfe_definition.split()) in out, spec.id


@pytest.mark.django_db(transaction=True)
def test_figures_are_called_out_of_date_after_an_ingest_until_recomputed(
    partnership, settings, tmp_path, capsys
):
    settings.VAR_DIR = tmp_path
    settings.SNAPSHOT_DIR = tmp_path / "snapshots"
    cin = write(tmp_path, "cin.xml", cin_xml(child("C1")))
    assert main(["ingest", str(cin)]) == 0
    capsys.readouterr()
    assert main(["indicators", "--period", "2023-24"]) == 0
    assert "out of date: 1 return was stored since" in capsys.readouterr().out
    assert main(["indicators", "--period", "2023-24", "--json"]) == 0
    captured = capsys.readouterr()
    assert "out of date" in captured.err and json.loads(captured.out)
    assert main(["indicators", "--recompute", "--period", "2023-24"]) == 0
    assert "out of date" not in capsys.readouterr().out
    assert main(["indicators", "--period", "2023-24"]) == 0
    assert "out of date" not in capsys.readouterr().out
