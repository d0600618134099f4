"""A dialog around one editor: Save stays disabled until every field is valid.

Saving runs the service operation (:func:`carnet.ui.operations.run_op`): if the
service still refuses (a rule the form does not know), the reason is shown and
the dialog stays open with what was typed; otherwise its changes are published.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, Protocol, TypeVar

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from carnet.domain.errors import CarnetError, ValidationError
from carnet.i18n import Translator
from carnet.services.base import Result
from carnet.ui import errors
from carnet.ui.events import EventHub
from carnet.ui.operations import run_op
from carnet.ui.widgets.fields import CheckedForm

T = TypeVar("T")


class Editor(Protocol):
    form: CheckedForm


class FormDialog(QDialog, Generic[T]):
    def __init__(
        self,
        title: str,
        editor: QWidget,
        form: CheckedForm,
        save: Callable[[], Result[T]],
        t: Translator,
        *,
        events: EventHub,
        parent: QWidget | None = None,
        confirm: Callable[[], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._confirm = confirm  # asked before saving; False keeps the form open
        self._t = t
        self._events = events
        self.result_value: Result[T] | None = None
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.editor = editor
        self._form = form
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(t.gettext("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(t.gettext("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(editor)
        layout.addWidget(self.buttons)
        form.validity_changed.connect(self.save_button.setEnabled)
        self.save_button.setEnabled(form.is_valid())
        self.setMinimumWidth(520)

    def accept(self) -> None:
        if self._confirm is not None and not self._confirm():
            return
        result = run_op(self, self._t, self._events, self._save, refused=self._refused)
        if result is not None:
            self.result_value = result
            super().accept()

    def _refused(self, error: CarnetError) -> None:
        """Say why, and write it under the field it is about: the box alone names no field."""
        if isinstance(error, ValidationError):
            text = errors.describe(self._t, error)
            self._form.show_refusal(error.field, text[:1].upper() + text[1:])
        errors.show_error(self, self._t, error)  # through the module: tests replace it


def open_form(
    title: str,
    editor: QWidget,
    form: CheckedForm,
    save: Callable[[], Result[T]],
    t: Translator,
    *,
    events: EventHub,
    parent: QWidget,
    confirm: Callable[[], bool] | None = None,
    saved: Callable[[Result[T]], None] | None = None,
    closed: Callable[[], None] | None = None,
) -> FormDialog[T]:
    """Open a form window-modally and forget it once it closes (the one way pages do it).

    ``confirm`` is asked before saving (see :class:`FormDialog`); ``saved`` gets the
    result when Save went through (its changes are already published); ``closed``
    runs however the dialog ended. Tests drive the returned
    dialog before it is accepted.
    """
    dialog: FormDialog[T] = FormDialog(
        title, editor, form, save, t, events=events, parent=parent, confirm=confirm
    )

    def finished(_code: int) -> None:
        if saved is not None and dialog.result_value is not None:
            saved(dialog.result_value)
        if closed is not None:
            closed()
        dialog.deleteLater()

    dialog.finished.connect(finished)
    dialog.open()
    return dialog
