"""Bank accounts, imported transactions and their settlement of expected payments."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from carnet.domain.ids import (
    BankAccountId,
    ExpectedPaymentId,
    ImportId,
    SettlementId,
    TransactionId,
)
from carnet.domain.money import Cents


class PayerType(StrEnum):
    CPAM = "cpam"
    COMPLEMENTARY = "complementary"


class SettlementState(StrEnum):
    PROPOSED = "proposed"
    CONFIRMED = "confirmed"


@dataclass(frozen=True, slots=True)
class BankAccountInput:
    """An account as a form or the CLI gives it; :class:`BankAccount` adds the id."""

    name: str
    iban: str = ""
    bank: str = ""


@dataclass(frozen=True, slots=True)
class BankAccount(BankAccountInput):
    id: BankAccountId = field(kw_only=True)


@dataclass(frozen=True, slots=True)
class BankTransaction:
    id: TransactionId
    account_id: BankAccountId
    date: date
    amount_cents: Cents
    label: str
    counterparty: str = ""
    bank_ref: str = ""
    fingerprint: str = ""
    payer_type: PayerType | None = None
    health: bool = False
    import_id: ImportId | None = None


@dataclass(frozen=True, slots=True)
class StatementImport:
    """One file imported into an account, with what it added."""

    id: ImportId
    account_id: BankAccountId
    file_name: str
    file_sha256: str
    format: str
    first_date: date | None = None
    last_date: date | None = None
    added: int = 0
    duplicates: int = 0


@dataclass(frozen=True, slots=True)
class Settlement:
    id: SettlementId
    transaction_id: TransactionId
    expected_payment_id: ExpectedPaymentId
    amount_cents: Cents
    state: SettlementState = SettlementState.PROPOSED
