"""Idempotent imports: same file twice or overlapping exports add nothing twice."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from carnet.bank import StatementLine, fingerprint_lines, parse_statement
from carnet.domain.money import Cents

DATA = Path(__file__).resolve().parents[1] / "data" / "bank"


def line(day: int, cents: int, label: str, ref: str | None = None) -> StatementLine:
    return StatementLine(date(2025, 3, day), Cents(cents), label, bank_ref=ref)


def test_reimporting_the_same_file_gives_the_same_fingerprints() -> None:
    data = (DATA / "credit_agricole.csv").read_bytes()
    first = fingerprint_lines("acct", parse_statement(data, "a.csv").lines)
    again = fingerprint_lines("acct", parse_statement(data, "a.csv").lines)
    assert first == again
    assert len(set(first)) == len(first)


def test_two_genuine_identical_rows_stay_two() -> None:
    rows = [line(5, 2500, "VIR CPAM"), line(5, 2500, "VIR CPAM")]
    prints = fingerprint_lines("acct", rows)
    assert len(set(prints)) == 2


def test_overlapping_exports_add_only_the_new_rows() -> None:
    earlier = [line(1, 100, "A"), line(5, 2500, "VIR CPAM")]  # exported on the 5th, midday
    later = [line(5, 2500, "VIR CPAM"), line(5, 2500, "VIR  cpam"), line(6, -300, "B")]
    known = set(fingerprint_lines("acct", earlier))
    new = [fp for fp in fingerprint_lines("acct", later) if fp not in known]
    assert len(new) == 2  # the second CPAM credit of the 5th, and the 6th


def test_label_rewrapping_does_not_matter_but_the_account_does() -> None:
    a = fingerprint_lines("acct", [line(5, 100, "VIREMENT EN VOTRE FAVEUR\nCPAM")])
    b = fingerprint_lines("acct", [line(5, 100, "Virement en votre faveur  CPAM")])
    c = fingerprint_lines("other", [line(5, 100, "Virement en votre faveur  CPAM")])
    assert a == b != c


def test_bank_references_win_over_content() -> None:
    a = fingerprint_lines("acct", [line(5, 100, "X", "FIT1")])
    b = fingerprint_lines("acct", [line(6, 100, "Y changed", "FIT1")])
    assert a == b
    ofx = parse_statement((DATA / "xml_v2.ofx").read_bytes(), "x.ofx").lines
    prints = fingerprint_lines("acct", ofx)
    assert len(set(prints)) == 3  # two identical 41,20 credits, distinct FITIDs


def test_a_row_fingerprint_starts_with_its_day_and_a_reference_s_does_not() -> None:
    # The day first keeps the database's unique index of fingerprints in date order.
    row, ref = fingerprint_lines("acct", [line(5, 100, "VIR CPAM"), line(6, 100, "X", "FIT1")])
    day, _, digest = row.partition("/")
    assert day == "2025-03-05"
    assert len(digest) == 32 and int(digest, 16) >= 0
    assert "/" not in ref and len(ref) == 32
