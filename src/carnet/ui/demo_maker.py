"""File › Create a demo household: a sample database built in the background.

The demo goes into a *new* file with its own connection, opened inside the
worker thread; the database the window shows is never touched off the GUI
thread. A few thousand acts take seconds, so the window stays responsive and
shows that it is busy.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QProcess, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from carnet.app import build_services
from carnet.i18n import Translator
from carnet.services.demo import build_demo
from carnet.ui.errors import error_box
from carnet.ui.tasks import Progress, TaskRunner

DEMO_ACTS = 2000


def make_demo(path: Path, acts: int, progress: Progress) -> Path:
    """Build the demo household in ``path`` (runs on a worker thread)."""
    progress(0, 0, "")
    services = build_services(path)
    try:
        build_demo(services.household, services.care, acts=acts)
    finally:
        services.close()
    return path


class DemoMaker:
    """Asks where to save, builds in the background, then says how to open it."""

    def __init__(self, parent: QWidget, t: Translator, tasks: TaskRunner) -> None:
        self._parent = parent
        self._t = t
        self._tasks = tasks
        self.progress: QProgressDialog | None = None

    def ask_and_build(self) -> None:
        t = self._t
        name, _filter = QFileDialog.getSaveFileName(
            self._parent,
            t.gettext("Save the demo household as"),
            str(Path.home() / "carnet-demo.sqlite"),
            t.gettext("Carnet databases (*.sqlite)"),
        )
        if name:
            self.build(Path(name))

    def build(self, path: Path, acts: int = DEMO_ACTS) -> None:
        if path.exists():
            path.unlink()  # the file dialog already asked whether to replace it
        t = self._t
        self.progress = QProgressDialog(
            t.gettext("Creating the demo household…"), "", 0, 0, self._parent
        )
        self.progress.setCancelButton(None)  # Qt accepts None: no button
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setAccessibleName(t.gettext("Creating the demo household"))
        self.progress.show()
        self._tasks.start(lambda report: make_demo(path, acts, report), self._done, self._failed)

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress = None

    def _done(self, path: object) -> None:
        self._close_progress()
        t = self._t
        text = t.gettext(
            "The demo household is saved in {path}, apart from your own household, which "
            "stays open here.\n\nOpen the demo in a second window now?"
        ).format(path=path)
        answer = QMessageBox.question(self._parent, t.gettext("Demo household ready"), text)
        if answer == QMessageBox.StandardButton.Yes:
            # A second Carnet on the demo file; this window keeps the household's own.
            QProcess.startDetached(sys.executable, ["-m", "carnet", "--db", str(path)])

    def _failed(self, error: BaseException, details: str) -> None:
        self._close_progress()
        t = self._t
        text = t.gettext("The demo household could not be created: {error}").format(error=error)
        error_box(self._parent, t.gettext("Carnet could not do this"), text, details).exec()
