"""File › Restore…: pick an automatic backup or a file, and its password if it has one.

The list shows Carnet's automatic backups, newest first, with when and why
each was made and its size; any other copy (a USB key, a protected ZIP) is
chosen as a file. The dialog only gathers the choice: ``restore`` checks the
file, asks for confirmation and does the work, and the dialog stays open
when it answers ``False`` (a wrong password can be typed again).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QItemSelection
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from carnet.i18n import N_, Translator
from carnet.services.backup import BackupInfo, is_archive
from carnet.ui.models.records import RecordTableModel
from carnet.ui.models.row_table import Column
from carnet.ui.widgets.fields import CHOICE_INDENT, file_row, missing_hint

REASONS = {
    "daily": N_("On opening, once a day"),
    "manual": N_("On request"),
    "before-migration": N_("Before an update of Carnet"),
}


@dataclass(frozen=True, slots=True)
class RestoreChoice:
    """The backup to put back; ``info`` is set when it came from the list."""

    file: Path
    password: str | None = None
    info: BackupInfo | None = None


Restore = Callable[[RestoreChoice], bool]


def taken_text(t: Translator, info: BackupInfo) -> str:
    """``28 Nov 2026, 09:30`` in the UI's language."""
    return t.gettext("{date}, {time}").format(
        date=t.date(info.taken.date()), time=info.taken.strftime("%H:%M")
    )


def size_text(t: Translator, size: int) -> str:
    if size < 1024 * 1024:
        return t.gettext("{n} kB").format(n=t.number(Decimal(max(1, round(size / 1024)))))
    megabytes = Decimal(size) / (1024 * 1024)
    return t.gettext("{n} MB").format(n=t.number(round(megabytes, 1)))


def backup_columns(t: Translator) -> list[Column[BackupInfo]]:
    return [
        Column(N_("Made on"), lambda b: taken_text(t, b), lambda b: b.taken),
        Column(N_("Why"), lambda b: t.gettext(REASONS[b.reason]) if b.reason in REASONS else ""),
        Column(N_("Size"), lambda b: size_text(t, b.size), lambda b: b.size),
    ]


class RestoreDialog(QDialog):
    """Lists the automatic backups; **Restore…** stays disabled until one is chosen."""

    def __init__(
        self,
        t: Translator,
        backups: Sequence[BackupInfo],
        restore: Restore,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._t, self._restore = t, restore
        title = t.gettext("Restore a backup")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.from_list = QRadioButton(t.gettext("One of the automatic backups"))
        self.model: RecordTableModel[BackupInfo] = RecordTableModel(backup_columns(t), t, self)
        self.model.set_rows(backups)
        self.table = QTableView()
        self.empty_note = QLabel(t.gettext("There is no automatic backup yet."))
        self.from_file = QRadioButton(t.gettext("A backup file"))
        self.file_edit = QLineEdit()
        self.choose_button = QPushButton(t.gettext("Choose…"))
        self.password = QLineEdit()
        self.problem = missing_hint(t)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._build()
        self._connect()
        if backups:
            self.from_list.setChecked(True)
            self.table.selectRow(0)
        else:
            self.from_list.setEnabled(False)
            self.from_file.setChecked(True)
        self._update()

    # -- building --------------------------------------------------------------------
    def _build(self) -> None:
        t = self._t
        intro = QLabel(
            t.gettext(
                "Choose the copy to put back. Carnet will then show the data of that "
                "copy; you will be asked to confirm first."
            )
        )
        intro.setWordWrap(True)
        group = QButtonGroup(self)
        for button in (self.from_list, self.from_file):
            group.addButton(button)
        self.from_list.setAccessibleName(t.gettext("Restore one of the automatic backups"))
        self.from_file.setAccessibleName(t.gettext("Restore a backup file"))
        self.table.setModel(self.model)
        self.table.setAccessibleName(t.gettext("Automatic backups"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.empty_note.setVisible(self.model.rowCount() == 0)
        self.empty_note.setIndent(CHOICE_INDENT)
        self.file_edit.setAccessibleName(t.gettext("Backup file"))
        self.file_edit.setPlaceholderText(t.gettext("A .sqlite copy or a protected .zip"))
        self.choose_button.setAccessibleName(t.gettext("Choose the backup file"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(t.gettext("Password of the backup"))
        self.password.setPlaceholderText(t.gettext("Only for a protected backup"))
        secret = QFormLayout()
        secret.setContentsMargins(CHOICE_INDENT, 0, 0, 0)
        secret.addRow(t.gettext("Password"), self.password)
        self.ok_button.setText(t.gettext("Restore…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(t.gettext("Cancel"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addWidget(self.from_list)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_note)
        layout.addWidget(self.from_file)
        layout.addLayout(file_row(self.file_edit, self.choose_button))
        layout.addLayout(secret)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumSize(600, 460)

    def _connect(self) -> None:
        for button in (self.from_list, self.from_file):
            button.toggled.connect(self._update)
        for field in (self.file_edit, self.password):
            field.textChanged.connect(self._update)
        self.table.selectionModel().selectionChanged.connect(self._picked_row)
        self.choose_button.clicked.connect(self.choose_file)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    # -- state -----------------------------------------------------------------------
    def _picked_row(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        if not selected.isEmpty():
            self.from_list.setChecked(True)
        self._update()

    def _update(self) -> None:
        by_file = self.from_file.isChecked()
        self.file_edit.setEnabled(by_file)
        self.choose_button.setEnabled(by_file)
        self.password.setEnabled(self.needs_password())
        problem = self.problem_text()
        self.problem.setText(problem)
        self.ok_button.setEnabled(not problem)

    def selected_info(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def chosen_file(self) -> Path | None:
        if self.from_list.isChecked():
            info = self.selected_info()
            return None if info is None else info.path
        text = self.file_edit.text().strip()
        return Path(text).expanduser() if text else None

    def needs_password(self) -> bool:
        path = self.chosen_file()
        return path is not None and self.from_file.isChecked() and is_archive(path)

    def problem_text(self) -> str:
        """Why the restore cannot start yet ("" when it can)."""
        t = self._t
        path = self.chosen_file()
        if path is None:
            if self.from_list.isChecked():
                return t.gettext("Select a backup in the list.")
            return t.gettext("Choose the backup file.")
        if not path.is_file():
            return t.gettext("There is no such file.")
        if self.needs_password() and not self.password.text():
            return t.gettext("This backup is protected: type its password.")
        return ""

    def choice(self) -> RestoreChoice | None:
        path = self.chosen_file()
        if path is None:
            return None
        password = self.password.text() if self.needs_password() else None
        info = self.selected_info() if self.from_list.isChecked() else None
        return RestoreChoice(path, password, info)

    # -- commands --------------------------------------------------------------------
    def choose_file(self) -> Path | None:
        t = self._t
        name, _filter = QFileDialog.getOpenFileName(
            self,
            t.gettext("Choose a backup"),
            self.file_edit.text().strip() or str(Path.home()),
            t.gettext("Carnet backups (*.sqlite *.zip);;All files (*)"),
        )
        if not name:
            return None
        self.file_edit.setText(name)
        self.from_file.setChecked(True)
        if self.needs_password():
            self.password.setFocus()
        return Path(name)

    def wrong_password(self) -> None:
        """After a refused password: empty the field and put the cursor back in it."""
        self.password.clear()
        self.password.setFocus()

    def accept(self) -> None:
        choice = self.choice()
        if choice is None or self.problem_text():
            return
        if self._restore(choice):
            super().accept()
