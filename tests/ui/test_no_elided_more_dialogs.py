"""The last dialogs at the size they open with: no text cut short, in English and French.

The "what to do now" sheet, the restore dialog, the bank statement import, the match by
hand of a bank credit and the new mailing, each opened from the window over the demo
household, measured like the other dialogs (``test_no_elided_dialogs``): labels, buttons,
tabs, drop-down lists (each item chosen in turn), column headers, squashed fields, and the
cells of their tables by the rule of the pages' tables (``tests/ui/elision.py``,
``cells``). A dialog that opens larger than the 1280×800 screen hides its buttons: that is
a cut too.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QLayout, QTableView, QTreeView, QWidget
from pytestqt.qtbot import QtBot

from carnet.app import Services, build_services
from carnet.services.demo import build_demo
from carnet.ui.events import EventHub
from carnet.ui.formats import WindowTranslator
from carnet.ui.main_window import MainWindow
from carnet.ui.views.bank_page import BankPage
from carnet.ui.views.mailings_page import MailingsPage
from carnet.ui.views.reports_page import ReportsPage
from tests.conftest import TODAY
from tests.ui.elision import cells, cut_texts
from tests.ui.test_no_elided_dialogs import SCREEN, _measured

BANK_FILES = Path(__file__).resolve().parents[1] / "data" / "bank"


def _window(qtbot: QtBot, services: Services, tmp_path: Path, language: str) -> MainWindow:
    """The window as the application builds it: it can reopen its file (restore)."""
    settings = QSettings(str(tmp_path / f"window-{language}.ini"), QSettings.Format.IniFormat)
    window = MainWindow(
        services,
        EventHub(),
        settings,
        WindowTranslator(language),
        reopen=lambda path: build_services(path, today=lambda: TODAY),
    )
    qtbot.addWidget(window)
    window.show()
    return window


def _todo_sheet(qtbot: QtBot, window: MainWindow) -> QWidget:
    window.show_page("reports")
    page = window.page("reports")
    assert isinstance(page, ReportsPage)
    dialog = page.open_todo_sheet()
    dialog.wait_for_pdf()
    qtbot.waitUntil(lambda: dialog.pdf is not None and dialog.page_count() > 0)
    return dialog


def _restore(_qtbot: QtBot, window: MainWindow) -> QWidget | None:
    window.services.backup.backup_now()  # a backup in the list
    return window.backups.restore()


def _bank(window: MainWindow) -> BankPage:
    window.show_page("bank")
    page = window.page("bank")
    assert isinstance(page, BankPage)
    return page


def _import(_qtbot: QtBot, window: MainWindow) -> QWidget:
    return _bank(window).open_import(BANK_FILES / "credit_mutuel.csv")


def _match(_qtbot: QtBot, window: MainWindow) -> QWidget | None:
    reconcile = _bank(window).reconcile
    reconcile.credit_table.selectRow(0)
    return reconcile.match_by_hand()


def _new_mailing(_qtbot: QtBot, window: MainWindow) -> QWidget:
    window.show_page("mailings")
    page = window.page("mailings")
    assert isinstance(page, MailingsPage)
    return page.new_mailing()


DIALOGS: dict[str, Callable[[QtBot, MainWindow], QWidget | None]] = {
    "to-do sheet": _todo_sheet,
    "restore": _restore,
    "bank import": _import,
    "match by hand": _match,
    "new mailing": _new_mailing,
}


def table_cells(dialog: QWidget) -> list[str]:
    """The cells cut in the dialog's shown tables and lists (rule of ``elision.cells``)."""
    cut = []
    views: list[QTableView | QTreeView] = [
        *dialog.findChildren(QTableView),
        *dialog.findChildren(QTreeView),
    ]
    for view in views:
        if view.isVisibleTo(dialog) and view.model() is not None:
            cut += [f"{view.accessibleName()!r}: {what}" for what in cells(view)]
    return cut


def every_choice(qtbot: QtBot, dialog: QWidget) -> list[str]:
    """Each drop-down list with each of its items chosen in turn (the longest one too),
    the dialog measured again each time: a choice can also change the rest of the dialog."""
    cut = []
    for box in dialog.findChildren(QComboBox):
        if not box.isVisibleTo(dialog) or not box.isEnabled():
            continue
        chosen = box.currentIndex()
        for index in range(box.count()):
            box.setCurrentIndex(index)
            qtbot.wait(1)
            cut += [line for line in cut_texts(dialog) + table_cells(dialog) if line not in cut]
        box.setCurrentIndex(chosen)
    return cut


def _cut(qtbot: QtBot, dialog: QWidget) -> list[str]:
    cut = _measured(qtbot, dialog) + table_cells(dialog)
    cut += [line for line in every_choice(qtbot, dialog) if line not in cut]
    size = dialog.size()
    if size.width() > SCREEN.width() or size.height() > SCREEN.height():
        cut.append(f"opens at {size.width()}×{size.height()}, larger than the screen")
    return cut


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("name", list(DIALOGS))
def test_the_dialogs(
    qtbot: QtBot, services: Services, tmp_path: Path, language: str, name: str
) -> None:
    build_demo(services.household, services.care, acts=20, today=TODAY, seed=1)
    window = _window(qtbot, services, tmp_path, language)
    dialog = DIALOGS[name](qtbot, window)
    assert dialog is not None
    cut = _cut(qtbot, dialog)
    dialog.close()
    assert cut == []


@pytest.mark.parametrize("name", list(DIALOGS))
def test_the_check_sees_what_a_squeezed_dialog_cuts(
    qtbot: QtBot, services: Services, tmp_path: Path, name: str
) -> None:
    """The measure is not blind: the same dialog squeezed below its layout's minimum, its
    texts (a label, a button, a column, a cell) are reported cut."""
    build_demo(services.household, services.care, acts=20, today=TODAY, seed=1)
    window = _window(qtbot, services, tmp_path, "fr")
    dialog = DIALOGS[name](qtbot, window)
    assert dialog is not None
    dialog.show()
    layout = dialog.layout()
    assert layout is not None
    layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
    for child in [dialog, *dialog.findChildren(QWidget)]:
        child.setMinimumSize(0, 0)
    dialog.resize(120, 600)  # narrow, as a long French text would need
    qtbot.wait(10)
    found = _cut(qtbot, dialog)
    tables = table_cells(dialog)
    dialog.close()
    assert any(" label " in line or " button " in line for line in found), found
    if name != "to-do sheet":  # the only one without a table
        assert tables, found  # its table, too narrow, scrolls sideways
