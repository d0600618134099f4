"""A caisse typed as people know it: a département number, a postcode, a town or its name.

The field stays a line edit (``text()``, ``setText()``), so a form reads it like any
other; the directory's matches drop down as one types, and a typed number or town
that points at one caisse becomes that caisse's name when the field is left.
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLabel, QLineEdit, QWidget

from carnet.domain import limits
from carnet.domain.caisses import Caisse
from carnet.i18n import Translator
from carnet.services.caisses import caisse_directory


class CaisseField(QLineEdit):
    """Chooses a caisse of the shipped directory; a name it does not know is kept as typed."""

    def __init__(self, t: Translator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(t.gettext("Département number, postcode or town, e.g. 69"))
        self.setMaxLength(limits.NAME.max_length)
        self._matches = QStringListModel(self)
        completer = QCompleter(self._matches, self)
        # The list is already the directory's answer: show it whole, not filtered by prefix.
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        self.textEdited.connect(self._suggest)
        self.editingFinished.connect(self.settle)

    def matches(self) -> list[str]:
        return self._matches.stringList()

    def caisse(self) -> Caisse | None:
        """The directory's caisse named in the field, if it is one."""
        return caisse_directory().by_name(self.text())

    def settle(self) -> None:
        """A number, postcode or town pointing at one caisse becomes its name."""
        found = caisse_directory().search(self.text())
        if len(found) == 1 and found[0].name != self.text():
            self.setText(found[0].name)

    def _suggest(self, text: str) -> None:
        directory = caisse_directory()
        # A slip ("CPAM du Rhne") matches nothing: the nearest names are offered instead.
        found = (directory.search(text) or directory.near(text)) if text.strip() else ()
        self._matches.setStringList([c.name for c in found])


def describe_caisse(t: Translator, caisse: Caisse | None, typed: str) -> str:
    """What a label beside the field says: the address, and how sure Carnet is of it."""
    if not typed.strip():
        return ""
    if caisse is None:
        found = caisse_directory().search(typed)
        if len(found) > 1:
            names = ", ".join(c.name for c in found)
            return t.gettext("Several caisses match: {names}").format(names=names)
        near = caisse_directory().near(typed)
        if near:
            return t.gettext(
                "Not in Carnet's list (did you mean {names}?): if it is your caisse, type "
                "its address from your attestation de droits on the Household page"
            ).format(names=", ".join(c.name for c in near))
        return t.gettext(
            "Not in Carnet's list: type its address from your attestation de droits "
            "on the Household page"
        )
    lines = "\n".join(caisse.address)
    note = (
        t.gettext("Check it against your attestation de droits.")
        if caisse.confidence == "likely"
        else t.gettext(
            "Only the town is known: copy the address printed on your attestation de droits."
        )
    )
    return f"{caisse.name}\n{lines}\n{note}"


def caisse_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
