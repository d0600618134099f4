"""Closing the import dialog, or quitting Carnet, while a statement is being read or imported.

The person is asked first: closing by mistake must not throw away a long import, and
a deliberate close must not wait for it. Stopping rolls the import back (the service
raises ``ImportCancelled`` inside its transaction), so the database stays as it was.

The window's own title-bar close must reach the window while the dialog is up. Qt drops
a desktop's close request to a window that a modal dialog blocks, so the close button
did nothing; the dialog is therefore not modal (:func:`show_over_window`): the window
is disabled behind it instead, which blocks its clicks, keys and shortcuts the same
way, but leaves its close to the window, which asks (``MainWindow.closeEvent``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from carnet.i18n import Translator


def show_over_window(dialog: QDialog) -> None:
    """Show ``dialog`` over its window, the window disabled (not blocked) until it closes."""
    parent = dialog.parentWidget()
    window = parent.window() if parent is not None else None
    dialog.setWindowModality(Qt.WindowModality.NonModal)
    if window is not None:
        window.setEnabled(False)  # greyed: the window waits for the dialog
        dialog.setEnabled(True)  # a window of its own: enabled again on its own
        dialog.finished.connect(lambda _result: window.setEnabled(True))
    dialog.show()


def ask_to_stop(parent: QWidget, t: Translator, *, importing: bool, quitting: bool) -> bool:
    """``True`` when the person chooses to stop the work under way and close."""
    if importing:
        text = (
            t.gettext("The import is not finished. Stop it and quit Carnet?")
            if quitting
            else t.gettext("The import is not finished. Stop it and close?")
        )
        detail = t.gettext("Nothing of this statement will be added to your accounts.")
    else:
        text = (
            t.gettext("Carnet is still reading this statement. Stop and quit Carnet?")
            if quitting
            else t.gettext("Carnet is still reading this statement. Stop and close?")
        )
        detail = t.gettext("Nothing has been imported from it yet.")
    box = QMessageBox(QMessageBox.Icon.Question, t.gettext("Import under way"), text, parent=parent)
    box.setInformativeText(detail)
    stop = box.addButton(
        t.gettext("Stop and quit") if quitting else t.gettext("Stop and close"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    go_on = box.addButton(t.gettext("Continue"), QMessageBox.ButtonRole.RejectRole)
    # Enter or Escape on this question keeps the work going: stopping takes a click.
    box.setDefaultButton(go_on)
    box.setEscapeButton(go_on)
    box.exec()
    return box.clickedButton() is stop


class QuitWatch(QObject):
    """Whether the application is being asked to quit right now.

    ``QApplication.quit()`` (and a desktop session ending) closes every window, this
    dialog first; if one refuses, the quit is dropped. A dialog stopping its import
    refuses at first, so it must know to quit again once stopped. Watching is on only
    while work runs: a filter on the application sees every event.
    """

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.quitting = False

    def watch(self, on: bool) -> None:
        app = QCoreApplication.instance()
        if app is None:
            return
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Quit and watched is QCoreApplication.instance():
            self.quitting = True  # the windows' close events come while Qt handles it
            QTimer.singleShot(0, self, self._over)
        return False

    def _over(self) -> None:
        self.quitting = False
