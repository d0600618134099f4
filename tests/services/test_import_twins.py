"""The same operations exported in two formats: the second import says so.

A statement read again is recognised by its fingerprints, but an OFX names its lines by
the bank's reference and a CSV by their text, so the same operations exported in both
formats would be counted twice (and a copy of a reimbursement could be matched to
another act). The import counts the new lines whose day and amount a statement of
another format already brought to the account, and the CLI and the window warn.
The two files are the same three weeks of one household, typed in each bank's layout.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from carnet.app import Services
from carnet.cli import cli
from carnet.domain.banking import BankAccountInput

REAL = Path(__file__).resolve().parents[1] / "data" / "bank_real"


def test_the_same_operations_in_another_format_are_counted(services: Services) -> None:
    first = services.bank.import_path(REAL / "boursobank.csv").value
    assert (first.added, first.twins) == (8, 0)
    second = services.bank.import_path(REAL / "bpce_sgml.ofx").value
    assert (second.added, second.twins) == (8, 8)


def test_a_statement_read_again_is_known_not_twinned(services: Services) -> None:
    services.bank.import_path(REAL / "boursobank.csv")
    again = services.bank.import_path(REAL / "boursobank.csv").value
    assert (again.added, again.duplicates, again.twins) == (0, 8, 0)


def test_another_account_has_no_twins(services: Services) -> None:
    services.bank.import_path(REAL / "boursobank.csv")
    services.household.add_bank_account(BankAccountInput(name="Compte de Léa"))
    other = services.bank.import_path(REAL / "bpce_sgml.ofx", "Compte de Léa").value
    assert (other.added, other.twins) == (8, 0)


def test_the_command_warns_and_its_json_counts(tmp_path: Path) -> None:
    db = str(tmp_path / "carnet.sqlite")
    runner = CliRunner()
    runner.invoke(cli, ["--db", db, "import", str(REAL / "boursobank.csv")], catch_exceptions=False)
    done = runner.invoke(cli, ["--db", db, "import", str(REAL / "bpce_sgml.ofx")])
    assert done.exit_code == 0
    assert "warning: 8 of these lines have the same day and amount" in done.stderr
    again = runner.invoke(cli, ["--db", db, "import", str(REAL / "boursobank.qif"), "--json"])
    assert json.loads(again.stdout)["same_day_and_amount_in_another_format"] == 8
