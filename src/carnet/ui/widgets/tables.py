"""The read-only, row-selecting list table of the Feuilles, Mailings and Bank pages."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QAbstractProxyModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from carnet.ui.models.row_table import RowTableModel

Selection = QAbstractItemView.SelectionMode


def make_table(
    model: QAbstractItemModel,
    name: str,
    widths: Sequence[int | None] | None = None,
    *,
    selection: Selection = Selection.SingleSelection,
    dense: bool = False,
) -> QTableView:
    """A read-only table that selects whole rows, one line of text each, no grid.

    The columns are as wide as the model's column descriptions say
    (:meth:`RowTableModel.widths`, read through any proxy), unless ``widths`` is
    given (the last column stretches anyway); ``dense``
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
    for column, width in enumerate(_described_widths(model) if widths is None else widths):
        if width is not None:
            table.setColumnWidth(column, width)
    return table


def _described_widths(model: QAbstractItemModel) -> tuple[int | None, ...]:
    """The widths the columns of ``model`` (or of the model under its proxies) describe."""
    while isinstance(model, QAbstractProxyModel):
        model = model.sourceModel()
    return model.widths() if isinstance(model, RowTableModel) else ()


def give_room(table: QTableView, stretch: int, fit: Sequence[int] = ()) -> None:
    """Column ``stretch`` (free text, elided with its tooltip) takes the room the others
    leave; the ``fit`` columns are as wide as their content, so none is cut at any size."""
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    for column in fit:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
