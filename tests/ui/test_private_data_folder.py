"""After a full run of the app (commands, then the window), nothing is readable by others."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from carnet.app import open_for_window
from carnet.domain.attachments import AttachedTo
from carnet.i18n import Translator
from carnet.ui.events import EventHub
from carnet.ui.main_window import MainWindow


@pytest.fixture
def loose_umask() -> Iterator[None]:
    """The usual desktop umask: files 0644 and folders 0755 unless Carnet says otherwise."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def _carnet(db: Path, *args: str) -> None:
    env = {k: v for k, v in os.environ.items() if k != "CARNET_DB"}
    done = subprocess.run(
        [sys.executable, "-m", "carnet", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.usefixtures("loose_umask")
def test_the_data_folder_is_private_after_commands_and_a_window(
    qtbot: QtBot, tmp_path: Path, settings: QSettings
) -> None:
    data = tmp_path / "share" / "carnet"
    db = data / "carnet.sqlite"
    _carnet(db, "demo", "--acts", "40")
    _carnet(db, "backup")
    _carnet(db, "mailing", "pdf", "12", "--out", str(data / "packet.pdf"))
    services = open_for_window(db)
    window = MainWindow(services, EventHub(), settings, Translator("en"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.keep_daily_backup()
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=20_000)
    services.attachments.attach(AttachedTo.ACT, 1, b"%PDF-1.4\n%%EOF\n", "scan.pdf")
    services.backup.save_copy(data / "usb.zip", "correct horse battery")
    window.close()
    services.close()

    found = [data, *data.rglob("*")]
    readable = sorted(
        f"{p.relative_to(tmp_path)} {p.stat().st_mode & 0o777:o}"
        for p in found
        if p.stat().st_mode & 0o077
    )
    assert readable == []
    kinds = {p.name.rsplit(".", 1)[-1] for p in found if p.is_file()}
    assert {"sqlite", "pdf", "zip", "lock", "window"} <= kinds
    assert any(p.name == "backups" for p in found)
    assert any(p.name.endswith(".files") and p.is_dir() for p in found)
