"""The bar above the care table: free text, person, period, status, payer, and a chip.

The chip appears when the table shows a fixed set of acts (a dashboard figure):
it names the set, and clicking it goes back to every act.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from carnet.i18n import Translator
from carnet.ui import care_filters


class CareFilterBar(QWidget):
    changed = Signal()  # any choice but the text, which the page debounces
    chip_cleared = Signal()

    def __init__(self, t: Translator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._t = t
        self.text_box = QLineEdit()
        self.text_box.setPlaceholderText(t.gettext("Filter by person, practitioner, act, date…"))
        self.text_box.setClearButtonEnabled(True)
        self.text_box.setAccessibleName(t.gettext("Filter acts"))
        self.person_box = QComboBox()
        self.person_box.setAccessibleName(t.gettext("Show acts of"))
        _shrinkable(self.person_box)
        self.period_box = self._choices(care_filters.PERIODS, t.gettext("Period"))
        self.status_box = self._choices(care_filters.STATUSES, t.gettext("Status"))
        self.payer_box = self._choices(care_filters.PAYERS, t.gettext("Payer"))
        self.chip = QToolButton()
        self.chip.setAccessibleName(t.gettext("Show every act again"))
        self.chip.setToolTip(t.gettext("Show every act again"))
        self.chip.setVisible(False)
        self.chip.clicked.connect(self.clear_chip)
        self.count_label = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text_box, 1)
        for widget in (self.person_box, self.period_box, self.status_box, self.payer_box):
            layout.addWidget(widget)
            if isinstance(widget, QComboBox) and widget is not self.person_box:
                widget.currentIndexChanged.connect(self.changed)
        layout.addWidget(self.chip)
        layout.addWidget(self.count_label)

    def _choices(self, items: tuple[tuple[str, str], ...], name: str) -> QComboBox:
        box = QComboBox()
        box.setAccessibleName(name)
        _shrinkable(box)
        for key, text in items:
            box.addItem(self._t.gettext(text), key)
        return box

    def period(self) -> str:
        return str(self.period_box.currentData())

    def status(self) -> str:
        return str(self.status_box.currentData())

    def payer(self) -> str:
        return str(self.payer_box.currentData())

    def choose(self, box: QComboBox, key: str) -> None:
        box.setCurrentIndex(max(box.findData(key), 0))

    def show_chip(self, title: str) -> None:
        self.chip.setText(f"{title}  ✕")
        self.chip.setVisible(True)

    def clear_chip(self) -> None:
        if self.chip.isVisible():
            self.chip.setVisible(False)
            self.chip_cleared.emit()


def _shrinkable(box: QComboBox) -> None:
    """Let the bar fit a small window: long choices are cut, and shown whole when open."""
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(10)
