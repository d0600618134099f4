"""Each bank's CSV, written as bytes in its real layout and encoding (tests/data/bank)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from carnet.bank import BankFileError, CsvMapping, detect, parse_statement
from carnet.bank.importers.csv_profiles import PROFILES
from carnet.bank.model import Statement

DATA = Path(__file__).resolve().parents[1] / "data" / "bank"


def read(name: str) -> Statement:
    return parse_statement((DATA / name).read_bytes(), name)


def amounts(statement: Statement) -> list[int]:
    return [line.amount_cents for line in statement.lines]


@pytest.mark.parametrize(
    ("name", "profile"),
    [
        ("boursobank.csv", "csv:boursobank"),
        ("credit_agricole.csv", "csv:credit-agricole"),
        ("societe_generale.csv", "csv:societe-generale"),
        ("bnp.csv", "csv:bnp-paribas"),
        ("bnp_headerless.csv", "csv:bnp-paribas-headerless"),
        ("bpce.csv", "csv:bpce"),
        ("credit_mutuel.csv", "csv:credit-mutuel"),
        ("banque_postale.csv", "csv:banque-postale"),
        ("lcl.csv", "csv:lcl"),
        ("fortuneo.csv", "csv:fortuneo"),
        ("n26.csv", "csv:n26"),
        ("revolut.csv", "csv:revolut"),
    ],
)
def test_each_bank_is_detected_by_content(name: str, profile: str) -> None:
    data = (DATA / name).read_bytes()
    assert detect(data, name).name == profile
    assert detect(data, "renamed.bin").name == profile  # never by extension alone


def test_boursobank_utf8_bom_iso_dates() -> None:
    statement = read("boursobank.csv")
    assert statement.encoding == "utf-8-sig"
    assert statement.lines[0].date == date(2025, 3, 4)
    assert statement.lines[0].label == "VIR SEPA CPAM DE L ISERE"
    assert amounts(statement) == [3168, -5420, -1290, 120000]
    assert statement.lines[3].label.endswith("Loyer été")
    assert statement.account_id == "00040123456"


def test_credit_agricole_preamble_multiline_labels_two_accounts() -> None:
    statement = read("credit_agricole.csv")
    assert statement.encoding == "cp1252"
    assert amounts(statement) == [2300, -6240, -450, 234567, 1234]
    first = statement.lines[0]
    assert (
        first.label == "VIREMENT EN VOTRE FAVEUR CPAM DE LA SARTHE REMBOURSEMENT SOINS 123456789012"
    )
    assert first.line_no == 9
    assert "CAFE DE L'ÉTÉ" in statement.lines[2].label
    assert statement.accounts == ("12345678901", "98765432100")
    assert statement.lines[-1].account_id == "98765432100"


def test_credit_agricole_single_section_keeps_its_balance() -> None:
    data = (DATA / "credit_agricole.csv").read_bytes()
    first_section = data[: data.index("Téléchargement".encode("cp1252"), 10)]
    statement = parse_statement(first_section, "ca.csv")
    assert statement.balance is not None
    assert statement.balance.amount_cents == 123456
    assert statement.balance.on == date(2025, 3, 10)


def test_societe_generale_account_balance_and_detail_label() -> None:
    statement = read("societe_generale.csv")
    assert statement.account_id == "00050987654"
    assert statement.balance is not None and statement.balance.amount_cents == 123456
    assert amounts(statement) == [1950, -4810, -320]
    assert statement.lines[0].label.startswith("VIR RECU 9604881985018 DE: CPAM DE MOSELLE")
    assert statement.lines[2].label.endswith("BOULANGERIE é")


def test_bnp_html_entities_and_trailing_minus() -> None:
    statement = read("bnp.csv")
    assert statement.account_id == "****1234"
    assert amounts(statement) == [1230, -7500, -450]
    assert "CAFÉ" in statement.lines[2].label


def test_bnp_headerless() -> None:
    statement = read("bnp_headerless.csv")
    assert amounts(statement) == [2500, -3999]
    assert statement.account_id == "****5678"


def test_bpce_signed_debit_and_plus_credit() -> None:
    statement = read("bpce.csv")
    assert amounts(statement) == [3168, -4500]
    assert statement.lines[1].label == "PRLV SEPA APRIL SANTE PREVOYANCE Cotisation fevrier"


def test_credit_mutuel_latin9_euro_and_crlf() -> None:
    statement = read("credit_mutuel.csv")
    assert statement.encoding == "iso8859_15"
    assert statement.lines[1].label == "F COTIS EUROCOMPTE 2 €"
    assert amounts(statement) == [11249, -200, 31000]


def test_banque_postale_preamble_nbsp_thousands() -> None:
    statement = read("banque_postale.csv")
    assert statement.account_id == "0123456A020"
    assert statement.balance is not None and statement.balance.amount_cents == 188761
    assert amounts(statement) == [4560, -107500, 15000]


def test_fortuneo_loose_decimals() -> None:
    assert amounts(read("fortuneo.csv")) == [4500, -640]


def test_lcl_positional() -> None:
    statement = read("lcl.csv")
    assert amounts(statement) == [2300, -1520]
    assert statement.lines[0].label == "VIR SEPA CPAM DE PARIS"


def test_n26_and_revolut() -> None:
    n26 = read("n26.csv")
    assert amounts(n26) == [2740, -350]
    assert n26.lines[0].counterparty == "CPAM DE PARIS"
    revolut = read("revolut.csv")
    assert amounts(revolut) == [1800, -2050]  # pending row skipped, 0,50 fee deducted
    assert revolut.warnings


def test_profiles_round_trip_through_dict_and_toml() -> None:
    for profile in PROFILES:
        assert CsvMapping.from_dict(profile.to_dict()) == profile
        assert CsvMapping.from_toml(profile.to_toml()) == profile


def test_a_saved_user_mapping_reads_an_unknown_bank() -> None:
    data = "Relevé Banque X\n\nJour|Texte|Sortie|Entrée\n03.02.2025|VIR CPAM 75|  |12,50\n".encode(
        "cp1252"
    )
    with pytest.raises(BankFileError):
        detect(data, "x.csv")
    mapping = CsvMapping(
        name="banque-x",
        separator="|",
        date_format="dd.mm.yyyy",
        header=("jour", "texte", "sortie", "entree"),
        date="jour",
        label=("texte",),
        debit="sortie",
        credit="entree",
    )
    saved = CsvMapping.from_toml(mapping.to_toml())
    statement = parse_statement(data, "x.csv", [saved])
    assert statement.format == "csv:banque-x"
    assert amounts(statement) == [1250]
    assert statement.lines[0].date == date(2025, 2, 3)


def test_mapping_validation() -> None:
    with pytest.raises(ValueError, match="either"):
        CsvMapping(name="x", date=0, label=(1,))
    with pytest.raises(ValueError, match="indexes"):
        CsvMapping(name="x", date="date", label=(1,), amount=2)
    with pytest.raises(ValueError, match="unknown"):
        CsvMapping.from_dict({"name": "x", "date": 0, "label": [1], "amount": 2, "bogus": 1})


def test_a_malformed_row_names_file_and_line() -> None:
    data = (DATA / "fortuneo.csv").read_bytes() + "32/13/2025;x;y;-1,00;;\r\n".encode("cp1252")
    with pytest.raises(BankFileError) as caught:
        parse_statement(data, "fortuneo.csv")
    assert caught.value.file == "fortuneo.csv"
    assert caught.value.line == 4
    assert "date" in caught.value.problem
