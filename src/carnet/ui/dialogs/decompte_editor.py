"""Quick entry of a décompte: the lines of the CPAM's (or the mutuelle's) statement.

One row per line, as printed on the statement: date of care, act code (or ``#id``
when several acts share the day), amount paid. The payment date is the
statement's, once for all lines. Saving records every line or none: a line that
names no act is refused with its number, and what was typed stays.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from carnet.domain import limits
from carnet.domain.codes import Payer
from carnet.domain.money import AmountError, parse_euros
from carnet.i18n import Translator
from carnet.services.received import DecompteLine
from carnet.ui.formats import date_format
from carnet.ui.widgets.fields import CheckedForm

_COLUMNS = 3  # date of care, act, amount
_ROWS = 6


class DecompteEditor(QWidget):
    """Payer, payment date, reference and the lines of one décompte."""

    def __init__(self, t: Translator, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._t = t
        self.form = CheckedForm(self)
        self.payer_box = QComboBox()
        for payer, words in ((Payer.AMO, "The CPAM"), (Payer.AMC, "The mutuelle")):
            self.payer_box.addItem(t.gettext(words), payer.value)
        self.date_edit = QDateEdit(QDate(today.year, today.month, today.day))
        self.date_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(date_format(t))
        self.reference_edit = QLineEdit()
        self.reference_edit.setMaxLength(limits.NUMBER.max_length)
        self.reference_edit.setPlaceholderText(t.gettext("As printed on the statement (optional)"))
        self.table = QTableWidget(_ROWS, _COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [t.gettext("Date of care"), t.gettext("Act"), t.gettext("Amount paid")]
        )
        self.table.setAccessibleName(t.gettext("Lines of the décompte"))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(220)
        more = QPushButton(t.gettext("Add a line"))
        more.clicked.connect(lambda _checked=False: self.table.insertRow(self.table.rowCount()))
        self.form.add("payer", t.gettext("Décompte of"), self.payer_box)
        self.form.add("date", t.gettext("Paid on"), self.date_edit)
        self.form.add("reference", t.gettext("Reference"), self.reference_edit)
        self.form.add("lines", t.gettext("Lines"), self.table, self._check)
        note = QLabel(
            t.gettext(
                "Dates as 2026-03-14 or 14/03/2026; the act as its code (G, CS, AMK…), "
                "or #12 for act number 12 when several share the day."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.form.layout)
        layout.addWidget(more)
        layout.addWidget(note)
        self.table.itemChanged.connect(lambda _item: self.form.revalidate("lines"))

    def payer(self) -> Payer:
        return Payer(self.payer_box.currentData())

    def reference(self) -> str:
        return self.reference_edit.text().strip()

    def set_line(self, row: int, care: str, act: str, amount: str) -> None:
        """Type one line (tests, and a line repeated from the one above)."""
        while self.table.rowCount() <= row:
            self.table.insertRow(self.table.rowCount())
        for column, text in enumerate((care, act, amount)):
            self.table.setItem(row, column, QTableWidgetItem(text))

    def lines(self) -> list[DecompteLine]:
        """The lines typed (empty rows left out); call once :meth:`_check` passes."""
        paid = self._day()
        found = []
        for row in range(self.table.rowCount()):
            cells = [self._cell(row, c) for c in range(_COLUMNS)]
            if not any(cells):
                continue
            found.append(DecompteLine(_date(cells[0]), cells[1], parse_euros(cells[2]), paid))
        return found

    def _check(self) -> str | None:
        t, count = self._t, 0
        for row in range(self.table.rowCount()):
            cells = [self._cell(row, c) for c in range(_COLUMNS)]
            if not any(cells):
                continue
            count += 1
            try:
                _date(cells[0])
            except ValueError:
                return t.gettext("Line {n}: the date of care cannot be read").format(n=row + 1)
            if not cells[1]:
                return t.gettext("Line {n}: which act?").format(n=row + 1)
            try:
                parse_euros(cells[2])
            except AmountError:
                return t.gettext("Line {n}: the amount cannot be read").format(n=row + 1)
        return None if count else t.gettext("Type at least one line")

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return "" if item is None else item.text().strip()

    def _day(self) -> date:
        picked = self.date_edit.date()
        return date(picked.year(), picked.month(), picked.day())


def _date(text: str) -> date:
    """``2026-03-14`` or ``14/03/2026``."""
    if "/" in text:
        day, month, year = text.split("/")
        return date(int(year), int(month), int(day))
    return date.fromisoformat(text)
