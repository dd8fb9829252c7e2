import pytest

from lineofsight.cli import main
from lineofsight.reports.models import Report


@pytest.mark.django_db
def test_report_command_writes_the_file_and_records_it(partnership, settings, tmp_path, capsys):
    settings.VAR_DIR = tmp_path
    out = tmp_path / "annual.html"
    code = main(
        [
            "report",
            "annual",
            "--year",
            "2020-21",
            "--format",
            "html",
            "--edition",
            "published",
            "--out",
            str(out),
        ]
    )
    assert code == 0
    assert f"Wrote {out}" in capsys.readouterr().out
    html = out.read_text()
    assert "annual report 2020-21" in html and "Published edition" in html
    assert "No figures have been computed for this period yet." in html
    report = Report.objects.get()
    assert report.generated_by is None and report.status == "complete"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["report", "annual", "--year", "2020"], "is not a financial year: write it like 2020-21"),
        (["report", "quarterly", "--quarter", "2021Q5"], "is not a quarter: write it like 2021Q1"),
    ],
)
def test_report_command_explains_a_bad_period(partnership, argv, message, capsys):
    assert main(argv) == 2
    assert message in capsys.readouterr().err
    assert not Report.objects.exists()


def test_report_command_has_help(capsys):
    with pytest.raises(SystemExit):
        main(["report", "quarterly", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "--quarter" in text and "a quarter of the partnership's year" in text
    assert "(April to June 2021 for a year starting in April)" in text
    assert "--edition" in text and "--format" in text and "--out" in text
