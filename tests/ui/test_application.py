"""Application identity: the names QSettings and the desktop use."""

from __future__ import annotations

import gc
import sqlite3

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from carnet.app import Services
from carnet.domain.changes import Changes
from carnet.ui.application import build_window, collect_garbage_again, configure
from carnet.ui.events import EventHub
from carnet.ui.main_window import MainWindow


def test_configure_sets_the_app_identity(qapp: QApplication) -> None:
    configure(qapp)
    assert qapp.applicationName() == "Carnet"
    assert qapp.organizationName() == "Carnet"
    assert QGuiApplication.desktopFileName() == "fr.carnet.Carnet"


def test_the_hub_reaches_the_window(qtbot: QtBot, services: Services, settings: QSettings) -> None:
    window, events = build_window(services, settings)
    qtbot.addWidget(window)
    with qtbot.waitSignal(events.changed) as blocker:
        events.publish(Changes(acts=frozenset({1})))
    assert blocker.args == [Changes(acts=frozenset({1}))]


def test_an_empty_change_is_not_published(qtbot: QtBot) -> None:
    hub = EventHub()
    with qtbot.assertNotEmitted(hub.changed):
        hub.publish(Changes())


def test_the_day_s_backup_is_made_beside_the_open_window_once(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    assert services.db_path is not None
    folder = services.db_path.parent / "backups"
    assert services.backup.daily_due()
    window.keep_daily_backup()  # the application calls it after the first paint
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10_000)
    made = list(folder.glob("carnet-*-daily.sqlite"))
    assert len(made) == 1
    assert "Today's backup" in window.statusBar().currentMessage()
    # A copy of the open database, made through its own connection.
    copy = sqlite3.connect(made[0])
    try:
        count = copy.execute("SELECT count(*) FROM care_act").fetchone()[0]
    finally:
        copy.close()
    assert count == services.care_table.count() > 0
    window.keep_daily_backup()  # the same day again: nothing more
    assert not window.tasks.busy
    assert len(list(folder.glob("carnet-*-daily.sqlite"))) == 1


def test_garbage_is_collected_again_once_the_window_shows() -> None:
    """The start runs without the collector (ui.start); the first paint, or a timer, ends that."""
    gc.disable()
    try:
        collect_garbage_again()
        assert gc.isenabled()
        collect_garbage_again()  # the fallback timer, later: no harm
        assert gc.isenabled()
    finally:
        gc.unfreeze()
        gc.enable()
