"""Closing the import dialog, or quitting Carnet, while a big statement is read or imported.

On main, closing during a 300 000-line import waited for it. Now the person is asked:
"Stop and close" rolls the import back (the database equal row for row), closes at once
and leaves no thread running; "Continue" lets the import finish. The same holds while
the file is still being read for the preview.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QThreadPool, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from carnet.app import Services
from carnet.i18n import Translator
from carnet.ui.dialogs import import_dialog
from carnet.ui.dialogs.import_dialog import ImportDialog
from carnet.ui.events import EventHub
from carnet.ui.main_window import MainWindow
from tests.hostile.common import snapshot
from tests.ui.big_statement import write_big_csv

LINES = 15_000  # several progress reports (one each 5 000 lines), each a chance to close
# From "Stop" to the window gone: the rollback and the close, on a loaded CI machine.
PROMPT_SECONDS = 3.0


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_big_csv(tmp_path_factory.mktemp("big") / "export-operations.csv", LINES)


@pytest.fixture
def services(empty_services: Services) -> Services:
    """The statement goes into an empty household (tests/ui/conftest.py)."""
    return empty_services


@pytest.fixture(autouse=True)
def _read_in_the_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(import_dialog, "DEFERRED_ABOVE_BYTES", 0)


class Asked:
    """Answers the question "stop?" by clicking one of its buttons, as a person would."""

    def __init__(self, button: str) -> None:
        self.button = button
        self.texts: list[str] = []
        self.clicked_at: float | None = None
        self._timer = QTimer()
        self._timer.setInterval(5)
        self._timer.timeout.connect(self._look)
        self._timer.start()

    def _look(self) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            return
        self._timer.stop()
        self.texts.append(f"{box.text()} {box.informativeText()}")
        choice = next(b for b in box.buttons() if b.text() == self.button)
        self.clicked_at = time.monotonic()
        choice.click()


def _previewed(qtbot: QtBot, dialog: ImportDialog) -> ImportDialog:
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=120_000)
    assert dialog.report is not None and dialog.report.added == LINES
    return dialog


def _once_when(
    dialog: ImportDialog,
    monkeypatch: pytest.MonkeyPatch,
    when: Callable[[int, int], bool],
    act: Callable[[], object],
) -> None:
    """Do ``act`` once, at the first progress report (bytes done, in all) ``when`` accepts."""
    progress = dialog._progress
    done_once: list[bool] = []

    def report(done: int, total: int) -> bool:
        if when(done, total) and not done_once:
            done_once.append(True)
            act()
        return progress(done, total)

    monkeypatch.setattr(dialog, "_progress", report)


def _half_way(
    dialog: ImportDialog, monkeypatch: pytest.MonkeyPatch, act: Callable[[], object]
) -> None:
    """Do ``act`` once, inside the import, when half the lines are written."""
    _once_when(dialog, monkeypatch, lambda done, total: done > total // 2, act)


def _rows(services: Services) -> dict[str, list[tuple[object, ...]]]:
    assert services.db_path is not None
    return snapshot(services.db_path)


def _no_thread_left() -> None:
    # The job has said it is done; its thread then returns to the pool within a moment.
    assert QThreadPool.globalInstance().waitForDone(1_000), "a pool thread is still working"


CLOSE_WAYS: dict[str, Callable[[ImportDialog], object]] = {
    "close button": lambda d: d.close(),
    "Escape": lambda d: QTest.keyClick(d, Qt.Key.Key_Escape),
}


@pytest.mark.parametrize("way", list(CLOSE_WAYS))
def test_closing_the_dialog_during_the_import_asks_stops_and_rolls_back(
    qtbot: QtBot,
    services: Services,
    big_csv: Path,
    monkeypatch: pytest.MonkeyPatch,
    way: str,
) -> None:
    dialog = ImportDialog(services, Translator("en"), big_csv)
    qtbot.addWidget(dialog)
    dialog.show()
    _previewed(qtbot, dialog)
    before = _rows(services)
    asked = Asked("Stop and close")
    _half_way(dialog, monkeypatch, lambda: CLOSE_WAYS[way](dialog))
    imported: list[object] = []
    dialog.imported.connect(imported.append)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    assert asked.clicked_at is not None
    assert time.monotonic() - asked.clicked_at < PROMPT_SECONDS
    assert "import is not finished" in asked.texts[0]
    assert "Nothing of this statement will be added" in asked.texts[0]
    assert imported == [] and dialog.result() == ImportDialog.DialogCode.Rejected
    assert _rows(services) == before
    assert services.store.bank.transactions() == []
    _no_thread_left()


def test_continue_lets_the_import_finish(
    qtbot: QtBot, services: Services, big_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = ImportDialog(services, Translator("en"), big_csv)
    qtbot.addWidget(dialog)
    dialog.show()
    _previewed(qtbot, dialog)
    asked = Asked("Continue")
    _half_way(dialog, monkeypatch, dialog.close)
    with qtbot.waitSignal(dialog.imported, timeout=120_000):
        dialog.import_button.click()
    assert asked.texts, "closing did not ask"
    assert dialog.result() == ImportDialog.DialogCode.Accepted
    assert len(services.store.bank.transactions()) == LINES


def test_escape_on_the_question_keeps_importing(
    qtbot: QtBot, services: Services, big_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stopping takes a deliberate click: Escape (or Enter) on the question goes on."""
    dialog = ImportDialog(services, Translator("en"), big_csv)
    qtbot.addWidget(dialog)
    dialog.show()
    _previewed(qtbot, dialog)
    pressed: list[bool] = []

    def press_escape_on_the_question() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and not pressed:
            pressed.append(True)
            QTest.keyClick(box, Qt.Key.Key_Escape)

    timer = QTimer(dialog)
    timer.timeout.connect(press_escape_on_the_question)
    timer.start(5)
    _half_way(dialog, monkeypatch, dialog.close)
    with qtbot.waitSignal(dialog.imported, timeout=120_000):
        dialog.import_button.click()
    timer.stop()
    assert pressed and len(services.store.bank.transactions()) == LINES


