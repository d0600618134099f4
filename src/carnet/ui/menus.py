"""The menu bar: File, Edit, Go and Help, with the shortcuts people expect.

Rebuilt whole when the language changes, which is simpler and safer than
keeping a reference to every action to rename it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import NamedTuple

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar

from carnet.i18n import Translator
from carnet.ui.icons import svg_icon
from carnet.ui.pages import PAGES


class MenuHandlers(NamedTuple):
    """What the window does for each menu command."""

    import_statement: Callable[[], None]
    new_act: Callable[[], None]
    create_demo: Callable[[], None]
    back_up: Callable[[], object]  # returns the dialog it opened (tests)
    restore: Callable[[], object]
    todo_sheet: Callable[[], None]
    export: Callable[[], object]
    export_calendar: Callable[[], object]
    show_page: Callable[[str], None]
    about: Callable[[], None]


class WindowMenus:
    """The menus of ``window`` with their commands; ``edit`` is left for the undo actions."""

    new_act: QAction
    import_statement: QAction
    back_up: QAction
    restore: QAction
    todo_sheet: QAction
    export: QAction
    export_calendar: QAction
    quit: QAction

    def __init__(self, window: QMainWindow, t: Translator, handlers: MenuHandlers) -> None:
        self._window = window
        self._t = t
        self._handlers = handlers
        # A new bar replaces the old one, which Qt deletes with its menus and actions.
        bar = QMenuBar(window)
        window.setMenuBar(bar)
        self.file = bar.addMenu(t.gettext("&File"))
        self.edit = bar.addMenu(t.gettext("&Edit"))
        self.go = bar.addMenu(t.gettext("&Go"))
        self.help = bar.addMenu(t.gettext("&Help"))
        self._fill_file(t, handlers)
        self._fill_go(t, handlers)
        about = self._add(self.help, t.gettext("&About Carnet"), handlers.about)
        about.setMenuRole(QAction.MenuRole.AboutRole)

    def _fill_file(self, t: Translator, handlers: MenuHandlers) -> None:
        self.new_act = self._add(self.file, t.gettext("&New care act…"), handlers.new_act)
        self.new_act.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
        self.import_statement = self._add(
            self.file, t.gettext("&Import a bank statement…"), handlers.import_statement
        )
        self.import_statement.setShortcut(QKeySequence("Ctrl+I"))
        self.file.addSeparator()
        self.back_up = self._add(self.file, t.gettext("&Back up now…"), handlers.back_up)
        self.restore = self._add(self.file, t.gettext("&Restore a backup…"), handlers.restore)
        self.file.addSeparator()
        self.todo_sheet = self._add(
            self.file, t.gettext("“What to do now” &sheet…"), handlers.todo_sheet
        )
        self.export = self._add(self.file, t.gettext("&Export…"), handlers.export)
        self.export.setShortcut(QKeySequence("Ctrl+E"))
        self.export_calendar = self._add(
            self.file, t.gettext("Export &reminders (.ics)…"), handlers.export_calendar
        )
        self.file.addSeparator()
        self._add(self.file, t.gettext("Create a &demo household…"), handlers.create_demo)
        self.file.addSeparator()
        self.quit = self._add(self.file, t.gettext("&Quit"), self._window.close)
        # Not StandardKey.Quit: it is empty on Windows, where Ctrl+Q is still expected.
        self.quit.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)

    def _fill_go(self, t: Translator, handlers: MenuHandlers) -> None:
        palette = self._window.palette()
        for number, spec in enumerate(PAGES, start=1):
            action = self._add(
                self.go, t.gettext(spec.title), partial(handlers.show_page, spec.key)
            )
            action.setIcon(svg_icon(spec.key, palette))
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))

    @staticmethod
    def _add(menu: QMenu, text: str, slot: Callable[[], object]) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(lambda _checked=False: slot())
        return action
