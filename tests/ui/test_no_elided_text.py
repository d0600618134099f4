"""At the default window size, no label, button, tab or column header is cut short.

French words are longer than English ones: every page is shown in both languages over a
demo household, and each visible text is measured with Qt's own fonts and margins.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QHeaderView,
    QLabel,
    QStyle,
    QTabBar,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from carnet.app import Services
from carnet.services.demo import build_demo
from carnet.ui.events import EventHub
from carnet.ui.formats import WindowTranslator
from carnet.ui.main_window import DEFAULT_SIZE, MainWindow
from carnet.ui.pages import PAGES
from tests.conftest import TODAY


def _labels(root: QWidget) -> list[str]:
    cut = []
    for label in root.findChildren(QLabel):
        text = label.text()
        if not label.isVisibleTo(root) or label.wordWrap() or not text or "<" in text:
            continue
        widest = max(label.fontMetrics().horizontalAdvance(line) for line in text.split("\n"))
        if widest > label.contentsRect().width() + 1:
            cut.append(f"label {text!r}")
    return cut


def _buttons(root: QWidget) -> list[str]:
    cut = []
    for button in root.findChildren(QAbstractButton):
        text = button.text().replace("&", "")
        if not button.isVisibleTo(root) or not text or button.sizeHint().width() <= button.width():
            continue
        cut.append(f"button {text!r}")
    return cut


def _tabs(root: QWidget) -> list[str]:
    cut = []
    for bar in root.findChildren(QTabBar):
        if not bar.isVisibleTo(root):
            continue
        for index in range(bar.count()):
            if bar.tabSizeHint(index).width() > bar.tabRect(index).width() + 1:
                cut.append(f"tab {bar.tabText(index)!r}")
    return cut


def _headers(root: QWidget) -> list[str]:
    cut = []
    for view in root.findChildren(QTableView):
        model = view.model()
        if not view.isVisibleTo(root) or model is None:
            continue
        header: QHeaderView = view.horizontalHeader()
        style = header.style()
        margin = 2 * style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        mark = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
        for column in range(model.columnCount()):
            text = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            if header.isSectionHidden(column) or not text:
                continue
            sorted_here = header.isSortIndicatorShown() and header.sortIndicatorSection() == column
            need = header.fontMetrics().horizontalAdvance(text) + margin
            if need + (mark if sorted_here else 0) > header.sectionSize(column):
                cut.append(f"column {text!r}")
    return cut


@pytest.mark.parametrize("language", ["en", "fr"])
def test_no_visible_text_is_cut_short(
    qtbot: QtBot, services: Services, tmp_path: Path, language: str
) -> None:
    build_demo(services.household, services.care, acts=60, today=TODAY, seed=1)
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    window = MainWindow(services, EventHub(), settings, WindowTranslator(language))
    qtbot.addWidget(window)
    window.resize(DEFAULT_SIZE)
    window.show()
    cut: list[str] = []
    for key in (spec.key for spec in PAGES):
        window.show_page(key)
        qtbot.wait(10)  # layouts settle
        page = window.page(key)
        cut += [
            f"{key}: {what}"
            for what in _labels(page) + _buttons(page) + _tabs(page) + _headers(page)
        ]
    assert cut == []


def test_the_check_sees_a_cut_header(qtbot: QtBot) -> None:
    """The measure is not blind: a column narrower than its title is reported."""
    from PySide6.QtGui import QStandardItemModel  # noqa: PLC0415

    model = QStandardItemModel(1, 1)
    model.setHorizontalHeaderLabels(["Jours restants avant la date limite"])
    page = QWidget()
    view = QTableView(page)
    view.setModel(model)
    view.horizontalHeader().resizeSection(0, 40)
    qtbot.addWidget(page)
    page.show()
    assert _headers(page) == ["column 'Jours restants avant la date limite'"]
