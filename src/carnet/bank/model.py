"""What every importer returns: a statement made of booked lines, money in cents."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from carnet.domain.messages import Message
from carnet.domain.money import Cents


class StatementLine(NamedTuple):
    """One booked operation as the bank wrote it (a tuple: a statement makes many).

    ``amount_cents`` is signed from the account holder's side: credits positive.
    ``counterparty`` is the structured payer/payee name when the format has one (OFX
    ``NAME``, camt ``Dbtr/Nm``, CFONB ``NPY``), else empty; ``carnet.bank.payers``
    extracts one from the label. ``bank_ref`` is a bank-issued transaction id, only for
    formats where it is meant to be unique (OFX ``FITID``, camt references).
    ``account_id`` is set only when one file holds several accounts.
    """

    date: date
    amount_cents: Cents
    label: str
    counterparty: str = ""
    bank_ref: str | None = None
    line_no: int = 0
    account_id: str | None = None


@dataclass(frozen=True, slots=True)
class Balance:
    """A balance the file states (closing balance when several are given)."""

    amount_cents: Cents
    on: date | None = None


@dataclass(frozen=True, slots=True)
class Statement:
    """A parsed file. ``format`` is e.g. ``"ofx"`` or ``"csv:boursobank"``."""

    format: str
    lines: tuple[StatementLine, ...]
    account_id: str | None = None
    balance: Balance | None = None
    encoding: str = ""
    warnings: tuple[Message, ...] = ()

    @property
    def accounts(self) -> tuple[str, ...]:
        """Distinct account ids, in order of appearance (several for multi-account files)."""
        seen: dict[str, None] = {}
        if self.account_id:
            seen[self.account_id] = None
        for line in self.lines:
            if line.account_id:
                seen.setdefault(line.account_id, None)
        return tuple(seen)
