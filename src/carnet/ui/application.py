"""The Qt application: names used by QSettings and the desktop, then the main window.

Also here: Qt's own translations (the buttons of standard dialogs), the
app-wide hook that turns unexpected errors into a message, and the first-run
assistant shown over an empty household.
"""

from __future__ import annotations

import gc
import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTimer, QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from carnet import __version__
from carnet.app import Services, open_for_window
from carnet.ui.errors import install_excepthook
from carnet.ui.events import EventHub
from carnet.ui.first_paint import after_first_paint
from carnet.ui.formats import WindowTranslator
from carnet.ui.icons import app_icon
from carnet.ui.main_window import MainWindow
from carnet.ui.notify import notify_on_open

if TYPE_CHECKING:
    from carnet.ui.dialogs.setup_wizard import SetupWizard

GARBAGE_FALLBACK_MS = 3000
APP_NAME = "Carnet"
ORGANIZATION = "Carnet"
ORGANIZATION_DOMAIN = "carnet.fr"
APP_ID = "fr.carnet.Carnet"  # matches resources/desktop/fr.carnet.Carnet.desktop


def configure(app: QGuiApplication) -> None:
    """Names that decide where QSettings lives and how the desktop groups our windows."""
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(ORGANIZATION)
    app.setOrganizationDomain(ORGANIZATION_DOMAIN)
    QGuiApplication.setDesktopFileName(APP_ID)


class QtTranslations:
    """Qt's own strings (OK, Cancel, Next…) in the chosen language, from PySide6's files."""

    def __init__(self, app: QGuiApplication) -> None:
        self._app = app
        self._installed: QTranslator | None = None

    def use(self, language: str) -> None:
        if self._installed is not None:
            self._app.removeTranslator(self._installed)
            self._installed = None
        # Date pickers follow the language: British English and French both write the day
        # first and start their calendar weeks on Monday.
        QLocale.setDefault(locale_of(language))
        if language == "en":
            return
        translator = QTranslator(self._app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if translator.load(f"qtbase_{language}", folder):
            self._app.installTranslator(translator)
            self._installed = translator


def locale_of(language: str) -> QLocale:
    if language == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return QLocale(language)


def build_window(services: Services, settings: QSettings) -> tuple[MainWindow, EventHub]:
    """The window and the hub that views and future dialogs share.

    The window may reopen the database (after restoring a backup) with the
    same function that opened it.
    """
    translator = WindowTranslator(str(settings.value("language", "en")))
    events = EventHub()

    def reopen(path: Path) -> Services:
        # An encrypted file opens again with the passphrase the window last used.
        return open_for_window(path, window.services.store.ledger.passphrase)

    window = MainWindow(services, events, settings, translator, reopen=reopen)
    return window, events


def needs_setup(people: int, acts: int) -> bool:
    """The assistant opens on an empty household only (never over existing data)."""
    return people == 0 and acts == 0


def first_run(window: MainWindow, services: Services, events: EventHub) -> SetupWizard | None:
    """Open the assistant over an empty household (never over existing data)."""
    table = services.care_table
    if not needs_setup(len(table.people()), table.count()):
        return None
    from carnet.ui.dialogs.setup_wizard import SetupWizard  # noqa: PLC0415 (first run only)

    wizard = SetupWizard(services, events, window.translator, window)
    wizard.language_chosen.connect(window.set_language)
    # Done or closed half-way: the Dashboard says what comes next.
    wizard.finished.connect(lambda _code: window.show_page("dashboard"))
    wizard.open()
    return wizard


def report_first_paint(window: MainWindow, app: QApplication) -> None:
    """``carnet gui --startup-check``: say what the first screen showed, then close.

    The line goes to stderr once the window has painted; whoever timed the
    start (the start-up benchmark, a packaging check) reads it. Call this after
    the window's other first-paint work is registered: Qt runs the filter
    installed last first, so the line is not held up by that work.
    """

    def report() -> None:
        page = window.current_page()
        rows = window.care_page.model.rowCount() if page == "care" else 0
        print(f"carnet: first paint: page={page} rows={rows}", file=sys.stderr, flush=True)
        app.quit()

    after_first_paint(window, report)


def collect_garbage_again() -> None:
    """Once the first screen shows: set what opening made aside, and collect garbage again.

    ``gc.freeze`` puts every object alive now (nearly all of them live as long as the
    window) where the collector no longer scans them, so later collections stay short.
    """
    if gc.isenabled():
        return  # already done (after the first paint, or by the fallback timer)
    gc.freeze()
    gc.enable()


def run(services: Services, argv: list[str], *, startup_check: bool = False) -> int:
    """Open the window and run until it closes; returns the exit status.

    ``startup_check``: close once the first screen has painted (see :func:`report_first_paint`).
    """
    # An encrypted database asked for its passphrase already (ui.passphrase): Qt is up.
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    configure(app)
    app.setWindowIcon(app_icon())
    settings = QSettings()
    qt_translations = QtTranslations(app)
    qt_translations.use(str(settings.value("language", "en")))
    window, events = build_window(services, settings)
    window.language_changed.connect(qt_translations.use)
    previous = install_excepthook(window.translator, QApplication.activeWindow)
    window.show()
    after_first_paint(window, collect_garbage_again)
    # A window opened minimised or on another desktop may not paint for a while.
    QTimer.singleShot(GARBAGE_FALLBACK_MS, collect_garbage_again)
    after_first_paint(window, window.keep_daily_backup)
    if startup_check:
        report_first_paint(window, app)
    wizard = first_run(window, services, events)
    if wizard is None:  # a day with something due: say so (when the setting is on)
        QTimer.singleShot(0, partial(notify_on_open, window, services, window.translator))
    try:
        status = app.exec()
    finally:
        sys.excepthook = previous
        window.tasks.wait()  # a backup still being written finishes before the file closes
    if window.services is not services:
        window.services.close()  # a restore reopened the file; the caller closes only its own
    del window, events, wizard  # destroy widgets while the QApplication still exists
    return status
