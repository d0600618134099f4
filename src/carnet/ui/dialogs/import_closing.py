"""Closing the import dialog, or quitting Carnet, while a statement is being read or imported.

The person is asked first: closing by mistake must not throw away a long import, and
a deliberate close must not wait for it. Stopping rolls the import back (the service
raises ``ImportCancelled`` inside its transaction), so the database stays as it was.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from carnet.i18n import Translator
from carnet.ui.dialogs.import_job import ParseJob

# A stopped parse lets go within one C call (reading or decoding the file): this is a
# generous bound for a loaded machine, not the expected wait.
STOP_WAIT_SECONDS = 5.0
# A job that did not let go within the bound: Qt's pool still runs it, so its Python
# object must outlive the dialog (a few, for the session: never expected in practice).
_LEFT_RUNNING: set[ParseJob] = set()


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


def stop_job(job: ParseJob) -> None:
    """Stop ``job`` and wait for its thread, at most :data:`STOP_WAIT_SECONDS`."""
    if not job.stop(STOP_WAIT_SECONDS):
        _LEFT_RUNNING.add(job)
