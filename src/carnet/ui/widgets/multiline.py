"""Boxes of several lines (addresses) checked as they are typed, like one-line fields.

A one-line field stops at its bound (``QLineEdit.setMaxLength``) and a
:class:`~carnet.ui.widgets.fields.CheckedForm` writes its problem under it as the
person types. A ``QPlainTextEdit`` has no bound of its own, so its text was only
refused on Save. Here it gets, at each key, the check the service makes when
saving (``domain.validation.check_field`` with the field's bound from
``domain.limits``): a text too long (and by how much), a control character, an
invisible direction override, said under the box; Save waits until it is right.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QPlainTextEdit, QWidget

from carnet.domain.errors import ValidationError
from carnet.domain.limits import TextLimit
from carnet.domain.validation import check_field
from carnet.i18n import Translator
from carnet.ui.widgets.fields import Check, CheckedField


def text_box(lines: int, placeholder: str = "") -> QPlainTextEdit:
    """A box showing ``lines`` lines, for a text of several; Tab moves on instead of typing."""
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


def text_check(t: Translator, box: QPlainTextEdit, field: str, limit: TextLimit) -> Check:
    """The service's check of the box's text, in the words of a one-line field's."""

    def check() -> str | None:
        text = box.toPlainText()
        length = len(text.strip())
        if length > limit.max_length:  # how many to take out, not only that some are
            return t.gettext("Is longer than {most} characters: {count} typed").format(
                most=limit.max_length, count=length
            )
        try:
            check_field(text, field, limit)
        except ValidationError as error:
            words = error.message.render(t)
            return words[:1].upper() + words[1:]
        return None

    return check


class CheckedBoxes:
    """Boxes checked as they are typed on a page without a :class:`CheckedForm`: each
    problem under its box, and the page's Save button (if it has one of its own)
    enabled only while all are right."""

    def __init__(self, save: QAbstractButton | None = None) -> None:
        self.save = save
        self.fields: list[CheckedField] = []

    def add(self, caption: str, box: QPlainTextEdit, check: Check) -> QWidget:
        """The box with its problem's line under it: to lay out where the box went."""
        field = CheckedField(caption, box, check)
        self.fields.append(field)
        box.textChanged.connect(lambda: self._changed(field))
        return field.holder

    def is_valid(self) -> bool:
        return all(field.problem() is None for field in self.fields)

    def validate_all(self) -> bool:
        """Show every box's problem; ``True`` when there is none (a wizard's Next asks)."""
        shown = [field.validate() for field in self.fields]  # every one, not up to the first
        return all(shown)

    def _changed(self, field: CheckedField) -> None:
        field.validate()
        if self.save is not None:
            self.save.setEnabled(self.is_valid())
