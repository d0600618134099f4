"""``carnet`` loads a command's code only when the command runs, or help lists it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from carnet.cli import cli
from carnet.cli.commands import COMMANDS
from carnet.cli.lazy import LazyGroup

HEAVY = ("PySide6", "reportlab", "openpyxl", "sqlite_utils", "pypdf", "carnet.bank", "carnet.rules")


def loaded_after(code: str) -> set[str]:
    """The top modules a fresh Python has imported after running ``code``."""
    probe = f"{code}\nimport sys\nprint(' '.join(sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    return set(out.split())


def test_the_entry_point_loads_no_command_code() -> None:
    loaded = loaded_after("import carnet.main")
    assert not [name for name in HEAVY if name in loaded]
    assert not [
        name
        for name in loaded
        if name.startswith("carnet.cli.")
        and name not in {"carnet.cli.root", "carnet.cli.commands", "carnet.cli.lazy"}
    ]


def test_a_command_loads_its_own_module_only() -> None:
    loaded = loaded_after(
        "from carnet.main import cli\n"
        "from click.testing import CliRunner\n"
        "CliRunner().invoke(cli, ['person', '--help'])"
    )
    assert "carnet.cli.person" in loaded
    assert "carnet.cli.summary" not in loaded
    assert "reportlab" not in loaded


def test_help_lists_every_command_with_its_summary() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0, result.output
    listed = [line.split()[0] for line in result.output.split("Commands:")[1].splitlines() if line]
    assert listed == sorted(COMMANDS)
    assert "Open the Carnet window" in result.output


def test_every_entry_names_a_command_that_accepts_db_after_it() -> None:
    for name in COMMANDS:
        result = CliRunner().invoke(cli, [name, "--help"])
        assert result.exit_code == 0, (name, result.output)
        assert "Usage: " in result.output
    act_list = CliRunner().invoke(cli, ["act", "list", "--help"]).output
    assert "--db FILE" in act_list  # added to a group's sub-commands too


def test_an_unknown_command_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["acts"])
    assert result.exit_code == 2
    assert "No such command 'acts'" in result.output


def test_a_wrong_table_entry_is_reported_as_such() -> None:
    group = LazyGroup(name="x", lazy={"bad": "carnet.cli.commands:COMMANDS"})
    with pytest.raises(TypeError, match="is not a click command"):
        group.get_command(click.Context(group), "bad")


def test_db_after_the_command_means_the_same_as_before(tmp_path: Path) -> None:
    db = tmp_path / "after.sqlite"
    result = CliRunner().invoke(cli, ["setting", "set", "household.city", "Lyon", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert db.exists()
