"""A page still to be built: its title and one sentence on what it will hold."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from carnet.i18n import Translator
from carnet.ui.pages import PageSpec


class PlaceholderPage(QWidget):
    def __init__(self, spec: PageSpec, translator: Translator, parent: QWidget | None = None):
        super().__init__(parent)
        title = QLabel(translator.gettext(spec.title))
        title.setStyleSheet("font-size: 18pt; font-weight: bold;")
        self.description = QLabel(translator.gettext(spec.description))
        self.description.setWordWrap(True)
        hint = QLabel(translator.gettext("Until then, the command line can help: carnet --help"))
        hint.setEnabled(False)  # greyed: secondary information
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        for label in (title, self.description, hint):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
        layout.addStretch(1)
        self.setAccessibleName(translator.gettext(spec.title))
