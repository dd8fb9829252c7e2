"""The README's command-line tour and role table, checked against the code they describe."""

from __future__ import annotations

import glob
import re
import shlex
from pathlib import Path

import pytest

from lineofsight.cli import main

README = Path(__file__).resolve().parents[2] / "README.md"
PROGRAM = ".venv/bin/lineofsight"
# The one change made to the tour's commands here: a small, short borough so the test is quick.
SMALL_BOROUGH = ["--scale", "0.05", "--years", "2020-2021"]


def tour() -> list[list[str]]:
    """The commands of the README's command-line tour (the ```sh block after `--help`)."""
    text = README.read_text(encoding="utf-8")
    start = text.index("- The command line: `lineofsight --help`")
    block = re.search(r"```sh\n(.*?)```", text[start:], flags=re.DOTALL)
    assert block, "the README's command-line tour has no ```sh block"
    lines = [line for line in block.group(1).splitlines() if line.strip()]
    return [shlex.split(line, comments=True) for line in lines]


def test_the_tour_keeps_its_own_state_folder_away_from_the_demo():
    commands = tour()
    assert commands[0][0] == "export" and commands[0][1].startswith("LINEOFSIGHT_VAR_DIR=/tmp/")
    assert commands[-1] == ["unset", "LINEOFSIGHT_VAR_DIR"]
    assert all(command[0] == PROGRAM for command in commands[1:-1])


@pytest.mark.django_db(transaction=True)
def test_the_tour_runs_as_written(settings, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("REQUIRE_TWO_FACTOR", "false")  # `demo` sets it; undone after the test
    commands = tour()
    var_dir = Path(commands[0][1].split("=", 1)[1])
    settings.VAR_DIR = tmp_path / var_dir.name
    settings.SNAPSHOT_DIR = settings.VAR_DIR / "snapshots"
    for command in commands[1:-1]:
        argv = [arg.replace("/tmp/", f"{tmp_path}/") for arg in command[1:]]
        argv = [found for arg in argv for found in (sorted(glob.glob(arg)) or [arg])]
        if argv[0] == "synth":
            argv += SMALL_BOROUGH
        assert main(argv) == 0, (command, capsys.readouterr())
        out = capsys.readouterr().out
        if argv[0] == "indicators" and "--recompute" in argv:
            assert "Indicators for 2020-21" in out and "out of date" not in out
    assert (settings.VAR_DIR / "demo-credentials.json").exists()


@pytest.mark.django_db
def test_the_readme_role_table_is_the_generated_one():
    from lineofsight.partnership.roles_table import END, START, markdown

    text = README.read_text(encoding="utf-8")
    section = text[text.index(START) : text.index(END) + len(END)]
    assert section == markdown(), "run `lineofsight roles` and paste its output into the README"
