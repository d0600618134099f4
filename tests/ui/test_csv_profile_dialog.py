"""An unknown bank CSV is described once in a dialog, then imported like a known bank's."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from carnet.app import build_services
from carnet.i18n import Translator
from carnet.ui.dialogs.import_dialog import ImportDialog

UNKNOWN = (
    "Relevé du compte 0001\r\nDate op;Libellé;Débit;Crédit\r\n"
    "03/11/2026;VIR CPAM DE PARIS;;19,00\r\n04/11/2026;CB MONOPRIX;23,10;\r\n"
).encode("cp1252")


def test_describe_an_unknown_csv_then_import_it(qtbot: QtBot, tmp_path: Path) -> None:
    services = build_services(tmp_path / "t.sqlite", today=lambda: date(2026, 11, 28))
    statement = tmp_path / "releve.csv"
    statement.write_bytes(UNKNOWN)
    dialog = ImportDialog(services, Translator("en"), statement)
    qtbot.addWidget(dialog)
    assert "unknown format" in dialog.error_text()
    assert not dialog.describe_button.isHidden()
    describe = dialog.describe_csv()
    qtbot.addWidget(describe)
    describe.name.setText("Ma banque")
    describe.skip.setValue(2)
    describe.amount_col.setValue(0)
    describe.debit_col.setValue(3)
    describe.credit_col.setValue(4)
    # A Débit value is money out whatever its sign: the form asks nothing about it.
    assert not hasattr(describe, "debit_sign")
    describe._save()
    assert describe.mapping is not None
    assert dialog.report is not None and dialog.report.format == "csv:Ma banque"
    amounts = [line.line.amount_cents for line in dialog.report.lines]
    assert amounts == [1900, -2310]
    assert dialog.import_button.isEnabled()
    services.close()


def test_a_bad_description_says_why(qtbot: QtBot, tmp_path: Path) -> None:
    services = build_services(tmp_path / "t.sqlite", today=lambda: date(2026, 11, 28))
    statement = tmp_path / "releve.csv"
    statement.write_bytes(UNKNOWN)
    dialog = ImportDialog(services, Translator("en"), statement)
    qtbot.addWidget(dialog)
    describe = dialog.describe_csv()
    qtbot.addWidget(describe)
    describe.name.setText("Ma banque")
    describe.amount_col.setValue(0)  # neither an amount nor debit/credit columns
    describe._save()
    assert "amount column" in describe.error_label.text()
    assert services.bank.csv_profiles() == []
    services.close()
