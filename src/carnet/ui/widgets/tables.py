"""The read-only, row-selecting list table of the Feuilles, Mailings and Bank pages."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

Selection = QAbstractItemView.SelectionMode


def make_table(
    model: QAbstractItemModel,
    name: str,
    widths: tuple[int, ...],
    *,
    selection: Selection = Selection.SingleSelection,
    dense: bool = False,
) -> QTableView:
    """A read-only table that selects whole rows, one line of text each, no grid.

    ``widths`` are the first columns' widths (the last one stretches); ``dense``
    tables (the bank's long lists) also keep their rows as tall as the text and
    their headers plain while a row is selected.
    """
    table = QTableView()
    table.setAccessibleName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(selection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setShowGrid(False)
    rows = table.verticalHeader()
    rows.hide()
    header = table.horizontalHeader()
    if dense:
        # Fixed heights: the style's default row is half as tall again as the text needs.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 8)
        header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)
    return table
