"""OFX 1/2, QIF, camt.053 and CFONB 120 statements."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from carnet.bank import BankFileError, detect, parse_statement
from carnet.bank.importers.cfonb120 import cfonb_amount
from carnet.bank.importers.qif import qif_date
from carnet.bank.model import Statement

DATA = Path(__file__).resolve().parents[1] / "data" / "bank"


def read(name: str) -> Statement:
    return parse_statement((DATA / name).read_bytes(), name)


def test_ofx_sgml_cp1252_decimal_comma_and_local_midnight() -> None:
    statement = read("bpce_sgml.ofx")
    assert statement.format == "ofx"
    assert statement.encoding == "cp1252"
    assert statement.account_id == "12345678901"
    first, second, third = statement.lines
    # 20250805000000[+2:CEST]: the day written in the file, not 2025-08-04 22:00 UTC.
    assert first.date == date(2025, 8, 5)
    assert first.amount_cents == 2530
    assert first.bank_ref == "25217000012345"
    assert first.counterparty == "EVI APRIL SANTE PREVOYAN"
    assert first.label == "EVI APRIL SANTE PREVOYAN 214272 0002608 APRIL ENTR."
    assert second.amount_cents == 1950
    assert third.amount_cents == -3418
    assert "SANTÉ AOÛT & PRÉVOYANCE" in third.label
    assert statement.balance is not None
    assert (statement.balance.amount_cents, statement.balance.on) == (-3418, date(2025, 8, 10))


def test_ofx_xml_v2() -> None:
    statement = read("xml_v2.ofx")
    assert [line.amount_cents for line in statement.lines] == [4120, 4120, -123456]
    assert [line.bank_ref for line in statement.lines] == ["A-1", "A-2", "A-3"]
    assert statement.lines[0].date == date(2025, 8, 5)
    assert statement.lines[0].label == "VIR SEPA HARMONIE MUTUELLE Remboursement santé"


def test_a_qif_named_file_that_is_ofx_is_read_as_ofx() -> None:
    data = (DATA / "really_ofx.qif").read_bytes()
    assert detect(data, "really_ofx.qif").name == "ofx"
    assert len(read("really_ofx.qif").lines) == 3


def test_ofx_agrees_with_ofxtools_on_amounts_and_ids() -> None:
    ofxtools = pytest.importorskip("ofxtools.Parser")
    data = (DATA / "xml_v2.ofx").read_bytes()
    # ofxtools rejects an IBAN as ACCTID (more than 22 characters): it is that strict.
    tree = ofxtools.OFXTree()
    tree.parse(io.BytesIO(data.replace(b"FR7630004000031234567890143", b"00031234567")))
    theirs = [(t.fitid, int(t.trnamt * 100)) for t in tree.convert().statements[0].transactions]
    ours = [(line.bank_ref, line.amount_cents) for line in read("xml_v2.ofx").lines]
    assert ours == theirs


def test_qif_day_first_dates_and_both_decimal_marks() -> None:
    statement = read("boursobank.qif")
    assert statement.format == "qif"
    assert [line.date for line in statement.lines] == [
        date(2025, 3, 4),
        date(2025, 3, 5),
        date(2025, 3, 6),
    ]
    assert [line.amount_cents for line in statement.lines] == [3168, -123456, -1250]
    assert statement.lines[0].label == "VIR SEPA CPAM DE L ISERE Remboursement soins été"
    assert qif_date("5/1'24") == date(2024, 1, 5)


def test_camt053_booked_only_with_references_and_parties() -> None:
    statement = read("statement.camt053.xml")
    assert statement.format == "camt.053"
    assert statement.account_id == "FR7630004000031234567890143"
    credit, debit = statement.lines  # the PDNG entry is skipped
    assert (credit.amount_cents, credit.date, credit.bank_ref) == (
        4500,
        date(2025, 3, 7),
        "BANKREF-001",
    )
    assert credit.counterparty == "CPAM DE LA GIRONDE"
    assert credit.label == "REMBOURSEMENT SOINS DU 01/03/2025"
    assert credit.line_no == 10
    assert (debit.amount_cents, debit.date, debit.counterparty) == (
        -2550,
        date(2025, 3, 8),
        "PHARMACIE DU PORT",
    )
    assert statement.warnings == ("1 pending or informative entries skipped",)
    assert statement.balance is not None and statement.balance.amount_cents == 101950


def test_camt053_refuses_entities() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]>'
        b"<Document><BkToCstmrStmt>&a;</BkToCstmrStmt></Document>"
    )
    with pytest.raises(BankFileError):
        parse_statement(bomb, "bomb.xml")


def test_cfonb120_sign_digit_convention() -> None:
    assert cfonb_amount("0000000000316H", "2") == 3168
    assert cfonb_amount("0000000000542}", "2") == -5420
    assert cfonb_amount("0000000000001J", "2") == -11
    assert cfonb_amount("0000000000012{", "0") == 12000
    statement = read("statement.cfonb120.txt")
    assert statement.format == "cfonb120"
    assert [line.amount_cents for line in statement.lines] == [3168, -5420, -10]
    first = statement.lines[0]
    assert first.date == date(2025, 3, 7)
    assert first.counterparty == "CPAM DE LA SARTHE"
    assert first.label == "VIR SEPA RECU REMBOURSEMENT SOINS"
    assert statement.balance is not None and statement.balance.amount_cents == 97738


@pytest.mark.parametrize(
    ("name", "cut", "problem"),
    [
        ("bpce_sgml.ofx", 700, "truncated"),
        ("xml_v2.ofx", 900, "truncated"),
        ("boursobank.qif", 60, "truncated"),
        ("statement.camt053.xml", 1200, "malformed XML"),
        ("statement.cfonb120.txt", 300, "truncated"),
    ],
)
def test_truncated_files_say_so(name: str, cut: int, problem: str) -> None:
    data = (DATA / name).read_bytes()[:cut]
    with pytest.raises(BankFileError) as caught:
        parse_statement(data, name)
    assert problem in caught.value.problem
    assert caught.value.file == name


def test_unknown_and_empty_files() -> None:
    with pytest.raises(BankFileError, match="unknown format"):
        parse_statement(b"hello;world\n1;2\n", "x.csv")
    with pytest.raises(BankFileError, match="empty"):
        parse_statement(b"  \n", "x.csv")
