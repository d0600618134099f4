"""File › Export reminders (.ics)…: the calendar of reminders for another application.

The household picks a file; the reminders are written in the window's language.
Importing the same file name again later, in the calendar application, updates
the events instead of doubling them (each has a stable UID).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from carnet.app import Services
from carnet.i18n import Translator
from carnet.ui.operations import run_call

Chooser = Callable[[QWidget, str, str, str], tuple[str, str]]


def export_calendar(
    parent: QWidget,
    services: Services,
    t: Translator,
    say: Callable[[str], None],
    choose: Chooser | None = None,
) -> Path | None:
    """Ask where, write the ``.ics`` file; returns its path (``None``: cancelled or refused)."""
    suggested = str(Path.home() / "carnet-reminders.ics")
    ask = choose or QFileDialog.getSaveFileName  # looked up now: tests replace it
    chosen, _filter = ask(
        parent, t.gettext("Export reminders"), suggested, t.gettext("Calendar (*.ics)")
    )
    if not chosen:
        return None
    path = Path(chosen) if chosen.endswith(".ics") else Path(chosen + ".ics")
    count = run_call(parent, t, lambda: services.calendar.write(path, t.language))
    if count is None:
        return None
    reminders = len(services.calendar.reminders())
    say(t.gettext("{count} reminders written to {file}").format(count=reminders, file=path.name))
    return path
