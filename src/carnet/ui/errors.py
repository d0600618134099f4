"""Errors shown as messages, never as tracebacks.

Two kinds reach a person:

* a :class:`CarnetError` from a service call (a refused NIR, a locked database):
  the message says what to fix, in the UI's language (each error carries its
  English template and parameters), and "Show Details…" keeps the technical
  English text, the one to quote in a bug report;
* anything else (a bug): :func:`install_excepthook` catches it app-wide, says
  that it is Carnet's fault and that nothing was half-written (services work in
  transactions), with the traceback under "Show Details…" for a bug report.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtWidgets import QMessageBox, QWidget

from carnet.domain.errors import CarnetError, ValidationError
from carnet.i18n import Translator

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def error_box(parent: QWidget | None, title: str, text: str, details: str) -> QMessageBox:
    """A warning box whose technical details are folded away until asked for."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    box.setDetailedText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAccessibleName(title)
    return box


def describe(t: Translator, error: BaseException) -> str:
    """What went wrong, in ``t``'s language when the error carries a message."""
    if isinstance(error, ValidationError):
        # The field is a code ("nir"); the sentence alone is what the person reads.
        return error.message.render(t)
    if isinstance(error, CarnetError):
        return error.text.render(t)
    # Imported here: the bank package (every importer) is not needed to open the window.
    from carnet.bank import BankFileError  # noqa: PLC0415

    if isinstance(error, BankFileError):
        return error.text.render(t)
    return str(error)  # an OSError or a library's error: only its own words exist


def show_error(parent: QWidget | None, t: Translator, error: CarnetError) -> None:
    """Tell the person why a service refused, in a sentence they can act on."""
    text = describe(t, error)
    first = text[:1].upper() + text[1:]
    details = f"{type(error).__name__}: {error}"
    error_box(parent, t.gettext("Carnet could not do this"), first, details).exec()


def install_excepthook(t: Translator, parent: Callable[[], QWidget | None]) -> ExceptHook:
    """Show unexpected errors in a dialog instead of losing them on a terminal.

    Returns the previous hook so that tests (and shutdown) can put it back.
    """
    previous = sys.excepthook

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        details = "".join(traceback.format_exception(kind, value, tb))
        sys.stderr.write(details)  # still on the terminal, for whoever started Carnet there
        if isinstance(value, CarnetError):
            show_error(parent(), t, value)
            return
        text = t.gettext(
            "Something went wrong inside Carnet. What you were doing was not saved "
            "half-way: each change is saved whole or not at all. If it happens again, "
            "please report it with the details below."
        )
        error_box(parent(), t.gettext("Unexpected error"), text, details).exec()

    sys.excepthook = hook
    return previous