# -- the main window ---------------------------------------------------------------------
@pytest.fixture
def window(qtbot: QtBot, services: Services, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "carnet.ini"), QSettings.Format.IniFormat)
    built = MainWindow(services, EventHub(), settings, Translator("en"))
    qtbot.addWidget(built)
    built.show()
    qtbot.waitExposed(built)
    return built


def _ctrl_q(qtbot: QtBot, dialog: ImportDialog) -> None:
    """Ctrl+Q typed in the dialog (the active window: offscreen, activation takes a turn)."""
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    QTest.keyClick(dialog, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)


QUIT_WAYS: dict[str, Callable[[QtBot, MainWindow, ImportDialog], object]] = {
    # The dialog blocks the window: Ctrl+Q typed in it quits Carnet as in the window.
    "Ctrl+Q": lambda bot, _w, d: _ctrl_q(bot, d),
    # File › Quit, or the desktop session ending (QApplication.quit closes the windows).
    "window closed": lambda _bot, w, _d: w.close(),
}


@pytest.mark.parametrize("way", list(QUIT_WAYS))
def test_quitting_during_the_import_asks_stops_rolls_back_and_closes_the_window(
    qtbot: QtBot, window: MainWindow, big_csv: Path, monkeypatch: pytest.MonkeyPatch, way: str
) -> None:
    services = window.services
    window.show_page("bank")
    dialog = _previewed(qtbot, window.bank_page.open_import(big_csv))
    before = _rows(services)
    asked = Asked("Stop and quit")
    _half_way(dialog, monkeypatch, lambda: QUIT_WAYS[way](qtbot, window, dialog))
    dialog.import_button.click()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    assert asked.clicked_at is not None
    assert time.monotonic() - asked.clicked_at < PROMPT_SECONDS
    assert "Stop it and quit Carnet?" in asked.texts[0]
    assert not dialog.isVisible()
    assert _rows(services) == before
    _no_thread_left()


