"""The retired ``debit_sign`` of a CSV profile: gone from the CLI and the form, still read.

Since a Débit value became money out whatever its sign (commit 1ef0fb9, bank-formats.md
§1.1: Crédit Agricole writes the column unsigned, Crédit Mutuel, Fortuneo and BPCE
signed), saying how a bank writes it changed nothing: the option was removed. A profile
saved before still carries ``debit_sign = "…"`` in the settings table and must load.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

from carnet.app import Services
from carnet.bank import CsvMapping
from carnet.main import main
from carnet.services.bank_import import PROFILE_PREFIX
from tests.hostile.test_hostile_cli import carnet

# A profile as `carnet csv-profile --debit-sign positive` saved it before the removal.
OLD_PROFILE = (
    'name = "Ma banque"\ndate = 0\nlabel = [1]\ndebit = 2\ncredit = 3\n'
    'debit_sign = "positive"\nseparator = ";"\nskip_rows = 1\n'
)
# One unsigned debit (Crédit Agricole's way), one signed (Crédit Mutuel's), one credit.
STATEMENT = (
    "Date;Libellé;Débit;Crédit\r\n03/11/2026;PRLV SEPA HARMONIE MUTUELLE;45,20;\r\n"
    "04/11/2026;CB PHARMACIE;-12,30;\r\n05/11/2026;VIR CPAM DE PARIS;;19,00\r\n"
).encode("cp1252")


def test_an_old_profile_with_debit_sign_still_loads(services: Services) -> None:
    with services.store.transaction("old profile"):
        services.store.settings.set(PROFILE_PREFIX + "Ma banque", OLD_PROFILE)
    (profile,) = services.bank.csv_profiles()
    assert (profile.name, profile.debit, profile.credit) == ("Ma banque", 2, 3)
    assert "debit_sign" not in profile.to_toml()  # saving it again drops the key
    report = services.bank.import_file(STATEMENT, "releve.csv").value
    assert report.format == "csv:Ma banque"
    assert [line.line.amount_cents for line in report.lines] == [-4520, -1230, 1900]


@pytest.mark.parametrize("sign", ["positive", "negative", "auto"])
def test_every_old_value_loads_the_same(sign: str) -> None:
    text = OLD_PROFILE.replace('"positive"', f'"{sign}"')
    assert CsvMapping.from_toml(text) == CsvMapping.from_toml(
        OLD_PROFILE.replace('debit_sign = "positive"\n', "")
    )


def test_other_unknown_keys_are_still_refused() -> None:
    with pytest.raises(ValueError, match="debit_signe"):
        CsvMapping.from_toml(OLD_PROFILE.replace("debit_sign", "debit_signe"))


def test_the_cli_no_longer_offers_the_option(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "c.sqlite"
    args = ("--date", "0", "--label", "1", "--debit", "2", "--credit", "3")
    status, err = carnet(capsys, db, "csv-profile", "B", *args, "--debit-sign", "positive")
    assert status == 2 and "--debit-sign" in err
    main(["--db", str(db), "csv-profile", "B", *args])
    assert "Saved the CSV profile 'B'" in capsys.readouterr().out
    with contextlib.suppress(SystemExit):
        main(["--db", str(db), "csv-profile", "--help"])
    shown = capsys.readouterr().out
    assert "--debit " in shown and "--debit-sign" not in shown
