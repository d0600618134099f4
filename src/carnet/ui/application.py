"""The Qt application: names used by QSettings and the desktop, then the main window."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from carnet import __version__
from carnet.app import Services
from carnet.i18n import Translator
from carnet.ui.events import EventHub
from carnet.ui.main_window import MainWindow

APP_NAME = "Carnet"
ORGANIZATION = "Carnet"
ORGANIZATION_DOMAIN = "carnet.fr"
APP_ID = "fr.carnet.Carnet"  # matches packaging/linux/fr.carnet.Carnet.desktop


def configure(app: QGuiApplication) -> None:
    """Names that decide where QSettings lives and how the desktop groups our windows."""
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(ORGANIZATION)
    app.setOrganizationDomain(ORGANIZATION_DOMAIN)
    QGuiApplication.setDesktopFileName(APP_ID)


def build_window(services: Services, settings: QSettings) -> tuple[MainWindow, EventHub]:
    """The window and the hub that views and future dialogs share."""
    translator = Translator(str(settings.value("language", "en")))
    events = EventHub()
    return MainWindow(services, events, settings, translator), events


def run(services: Services, argv: list[str]) -> int:
    """Open the window and run until it closes; returns the exit status."""
    app = QApplication(argv)
    configure(app)
    window, events = build_window(services, QSettings())
    window.show()
    status = app.exec()
    del window, events  # destroy widgets while the QApplication still exists
    return status
