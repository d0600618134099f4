"""Run work once a widget has painted for the first time (start-up that feels instant).

Opening the window should show the first screen as early as possible; work
that the first screen does not need (reading every id of a 100 000-act table,
warming caches) is handed to :func:`after_first_paint` and runs just after.
A zero-delay timer is not enough: Qt may fire it before the paint event.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, call: Callable[[], None]) -> None:
        super().__init__(widget)
        self._call = call
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # After this paint has finished, not inside it.
            QTimer.singleShot(0, self, self._done)
        return False

    def _done(self) -> None:
        self._call()
        self.deleteLater()


def after_first_paint(widget: QWidget, call: Callable[[], None]) -> None:
    """Call ``call`` once, right after ``widget`` next paints."""
    _FirstPaint(widget, call)
