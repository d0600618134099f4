"""The desktop entry starts what the package installs, under the name the window carries."""

from __future__ import annotations

import tomllib
from pathlib import Path

from carnet.ui.application import APP_ID, APP_NAME

ROOT = Path(__file__).resolve().parents[1]


def desktop_entry() -> dict[str, str]:
    text = (ROOT / "resources" / "desktop" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    return dict(line.split("=", 1) for line in text.splitlines() if "=" in line)


def test_the_desktop_entry_runs_the_installed_window_launcher() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    command = desktop_entry()["Exec"].split()[0]
    assert project["gui-scripts"][command] == "carnet.ui.start:main"
    assert project["scripts"]["carnet"] == "carnet.main:main"


def test_the_desktop_entry_matches_the_window_class() -> None:
    # Qt names an X11 window's class after the application (ui.application.configure).
    assert desktop_entry()["StartupWMClass"] == APP_NAME
