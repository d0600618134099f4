"""Window-wide actions: undo/redo over the event history, and importing a statement
from the File menu or by dropping a file anywhere on the window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from carnet.app import Services
from carnet.i18n import Translator
from carnet.ui.events import EventHub
from carnet.ui.operations import run_op

if TYPE_CHECKING:
    from carnet.services.base import Result


class UndoActions(QObject):
    """Edit › Undo / Redo, labelled with what they will take back or do again.

    A child of the Edit menu, so that rebuilding the menus (a language change)
    also disconnects it from the hub.
    """

    def __init__(
        self,
        window: QMainWindow,
        menu: QMenu,
        services: Services,
        events: EventHub,
        translator: Translator,
    ) -> None:
        super().__init__(menu)
        self._window = window
        self._services = services
        self._events = events
        self._t = translator
        self.undo = self._action(menu, QKeySequence.StandardKey.Undo, self._undo)
        self.redo = self._action(menu, QKeySequence.StandardKey.Redo, self._redo)
        # Ctrl+Shift+Z everywhere, as people expect it even where the platform says Ctrl+Y.
        self.redo.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Shift+Z")]
        )
        events.changed.connect(self._on_changed)
        log = services.operation_log
        if log.done or log.undone:
            self.update()
        else:  # a window just opened has nothing to undo: no need to read the history
            self._show(None, None)

    def _on_changed(self, _changes: object) -> None:
        self.update()

    def _action(
        self, menu: QMenu, key: QKeySequence.StandardKey, slot: Callable[[], None]
    ) -> QAction:
        action = menu.addAction("")
        action.setShortcut(key)
        action.triggered.connect(slot)
        return action

    def update(self) -> None:
        history = self._services.history
        self._show(history.undo_label(), history.redo_label())

    def _show(self, undo: str | None, redo: str | None) -> None:
        t = self._t
        self.undo.setEnabled(undo is not None)
        self.redo.setEnabled(redo is not None)
        self.undo.setText(
            t.gettext("&Undo {what}").format(what=t.gettext(undo)) if undo else t.gettext("&Undo")
        )
        self.redo.setText(
            t.gettext("&Redo {what}").format(what=t.gettext(redo)) if redo else t.gettext("&Redo")
        )

    def _undo(self) -> None:
        self._run(self._services.history.undo)

    def _redo(self) -> None:
        self._run(self._services.history.redo)

    def _run(self, call: Callable[[], Result[str]]) -> None:
        run_op(self._window, self._t, self._events, call)
        self.update()  # also after a refusal: the history may have moved under us


def dropped_file(event: QDragEnterEvent | QDropEvent) -> Path | None:
    """The one local file being dragged, if that is what it is."""
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.is_file() else None
