"""File › Back up now… and File › Restore…: the two flows behind the dialogs.

Backing up reads the open database (SQLite's online backup API), so it runs
on the GUI thread like any database work; a household's file takes a
fraction of a second. Restoring replaces the file under the window, in an
order that never loses data:

1. the chosen backup is checked (integrity, schema version, password) while
   the current database is still open: a bad file changes nothing;
2. the person confirms, having read what is replaced and where the current
   file goes;
3. the store is closed, :func:`restore_database` puts the backup in place and
   keeps the current file aside, and the database is opened again through the
   ``reopen`` hook the composition code gave the window, whatever happened;
4. the window takes the new services and rebuilds its pages.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QMessageBox, QWidget

from carnet.app import Services
from carnet.domain.errors import CarnetError, SchemaTooNewError, ValidationError
from carnet.i18n import Translator
from carnet.services.backup import (
    BackupError,
    WrongPasswordError,
    backup_info,
    restore_database,
    verify_backup,
)
from carnet.ui.dialogs.backup_dialog import BackupChoice, BackupDialog
from carnet.ui.dialogs.restore_dialog import RestoreChoice, RestoreDialog, taken_text
from carnet.ui.errors import error_box

Reopen = Callable[[Path], Services]


class DatabaseHost(Protocol):
    """The window, as these flows see it: its services, which a restore replaces."""

    @property
    def services(self) -> Services: ...

    def replace_services(self, services: Services) -> None: ...

    def show_status(self, text: str) -> None: ...


class BackupActions:
    """Opens the dialogs (non-blocking, so tests and screen readers can drive them)."""

    def __init__(
        self, parent: QWidget, host: DatabaseHost, t: Translator, reopen: Reopen | None
    ) -> None:
        self._parent, self._host, self._t, self._reopen = parent, host, t, reopen
        self.dialog: BackupDialog | RestoreDialog | None = None

    @property
    def can_restore(self) -> bool:
        """A restore needs a file to replace and a way to open it again."""
        return self._reopen is not None and self._host.services.db_path is not None

    # -- back up ---------------------------------------------------------------------
    def back_up(self) -> BackupDialog:
        services = self._host.services
        dialog = BackupDialog(
            self._t, services.backup.folder(), self.save, services.reports.today(), self._parent
        )
        self._open(dialog)
        return dialog

    def save(self, choice: BackupChoice) -> Path | None:
        """Write the backup ``choice`` asks for; ``None`` (and a message) if it failed."""
        t, backup = self._t, self._host.services.backup
        try:
            if choice.file is None:
                written = backup.backup_now()
            else:
                written = backup.save_copy(choice.file, choice.password, replace=choice.replace)
        except (CarnetError, OSError) as exc:
            text = t.gettext("The backup could not be written: {error}").format(error=_reason(exc))
            error_box(self._parent, t.gettext("Back up now"), text, repr(exc)).exec()
            return None
        self._host.show_status(t.gettext("Backup written to {path}").format(path=written))
        QMessageBox.information(
            self._parent,
            t.gettext("Backup done"),
            t.gettext("The backup was written to:\n{path}").format(path=written),
        )
        return written

    # -- restore ---------------------------------------------------------------------
    def restore(self) -> RestoreDialog | None:
        if not self.can_restore:
            return None
        infos = self._host.services.backup.infos()
        dialog = RestoreDialog(self._t, infos, self.put_back, self._parent)
        self._open(dialog)
        return dialog

    def put_back(self, choice: RestoreChoice) -> bool:
        """Check, confirm, restore and reopen; ``True`` once the window shows the backup."""
        if not self._check(choice) or not self._confirm(choice):
            return False
        services = self._host.services
        db_path, reopen = services.db_path, self._reopen
        key = services.store.ledger.passphrase  # an encrypted file and its backups
        assert db_path is not None and reopen is not None  # can_restore said so
        services.close()
        try:
            aside = restore_database(db_path, choice.file, password=choice.password, passphrase=key)
        except (CarnetError, OSError) as exc:
            # restore_database left the current file in place: open it again as it was.
            if self._reopen_at(db_path, reopen):
                self._refused(choice, exc)
            return False
        if not self._reopen_at(db_path, reopen):
            return False
        self._done(choice, aside)
        return True

    def _reopen_at(self, db_path: Path, reopen: Reopen) -> bool:
        """Open the file again for the window; if even that fails, say so and close it."""
        try:
            self._host.replace_services(reopen(db_path))
        except (CarnetError, OSError) as exc:
            t = self._t
            text = t.gettext(
                "Carnet could not open the database again ({error}). It will close now; "
                "start it again. Your data is in {path}."
            ).format(error=_reason(exc), path=db_path)
            error_box(self._parent, t.gettext("Restore a backup"), text, repr(exc)).exec()
            self._parent.close()  # pages over a closed store must not be used
            return False
        return True

    def _check(self, choice: RestoreChoice) -> bool:
        try:
            key = self._host.services.store.ledger.passphrase
            verify_backup(choice.file, choice.password, key)
        except (CarnetError, OSError) as exc:
            self._refused(choice, exc)
            return False
        return True

    def _confirm(self, choice: RestoreChoice) -> bool:
        t, db_path = self._t, self._host.services.db_path
        assert db_path is not None
        info = choice.info or backup_info(choice.file)
        text = t.gettext(
            "Carnet will replace all the data it shows now by the backup of {when} "
            "({file}).\n\n"
            "Whatever was entered after that backup will no longer appear. The current "
            "database is not deleted: so that you can go back to it, it is kept aside "
            "under a name ending in “.before-restore-” and today's date, in:\n"
            "{folder}\n\n"
            "Restore this backup?"
        ).format(when=taken_text(t, info), file=choice.file.name, folder=db_path.parent)
        answer = QMessageBox.question(
            self._parent,
            t.gettext("Restore this backup?"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _refused(self, choice: RestoreChoice, error: BaseException) -> None:
        t = self._t
        if isinstance(error, WrongPasswordError):
            text = t.gettext("The password does not open this backup. Check it and try again.")
            if isinstance(self.dialog, RestoreDialog):
                self.dialog.wrong_password()
        elif isinstance(error, ValidationError) and error.field == "password":
            text = t.gettext("This backup is protected: type its password.")
        elif isinstance(error, SchemaTooNewError):
            text = t.gettext(
                "This backup was made by a newer version of Carnet. Update Carnet, then restore it."
            )
        elif isinstance(error, BackupError):
            text = t.gettext("This file is not a Carnet backup, or it is damaged.")
        else:
            text = t.gettext("The backup could not be put back: {error}").format(
                error=_reason(error)
            )
        text += "\n\n" + t.gettext("Nothing was changed: Carnet still shows your current data.")
        details = f"{choice.file}\n{type(error).__name__}: {error}"
        error_box(self._parent, t.gettext("Restore a backup"), text, details).exec()

    def _done(self, choice: RestoreChoice, aside: Path | None) -> None:
        t = self._t
        self._host.show_status(t.gettext("Restored {file}").format(file=choice.file.name))
        if aside is None:  # the window's file held no database: nothing was kept aside
            return
        QMessageBox.information(
            self._parent,
            t.gettext("Backup restored"),
            t.gettext(
                "Carnet now shows the data of {file}.\n\n"
                "The previous database was kept as:\n{aside}"
            ).format(file=choice.file.name, aside=aside),
        )

    def _open(self, dialog: BackupDialog | RestoreDialog) -> None:
        # The previous dialog goes now rather than on closing, so that whoever
        # opened it (a test, a screen reader) can still read it once it is closed.
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.open()


def _reason(error: BaseException) -> str:
    if isinstance(error, ValidationError):
        return error.message
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error)
