"""File › Back up now…: where the copy goes, and whether a password protects it.

Two places: Carnet's own backups folder (the rotating copies, the last ones
kept), or a file the person picks, for a USB key or another computer. Only a
chosen file can carry a password: the backups folder holds plain SQLite
files that the restore list reads by name. The dialog does not write
anything itself; it hands the choice to ``save``, and stays open with what
was typed if ``save`` fails.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from carnet.i18n import Translator
from carnet.services.backup import MIN_PASSWORD
from carnet.ui.widgets.fields import CHOICE_INDENT, file_row, missing_hint


@dataclass(frozen=True, slots=True)
class BackupChoice:
    """``file`` None: the backups folder. ``replace``: the person agreed to overwrite it."""

    file: Path | None = None
    password: str | None = None
    replace: bool = False


Save = Callable[[BackupChoice], Path | None]


class BackupDialog(QDialog):
    """Asks where to back up; **Back up** stays disabled until the choice is complete."""

    def __init__(
        self,
        t: Translator,
        folder: Path | None,
        save: Save,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._t, self._save, self._today = t, save, today
        self._confirmed: Path | None = None  # the file whose replacement the file dialog confirmed
        self.written: Path | None = None
        title = t.gettext("Back up now")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.to_folder = QRadioButton(t.gettext("In Carnet's backups folder"))
        self.folder_note = QLabel()
        self.to_file = QRadioButton(t.gettext("To a file of my choice"))
        self.file_edit = QLineEdit()
        self.choose_button = QPushButton(t.gettext("Choose…"))
        self.protect = QCheckBox(t.gettext("Protect it with a password"))
        self.password = QLineEdit()
        self.confirm = QLineEdit()
        self.problem = missing_hint(t)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._build(folder)
        self._connect()
        self._update()

    # -- building --------------------------------------------------------------------
    def _build(self, folder: Path | None) -> None:
        t = self._t
        intro = QLabel(
            t.gettext(
                "A backup is a complete copy of your Carnet data as it is now. "
                "Carnet also makes one by itself each day you open it."
            )
        )
        intro.setWordWrap(True)
        self.ok_button.setText(t.gettext("Back up"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(t.gettext("Cancel"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(6)
        self._build_places(layout, folder)
        layout.addSpacing(6)
        self._build_password(layout)
        layout.addStretch(1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    def _build_places(self, layout: QVBoxLayout, folder: Path | None) -> None:
        t = self._t
        group = QButtonGroup(self)
        for button in (self.to_folder, self.to_file):
            group.addButton(button)
        if folder is None:
            self.to_folder.setEnabled(False)
            self.folder_note.setText(t.gettext("Not available: this database is only in memory."))
            self.to_file.setChecked(True)
        else:
            self.folder_note.setText(
                t.gettext("{folder} (the most recent copies are kept)").format(folder=folder)
            )
            self.to_folder.setChecked(True)
        self.folder_note.setWordWrap(True)
        self.folder_note.setIndent(CHOICE_INDENT)
        self.to_folder.setAccessibleName(t.gettext("Back up to the backups folder"))
        self.to_file.setAccessibleName(t.gettext("Back up to a file of my choice"))
        self.file_edit.setAccessibleName(t.gettext("Backup file"))
        self.file_edit.setPlaceholderText(t.gettext("Choose where to save the copy"))
        self.choose_button.setAccessibleName(t.gettext("Choose the backup file"))
        layout.addWidget(self.to_folder)
        layout.addWidget(self.folder_note)
        layout.addWidget(self.to_file)
        layout.addLayout(file_row(self.file_edit, self.choose_button))

    def _build_password(self, layout: QVBoxLayout) -> None:
        t = self._t
        self.protect.setAccessibleName(t.gettext("Protect the backup with a password"))
        # One box for the fields, their labels and the warning: all greyed out together.
        self.secret_box = QWidget()
        secret = QFormLayout()
        secret.setContentsMargins(CHOICE_INDENT, 0, 0, 0)
        for field, name in (
            (self.password, t.gettext("Password")),
            (self.confirm, t.gettext("Confirm the password")),
        ):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setAccessibleName(name)
            secret.addRow(name, field)
        note = QLabel(
            t.gettext(
                "The copy is then an encrypted ZIP file (AES-256) that also holds the "
                "attached scans and PDFs. Without the password nobody can open it, not "
                "even you: write it down somewhere safe."
            )
        )
        note.setWordWrap(True)
        note.setIndent(CHOICE_INDENT)
        column = QVBoxLayout(self.secret_box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(secret)
        column.addWidget(note)
        layout.addWidget(self.protect)
        # Said before the box opens: a plain copy on a USB key would lose the scans.
        self.files_note = QLabel(
            t.gettext("Only a copy with a password also holds the attached scans and PDFs.")
        )
        self.files_note.setWordWrap(True)
        self.files_note.setIndent(CHOICE_INDENT)
        layout.addWidget(self.files_note)
        layout.addWidget(self.secret_box)

    def _connect(self) -> None:
        for button in (self.to_folder, self.to_file, self.protect):
            button.toggled.connect(self._update)
        for field in (self.file_edit, self.password, self.confirm):
            field.textChanged.connect(self._update)
        self.choose_button.clicked.connect(self.choose_file)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    # -- state -----------------------------------------------------------------------
    def _update(self) -> None:
        to_file = self.to_file.isChecked()
        for widget in (self.file_edit, self.choose_button, self.protect):
            widget.setEnabled(to_file)
        protected = to_file and self.protect.isChecked()
        self.secret_box.setEnabled(protected)
        self.files_note.setEnabled(to_file and not protected)  # greyed once it no longer applies
        problem = self.problem_text()
        self.problem.setText(problem)
        self.ok_button.setEnabled(not problem)

    def problem_text(self) -> str:
        """Why the backup cannot start yet ("" when it can)."""
        t = self._t
        if not self.to_file.isChecked():
            return ""
        text = self.file_edit.text().strip()
        if not text:
            return t.gettext("Choose the file to save the copy to.")
        path = Path(text).expanduser()
        if path.is_dir():
            return t.gettext("This is a folder: add a file name.")
        if path.exists() and path != self._confirmed:
            return t.gettext("This file already exists: pick it with Choose… to replace it.")
        if self.protect.isChecked():
            if len(self.password.text()) < MIN_PASSWORD:
                message = t.ngettext(
                    "The password needs at least {n} character.",
                    "The password needs at least {n} characters.",
                    MIN_PASSWORD,
                )
                return message.format(n=MIN_PASSWORD)
            if self.confirm.text() != self.password.text():
                return t.gettext("The two passwords differ.")
        return ""

    def choice(self) -> BackupChoice:
        if not self.to_file.isChecked():
            return BackupChoice()
        path = Path(self.file_edit.text().strip()).expanduser()
        password = self.password.text() if self.protect.isChecked() else None
        return BackupChoice(path, password, replace=path == self._confirmed)

    # -- commands --------------------------------------------------------------------
    def choose_file(self) -> Path | None:
        """Ask where to save; the file dialog's own "replace?" question counts as consent."""
        t = self._t
        protected = self.protect.isChecked()
        template = (
            t.gettext("carnet-backup-{date}.zip")
            if protected
            else t.gettext("carnet-backup-{date}.sqlite")
        )
        current = self.file_edit.text().strip()
        suggested = current or str(Path.home() / template.format(date=self._today.isoformat()))
        wanted = (
            t.gettext("Protected backups (*.zip)")
            if protected
            else t.gettext("Carnet backups (*.sqlite)")
        )
        name, _filter = QFileDialog.getSaveFileName(
            self, t.gettext("Save the backup as"), suggested, wanted
        )
        if not name:
            return None
        path = Path(name)
        self._confirmed = path
        self.file_edit.setText(str(path))
        self.to_file.setChecked(True)
        self._update()  # the same text again emits nothing, but the consent is new
        return path

    def accept(self) -> None:
        if self.problem_text():
            return
        written = self._save(self.choice())
        if written is not None:
            self.written = written
            super().accept()
