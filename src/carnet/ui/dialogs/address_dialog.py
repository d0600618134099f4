"""Typing a missing postal address straight from the refusal that asked for it.

Letters need the household's address and the recipient's: when either is missing,
the service refuses naming the setting (``household.address`` or
``address:<recipient>``); this dialog asks for it, saves it through the settings
service and lets the caller try again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from carnet.app import Services
from carnet.domain.errors import CarnetError, ValidationError
from carnet.i18n import Translator
from carnet.services.settings import ADDRESS_PREFIX, limit_of
from carnet.ui.errors import describe, show_error
from carnet.ui.operations import run_call
from carnet.ui.widgets.multiline import CheckedBoxes, text_box, text_check

T = TypeVar("T")


def is_address_field(field: str) -> bool:
    return field == "household.address" or field.startswith(ADDRESS_PREFIX)


class AddressDialog(QDialog):
    """Asks for the address a refusal named; :meth:`save` writes it."""

    def __init__(
        self, services: Services, t: Translator, field: str, why: str, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self._services, self._t, self.field = services, t, field
        own = field == "household.address"
        title = t.gettext("Your postal address") if own else t.gettext("The recipient's address")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        reason = QLabel(why[:1].upper() + why[1:])
        reason.setWordWrap(True)
        hint = QLabel(
            t.gettext("One line per line of the envelope; it is kept for the next letters.")
        )
        hint.setWordWrap(True)
        self.text = text_box(
            4, "12 rue des Lilas\n69003 Lyon" if own else t.gettext("street\npostcode and town")
        )
        self.text.setAccessibleName(title)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(t.gettext("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(t.gettext("Cancel"))
        # Checked as it is typed: Save waits for an address the service will take.
        self.check = CheckedBoxes(self.save_button)
        box = self.check.add(title, self.text, text_check(t, self.text, field, limit_of(field)))
        self.text.setPlainText(services.settings.get(field))
        layout = QVBoxLayout(self)
        for widget in (reason, hint, box, buttons):
            layout.addWidget(widget)
        self.resize(520, 320)

    def _accept(self) -> None:
        value = self.text.toPlainText()
        if not value.strip():
            self.text.setFocus()
            return

        def save() -> bool:
            self._services.settings.set(self.field, value)
            return True

        if run_call(self, self._t, save):
            self.accept()


# The dialog the window opens; tests answer it instead of a person.
def ask_address(services: Services, t: Translator, error: ValidationError, parent: QWidget) -> bool:
    dialog = AddressDialog(services, t, error.field, describe(t, error), parent)
    return dialog.exec() == QDialog.DialogCode.Accepted


def with_addresses(
    parent: QWidget, services: Services, t: Translator, make: Callable[[], T]
) -> T | None:
    """Run ``make``; a missing address is asked for (then tried again), other refusals shown."""
    for _attempt in range(3):  # the household's address, then the recipient's, then done
        try:
            return make()
        except ValidationError as exc:
            if not is_address_field(exc.field):
                show_error(parent, t, exc)
                return None
            if not ask_address(services, t, exc, parent):
                return None
        except CarnetError as exc:
            show_error(parent, t, exc)
            return None
    return run_call(parent, t, make)
