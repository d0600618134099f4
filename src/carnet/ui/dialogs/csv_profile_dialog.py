"""Describe the CSV export of a bank Carnet does not know, and keep it as a profile.

Shown from the import dialog when a file is not recognised. The household reads
the first lines of its own file, says which column holds what, and from then on
files of that bank are recognised like any known bank's.
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from carnet.app import Services
from carnet.bank import CsvMapping, decode
from carnet.domain import limits
from carnet.domain.errors import CarnetError
from carnet.i18n import Translator
from carnet.ui.errors import describe

DATE_FORMATS = ("dd/mm/yyyy", "yyyy-mm-dd", "dd/mm/yy", "dd.mm.yyyy", "dd-mm-yyyy")
PREVIEW_LINES = 8


class CsvProfileDialog(QDialog):
    def __init__(
        self, services: Services, translator: Translator, data: bytes, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services, self._t = services, translator
        self.mapping: CsvMapping | None = None
        self.setWindowTitle(translator.gettext("Describe this bank's CSV file"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                translator.gettext(
                    "Carnet does not know this layout yet. Look at the first lines below and say "
                    "which column holds what (the first column is 1)."
                )
            )
        )
        layout.addWidget(self._preview(data))
        layout.addLayout(self._form())
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName(translator.gettext("Problem with the description"))
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _preview(self, data: bytes) -> QPlainTextEdit:
        lines = decode(data[:8192]).text.splitlines()[:PREVIEW_LINES]
        view = QPlainTextEdit("\n".join(lines))
        view.setReadOnly(True)
        view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        view.setAccessibleName(self._t.gettext("First lines of the file"))
        view.setMaximumHeight(160)
        return view

    def _form(self) -> QFormLayout:
        t = self._t
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setMaxLength(limits.SHORT_NAME.max_length)
        self.name.setPlaceholderText(t.gettext("e.g. My bank"))
        self.separator = _combo((";", ",", "\t", "|"), (";", ",", t.gettext("tab"), "|"))
        self.date_format = _combo(DATE_FORMATS, DATE_FORMATS)
        self.decimal = _combo((",", ".", "auto"), (",", ".", t.gettext("either")))
        self.skip = _spin(0, 20, 1)
        self.date_col, self.label_col = _spin(1, 40, 1), _spin(1, 40, 2)
        self.amount_col, self.debit_col, self.credit_col = (
            _spin(0, 40, 3),
            _spin(0, 40, 0),
            _spin(0, 40, 0),
        )
        rows = (
            (t.gettext("Name of the bank"), self.name),
            (t.gettext("Separator"), self.separator),
            (t.gettext("Lines above the data"), self.skip),
            (t.gettext("Date column"), self.date_col),
            (t.gettext("Date format"), self.date_format),
            (t.gettext("Label column"), self.label_col),
            (t.gettext("Amount column (0: none)"), self.amount_col),
            (t.gettext("Debit column (0: none)"), self.debit_col),
            (t.gettext("Credit column (0: none)"), self.credit_col),
            (t.gettext("Decimal mark"), self.decimal),
        )
        for label, widget in rows:
            widget.setAccessibleName(label)
            form.addRow(label, widget)
        return form

    def build_mapping(self) -> CsvMapping:
        """The mapping the form describes (columns shown from 1, stored from 0)."""

        def column(box: QSpinBox) -> int | None:
            return box.value() - 1 if box.value() > 0 else None

        return CsvMapping(
            name=self.name.text().strip(),
            date=self.date_col.value() - 1,
            label=(self.label_col.value() - 1,),
            amount=column(self.amount_col),
            debit=column(self.debit_col),
            credit=column(self.credit_col),
            separator=str(self.separator.currentData()),
            date_format=self.date_format.currentData(),
            decimal=str(self.decimal.currentData()),
            skip_rows=self.skip.value(),
        )

    def _save(self) -> None:
        try:
            mapping = self.build_mapping()
            self._services.bank.save_csv_profile(mapping)
        except (ValueError, CarnetError) as exc:
            self.error_label.setText(describe(self._t, exc))
            return
        self.mapping = mapping
        self.accept()


def _combo(values: tuple[str, ...], labels: tuple[str, ...]) -> QComboBox:
    box = QComboBox()
    for value, label in zip(values, labels, strict=True):
        box.addItem(label, value)
    return box


def _spin(low: int, high: int, value: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setValue(value)
    return box
