"""Recording what a payer paid for an act: by hand, or from the lines of a décompte.

A receipt settles the act's expected payment for that payer at once (its status
becomes *paid*, whatever the amount: a shortfall is then a discrepancy, not a
late payment), and the bank transfer that brings the money later matches the
receipts' amounts. A décompte is all or nothing: one line that names no act, or
an ambiguous one, refuses the whole statement with the line and field named.
"""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date
from typing import NamedTuple

from carnet.domain import limits
from carnet.domain.changes import Changes
from carnet.domain.codes import Payer
from carnet.domain.errors import ValidationError
from carnet.domain.ids import HIGHEST_ID, ActId, PersonId, ReceiptId, ascii_digits
from carnet.domain.messages import Message
from carnet.domain.money import AmountError, Cents, parse_euros
from carnet.domain.receipts import Receipt, ReceiptSource
from carnet.domain.validation import check_field
from carnet.i18n import N_
from carnet.services.base import Result, Service

# As for a fee: an amount received beyond it is a typing mistake, not a payment.
MAX_RECEIVED_CENTS = 100_000_00
TOO_MUCH = N_("is more than 100 000 € (a typing mistake?)")
# The columns of a décompte CSV (a header line names them; ";" or "," separated).
CSV_COLUMNS = ("date_of_care", "act", "amount", "payment_date")


class DecompteLine(NamedTuple):
    """One line of a décompte: the care (date, act code or ``#id``) and what was paid."""

    care_date: date
    act: str
    amount_cents: Cents
    paid_on: date | None = None
    person_id: PersonId | None = None


class ReceivedService(Service):
    def record(
        self,
        act_id: ActId,
        payer: Payer,
        amount_cents: Cents,
        on: date | None = None,
        *,
        source: ReceiptSource = ReceiptSource.HAND,
        reference: str = "",
    ) -> Result[Receipt]:
        """Record (or correct) what ``payer`` paid for an act."""
        reference = check_field(reference, "reference", limits.NUMBER)
        act = self.store.acts.get(act_id)
        day = self._check(act.date, amount_cents, on)
        receipt = Receipt(ReceiptId(0), act_id, payer, amount_cents, day, source, reference)
        with self.store.transaction(N_("Record a payment received")):
            stored = self._put(receipt)
        return Result(stored, self._changes([act_id]))

    def forget(self, act_id: ActId, payer: Payer) -> Result[Receipt]:
        """Remove what was recorded as received (the payment is awaited again)."""
        with self.store.transaction(N_("Remove a payment received")):
            current = self.store.receipts.find(act_id, payer)
            if current is None:
                raise ValidationError(
                    "payer", N_("nothing was recorded as received for act #{number}"), number=act_id
                )
            self.store.receipts.rows.delete(current.id)
            self.store.events.record("receipt", current.id, "deleted", current)
            self.store.receipts.refresh_status([act_id])
        return Result(current, self._changes([act_id]))

    def for_act(self, act_id: ActId) -> list[Receipt]:
        return self.store.receipts.for_act(act_id)

    def decompte(
        self, payer: Payer, lines: list[DecompteLine], reference: str = ""
    ) -> Result[list[Receipt]]:
        """Record every line of a décompte, or none of them."""
        reference = check_field(reference, "reference", limits.NUMBER)
        if not lines:
            raise ValidationError("decompte", N_("the décompte has no line"))
        chosen: list[tuple[ActId, DecompteLine]] = []
        taken: set[ActId] = set()
        for number, line in enumerate(lines, 1):
            act_id = self._act_of(line, number, payer, taken)
            act = self.store.acts.get(act_id)
            self._check(act.date, line.amount_cents, line.paid_on, line=number)
            taken.add(act_id)
            chosen.append((act_id, line))
        with self.store.transaction(N_("Record a décompte")):
            stored = [
                self._put(
                    Receipt(
                        ReceiptId(0),
                        act_id,
                        payer,
                        line.amount_cents,
                        line.paid_on or self.today(),
                        ReceiptSource.DECOMPTE,
                        reference,
                    )
                )
                for act_id, line in chosen
            ]
        return Result(stored, self._changes([a for a, _ in chosen]))

    def decompte_csv(
        self, payer: Payer, text: str, name: str = "décompte", reference: str = ""
    ) -> Result[list[Receipt]]:
        """Record a décompte typed as CSV (columns :data:`CSV_COLUMNS`)."""
        return self.decompte(payer, parse_decompte_csv(text, name), reference or name)

    def _put(self, receipt: Receipt) -> Receipt:
        repo = self.store.receipts
        current = repo.find(receipt.act_id, receipt.payer)
        if current is None:
            stored = repo.rows.insert(receipt)
            self.store.events.record("receipt", stored.id, "recorded", after=stored)
        else:
            _before, stored = repo.rows.update(current.id, replace(receipt, id=current.id))
            self.store.events.record("receipt", stored.id, "corrected", current, after=stored)
        repo.refresh_status([receipt.act_id])
        return stored

    def _act_of(self, line: DecompteLine, number: int, payer: Payer, taken: set[ActId]) -> ActId:
        """The act a line is about: ``#12`` names it; else its date and code (and person)."""
        if line.act.startswith("#") and _is_id(line.act[1:]):
            act_id = ActId(int(line.act[1:]))
            if not self.store.acts.exists(act_id):
                raise _line_error(number, "act", N_("line {line}: there is no act {act}"), line.act)
            return act_id
        where = "date = ? AND upper(act_code) = upper(?)"
        params: list[object] = [line.care_date.isoformat(), line.act.strip()]
        if line.person_id is not None:
            where += " AND person_id = ?"
            params.append(line.person_id)
        candidates = [a.id for a in self.store.acts.list(where, params) if a.id not in taken]
        if len(candidates) > 1:
            # Prefer the acts whose payment from this payer is still unknown.
            open_ = [a for a in candidates if self.store.receipts.find(a, payer) is None]
            candidates = open_ or candidates
        if not candidates:
            raise _line_error(
                number,
                "act",
                N_("line {line}: no act {act} on that date of care"),
                line.act.strip(),
            )
        if len(candidates) > 1:
            raise _line_error(
                number,
                "act",
                N_("line {line}: several acts {act} on that date of care: name one as #id"),
                line.act.strip(),
            )
        return candidates[0]

    def _check(
        self, care: date, amount: Cents, on: date | None, *, line: int | None = None
    ) -> date:
        day = on or self.today()
        if amount < 0:
            raise _maybe_line(line, "amount", N_("an amount received cannot be negative"))
        if amount > MAX_RECEIVED_CENTS:
            raise _maybe_line(line, "amount", TOO_MUCH)
        if day > self.today():
            raise _maybe_line(line, "date", N_("the payment date is in the future"))
        if day < care:
            raise _maybe_line(line, "date", N_("the payment date is before the care"))
        return day

    def _changes(self, act_ids: list[ActId]) -> Changes:
        payments = {p.id for a in act_ids for p in self.store.payments.for_act(a)}
        return Changes(acts=frozenset(act_ids), payments=frozenset(payments))


