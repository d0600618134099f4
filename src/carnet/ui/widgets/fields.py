"""Forms that check each field as it is typed, with the problem written beside it.

A :class:`CheckedForm` is a ``QFormLayout`` whose rows carry a check: a
function returning ``None`` when the value is fine, or a sentence saying what
is wrong. The sentence appears under the field (and in its accessible
description, for screen readers) as soon as the value changes, and
:attr:`CheckedForm.validity_changed` lets a dialog enable its OK button.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from carnet.i18n import Translator

Check = Callable[[], str | None]


def fit_window_height(widget: QWidget) -> None:
    """Grow the open window of ``widget`` when text under a field now wraps onto more lines.

    A window keeps the size it opened with, and a layout's minimum does not follow
    wrapped text: a message that appears after opening (a problem, a doubt about a
    number) would be squeezed, cut at the top and bottom, instead of pushing the rows
    below it down. Only the height grows; the width the person chose is kept.
    """
    window = widget.window()
    layout = window.layout()
    if not isinstance(window, QDialog) or layout is None or not window.isVisible():
        # A window about to open takes its size from its layout, wrapped text included;
        # the main window's pages scroll or give room themselves.
        return
    layout.activate()
    width = window.width()
    need = (
        layout.totalHeightForWidth(width)
        if layout.hasHeightForWidth()
        else layout.totalSizeHint().height()
    )
    if need > window.height():
        window.resize(width, need)


class CheckedField:
    """One editor, its check, and the label that shows the problem."""

    def __init__(self, caption: str, editor: QWidget, check: Check | None) -> None:
        self.caption = caption
        self.editor = editor
        self.check = check
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.message.setAccessibleName(caption)
        self.holder = QWidget()
        box = QVBoxLayout(self.holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(editor)
        box.addWidget(self.message)
        if not editor.accessibleName():
            editor.setAccessibleName(caption)

    def problem(self) -> str | None:
        return None if self.check is None else self.check()

    def validate(self) -> bool:
        problem = self.problem()
        self.show(problem)
        return problem is None

    def show(self, problem: str | None) -> None:
        self.message.setText(f"⚠ {problem}" if problem else "")
        self.message.setVisible(bool(problem))
        self.editor.setAccessibleDescription(problem or "")
        fit_window_height(self.message)


class CheckedForm(QObject):
    """The rows of a form, checked live; ``layout`` goes into a dialog or wizard page."""

    validity_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout = QFormLayout()
        self.layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, CheckedField] = {}

    def add(self, key: str, caption: str, editor: QWidget, check: Check | None = None) -> QWidget:
        field = CheckedField(caption, editor, check)
        self.fields[key] = field
        self.layout.addRow(caption, field.holder)
        _on_change(editor, lambda: self._changed(field))
        return editor

    def set_visible(self, key: str, visible: bool) -> None:
        self.layout.setRowVisible(self.fields[key].holder, visible)

    def message(self, key: str) -> str:
        """The problem shown under ``key`` (without the sign), or ``""``."""
        return self.fields[key].message.text().removeprefix("⚠ ")

    def show_refusal(self, key: str, problem: str) -> bool:
        """Write a service's refusal under the field ``key`` names; ``False`` if none does.

        Typing in the field clears it (its own check runs again); Save asks the service anew.
        """
        field = self.fields.get(key)
        if field is None or field.holder.isHidden():
            return False
        field.show(problem)
        field.editor.setFocus()
        return True

    def is_valid(self) -> bool:
        return all(field.problem() is None for field in self.fields.values())

    def validate_all(self) -> bool:
        results = [field.validate() for field in self.fields.values()]
        return all(results)

    def revalidate(self, *keys: str) -> None:
        """Check fields whose validity depends on another one (e.g. NIR on birth date)."""
        for key in keys:
            self.fields[key].validate()
        self.validity_changed.emit(self.is_valid())

    def _changed(self, field: CheckedField) -> None:
        field.validate()
        self.validity_changed.emit(self.is_valid())


def _on_change(editor: QWidget, slot: Callable[[], None]) -> None:
    if isinstance(editor, QLineEdit):
        editor.textChanged.connect(lambda _text: slot())
    elif isinstance(editor, QComboBox):
        editor.currentIndexChanged.connect(lambda _index: slot())
    elif isinstance(editor, QDateEdit):
        editor.dateChanged.connect(lambda _day: slot())
    elif isinstance(editor, QAbstractButton):
        editor.toggled.connect(lambda _on: slot())
    elif isinstance(editor, QPlainTextEdit):
        editor.textChanged.connect(slot)


def missing_hint(t: Translator) -> QLabel:
    """The line under a dialog's choices that says what is missing before OK can be pressed."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("font-style: italic;")  # a hint, not an error yet
    label.setAccessibleName(t.gettext("What is missing"))
    return label


# Under a radio button's text, not its circle: the fields of one choice.
CHOICE_INDENT = 24


def file_row(edit: QLineEdit, choose: QPushButton) -> QHBoxLayout:
    """A file name and its Choose… button, indented under the choice they belong to."""
    row = QHBoxLayout()
    row.setContentsMargins(CHOICE_INDENT, 0, 0, 0)
    row.addWidget(edit, 1)
    row.addWidget(choose)
    return row
