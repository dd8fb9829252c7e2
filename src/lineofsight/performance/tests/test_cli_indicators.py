import json

import pytest

from lineofsight.cli import main
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
