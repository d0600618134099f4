"""CSV exports that stray from their bank's usual convention, as re-saved or changed
exports do (docs/bank-formats.md §1.1): the amounts must keep their meaning."""

from __future__ import annotations

from datetime import date

from carnet.bank import parse_statement


def test_a_signed_debit_in_a_credit_agricole_file_is_still_money_out() -> None:
    """Crédit Agricole writes its Débit column unsigned; a re-saved file may sign it."""
    text = (
        "Date;Libellé;Débit Euros;Crédit Euros;\r\n"
        "05/11/2026;PRELEVEMENT HARMONIE MUTUELLE COTISATION;-54,20;;\r\n"
        "16/11/2026;VIREMENT EN VOTRE FAVEUR HARMONIE MUTUELLE;;28,50;\r\n"
    )
    statement = parse_statement(text.encode("cp1252"), "ca.csv")
    assert [(line.date, line.amount_cents) for line in statement.lines] == [
        (date(2026, 11, 5), -5420),
        (date(2026, 11, 16), 2850),
    ]


def test_an_unsigned_debit_in_a_credit_mutuel_file_is_still_money_out() -> None:
    """Crédit Mutuel signs its Débit column; an export without the minus must not turn a
    premium into a credit (it would then pass for the mutuelle's reimbursement)."""
    text = (
        "Date;Date de valeur;Débit;Crédit;Libellé;Solde\r\n"
        "05/11/2026;05/11/2026;54,20;;PRLV SEPA HARMONIE MUTUELLE COTISATION;2489,65\r\n"
        "16/11/2026;16/11/2026;;28,50;VIR INST HARMONIE MUTUELLE;2518,15\r\n"
    )
    statement = parse_statement(text.encode("iso8859_15"), "cm.csv")
    assert statement.format == "csv:credit-mutuel"
    assert [line.amount_cents for line in statement.lines] == [-5420, 2850]
