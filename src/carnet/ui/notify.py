"""A desktop notification when the window opens on a day with something due (a setting).

The reminders are the calendar's (:mod:`carnet.services.calendar`): a feuille's
deadline coming, money becoming overdue, a mailing without an answer, a card or
rights about to end. Off by default; Settings › "Notify me when Carnet opens".
Where the desktop has no notification area, the status bar says it instead.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QSystemTrayIcon

from carnet.app import Services
from carnet.i18n import Translator

SETTING = "notifications.on_open"


def due_text(services: Services, t: Translator) -> str | None:
    """What is due today, in one sentence, or ``None`` (nothing due, or the setting off)."""
    if services.settings.get(SETTING) != "yes":
        return None
    due = services.calendar.due_on(services.today())
    if not due:
        return None
    summaries = [reminder.text(t)[0] for reminder in due]
    head = t.gettext("Due today in Carnet: {count}").format(count=len(due))
    return head + " — " + "; ".join(summaries)


def notify_on_open(window: QMainWindow, services: Services, t: Translator) -> str | None:
    """Say what is due today; returns the text said (tests), or ``None``."""
    text = due_text(services, t)
    if text is None:
        return None
    window.statusBar().showMessage(text)
    if QSystemTrayIcon.isSystemTrayAvailable():
        tray = QSystemTrayIcon(window.windowIcon(), window)
        tray.show()
        tray.showMessage("Carnet", text, QSystemTrayIcon.MessageIcon.Information)
    return text
