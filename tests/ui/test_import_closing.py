"""Closing the import dialog, or quitting Carnet, while a big statement is read or imported.

On main, closing during a 300 000-line import waited for it. Now the person is asked:
"Stop and close" rolls the import back (the database equal row for row), closes at once
and leaves no thread running; "Continue" lets the import finish. The same holds while
the file is still being read in the thread pool.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QThreadPool, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from carnet.app import Services, build_services
from carnet.bank import CsvMapping, Statement, parse_statement
from carnet.i18n import Translator
from carnet.ui.dialogs import import_dialog, import_job
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
def services(tmp_path: Path) -> Iterator[Services]:
    built = build_services(tmp_path / "t.sqlite", today=lambda: date(2026, 11, 28))
    yield built
    built.close()


@pytest.fixture(autouse=True)
def _read_in_the_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(import_dialog, "BACKGROUND_ABOVE_BYTES", 0)


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


def _half_way(
    dialog: ImportDialog, monkeypatch: pytest.MonkeyPatch, act: Callable[[], object]
) -> None:
    """Do ``act`` once, inside the import, when half the lines are written."""
    progress = dialog._progress
    done_once: list[bool] = []

    def report(done: int, total: int) -> bool:
        if done > total // 2 and not done_once:
            done_once.append(True)
            act()
        return progress(done, total)

    monkeypatch.setattr(dialog, "_progress", report)


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


# -- while the file is read in the thread pool ---------------------------------------------
class SlowParser:
    """The real parser, after a wait spent in Python code (a huge file's parsing stands here).

    The wait is what a stop must cut short: ``returned`` stays False when it does.
    """

    def __init__(self) -> None:
        self.started = threading.Event()
        self.release = threading.Event()
        self.returned = False

    def __call__(self, data: bytes, name: str, mappings: list[CsvMapping]) -> Statement:
        self.started.set()
        while not self.release.is_set():
            sum(range(10_000))  # busy in Python, not asleep in C
        statement = parse_statement(data, name, mappings)
        self.returned = True
        return statement


@pytest.fixture
def slow(monkeypatch: pytest.MonkeyPatch) -> Iterator[SlowParser]:
    parser = SlowParser()
    monkeypatch.setattr(import_job, "parse_statement", parser)
    yield parser
    parser.release.set()  # never leave a spinning thread behind a failed test
    QThreadPool.globalInstance().waitForDone(10_000)


@pytest.mark.parametrize("way", list(CLOSE_WAYS))
def test_closing_while_the_file_is_read_stops_the_reading_thread(
    qtbot: QtBot, services: Services, big_csv: Path, slow: SlowParser, way: str
) -> None:
    before = _rows(services)
    dialog = ImportDialog(services, Translator("en"), big_csv)
    qtbot.addWidget(dialog)
    dialog.show()
    assert slow.started.wait(10)
    asked = Asked("Stop and close")
    CLOSE_WAYS[way](dialog)
    assert not dialog.isVisible()
    assert asked.clicked_at is not None
    assert time.monotonic() - asked.clicked_at < PROMPT_SECONDS
    assert "still reading this statement" in asked.texts[0]
    _no_thread_left()
    assert not slow.returned, "the parser ran to its end: the thread was not stopped"
    assert dialog.report is None and _rows(services) == before


def test_quitting_while_the_file_is_read_closes_the_window_at_once(
    qtbot: QtBot, window: MainWindow, big_csv: Path, slow: SlowParser
) -> None:
    before = _rows(window.services)
    window.show_page("bank")
    dialog = window.bank_page.open_import(big_csv)
    assert slow.started.wait(10)
    asked = Asked("Stop and quit")
    _ctrl_q(qtbot, dialog)
    assert not window.isVisible() and not dialog.isVisible()
    assert asked.clicked_at is not None
    assert time.monotonic() - asked.clicked_at < PROMPT_SECONDS
    _no_thread_left()
    assert not slow.returned and _rows(window.services) == before


def test_continue_while_reading_goes_on_to_the_preview(
    qtbot: QtBot, services: Services, big_csv: Path, slow: SlowParser
) -> None:
    dialog = ImportDialog(services, Translator("en"), big_csv)
    qtbot.addWidget(dialog)
    dialog.show()
    assert slow.started.wait(10)
    asked = Asked("Continue")
    dialog.close()
    assert asked.texts and dialog.isVisible()
    slow.release.set()
    _previewed(qtbot, dialog)


def test_a_file_read_while_the_question_is_open_waits_for_the_answer(
    qtbot: QtBot, services: Services, big_csv: Path, slow: SlowParser
) -> None:
    """The preview (database work) never runs under the question; it runs after "Continue"."""
    dialog = ImportDialog(services, Translator("en"), big_csv)
    qtbot.addWidget(dialog)
    dialog.show()
    assert slow.started.wait(10)
    seen: list[object] = []

    def finish_reading_then_answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and not seen:
            seen.append(box)
            slow.release.set()
            qtbot.waitUntil(lambda: slow.returned, timeout=60_000)
            QThreadPool.globalInstance().waitForDone(10_000)
            qtbot.wait(50)  # the "read" signal arrives under the question
            seen.append(dialog.report)
            next(b for b in box.buttons() if b.text() == "Continue").click()

    timer = QTimer(dialog)
    timer.timeout.connect(finish_reading_then_answer)
    timer.start(5)
    dialog.close()
    timer.stop()
    assert seen[1] is None, "the preview ran under the question"
    _previewed(qtbot, dialog)


# The whole program, as the person runs it: quitting while a file is read must end the
# process (no thread left for Python or Qt to wait for at exit).
QUIT_SCRIPT = """
import sys, threading
from datetime import date
from pathlib import Path
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from carnet.app import build_services
from carnet.i18n import Translator
from carnet.ui.dialogs import import_dialog, import_job
from carnet.ui.events import EventHub
from carnet.ui.main_window import MainWindow

started = threading.Event()
def endless_parse(data, name, mappings):
    started.set()
    while True:
        sum(range(10_000))

import_job.parse_statement = endless_parse
import_dialog.BACKGROUND_ABOVE_BYTES = 0
folder = Path(sys.argv[1])
app = QApplication([])
services = build_services(folder / "t.sqlite", today=lambda: date(2026, 11, 28))
settings = QSettings(str(folder / "carnet.ini"), QSettings.Format.IniFormat)
window = MainWindow(services, EventHub(), settings, Translator("en"))
window.show()
window.show_page("bank")
window.bank_page.open_import(Path(sys.argv[2]))

def answer():
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox):
        stop = QMessageBox.ButtonRole.AcceptRole
        next(b for b in box.buttons() if box.buttonRole(b) == stop).click()
    else:
        QTimer.singleShot(10, answer)

