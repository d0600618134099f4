"""Application identity: the names QSettings and the desktop use."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from carnet.app import Services
from carnet.domain.changes import Changes
from carnet.ui.application import build_window, configure
from carnet.ui.events import EventHub


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
