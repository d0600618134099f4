"""A CSV profile's columns must not contradict each other (hostile sweep of issue #20).

On main ``carnet csv-profile`` saved a profile reading the date and the amount from
one column, a ``--debit`` column without ``--credit`` (every credit then lost), the
label from the amount's column: each imported wrong figures without a word. Each is
now refused in one line naming the options (``--date and --amount``), in the window's
form as on the command line, and nothing is saved. A profile saved by an older
Carnet that breaks these rules is named when an import would use it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from carnet.app import build_services
from carnet.domain.errors import ValidationError
from carnet.i18n import Translator
from carnet.services.bank_import import PROFILE_PREFIX
from carnet.ui.dialogs.csv_profile_dialog import CsvProfileDialog
from tests.conftest import TODAY
from tests.hostile.common import one_line, snapshot
from tests.hostile.test_hostile_cli import carnet

PROFILES = {
    "date and amount in one column": (
        ("--date", "0", "--label", "1", "--amount", "0"),
        ("--date and --amount",),
    ),
    "--debit without --credit": (("--date", "0", "--label", "1", "--debit", "2"), ("--debit",)),
    "--credit without --debit": (("--date", "0", "--label", "1", "--credit", "2"), ("--credit",)),
    "debit and credit in one column": (
        ("--date", "0", "--label", "1", "--debit", "2", "--credit", "2"),
        ("--debit and --credit",),
    ),
    "the label in the amount's column": (
        ("--date", "0", "--label", "2", "--amount", "2"),
        ("--amount and --label",),
    ),
    "the label in the date's column": (
        ("--date", "0", "--label", "0", "--amount", "2"),
        ("--date and --label",),
    ),
    "one label column twice": (
        ("--date", "0", "--label", "1", "--label", "1", "--amount", "2"),
        ("--label",),
    ),
    "an amount and debit/credit": (
        ("--date", "0", "--label", "1", "--amount", "2", "--debit", "3", "--credit", "4"),
        ("amount column",),
    ),
    "a column of Arabic digits": (("--date", "٠", "--label", "1", "--amount", "2"), ("--date",)),
    "a negative column": (("--date", "-1", "--label", "1", "--amount", "2"), ("--date",)),
    "lines above of Arabic digits": (
        ("--date", "0", "--label", "1", "--amount", "2", "--skip-rows", "١"),
        ("--skip-rows",),
    ),
    "a date format with yyyy twice": (
        ("--date", "0", "--label", "1", "--amount", "2", "--date-format", "dd/mm/yyyy/yyyy"),
        ("date format",),
    ),
    "a date format with a stray character": (
        ("--date", "0", "--label", "1", "--amount", "2", "--date-format", "dd/mm/yyyy ("),
        ("date format",),
    ),
}


@pytest.mark.parametrize("kind", list(PROFILES))
def test_a_contradictory_profile_is_refused_naming_the_options(
    capsys: pytest.CaptureFixture[str], demo_db: Path, kind: str
) -> None:
    args, words = PROFILES[kind]
    before = snapshot(demo_db)
    status, err = carnet(capsys, demo_db, "csv-profile", "My bank", *args)
    assert status == 2
    line = one_line(err)
    for word in words:
        assert word in line
    assert snapshot(demo_db) == before


def test_the_window_refuses_the_same(qtbot: QtBot, demo_db: Path) -> None:
    services = build_services(demo_db, today=lambda: TODAY)
    before = snapshot(demo_db)
    try:
        dialog = CsvProfileDialog(services, Translator("en"), b"01/02/2025;VIR;12,00\n")
        qtbot.addWidget(dialog)
        dialog.name.setText("My bank")
        dialog.date_col.setValue(3)  # the amount's column (3 by default)
        dialog._save()
        assert "date and amount" in one_line(dialog.error_label.text())
        dialog.date_col.setValue(1)
        dialog.amount_col.setValue(0)
        dialog.debit_col.setValue(3)  # and no credit column
        dialog._save()
        assert "debit is given without credit" in one_line(dialog.error_label.text())
        assert dialog.mapping is None
    finally:
        services.close()
    assert snapshot(demo_db) == before


def test_a_profile_saved_before_the_rule_is_named_when_used(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "c.sqlite"
    services = build_services(db, today=lambda: TODAY)
    old = 'name = "old"\ndate = 0\nlabel = [1]\ndebit = 2\n'
    with services.store.transaction("an older Carnet saved it"):
        services.store.settings.set(PROFILE_PREFIX + "old", old)
    with pytest.raises(ValidationError) as caught:
        services.bank.csv_profiles()
    services.close()
    assert "CSV profile old" in one_line(str(caught.value))
    statement = tmp_path / "statement.csv"
    statement.write_text("01/02/2025;VIR CPAM;12,00\n", encoding="utf-8")
    before = snapshot(db)
    status, err = carnet(capsys, db, "import", str(statement))
    assert status == 1
    assert "CSV profile old" in one_line(err)
    assert snapshot(db) == before