def quit_when_reading():
    if not started.is_set():
        QTimer.singleShot(10, quit_when_reading)
        return
    QTimer.singleShot(10, answer)
    if sys.argv[3] == "app.quit":  # every window is asked to close, the dialog first
        app.quit()
    else:
        window.menus.quit.trigger()  # File › Quit, as Ctrl+Q in the dialog does

QTimer.singleShot(0, quit_when_reading)
app.exec()
services.close()
print("closed", window.isVisible())
"""


@pytest.mark.parametrize("how", ["File › Quit", "app.quit"])
def test_quitting_while_reading_ends_the_process(tmp_path: Path, big_csv: Path, how: str) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", QUIT_SCRIPT, str(tmp_path), str(big_csv), how],
        capture_output=True,
        text=True,
        timeout=30,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "closed False"
    noise = "This plugin does not support propagateSizeHints()"
    assert done.stderr.replace(noise, "").strip() == ""
    assert time.monotonic() - started < 20


def test_the_question_is_asked_in_french(
    qtbot: QtBot, services: Services, big_csv: Path, slow: SlowParser
) -> None:
    dialog = ImportDialog(services, Translator("fr"), big_csv)
    qtbot.addWidget(dialog)
    dialog.show()
    assert slow.started.wait(10)
    asked = Asked("Arrêter et fermer")
    dialog.close()
    assert asked.texts == [
        "Carnet lit encore ce relevé. Arrêter et fermer ? Rien n’en a encore été importé."
    ]
    assert not dialog.isVisible()
