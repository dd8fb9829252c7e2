"""The command line as a user meets it: every sub-command explains itself, and a synthetic
borough goes synth -> validate -> ingest -> indicators from the shell commands alone."""

import json

import pytest

from lineofsight.cli import COMMANDS, build_parser, main


def test_every_sub_command_has_help(capsys):
    parser = build_parser()
    registered = set(parser._subparsers._group_actions[0].choices)  # noqa: SLF001
    assert registered == set(COMMANDS)
    for name in sorted(registered - {"manage"}):
        with pytest.raises(SystemExit) as exit_:
            main([name, "--help"])
        assert exit_.value.code == 0, name
        assert "usage: lineofsight " + name in capsys.readouterr().out


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_manage_help_lists_the_django_commands(flag, capsys):
    assert main(["manage", flag]) == 0
    out = capsys.readouterr().out
    assert "usage: lineofsight manage" in out
    assert "migrate" in out and "createsuperuser" in out


def test_an_unknown_option_is_still_refused(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["validate", "--bogus", "x"])
    assert exit_.value.code == 2
    assert "unrecognized arguments: --bogus" in capsys.readouterr().err


def test_no_command_prints_help_and_fails(capsys):
    assert main([]) == 2
    assert "COMMAND" in capsys.readouterr().out


@pytest.mark.django_db(transaction=True)
def test_synth_validate_ingest_indicators_round_trip(partnership, settings, tmp_path, capsys):
    settings.VAR_DIR = tmp_path
    settings.SNAPSHOT_DIR = tmp_path / "snapshots"
    out = tmp_path / "borough"
    assert (
        main(
            ["synth", "--out", str(out), "--seed", "11", "--years", "2020-2021", "--scale", "0.05"]
        )
        == 0
    )
    capsys.readouterr()
    cin = sorted((out / "371" / "cin").glob("*.xml"))
    assert len(cin) == 2
    assert main(["validate", "--json", *map(str, cin)]) == 0
    reports = json.loads(capsys.readouterr().out)
    assert [r["rejected"] for r in reports] == [False, False]
    assert main(["ingest", str(out / "371" / "cin"), str(out / "371" / "ssda903" / "2021")]) == 0
    ingested = capsys.readouterr().out
    assert ingested.count("stored as") == 3
    assert main(["indicators", "--recompute", "--period", "2020-21", "--json"]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["referrals"]["value"] > 0
    assert rows["cla_rate_per_10k"]["value"] > 0
