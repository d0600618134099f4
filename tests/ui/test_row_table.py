"""The row-table base every list model of the window is built on, and the backups list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QPersistentModelIndex, QSortFilterProxyModel, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from carnet.i18n import N_, Translator
from carnet.services.backup import BackupInfo
from carnet.ui.dialogs.restore_dialog import RestoreDialog
from carnet.ui.models.row_table import (
    ID_ROLE,
    LEFT,
    RIGHT,
    SORT_ROLE,
    Column,
    RowTableModel,
    text_column,
)
from carnet.ui.widgets.tables import make_table


@dataclass(frozen=True, slots=True)
class Line:
    id: int
    name: str
    cents: int


LINES = [Line(1, "bravo", 500), Line(2, "Alpha", 90), Line(3, "alpha", 1200)]


def model(translator: Translator, *, align_headers: bool = False) -> RowTableModel[Line]:
    columns = [
        text_column(N_("Name"), lambda line: line.name, lambda line: (line.id,)),
        Column(N_("Amount"), lambda line: translator.money(line.cents), lambda x: x.cents, RIGHT),
    ]
    built = RowTableModel(
        columns, translator, row_id=lambda line: line.id, align_headers=align_headers
    )
    built.set_rows(LINES)
    return built


def test_the_base_passes_the_model_tester(
    qtmodeltester: ModelTester, translator: Translator
) -> None:
    table = model(translator)
    qtmodeltester.check(table, force_py=True)
    table.sort(1, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(table, force_py=True)


def test_cells_show_texts_sort_on_raw_values_and_know_their_row(translator: Translator) -> None:
    table = model(translator)
    assert table.text(0, 1) == "€5.00"
    assert table.data(table.index(0, 1), SORT_ROLE) == 500
    assert table.data(table.index(1, 0), SORT_ROLE) == ("alpha", 2)
    assert table.data(table.index(2, 0), ID_ROLE) == 3
    assert table.row_of(3) == 2 and table.row_of(9) is None
    table.sort(0, Qt.SortOrder.AscendingOrder)
    assert [line.id for line in table.rows()] == [2, 3, 1]  # equal folded texts: by id
    table.sort(1, Qt.SortOrder.AscendingOrder)
    assert [table.text(n, 1) for n in range(3)] == ["€0.90", "€5.00", "€12.00"]


def test_sorting_keeps_a_selection_on_its_row(translator: Translator) -> None:
    table = model(translator)
    held = table.index(table.row_of(3) or 0, 0)
    persistent = QPersistentModelIndex(held)
    table.sort(1, Qt.SortOrder.DescendingOrder)
    assert persistent.row() == 0 and table.row(persistent.row()).id == 3


def test_headers_follow_their_column_only_when_asked(translator: Translator) -> None:
    plain, aligned = model(translator), model(translator, align_headers=True)
    role = Qt.ItemDataRole.TextAlignmentRole
    assert plain.data(plain.index(0, 1), role) == RIGHT
    assert plain.data(plain.index(0, 0), role) == LEFT
    assert plain.headerData(1, Qt.Orientation.Horizontal, role) is None
    assert aligned.headerData(1, Qt.Orientation.Horizontal, role) == RIGHT
    assert aligned.headerData(0, Qt.Orientation.Horizontal) == "Name"
    assert aligned.headerData(2, Qt.Orientation.Horizontal) is None


@pytest.fixture
def restore_dialog(qtbot: QtBot, translator: Translator, tmp_path: Path) -> RestoreDialog:
    backups = [
        BackupInfo(tmp_path / "a.sqlite", datetime(2026, 11, 27, 9, 30), "daily", 40_000),
        BackupInfo(tmp_path / "b.sqlite", datetime(2026, 11, 28, 8, 0), "manual", 3 * 2**20),
    ]
    dialog = RestoreDialog(translator, backups, lambda _choice: False)
    qtbot.addWidget(dialog)
    return dialog


def test_tables_are_as_wide_as_their_columns_say_through_a_proxy(
    qtbot: QtBot, translator: Translator
) -> None:
    columns = [
        text_column(N_("Name"), lambda line: line.name, lambda line: (line.id,), width=170),
        Column(N_("No."), lambda line: str(line.id), align=RIGHT),  # no width: the default
        Column(N_("Amount"), lambda line: translator.money(line.cents), width=90),
    ]
    lines = RowTableModel(columns, translator)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(lines)
    table = make_table(proxy, "Lines")
    qtbot.addWidget(table)
    default = table.horizontalHeader().defaultSectionSize()
    assert lines.widths() == (170, None, 90)
    assert (table.columnWidth(0), table.columnWidth(1)) == (170, default)
    override = make_table(lines, "Lines", (120,))  # a view that wants its own widths
    qtbot.addWidget(override)
    assert override.columnWidth(0) == 120


def test_the_backups_list_passes_the_model_tester(
    restore_dialog: RestoreDialog, qtmodeltester: ModelTester
) -> None:
    backups = restore_dialog.model
    qtmodeltester.check(backups, force_py=True)
    assert backups.record(1).reason == "manual"
    assert backups.data(backups.index(0, 1)) == "On opening, once a day"
    tooltip = backups.data(backups.index(1, 2), Qt.ItemDataRole.ToolTipRole)
    assert tooltip == backups.data(backups.index(1, 2)) == "3 MB"
