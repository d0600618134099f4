"""``carnet gui`` and ``carnet-gui``: without a display, with a bad database, and with both fine."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

import carnet.app
import carnet.ui.application
from carnet.app import Services
from carnet.cli import cli
from carnet.domain.errors import SchemaTooNewError
from carnet.ui import start

NO_DISPLAY_ENV: dict[str, str | None] = {
    "DISPLAY": None,
    "WAYLAND_DISPLAY": None,
    "QT_QPA_PLATFORM": None,
    "CARNET_DB": None,
}


def test_without_a_display_it_explains_and_exits_1(tmp_path: Path) -> None:
    db = tmp_path / "never.sqlite"
    result = CliRunner().invoke(cli, ["--db", str(db), "gui"], env=NO_DISPLAY_ENV)
    assert result.exit_code == 1
    assert "no graphical display was found" in result.stderr
    assert "carnet --help" in result.stderr
    assert "carnet act list" in result.stderr
    assert "Traceback" not in result.output
    assert not db.exists()  # nothing is opened or created before the check


def test_without_a_command_the_group_opens_the_gui(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "x.sqlite")], env=NO_DISPLAY_ENV)
    assert result.exit_code == 1
    assert "no graphical display" in result.stderr


@pytest.mark.parametrize(
    ("environ", "platform", "expected"),
    [
        ({}, "linux", False),
        ({"DISPLAY": ":0"}, "linux", True),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", True),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", True),
        ({"DISPLAY": ""}, "freebsd14", False),
        ({}, "win32", True),
        ({}, "darwin", True),
    ],
)
def test_has_display(environ: dict[str, str], platform: str, expected: bool) -> None:
    assert start.has_display(environ, platform) is expected


def test_a_database_error_is_one_line_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(_path: Path) -> Services:
        raise SchemaTooNewError("written by a newer Carnet (schema 99)")

    monkeypatch.setattr(carnet.app, "build_services", refuse)
    result = CliRunner().invoke(
        cli, ["--db", str(tmp_path / "new.sqlite"), "gui"], env={"QT_QPA_PLATFORM": "offscreen"}
    )
    assert result.exit_code == 1
    assert "cannot open the database" in result.stderr
    assert "newer Carnet" in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_with_a_display_it_runs_the_app_on_the_chosen_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Path | None] = []

    def fake_run(services: Services, _argv: list[str], *, startup_check: bool = False) -> int:
        assert not startup_check
        opened.append(services.db_path)
        return 0

    monkeypatch.setattr(carnet.ui.application, "run", fake_run)
    db = tmp_path / "ok.sqlite"
    result = CliRunner().invoke(
        cli, ["--db", str(db), "gui"], env={"QT_QPA_PLATFORM": "offscreen", "CARNET_DB": None}
    )
    assert result.exit_code == 0, result.output
    assert opened == [db]
    # The day's backup is the window's to make, once it shows (see test_application).
    assert not (tmp_path / "backups").exists()


GUI_COMMANDS = {
    "carnet gui": ["-m", "carnet", "--db", "{db}", "gui"],
    "carnet-gui": ["-c", "from carnet.ui.start import main; main()", "--db", "{db}"],
}


@pytest.mark.parametrize("command", GUI_COMMANDS)
def test_the_real_command_opens_the_window_on_the_care_table(tmp_path: Path, command: str) -> None:
    """Started as people start it: a fresh process, the real entry point, fresh settings."""
    db = tmp_path / "demo.sqlite"
    env = {
        **{k: v for k, v in os.environ.items() if k != "CARNET_DB"},
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    demo = [sys.executable, "-m", "carnet", "--db", str(db), "demo", "--acts", "30"]
    subprocess.run(demo, env=env, check=True, capture_output=True)
    args = [arg.replace("{db}", str(db)) for arg in GUI_COMMANDS[command]]
    done = subprocess.run(
        [sys.executable, *args, "--startup-check"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,  # the status is asserted below, with stderr shown
    )
    assert done.returncode == 0, done.stderr
    assert "carnet: first paint: page=care rows=30" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_launcher_without_a_display_explains_and_exits_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    db = tmp_path / "never.sqlite"
    with pytest.raises(SystemExit) as exited:
        start.main(["--db", str(db)])
    assert exited.value.code == 1
    assert "no graphical display was found" in capsys.readouterr().err
    assert not db.exists()


def test_the_launcher_reports_a_bug_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(_path: Path) -> Services:
        raise RuntimeError("something we did not foresee")

    shown: list[str] = []
    monkeypatch.setattr(carnet.app, "build_services", broken)
    monkeypatch.setattr(start, "show_message", shown.append)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.delenv("CARNET_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exited:
        start.main(["--db", str(tmp_path / "x.sqlite")])
    assert exited.value.code == 70
    err = capsys.readouterr().err
    assert "unexpected error (RuntimeError: something we did not foresee)" in err
    assert "CARNET_DEBUG=1" in err
    assert shown and "something we did not foresee" in shown[0]  # no terminal: a window says it


def test_started_from_the_desktop_a_database_error_is_shown_in_a_window(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def refuse(_path: Path) -> Services:
        raise SchemaTooNewError("written by a newer Carnet (schema 99)")

    shown: list[str] = []
    monkeypatch.setattr(carnet.app, "build_services", refuse)
    monkeypatch.setattr(start, "show_message", shown.append)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    with pytest.raises(SystemExit) as exited:
        start.main(["--db", str(tmp_path / "new.sqlite")])
    assert exited.value.code == 1
    assert "newer Carnet" in capsys.readouterr().err
    assert len(shown) == 1 and "cannot open the database" in shown[0]


def test_the_error_window_names_the_problem(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[str, str]] = []

    def critical(_parent: object, title: str, text: str) -> None:
        seen.append((title, text))

    monkeypatch.setattr(QMessageBox, "critical", critical)
    start.show_message("carnet: error: cannot open the database x.sqlite: locked")
    assert seen == [("Carnet", "Cannot open the database x.sqlite: locked")]


def test_the_launcher_says_its_version_and_options(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        start.main(["--version"])
    assert capsys.readouterr().out.startswith("carnet, version ")
    with pytest.raises(SystemExit):
        start.main(["--help"])
    shown = capsys.readouterr().out
    assert "--db FILE" in shown
    assert "--startup-check" not in shown  # for benchmarks and packaging, not for people


@pytest.mark.parametrize("argv", [[], ["--startup-check"], ["--startup-check", "--startup-check"]])
def test_the_desktop_entrys_arguments_are_read_as_argparse_reads_them(argv: list[str]) -> None:
    assert start.options(argv) == start.parser().parse_args(argv)


@pytest.mark.parametrize("argv", [["--db", "x.sqlite"], ["--startup-check", "--db", "x.sqlite"]])
def test_other_arguments_go_to_argparse(argv: list[str]) -> None:
    assert start.options(argv).db == Path("x.sqlite")
