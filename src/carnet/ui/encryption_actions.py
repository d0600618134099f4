"""Settings › Encrypt the database… / Stop encrypting…: the flow behind the button.

Like a restore, switching rewrites the file under the window: the passphrase is
asked (twice for a new one), the store is closed, the database and its backups
are rewritten (:func:`carnet.services.encryption.set_encryption`), and the file
is opened again with the new passphrase, whatever happened.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from carnet.app import Services, open_for_window
from carnet.domain.errors import CarnetError
from carnet.i18n import Translator
from carnet.services.encryption import MIN_PASSPHRASE, set_encryption
from carnet.ui.backup_actions import DatabaseHost

Ask = Callable[[str, str], "str | None"]
Open = Callable[[Path, "str | None"], Services]


def _ask_with_qt(parent: QWidget) -> Ask:
    def ask(title: str, label: str) -> str | None:
        text, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
        return text if ok else None

    return ask


class EncryptionActions:
    """Switches the window's database between plain and encrypted."""

    def __init__(
        self,
        parent: QWidget,
        host: DatabaseHost,
        t: Translator,
        ask: Ask | None = None,
        reopen: Open = open_for_window,
    ) -> None:
        self._parent, self._host, self._t = parent, host, t
        self._ask = ask or _ask_with_qt(parent)
        self._reopen = reopen

    @property
    def encrypted(self) -> bool:
        return self._host.services.store.ledger.passphrase is not None

    def switch(self) -> bool:
        """Encrypt (or decrypt) after asking; ``True`` once the window shows the switched file."""
        services = self._host.services
        db_path, old = services.db_path, services.store.ledger.passphrase
        if db_path is None:
            return False
        new = self._new_passphrase() if old is None else None
        if old is None and new is None:
            return False
        if old is not None and not self._same(old):
            return False
        services.close()
        try:
            set_encryption(db_path, old, new)
        except (CarnetError, OSError) as exc:
            self._host.replace_services(self._reopen(db_path, old))
            self._say(self._t.gettext("Nothing was changed: {error}").format(error=exc))
            return False
        self._host.replace_services(self._reopen(db_path, new))
        t = self._t
        self._say(
            t.gettext("The database and its backups are now encrypted.")
            if new
            else t.gettext("The database and its backups are no longer encrypted.")
        )
        return True

    def _new_passphrase(self) -> str | None:
        t = self._t
        title = t.gettext("Encrypt the database")
        first = self._ask(
            title,
            t.gettext(
                "A passphrase of at least {count} characters. Carnet asks for it each time "
                "it opens; without it the data cannot be read, by anyone."
            ).format(count=MIN_PASSPHRASE),
        )
        if first is None:
            return None
        again = self._ask(title, t.gettext("The same passphrase again:"))
        if again != first:
            if again is not None:
                self._say(t.gettext("The two passphrases differ; nothing was changed."))
            return None
        if len(first) < MIN_PASSPHRASE:
            self._say(
                t.gettext("choose a passphrase of at least {count} characters").format(
                    count=MIN_PASSPHRASE
                )
            )
            return None
        return first

    def _same(self, old: str) -> bool:
        t = self._t
        given = self._ask(
            t.gettext("Stop encrypting the database"), t.gettext("The current passphrase:")
        )
        if given is None:
            return False
        if given != old:
            self._say(t.gettext("That is not the passphrase; nothing was changed."))
            return False
        return True

    def _say(self, text: str) -> None:
        QMessageBox.information(self._parent, self._t.gettext("Encryption"), text)
