"""A table model over a list of household records (or backups), described by its columns.

People, practitioners, contracts and backups are short lists, so one adapter with
a column list (:mod:`carnet.ui.models.household_columns`) serves them all.
"""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtCore import Qt

from carnet.ui.models.row_table import RowTableModel

R = TypeVar("R")


class RecordTableModel(RowTableModel[R]):
    """Rows of records ``R``; replace them with :meth:`set_rows`."""

    def record(self, row: int) -> R:
        return self.row(row)

    def cell_data(self, row: R, column: int, role: int) -> Any:
        # Addresses and long names are cut short in their column: the tooltip says it all.
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._columns[column].text(row)
        return None
