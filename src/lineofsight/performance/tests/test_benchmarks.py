import json

import pytest

from lineofsight.audit.models import AuditLog
from lineofsight.cli import main
from lineofsight.commands.benchmarks import parse_years
from lineofsight.partnership.actors import SYSTEM
from lineofsight.performance.benchmark_selectors import benchmark_rows
from lineofsight.performance.benchmark_services import import_files
from lineofsight.performance.models import PublishedFigure, StatisticalNeighbour


@pytest.fixture
def imported(db):
    return import_files(actor=SYSTEM)


def test_import_reads_every_shipped_table_and_is_audited(imported):
    assert imported["c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv"] > 1000
    assert StatisticalNeighbour.objects.filter(grouping="2021", la_code="371").count() == 10
    assert AuditLog.objects.filter(verb="benchmarks.import").count() == 1


def test_reimport_replaces_rather_than_duplicates(imported):
    before = PublishedFigure.objects.count()
    import_files(actor=SYSTEM)
    assert PublishedFigure.objects.count() == before


def test_doncaster_rereferrals_match_the_2020_21_annual_report(imported):
    """The report's table 2: Doncaster 25.4, England 22.7, statistical neighbours 21.8 (2020-21)."""
    [row] = benchmark_rows("371", "rereferral_pct", years=[2021])
    assert (row.la_value, row.england_value, row.sn_average) == (25.4, 22.7, 21.8)
    assert row.region_name == "Yorkshire and The Humber"


def test_unknown_file_is_refused_with_its_name(db, tmp_path):
    junk = tmp_path / "junk.csv"
    junk.write_text("a,b\n1,2\n")
    with pytest.raises(ValueError, match="junk.csv"):
        import_files(actor=SYSTEM, paths=[junk])
    assert PublishedFigure.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_cli_import_and_show_json(capsys):
    assert main(["benchmarks", "import"]) == 0
    capsys.readouterr()
    code = main(
        [
            "benchmarks",
            "show",
            "--la",
            "371",
            "--indicator",
            "rereferral_pct",
            "--years",
            "2018-2021",
            "--json",
        ]
    )
    assert code == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["year"] for r in rows] == [2018, 2019, 2020, 2021]
    assert [r["sn_average"] for r in rows] == [20.5, 19.4, 20.9, 21.8]


def test_parse_years():
    assert parse_years("2018-2021") == [2018, 2019, 2020, 2021]
    assert parse_years("2021") == [2021]
    import argparse

    with pytest.raises(argparse.ArgumentTypeError):
        parse_years("2021-2018")
