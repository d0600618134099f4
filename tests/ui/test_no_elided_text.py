"""At the default window size, no label, button, tab, column header or table cell is cut short.

French words are longer than English ones: every page is shown in both languages over a
demo household, and each visible text is measured with Qt's own fonts and margins
(``tests/ui/elision.py``). A page's tabs are each shown in turn. The dialogs are measured
in ``test_no_elided_dialogs.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHeaderView, QTableView, QTabWidget, QTreeView, QWidget
from pytestqt.qtbot import QtBot

from carnet.app import Services
from carnet.services.demo import build_demo
from carnet.ui.events import EventHub
from carnet.ui.formats import WindowTranslator
from carnet.ui.main_window import DEFAULT_SIZE, MainWindow
from carnet.ui.pages import PAGES
from carnet.ui.views.feuilles_page import FeuillesPage
from tests.conftest import TODAY
from tests.ui.elision import cells, cut_texts, headers

# The main tables whose cells are measured, by page.
TABLE_PAGES = ("care", "feuilles", "mailings", "household", "bank", "reports")


def _demo_window(qtbot: QtBot, services: Services, tmp_path: Path, language: str) -> MainWindow:
    build_demo(services.household, services.care, acts=60, today=TODAY, seed=1)
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    window = MainWindow(services, EventHub(), settings, WindowTranslator(language))
    qtbot.addWidget(window)
    window.resize(DEFAULT_SIZE)
    window.show()
    return window


def _each_tab(qtbot: QtBot, page: QWidget) -> list[QWidget]:
    """The page, once per tab of its tab widgets (each shown in turn)."""
    shown: list[QWidget] = [page]
    for tabs in page.findChildren(QTabWidget):
        if not tabs.isVisibleTo(page):
            continue
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            qtbot.wait(10)
            shown.append(tabs.widget(index))
        tabs.setCurrentIndex(0)
    return shown


@pytest.mark.parametrize("language", ["en", "fr"])
def test_no_visible_text_is_cut_short(
    qtbot: QtBot, services: Services, tmp_path: Path, language: str
) -> None:
    window = _demo_window(qtbot, services, tmp_path, language)
    cut: list[str] = []
    for key in (spec.key for spec in PAGES):
        window.show_page(key)
        qtbot.wait(10)  # layouts settle
        page = window.page(key)
        for part in _each_tab(qtbot, page):
            cut += [f"{key}: {what}" for what in cut_texts(part) if f"{key}: {what}" not in cut]
    assert cut == []


@pytest.mark.parametrize("language", ["en", "fr"])
def test_no_table_cell_is_cut_short(
    qtbot: QtBot, services: Services, tmp_path: Path, language: str
) -> None:
    """Every cell of the main tables (Care, Feuilles, Mailings, Household, Bank, Reports),
    every row.

    The rule: a cell whose text does not fit its column at the default window size is a
    failure, measured with the cell's own delegate (its font, icon and margins, as
    painted). One exception, which a demanding reader accepts because nothing is lost:
    a free-text column that stretches to take the room the others leave (a label, a
    note) may elide a long text if the cell's tooltip shows all of it. Names, dates,
    amounts, codes and statuses are never elided: their column is sized for them.
    """
    window = _demo_window(qtbot, services, tmp_path, language)
    cut: list[str] = []
    for key in TABLE_PAGES:
        window.show_page(key)
        qtbot.wait(10)
        page = window.page(key)
        for part in _each_tab(qtbot, page):
            for view in part.findChildren(QTableView):
                if view.isVisibleTo(part) and view.model() is not None:
                    found = [f"{key}: {what}" for what in cells(view)]
                    cut += [line for line in found if line not in cut]
    assert cut == []


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_feuilles_detail_panel_is_not_cut_short(
    qtbot: QtBot, services: Services, tmp_path: Path, language: str
) -> None:
    """A feuille chosen, its detail panel shows the acts covered and the history whole.

    By the cells' rule: each list fits its panel (no sideways scrolling), and only the
    practitioner or step, stretched, may elide a long text that its tooltip shows. The
    feuille measured is the one with the longest history, so the lists are full.
    """
    window = _demo_window(qtbot, services, tmp_path, language)
    window.show_page("feuilles")
    page = window.page("feuilles")
    assert isinstance(page, FeuillesPage)

    def fullness(position: int) -> tuple[int, int]:
        source = page.proxy.mapToSource(page.proxy.index(position, 0))
        feuille = page.model.row(source.row()).feuille
        return len(services.claims.history(feuille.id)), len(feuille.act_ids)

    fullest = max(range(page.proxy.rowCount()), key=fullness)
    page.table.selectRow(fullest)
    qtbot.wait(10)
    detail = page.detail
    assert detail.acts.topLevelItemCount() and detail.history.topLevelItemCount() > 3
    cut = [f"detail: {what}" for what in cut_texts(detail) + headers(detail, QTreeView)]
    for view in (detail.acts, detail.history):
        cut += [f"{view.accessibleName()}: {what}" for what in cells(view)]
    assert cut == []


def test_the_check_sees_a_cut_header(qtbot: QtBot) -> None:
    """The measure is not blind: a column narrower than its title is reported."""
    model = QStandardItemModel(1, 1)
    model.setHorizontalHeaderLabels(["Jours restants avant la date limite"])
    page = QWidget()
    view = QTableView(page)
    view.setModel(model)
    view.horizontalHeader().resizeSection(0, 40)
    qtbot.addWidget(page)
    page.show()
    assert headers(page) == ["column 'Jours restants avant la date limite'"]


def test_the_check_sees_a_cut_cell_and_accepts_a_stretched_one_with_its_tooltip(
    qtbot: QtBot,
) -> None:
    long = "Consultation du médecin traitant, secteur 2 avec dépassement"
    model = QStandardItemModel(1, 2)
    model.setHorizontalHeaderLabels(["Code", "Libellé"])
    model.setItem(0, 0, QStandardItem(long))
    model.setItem(0, 1, QStandardItem(long))
    view = QTableView()
    view.setModel(model)
    view.horizontalHeader().setStretchLastSection(True)
    view.resize(300, 100)
    qtbot.addWidget(view)
    view.show()
    view.setColumnWidth(0, 60)
    # Both are cut; the first column does not stretch, the second has no tooltip yet.
    assert cells(view) == [
        f"cells of 'Code' (1, e.g. {long!r})",
        f"cells of 'Libellé' (1, e.g. {long!r})",
    ]
    model.item(0, 1).setData(long, Qt.ItemDataRole.ToolTipRole)
    assert cells(view) == [f"cells of 'Code' (1, e.g. {long!r})"]
    view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    assert cells(view) == []
