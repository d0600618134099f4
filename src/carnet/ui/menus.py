"""The menu bar: File, Edit, Go and Help, with the shortcuts people expect.

Rebuilt whole when the language changes, which is simpler and safer than
keeping a reference to every action to rename it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar

from carnet.i18n import Translator
from carnet.ui.icons import svg_icon
from carnet.ui.pages import PAGES


@dataclass(frozen=True, slots=True)
class MenuHandlers:
    """What the window does for each menu command."""

    import_statement: Callable[[], None]
    new_act: Callable[[], None]
    create_demo: Callable[[], None]
    back_up: Callable[[], object]  # returns the dialog it opened (tests)
    restore: Callable[[], object]
    todo_sheet: Callable[[], None]
    export: Callable[[], object]
    show_page: Callable[[str], None]
    about: Callable[[], None]


class WindowMenus:
    """Builds the menus of ``window``; ``edit`` is left for the undo actions to fill."""

    def __init__(self, window: QMainWindow, t: Translator, handlers: MenuHandlers) -> None:
        # A new bar replaces the old one, which Qt deletes with its menus and actions.
        bar = QMenuBar(window)
        window.setMenuBar(bar)
        self.file = bar.addMenu(t.gettext("&File"))
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
        self.file.addSeparator()
        self._add(self.file, t.gettext("Create a &demo household…"), handlers.create_demo)
        self.file.addSeparator()
        self.quit = self._add(self.file, t.gettext("&Quit"), window.close)
        # Not StandardKey.Quit: it is empty on Windows, where Ctrl+Q is still expected.
        self.quit.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.edit = bar.addMenu(t.gettext("&Edit"))
        self.go = bar.addMenu(t.gettext("&Go"))
        for number, spec in enumerate(PAGES, start=1):
            action = self._add(
                self.go, t.gettext(spec.title), partial(handlers.show_page, spec.key)
            )
            action.setIcon(svg_icon(spec.key, window.palette()))
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
        self.help = bar.addMenu(t.gettext("&Help"))
        about = self._add(self.help, t.gettext("&About Carnet"), handlers.about)
        about.setMenuRole(QAction.MenuRole.AboutRole)

    @staticmethod
    def _add(menu: QMenu, text: str, slot: Callable[[], object]) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(lambda _checked=False: slot())
        return action
