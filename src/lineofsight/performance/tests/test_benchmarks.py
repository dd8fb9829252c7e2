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


SHARED_DFE = sorted(__import__("pathlib").Path("/work/shared/data/dfe").glob("*.csv"))


@pytest.mark.django_db(transaction=True)
def test_cli_imports_every_table_recognising_each_and_shows_any(capsys, tmp_path):
    from lineofsight.published import DATA_DIR

    # the shared folder when present, else the shipped copies of the same files
    files = SHARED_DFE or sorted(DATA_DIR.glob("*.csv"))
    assert main(["benchmarks", "import", *map(str, files)]) == 0
    out = capsys.readouterr().out
    assert len(out.strip().splitlines()) == len(files) == 15
    assert main(["benchmarks", "show"]) == 0
    listed = capsys.readouterr().out
    for indicator_id in (
        "factor_neglect_pct",
        "cp_plans_31_march_2_years_or_more_pct",
        "cla_3_plus_placements_pct",
        "care_leavers_19_21_suitable_accommodation_pct",
        "new_placements_outside_la_pct",
        "hospital_admissions_injuries_0_14",
        "csww_turnover_pct",
    ):
        assert indicator_id in listed
    assert "factor_neglect_pct" in listed and "2017-18 to 2024-25" in listed
    assert (
        main(
            [
                "benchmarks",
                "show",
                "--la",
                "371",
                "--indicator",
                "factor_neglect_pct",
                "--years",
                "2021",
            ]
        )
        == 0
    )
    shown = capsys.readouterr().out
    # 314 of 4,934 assessments with a factor: 6.4% (see published/tests/test_more_tables.py)
    assert "Assessments with the factor neglect (%) [factor_neglect_pct] for LA 371" in shown
    assert "2020-21       6.4" in shown
