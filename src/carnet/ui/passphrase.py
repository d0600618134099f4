"""Opening an encrypted database from the window: the passphrase is asked before anything.

Qt starts here, before the main window, because the file cannot be read
without the passphrase; a wrong one is said and asked again, Cancel quits.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit

from carnet.i18n import Translator
from carnet.storage.cipher import PassphraseError

T = TypeVar("T")
Ask = Callable[[str, str], "str | None"]
_KEPT: list[QApplication] = []  # made here, lives until Carnet ends


def _ask_with_qt(title: str, label: str) -> str | None:
    text, ok = QInputDialog.getText(None, title, label, QLineEdit.EchoMode.Password)
    return text if ok else None


def open_encrypted(path: Path, open_with: Callable[[str], T], ask: Ask | None = None) -> T | None:
    """``open_with(passphrase)`` once one opens ``path``; ``None`` if the person gave up."""
    if QCoreApplication.instance() is None:
        _KEPT.append(QApplication(sys.argv[:1]))  # the window's run() uses this one
    from carnet.ui.application import configure  # noqa: PLC0415 (names for QSettings)

    app = QCoreApplication.instance()
    assert isinstance(app, QApplication)
    configure(app)
    t = Translator(str(QSettings().value("language", "en")))
    ask = ask or _ask_with_qt
    label = t.gettext("{path} is encrypted. Its passphrase:").format(path=path)
    while True:
        given = ask(t.gettext("Open an encrypted database"), label)
        if given is None:
            return None
        try:
            return open_with(given)
        except PassphraseError:
            label = t.gettext("That passphrase does not open {path}. Try again:").format(path=path)