def check_received(amount: Cents, field: str) -> None:
    """An amount received: not negative, not beyond any fee (also for load-json)."""
    if amount < 0:
        raise ValidationError(field, N_("an amount received cannot be negative"))
    if amount > MAX_RECEIVED_CENTS:
        raise ValidationError(field, TOO_MUCH)


def _line_error(number: int, field: str, template: str, act: str) -> ValidationError:
    return ValidationError(field, template, line=number, act=act)


def _maybe_line(line: int | None, field: str, template: str) -> ValidationError:
    if line is None:
        return ValidationError(field, template)
    return ValidationError(
        field, N_("line {line}: {problem}"), line=line, problem=Message.inner(template)
    )


def parse_decompte_csv(text: str, name: str) -> list[DecompteLine]:
    """Lines of a décompte CSV; a bad cell names the file, line and column."""
    sample = text[:2048]
    delimiter = ";" if sample.count(";") >= sample.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in CSV_COLUMNS[:3] if c not in header]
    if missing:
        raise ValidationError(
            "header",
            N_("{file}: the header must name the columns {columns} (missing: {missing})"),
            file=name,
            columns=", ".join(CSV_COLUMNS),
            missing=", ".join(missing),
        )
    lines: list[DecompteLine] = []
    for number, raw in enumerate(reader, 2):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items()}
        lines.append(_csv_line(row, name, number))
    return lines


def _csv_line(row: dict[str, str], name: str, number: int) -> DecompteLine:
    def fail(column: str) -> ValidationError:
        return ValidationError(
            column,
            N_("{file}, line {line}, column {column}: “{value}” cannot be read"),
            file=name,
            line=number,
            column=column,
            value=row.get(column, ""),
        )

    try:
        care = date.fromisoformat(row["date_of_care"])
    except ValueError:
        raise fail("date_of_care") from None
    try:
        amount = parse_euros(row["amount"])
    except AmountError:
        raise fail("amount") from None
    paid: date | None = None
    if row.get("payment_date"):
        try:
            paid = date.fromisoformat(row["payment_date"])
        except ValueError:
            raise fail("payment_date") from None
    if not row["act"]:
        raise fail("act")
    person = (row.get("person") or "").strip()
    if person and not _is_id(person):
        raise fail("person")  # "١" or "1_0" would name another person
    return DecompteLine(care, row["act"], amount, paid, PersonId(int(person)) if person else None)


def _is_id(text: str) -> bool:
    """Plain digits 0-9 within SQLite's integers (``"#²"`` or ``"#١٢"`` is no act's id)."""
    return ascii_digits(text) and int(text) <= HIGHEST_ID