def test_continue_on_quitting_keeps_the_window_and_the_import(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    big_csv: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window.show_page("bank")
    dialog = _previewed(qtbot, window.bank_page.open_import(big_csv))
    asked = Asked("Continue")
    _half_way(dialog, monkeypatch, lambda: _ctrl_q(qtbot, dialog))
    with qtbot.waitSignal(dialog.imported, timeout=120_000):
        dialog.import_button.click()
    assert asked.texts and window.isVisible()
    assert len(services.store.bank.transactions()) == LINES
    assert window.bank_page.model.rowCount() == LINES


def test_quitting_with_nothing_under_way_asks_nothing(
    qtbot: QtBot, window: MainWindow, big_csv: Path
) -> None:
    window.show_page("bank")
    dialog = _previewed(qtbot, window.bank_page.open_import(big_csv))
    _ctrl_q(qtbot, dialog)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    assert not dialog.isVisible()


# -- while the file is read (the preview) -------------------------------------------------
def _while_reading(
    dialog: ImportDialog, monkeypatch: pytest.MonkeyPatch, act: Callable[[], object]
) -> None:
    """Do ``act`` once, inside the preview, when its reading has begun."""
    _once_when(dialog, monkeypatch, lambda done, _total: done > 0 and not dialog._importing, act)


@pytest.mark.parametrize("way", list(CLOSE_WAYS))
def test_closing_while_the_file_is_read_asks_and_stops_reading(
    qtbot: QtBot, services: Services, big_csv: Path, monkeypatch: pytest.MonkeyPatch, way: str
) -> None:
    before = _rows(services)
    dialog = ImportDialog(services, Translator("en"), big_csv)
    qtbot.addWidget(dialog)
    asked = Asked("Stop and close")
    _while_reading(dialog, monkeypatch, lambda: CLOSE_WAYS[way](dialog))
    dialog.show()
    qtbot.waitUntil(lambda: asked.clicked_at is not None, timeout=60_000)
    assert asked.clicked_at is not None
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    assert time.monotonic() - asked.clicked_at < PROMPT_SECONDS
    assert "still reading this statement" in asked.texts[0]
    assert dialog.report is None and _rows(services) == before


def test_quitting_while_the_file_is_read_closes_the_window(
    qtbot: QtBot, window: MainWindow, big_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _rows(window.services)
    window.show_page("bank")
    asked = Asked("Stop and quit")
    opened: list[ImportDialog] = []

    def open_import(path: Path) -> ImportDialog:  # the dialog, caught before its preview
        dialog = real_open(path)
        _while_reading(dialog, monkeypatch, lambda: _ctrl_q(qtbot, dialog))
        opened.append(dialog)
        return dialog

    real_open = window.bank_page.open_import
    open_import(big_csv)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=60_000)
    assert asked.clicked_at is not None
    assert time.monotonic() - asked.clicked_at < PROMPT_SECONDS
    assert "still reading this statement. Stop and quit Carnet?" in asked.texts[0]
    assert not opened[0].isVisible() and _rows(window.services) == before


def test_continue_while_reading_goes_on_to_the_preview(
    qtbot: QtBot, services: Services, big_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = ImportDialog(services, Translator("en"), big_csv)
    qtbot.addWidget(dialog)
    asked = Asked("Continue")
    _while_reading(dialog, monkeypatch, dialog.close)
    dialog.show()
    _previewed(qtbot, dialog)
    assert asked.texts and dialog.isVisible()


def test_closing_before_the_reading_begins_asks_nothing(
    qtbot: QtBot, services: Services, big_csv: Path
) -> None:
    """Nothing read yet, nothing to lose: the dialog just closes, and reads nothing."""
    dialog = ImportDialog(services, Translator("en"), big_csv)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.close()  # before the event loop turns: the preview has not begun
    qtbot.wait(100)
    assert not dialog.isVisible() and dialog.report is None and not dialog.is_busy()


def test_the_question_is_asked_in_french(
    qtbot: QtBot, services: Services, big_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = ImportDialog(services, Translator("fr"), big_csv)
    qtbot.addWidget(dialog)
    asked = Asked("Arrêter et fermer")
    _while_reading(dialog, monkeypatch, dialog.close)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=60_000)
    assert asked.texts == [
        "Carnet lit encore ce relevé. Arrêter et fermer ? Rien n’en a encore été importé."
    ]


# The whole program, as the person runs it: quitting while a file is read or imported must
# end the process (nothing left to wait for at exit), the import rolled back.
QUIT_SCRIPT = """
import sys
from datetime import date
from pathlib import Path
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from carnet.app import build_services
from carnet.i18n import Translator
from carnet.ui.dialogs import import_dialog
from carnet.ui.events import EventHub
from carnet.ui.main_window import MainWindow

import_dialog.DEFERRED_ABOVE_BYTES = 0
folder = Path(sys.argv[1])
app = QApplication([])
services = build_services(folder / "t.sqlite", today=lambda: date(2026, 11, 28))
settings = QSettings(str(folder / "carnet.ini"), QSettings.Format.IniFormat)
window = MainWindow(services, EventHub(), settings, Translator("en"))
window.show()
window.show_page("bank")

def answer():
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox):
        stop = QMessageBox.ButtonRole.AcceptRole
        next(b for b in box.buttons() if box.buttonRole(b) == stop).click()
    else:
        QTimer.singleShot(10, answer)

asked = []
report = import_dialog.ImportDialog._progress

def quit_while_reading(dialog, done, total):
    if done > 0 and not asked and dialog._importing == (sys.argv[4] == "importing"):
        asked.append(True)
        QTimer.singleShot(10, answer)
        if sys.argv[3] == "app.quit":  # every window is asked to close, the dialog first
            app.quit()
        else:
            window.menus.quit.trigger()  # File › Quit, as Ctrl+Q in the dialog does
    return report(dialog, done, total)

import_dialog.ImportDialog._progress = quit_while_reading
dialog = window.bank_page.open_import(Path(sys.argv[2]))

def import_once_previewed():
    if dialog.report is None:
        QTimer.singleShot(10, import_once_previewed)
    else:
        dialog.import_button.click()

if sys.argv[4] == "importing":
    QTimer.singleShot(0, import_once_previewed)
app.exec()
written = len(services.store.bank.transactions())
services.close()
print("closed", window.isVisible(), bool(asked), written)
"""


@pytest.mark.parametrize("phase", ["reading", "importing"])
@pytest.mark.parametrize("how", ["File › Quit", "app.quit"])
def test_quitting_ends_the_process_and_writes_nothing(
    tmp_path: Path, big_csv: Path, how: str, phase: str
) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", QUIT_SCRIPT, str(tmp_path), str(big_csv), how, phase],
        capture_output=True,
        text=True,
        timeout=30,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "closed False True 0"
    noise = "This plugin does not support propagateSizeHints()"
    assert done.stderr.replace(noise, "").strip() == ""
    assert time.monotonic() - started < 20


# -- the window's own title-bar close -----------------------------------------------------
def test_the_window_is_not_blocked_by_the_dialog_so_its_title_bar_close_reaches_it(
    qtbot: QtBot, window: MainWindow, big_csv: Path
) -> None:
    """Qt drops a desktop's close request to a window a modal dialog blocks (the close
    button did nothing during an import). The dialog is not modal: the window is disabled
    behind it (no click, key or shortcut reaches it), and enabled again once it closes.

    The close request itself cannot be sent offscreen; under Xvfb, a real
    ``WM_DELETE_WINDOW`` sent to the window during an import brought the question
    "Stop it and quit Carnet?", and "Stop and quit" left the database empty.
    """
    window.show_page("bank")
    dialog = _previewed(qtbot, window.bank_page.open_import(big_csv))
    assert QGuiApplication.modalWindow() is None
    assert dialog.windowModality() == Qt.WindowModality.NonModal
    assert not window.isEnabled() and not window.menuBar().isEnabled()
    assert dialog.isEnabled() and dialog.import_button.isEnabled()
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.isEnabled() and window.menuBar().isEnabled()


def test_the_window_s_close_during_the_import_asks_and_rolls_back(
    qtbot: QtBot, window: MainWindow, big_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The close a title bar sends, as the window gets it: spontaneous, to the window."""
    services = window.services
    window.show_page("bank")
    dialog = _previewed(qtbot, window.bank_page.open_import(big_csv))
    before = _rows(services)
    asked = Asked("Stop and quit")
    handle = window.windowHandle()
    _half_way(dialog, monkeypatch, lambda: QApplication.sendEvent(handle, QCloseEvent()))
    dialog.import_button.click()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    assert asked.texts and "The import is not finished. Stop it and quit Carnet?" in asked.texts[0]
    assert _rows(services) == before
    _no_thread_left()
