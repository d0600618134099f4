"""File › Export…: the log as a spreadsheet (CSV, XLSX) or as a complete copy (JSON).

CSV files are what a spreadsheet opens by double-click, so they follow its
language: in French ``;`` between columns and a decimal comma, in English
``,`` and a point; both start with a byte-order mark so that Excel reads the
accents. The XLSX workbook holds the three tables on three sheets with real
numbers and dates. The JSON file is everything, for a later Carnet to load
back (``carnet load-json``). The dialog only chooses; writing is the
service's job, and a refusal keeps the dialog open.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from carnet.domain.errors import CarnetError
from carnet.i18n import N_, Translator
from carnet.ui.errors import show_error

# What can be exported: key, label, file suffix, file-dialog filter.
WHAT = (
    ("acts", N_("Care acts (CSV)"), "csv", N_("CSV files (*.csv)")),
    ("payments", N_("Expected payments (CSV)"), "csv", N_("CSV files (*.csv)")),
    ("matches", N_("Bank matches (CSV)"), "csv", N_("CSV files (*.csv)")),
    ("xlsx", N_("All three tables, as a workbook (XLSX)"), "xlsx", N_("Workbooks (*.xlsx)")),
    ("json", N_("Everything, to load into Carnet again (JSON)"), "json", N_("JSON (*.json)")),
)
CSV_KINDS = frozenset(key for key, _label, suffix, _filter in WHAT if suffix == "csv")
CSV_STYLES = (
    ("fr", N_("French: ';' between columns, decimal comma")),
    ("en", N_("English: ',' between columns, decimal point")),
)


@dataclass(frozen=True, slots=True)
class ExportChoice:
    """``what``: a key of :data:`WHAT`; ``language``: the CSV's conventions."""

    what: str
    language: str
    file: Path


Write = Callable[[ExportChoice], bool]  # True once the file is written


class ExportDialog(QDialog):
    """Choose what to export; **Export…** asks where, then hands over to ``write``."""

    def __init__(
        self, t: Translator, today: date, write: Write, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._t, self._today, self._write = t, today, write
        self.setWindowTitle(t.gettext("Export"))
        self.setAccessibleName(t.gettext("Export"))
        self.choices = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        self.style_box = QComboBox()
        self.style_box.setAccessibleName(t.gettext("Spreadsheet conventions"))
        for key, label in CSV_STYLES:
            self.style_box.addItem(t.gettext(label), key)
        # The spreadsheet most likely to open the file speaks the person's language.
        self.style_box.setCurrentIndex(0 if t.language == "fr" else 1)
        self._build()
        self.choose("acts")

    # -- what the person picks -------------------------------------------------------
    def choose(self, what: str) -> None:
        self.radios[what].setChecked(True)
        self._update()

    def chosen(self) -> str:
        return next(key for key, radio in self.radios.items() if radio.isChecked())

    def suggested_name(self) -> str:
        what = self.chosen()
        suffix = next(s for key, _label, s, _filter in WHAT if key == what)
        stem = "carnet" if what in ("xlsx", "json") else f"carnet-{what}"
        return f"{stem}-{self._today.isoformat()}.{suffix}"

    def export(self) -> bool:
        """Ask for the file, then write it; ``False`` if cancelled or refused."""
        what = self.chosen()
        name_filter = next(f for key, _label, _s, f in WHAT if key == what)
        path, _ = QFileDialog.getSaveFileName(
            self, self._t.gettext("Export to"), self.suggested_name(), self._t.gettext(name_filter)
        )
        if not path:
            return False
        language = str(self.style_box.currentData())
        if self._write(ExportChoice(what, language, Path(path))):
            self.accept()
            return True
        return False

    # -- building --------------------------------------------------------------------
    def _build(self) -> None:
        t = self._t
        intro = QLabel(
            t.gettext(
                "Export the log for a spreadsheet, or as a complete copy that Carnet can "
                "load again. Cells that a spreadsheet would run as formulas are written as "
                "plain text."
            )
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        for key, label, _suffix, _filter in WHAT:
            radio = QRadioButton(t.gettext(label))
            radio.setAccessibleName(t.gettext(label))
            radio.toggled.connect(self._update)
            self.choices.addButton(radio)
            self.radios[key] = radio
            layout.addWidget(radio)
        form = QFormLayout()
        form.addRow(t.gettext("CSV layout"), self.style_box)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton(
            t.gettext("Export…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _update(self) -> None:
        checked = [key for key, radio in self.radios.items() if radio.isChecked()]
        # Only CSV files have separators and decimal marks to choose.
        self.style_box.setEnabled(bool(checked) and checked[0] in CSV_KINDS)


class ExportWriter(Protocol):
    """The export service, as this dialog needs it."""

    def write(self, what: str, language: str, out: Path) -> int: ...


def writer(
    exports: ExportWriter, t: Translator, parent: QWidget, done: Callable[[str], None]
) -> Write:
    """What **Export…** runs: the service writes, refusals and disk errors are shown."""

    def write(choice: ExportChoice) -> bool:
        try:
            size = exports.write(choice.what, choice.language, choice.file)
        except CarnetError as exc:
            show_error(parent, t, exc)
            return False
        except OSError as exc:  # a full disk, a folder one may not write to
            text = t.gettext("Carnet could not write {file}: {reason}")
            reason = exc.strerror or str(exc)
            QMessageBox.warning(
                parent, t.gettext("Export"), text.format(file=choice.file, reason=reason)
            )
            return False
        size_text = t.ngettext("{n} byte", "{n} bytes", size).format(n=t.number(Decimal(size)))
        done(t.gettext("Exported to {file} ({size})").format(file=choice.file, size=size_text))
        return True

    return write
