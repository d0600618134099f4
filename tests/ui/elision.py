"""Whether visible text is cut short, measured with Qt's own fonts, margins and styles.

Shared by the tests of the pages, the dialogs and the tables' cells (``test_no_elided_*``).
Each function returns one line per text that does not fit, naming it, so that a failure
says what to fix.
"""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QChartView
from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionViewItem,
    QTabBar,
    QTableView,
    QTreeView,
    QWidget,
)


def cut_texts(root: QWidget) -> list[str]:
    """Labels, buttons, tabs, drop-down lists and column headers of ``root`` that are cut,
    and fields squeezed shorter than a line of their text."""
    return (
        labels(root)
        + buttons(root)
        + tabs(root)
        + combos(root)
        + headers(root)
        + squashed(root)
        + chart_labels(root)
    )


def chart_labels(root: QWidget) -> list[str]:
    """A chart's category (month) label wider than its slot: Qt elides it ("jan...")."""
    cut = []
    for view in root.findChildren(QChartView):
        chart = view.chart()
        if not view.isVisibleTo(root) or chart is None:
            continue
        for axis in chart.axes():
            if not isinstance(axis, QBarCategoryAxis) or not axis.count():
                continue
            slot = chart.plotArea().width() / axis.count()
            metrics = QFontMetrics(axis.labelsFont())
            cut += [
                f"chart label {text!r}"
                for text in axis.categories()
                if metrics.horizontalAdvance(text) > slot
            ]
    return cut


def squashed(root: QWidget) -> list[str]:
    """A text field, drop-down list or button less tall than Qt's minimum for its text: the
    text inside is clipped at the top and bottom."""
    cut = []
    for field in root.findChildren(QWidget):
        if not isinstance(field, QLineEdit | QComboBox | QAbstractButton | QAbstractSpinBox):
            continue
        if isinstance(field.parent(), QAbstractSpinBox | QComboBox):
            continue  # the line edit inside a date, number or drop-down field: sized by it
        if field.isVisibleTo(root) and field.height() < field.minimumSizeHint().height():
            words = field.accessibleName() or getattr(field, "text", lambda: "")()
            cut.append(f"squashed {type(field).__name__} {words!r}")
    return cut


def labels(root: QWidget) -> list[str]:
    """A one-line label narrower than its text; a wrapped one shorter than its lines."""
    cut = []
    for label in root.findChildren(QLabel):
        text = label.text()
        if not label.isVisibleTo(root) or not text or "<" in text:
            continue
        room = label.contentsRect()
        if label.wordWrap():
            if label.heightForWidth(label.width()) > label.height() + 1:
                cut.append(f"wrapped label {text!r}")
            continue
        widest = max(label.fontMetrics().horizontalAdvance(line) for line in text.split("\n"))
        if widest > room.width() + 1:
            cut.append(f"label {text!r}")
    return cut


def buttons(root: QWidget) -> list[str]:
    cut = []
    for button in root.findChildren(QAbstractButton):
        text = button.text().replace("&", "")
        if not button.isVisibleTo(root) or not text or button.sizeHint().width() <= button.width():
            continue
        cut.append(f"button {text!r}")
    return cut


def tabs(root: QWidget) -> list[str]:
    cut = []
    for bar in root.findChildren(QTabBar):
        if not bar.isVisibleTo(root):
            continue
        for index in range(bar.count()):
            if bar.tabSizeHint(index).width() > bar.tabRect(index).width() + 1:
                cut.append(f"tab {bar.tabText(index)!r}")
    return cut


def combos(root: QWidget) -> list[str]:
    """A drop-down list whose chosen item shows cut (Qt elides it in the edit field)."""
    cut = []
    for combo in root.findChildren(QComboBox):
        text = combo.currentText()
        if not combo.isVisibleTo(root) or not text or combo.isEditable():
            continue
        option = QStyleOptionComboBox()
        option.initFrom(combo)
        option.rect = combo.rect()
        option.currentText = text
        field = combo.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox,
            option,
            QStyle.SubControl.SC_ComboBoxEditField,
            combo,
        )
        if combo.fontMetrics().horizontalAdvance(text) > field.width() + 1:
            cut.append(f"drop-down {text!r}")
    return cut


def headers(root: QWidget, views: type[QTableView | QTreeView] = QTableView) -> list[str]:
    """Column headers narrower than their title, in the tables (or the ``views``) of root."""
    cut = []
    for view in root.findChildren(views):
        model = view.model()
        if not view.isVisibleTo(root) or model is None:
            continue
        header = view.header() if isinstance(view, QTreeView) else view.horizontalHeader()
        cut += _cut_headers(header)
    return cut


def _cut_headers(header: QHeaderView) -> list[str]:
    cut = []
    model = header.model()
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


def stretches(header: QHeaderView, column: int) -> bool:
    """Whether the column takes the room the others leave (it grows with the window)."""
    if header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch:
        return True
    last = max(
        (c for c in range(header.count()) if not header.isSectionHidden(c)),
        key=header.visualIndex,
        default=-1,
    )
    return header.stretchLastSection() and column == last


def cells(view: QTableView | QTreeView, limit: int = 2000) -> list[str]:
    """Columns with a cell whose text is elided, by the rule of ``test_no_elided_cells``.

    A table or a flat list (a tree view without branches, as the detail panels' lists).

    A cell is cut when its delegate's size hint (text, icon, margins, as painted) is
    wider than the cell. It is allowed only in a column that stretches, when the
    cell's tooltip holds the whole text. A table that scrolls sideways hides whole
    columns: that is a cut too.
    """
    model = view.model()
    if model is None:
        return []
    header = view.header() if isinstance(view, QTreeView) else view.horizontalHeader()
    grid = 1 if isinstance(view, QTableView) and view.showGrid() else 0
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.font = view.font()
    small = view.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, view)
    option.decorationSize = view.iconSize() if view.iconSize().isValid() else QSize(small, small)
    cut = []
    if view.horizontalScrollBar().maximum() > 0:
        cut.append(f"table {view.accessibleName()!r} wider than its view (columns scrolled off)")
    for column in range(model.columnCount()):
        if header.isSectionHidden(column):
            continue
        room = view.columnWidth(column) - grid
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or column)
        found = [
            text
            for row in range(min(model.rowCount(), limit))
            if (text := _cut_cell(view, model.index(row, column), option, room, header))
        ]
        if found:
            cut.append(f"cells of {title!r} ({len(found)}, e.g. {found[0]!r})")
    return cut


def _cut_cell(
    view: QTableView | QTreeView,
    index: QModelIndex,
    option: QStyleOptionViewItem,
    room: int,
    header: QHeaderView,
) -> str:
    text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
    if not text:
        return ""
    delegate = view.itemDelegateForIndex(index)
    if delegate.sizeHint(option, index).width() <= room:
        return ""
    tip = str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
    if stretches(header, index.column()) and text in tip:
        return ""
    return text
